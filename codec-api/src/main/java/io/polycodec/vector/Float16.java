package io.polycodec.vector;

/**
 * IEEE 754 binary16 ("half") conversions, bit-exact with round-to-nearest-even (the same results as
 * {@code Float.floatToFloat16}/{@code float16ToFloat} of Java 20+ for every non-NaN input). Overflow
 * gives ±Infinity, underflow ±0 or a subnormal; NaN stays NaN (payload bits kept where they fit).
 */
public final class Float16 {
  private Float16() {}

  /** The binary16 bits nearest to {@code f} (ties to even). */
  public static short fromFloat(float f) {
    int bits = Float.floatToRawIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int exp = (bits >>> 23) & 0xFF;
    int mant = bits & 0x7F_FFFF;
    if (exp == 0xFF) {
      if (mant == 0) {
        return (short) (sign | 0x7C00);
      }
      int m = mant >>> 13;
      return (short) (sign | 0x7C00 | (m == 0 ? 0x200 : m));
    }
    int unbiased = exp - 127;
    if (unbiased > 15) {
      return (short) (sign | 0x7C00);
    }
    if (unbiased >= -14) {
      int h = ((unbiased + 15) << 10) | (mant >>> 13);
      int rest = mant & 0x1FFF;
      // A carry out of the mantissa correctly bumps the exponent, up to 0x7C00 (Infinity).
      if (rest > 0x1000 || (rest == 0x1000 && (h & 1) != 0)) {
        h++;
      }
      return (short) (sign | h);
    }
    if (unbiased < -25) {
      return (short) sign;
    }
    // Subnormal half: count units of 2^-24.
    int full = 0x80_0000 | mant;
    int shift = -unbiased - 1;
    int h = full >>> shift;
    int rest = full & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    if (rest > half || (rest == half && (h & 1) != 0)) {
      h++;
    }
    return (short) (sign | h);
  }

  /** The float whose binary16 bits are {@code h} (exact: every half is a float). */
  public static float toFloat(short h) {
    int sign = (h & 0x8000) << 16;
    int exp = (h >>> 10) & 0x1F;
    int mant = h & 0x3FF;
    if (exp == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F80_0000 | (mant << 13));
    }
    if (exp == 0) {
      float v = mant * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }
}
