package io.polycodec.schema;

/**
 * How a {@code float32} vector is stored. Decoding always yields {@code float[]}; a quantized field
 * round-trips within the bound stated per constant rather than exactly.
 */
public enum Quantization {
  /** Four bytes per element, exact. */
  NONE,
  /** IEEE 754 binary16, two bytes per element, round-to-nearest-even; relative error at most 2^-11 in the normal range. */
  FP16,
  /** bfloat16 (the top half of binary32), two bytes per element, round-to-nearest-even; relative error at most 2^-8. */
  BF16,
  /** Symmetric 8-bit integers with one float scale per vector: one byte per element plus four; absolute error at most scale/2. */
  INT8
}
