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
    int abs = bits & 0x7FFF_FFFF;
    int h;
    // One predictable branch for the common case (normal halves); vectors of real data rarely leave it.
    if (abs >= 0x3880_0000 && abs < 0x4780_0000) {
      // 2^-14 <= |f| < 2^16: rebias the exponent and round the 13 dropped bits to nearest even in one
      // addition (0xFFF plus the lowest kept bit); a carry out of the mantissa correctly bumps the
      // exponent, up to 0x7C00 (Infinity) for |f| >= 65520.
      h = (abs + (((15 - 127) << 23) + 0xFFF) + ((abs >>> 13) & 1)) >>> 13;
    } else if (abs < 0x3880_0000) {
      // Below the smallest normal half: adding 0.5 makes the float unit in the last place 2^-24, the
      // subnormal half's unit, so the float addition itself rounds to nearest even; what remains above
      // 0.5 is the half's bit pattern (0x0400 when it rounds up to the smallest normal).
      h = Float.floatToRawIntBits(Float.intBitsToFloat(abs) + 0.5f) - 0x3F00_0000;
    } else if (abs > 0x7F80_0000) {
      int m = (abs & 0x7F_FFFF) >>> 13;
      h = 0x7C00 | (m == 0 ? 0x200 : m);
    } else {
      h = 0x7C00;
    }
    return (short) (sign | h);
  }

  /** The float whose binary16 bits are {@code h} (exact: every half is a float). */
  public static float toFloat(short h) {
    int sign = (h & 0x8000) << 16;
    int abs = h & 0x7FFF;
    // Normal halves (exponent neither 0 nor 31) in one unsigned range check: rebias the exponent.
    if (abs - 0x0400 + Integer.MIN_VALUE < 0x7800 + Integer.MIN_VALUE) {
      return Float.intBitsToFloat(sign | ((abs << 13) + (112 << 23)));
    }
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
