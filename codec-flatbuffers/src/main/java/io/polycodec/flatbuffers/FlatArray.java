package io.polycodec.flatbuffers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code List} component of a {@link FlatStruct} record as a FlatBuffers fixed-size array
 * ({@code [int:2]}, {@code [Vec3:4]}): exactly {@link #value()} elements inline in the struct. Encoding a
 * list of another length is an {@link io.polycodec.EncodeException}. Other formats ignore it and encode
 * an ordinary list. For schemas without Java types, see {@link FlatLayout.Builder#array}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface FlatArray {
  /** The array's length, 1 to 65535 (flatc's limit). */
  int value();
}
