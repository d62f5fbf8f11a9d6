package io.polycodec.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.schema.Quantization;
import org.junit.jupiter.api.Test;

/**
 * FP16 vector decoding (a table lookup since issue 23) checked over all 65,536 halves: bit for bit
 * against {@link Float16#toFloat}, and by value against binary16's definition computed here
 * independently, at an odd offset so that the little-endian reads are unaligned.
 */
class Float16DecodeTest {

  /** binary16 by its definition: (-1)^s × 2^(e-15) × 1.m, 2^-14 × 0.m when e = 0, Inf/NaN when e = 31. */
  private static float definition(int h) {
    int sign = h >>> 15;
    int e = (h >>> 10) & 0x1F;
    int m = h & 0x3FF;
    double magnitude;
    if (e == 0x1F) {
      magnitude = m == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    } else if (e == 0) {
      magnitude = Math.scalb((double) m, -24);
    } else {
      magnitude = Math.scalb(1024.0 + m, e - 25);
    }
    return (float) (sign == 1 ? -magnitude : magnitude);
  }

  @Test
  void everyHalfDecodesToTheSameBitsAsTheScalarConversionAndToItsValue() {
    int offset = 3;
    byte[] bytes = new byte[offset + 2 * 0x10000];
    for (int h = 0; h < 0x10000; h++) {
      bytes[offset + 2 * h] = (byte) h;
      bytes[offset + 2 * h + 1] = (byte) (h >>> 8);
    }
    float[] out = new float[0x10000];
    VectorBytes.decode(bytes, offset, Quantization.FP16, out);
    for (int h = 0; h < 0x10000; h++) {
      String half = Integer.toHexString(h);
      assertEquals(Float.floatToRawIntBits(Float16.toFloat((short) h)), Float.floatToRawIntBits(out[h]), half);
      float expected = definition(h);
      if (Float.isNaN(expected)) {
        assertTrue(Float.isNaN(out[h]), half + " is NaN");
        // The payload's 10 bits are kept in the float's top mantissa bits, with the sign.
        assertEquals((h & 0x3FF) << 13, Float.floatToRawIntBits(out[h]) & 0x7F_FFFF, half + " payload");
        assertEquals(h >>> 15, Float.floatToRawIntBits(out[h]) >>> 31, half + " sign");
      } else {
        // Bits, not ==, so that -0.0 and 0.0 differ.
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[h]), half);
      }
    }
  }
}
