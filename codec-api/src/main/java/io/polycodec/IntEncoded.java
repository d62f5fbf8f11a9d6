package io.polycodec;

import io.polycodec.schema.IntEncoding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the wire encoding of an integer component (or of the elements of a {@code List<Integer>} or
 * {@code List<Long>}) where the format offers one: {@code @IntEncoded(IntEncoding.ZIGZAG) int delta}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface IntEncoded {
  /** The encoding. */
  IntEncoding value();
}
