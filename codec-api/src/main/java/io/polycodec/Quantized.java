package io.polycodec;

import io.polycodec.schema.Quantization;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a {@code float[]} component quantized: {@code @Quantized(Quantization.FP16) float[] embedding}.
 * Decoding yields a {@code float[]} within the error bound of the chosen {@link Quantization}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Quantized {
  /** The storage. */
  Quantization value();
}
