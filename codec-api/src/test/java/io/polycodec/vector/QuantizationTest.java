package io.polycodec.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.schema.Quantization;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The stated bounds and sizes of quantized vectors (issue 10), on seeded data. */
class QuantizationTest {

  @Test
  void sizesOfA768FloatVector() {
    float[] v = new float[768];
    assertEquals(3072, VectorBytes.encode(v, Quantization.NONE).length);
    assertEquals(1536, VectorBytes.encode(v, Quantization.FP16).length);
    assertEquals(1536, VectorBytes.encode(v, Quantization.BF16).length);
    assertEquals(772, VectorBytes.encode(v, Quantization.INT8).length);
  }

  @Test
  void bf16RelativeErrorIsAtMostTwoToTheMinusEight() {
    SplittableRandom r = new SplittableRandom(8);
    for (int i = 0; i < 500_000; i++) {
      float f = Float.intBitsToFloat(r.nextInt());
      if (!Float.isFinite(f) || Math.abs(f) < Float.MIN_NORMAL || Math.abs(f) > 0x1.fep127f) {
        continue;
      }
      float back = BFloat16.toFloat(BFloat16.fromFloat(f));
      assertTrue(Math.abs((double) back - f) <= Math.abs((double) f) * 0x1p-8, () -> f + " -> " + back);
    }
  }

  @Test
  void bf16RoundsToNearestEvenAndKeepsSpecials() {
    // 1 + 2^-8 is halfway between bf16 1.0 and 1 + 2^-7: ties to even (1.0).
    assertEquals(1.0f, BFloat16.toFloat(BFloat16.fromFloat(1f + 0x1p-8f)));
    assertEquals(1f + 0x1p-6f, BFloat16.toFloat(BFloat16.fromFloat(1f + 0x1p-7f + 0x1p-8f)), "odd neighbour ties up");
    assertEquals(1f + 0x1p-7f, BFloat16.toFloat(BFloat16.fromFloat(1f + 0x1p-8f + 0x1p-20f)), "above halfway rounds up");
    assertTrue(Float.isNaN(BFloat16.toFloat(BFloat16.fromFloat(Float.intBitsToFloat(0x7F800001)))), "signalling NaN stays NaN");
    assertEquals(Float.NEGATIVE_INFINITY, BFloat16.toFloat(BFloat16.fromFloat(Float.NEGATIVE_INFINITY)));
    assertEquals(Float.POSITIVE_INFINITY, BFloat16.toFloat(BFloat16.fromFloat(Float.MAX_VALUE)), "rounds past the top");
    assertEquals(-0.0f, BFloat16.toFloat(BFloat16.fromFloat(-0.0f)));
  }

  @Test
  void fp16OverflowAndNaNInVectors() {
    float[] v = {70000f, -70000f, Float.NaN, 1e-9f};
    float[] back = VectorBytes.roundTrip(v, Quantization.FP16);
    assertEquals(Float.POSITIVE_INFINITY, back[0]);
    assertEquals(Float.NEGATIVE_INFINITY, back[1]);
    assertTrue(Float.isNaN(back[2]));
    assertEquals(0f, back[3]);
  }

  @Test
  void int8ErrorIsAtMostHalfAScaleStep() {
    SplittableRandom r = new SplittableRandom(127);
    for (int trial = 0; trial < 2_000; trial++) {
      float[] v = new float[1 + r.nextInt(300)];
      double magnitude = Math.pow(10, r.nextInt(-30, 30));
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) ((r.nextDouble() * 2 - 1) * magnitude);
      }
      byte[] bytes = VectorBytes.encode(v, Quantization.INT8);
      float scale = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getFloat(0);
      float[] back = VectorBytes.decode(bytes, 0, bytes.length, Quantization.INT8);
      for (int i = 0; i < v.length; i++) {
        // scale/2 from quantization, plus the float rounding of q * scale (half an ulp of the result).
        double bound = scale / 2.0 + Math.ulp(back[i]) / 2.0;
        double err = Math.abs((double) back[i] - v[i]);
        int k = i;
        assertTrue(err <= bound, () -> "element " + k + ": " + v[k] + " -> " + back[k] + " (scale " + scale + ")");
      }
    }
  }

  @Test
  void int8ZeroVectorAndRejectedValues() {
    assertArrayEquals(new float[] {0f, 0f, 0f}, VectorBytes.roundTrip(new float[] {0f, -0f, 0f}, Quantization.INT8));
    assertArrayEquals(new float[0], VectorBytes.roundTrip(new float[0], Quantization.INT8));
    assertThrows(EncodeException.class, () -> VectorBytes.encode(new float[] {1f, Float.NaN}, Quantization.INT8));
    assertThrows(EncodeException.class, () -> VectorBytes.encode(new float[] {Float.POSITIVE_INFINITY}, Quantization.INT8));
  }

  @Test
  void malformedLengthsAreDecodeExceptions() {
    assertThrows(DecodeException.class, () -> VectorBytes.decode(new byte[3], 0, 3, Quantization.NONE));
    assertThrows(DecodeException.class, () -> VectorBytes.decode(new byte[3], 0, 3, Quantization.FP16));
    assertThrows(DecodeException.class, () -> VectorBytes.decode(new byte[3], 0, 3, Quantization.INT8));
    assertThrows(DecodeException.class, () -> VectorBytes.decodeDoubles(new byte[9], 0, 9));
  }

  @Test
  void callerSuppliedDestinationsAreFilledInPlace() {
    float[] v = {1f, -0.5f, 3.25f};
    for (Quantization q : Quantization.values()) {
      byte[] buf = new byte[VectorBytes.length(v.length, q) + 5];
      int written = VectorBytes.encode(v, q, buf, 5);
      assertEquals(VectorBytes.length(v.length, q), written);
      float[] out = new float[3];
      VectorBytes.decode(buf, 5, q, out);
      assertArrayEquals(VectorBytes.roundTrip(v, q), out, q.name());
    }
  }

  @Test
  void rawLayoutIsLittleEndianRawBitsAtAnyOffset() {
    float[] v = {1f, -0.0f, Float.intBitsToFloat(0x7FC0_1234), Float.NEGATIVE_INFINITY, Float.MIN_VALUE, 0x1.fffffep127f};
    for (int offset : new int[] {0, 1, 3}) {
      byte[] buf = new byte[offset + 4 * v.length + 2];
      assertEquals(4 * v.length, VectorBytes.encode(v, Quantization.NONE, buf, offset));
      for (int i = 0; i < v.length; i++) {
        int bits = Float.floatToRawIntBits(v[i]);
        for (int k = 0; k < 4; k++) {
          assertEquals((byte) (bits >>> (8 * k)), buf[offset + 4 * i + k], "element " + i + " byte " + k);
        }
      }
      float[] back = new float[v.length];
      VectorBytes.decode(buf, offset, Quantization.NONE, back);
      for (int i = 0; i < v.length; i++) {
        assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(back[i]), "element " + i);
      }
    }
  }

  @Test
  void rawDestinationsTooSmallAreRejectedBeforeWriting() {
    byte[] small = new byte[7];
    assertThrows(IndexOutOfBoundsException.class, () -> VectorBytes.encode(new float[] {1f, 2f}, Quantization.NONE, small, 0));
    assertArrayEquals(new byte[7], small, "nothing written");
  }
}
