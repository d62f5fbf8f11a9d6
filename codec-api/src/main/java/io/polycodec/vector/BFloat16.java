package io.polycodec.vector;

/**
 * bfloat16 conversions: the upper 16 bits of a binary32, rounded to nearest even. Same exponent range
 * as float (no overflow below {@code Float.MAX_VALUE} rounding), 8 significant bits: relative error at
 * most 2^-8. NaN stays NaN.
 */
public final class BFloat16 {
  private BFloat16() {}

  /** The bfloat16 bits nearest to {@code f} (ties to even). */
  public static short fromFloat(float f) {
    int bits = Float.floatToRawIntBits(f);
    if ((bits & 0x7F80_0000) == 0x7F80_0000 && (bits & 0x7F_FFFF) != 0) {
      return (short) ((bits >>> 16) | 0x40);
    }
    return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
  }

  /** The float whose bfloat16 bits are {@code b} (exact). */
  public static float toFloat(short b) {
    return Float.intBitsToFloat((b & 0xFFFF) << 16);
  }
}
