package io.polycodec.vector;

import io.polycodec.schema.Quantization;

/**
 * The error each {@link Quantization} promises, as a check: what the TCK and tests use to accept a
 * decoded vector, so that any encoder within the bound passes, not only Polycodec's own rounding.
 *
 * <ul>
 *   <li>{@code NONE}: bit-exact (NaN matches any NaN).
 *   <li>{@code FP16}: NaN stays NaN, infinities stay; magnitudes from 65520 (where rounding reaches
 *       2^16) become infinities of the same sign; in the normal range (2^-14 up) the relative error is at
 *       most 2^-11; below it the absolute error is at most 2^-25 (half the subnormal spacing).
 *   <li>{@code BF16}: as FP16 with float's range: relative error at most 2^-8 for normal floats, absolute
 *       at most 2^-134 below them, infinity from the rounding threshold above the largest bfloat16.
 *   <li>{@code INT8}: with {@code scale = max(max|v| / 127, Float.MIN_NORMAL)} (a zero vector: 0), the
 *       absolute error is at most {@code scale / 2},
 *       plus float rounding: {@code scale * 2^-12} (a scale recomputed from already quantized values),
 *       128 ulps of the scale (an encoder may round the scale up, which matters when it is subnormal) and
 *       one ulp of the decoded value (the product {@code q * scale}).
 * </ul>
 */
public final class QuantizationBounds {
  private static final float FP16_OVERFLOW = 65520f;
  private static final float BF16_OVERFLOW = Float.intBitsToFloat(0x7F7F_8000);

  private QuantizationBounds() {}

  /**
   * The index of the first element of {@code decoded} outside the bound of {@code original}, or -1 if
   * every element is within it; a length mismatch is reported at the shorter length.
   */
  public static int firstViolation(float[] original, float[] decoded, Quantization q) {
    if (original.length != decoded.length) {
      return Math.min(original.length, decoded.length);
    }
    float scale = 0f;
    if (q == Quantization.INT8) {
      for (float v : original) {
        scale = Math.max(scale, Math.abs(v));
      }
      scale = scale == 0f ? 0f : Math.max(scale / 127f, Float.MIN_NORMAL);
    }
    for (int i = 0; i < original.length; i++) {
      if (!within(original[i], decoded[i], q, scale)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code decoded} is within the bound of {@code original}; {@code int8Scale} is used for INT8 only. */
  public static boolean within(float original, float decoded, Quantization q, float int8Scale) {
    if (Float.isNaN(original)) {
      return Float.isNaN(decoded);
    }
    if (Float.isInfinite(original)) {
      return q != Quantization.INT8 && decoded == original;
    }
    float a = Math.abs(original);
    double err = Math.abs((double) decoded - original);
    switch (q) {
      case NONE:
        return Float.floatToIntBits(original) == Float.floatToIntBits(decoded);
      case FP16:
        if (a >= FP16_OVERFLOW) {
          return decoded == Math.copySign(Float.POSITIVE_INFINITY, original);
        }
        return Float.isFinite(decoded) && err <= (a < 0x1p-14f ? 0x1p-25 : a * 0x1p-11);
      case BF16:
        if (a >= BF16_OVERFLOW) {
          return decoded == Math.copySign(Float.POSITIVE_INFINITY, original);
        }
        return Float.isFinite(decoded) && err <= (a < Float.MIN_NORMAL ? 0x1p-134 : a * 0x1p-8);
      case INT8:
        return Float.isFinite(decoded)
            && err <= int8Scale * 0.5 + int8Scale * 0x1p-12 + 128.0 * Math.ulp(int8Scale) + Math.ulp(decoded);
      default:
        throw new AssertionError(q);
    }
  }
}
