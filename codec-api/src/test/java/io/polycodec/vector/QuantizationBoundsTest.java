package io.polycodec.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.schema.Quantization;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantizationBoundsTest {

  private static float[] randomVector(SplittableRandom r, boolean finiteOnly) {
    float[] v = new float[1 + r.nextInt(64)];
    double magnitude = Math.pow(2, r.nextInt(-140, 128));
    for (int i = 0; i < v.length; i++) {
      int pick = r.nextInt(40);
      v[i] = !finiteOnly && pick == 0 ? Float.NaN : !finiteOnly && pick == 1 ? Float.NEGATIVE_INFINITY
          : (float) ((r.nextDouble() * 2 - 1) * magnitude);
    }
    return v;
  }

  @Test
  void polycodecsOwnQuantizersStayWithinTheirBounds() {
    SplittableRandom r = new SplittableRandom(2024);
    for (int trial = 0; trial < 20_000; trial++) {
      for (Quantization q : Quantization.values()) {
        float[] v = randomVector(r, q == Quantization.INT8);
        float[] back = VectorBytes.roundTrip(v, q);
        int bad = QuantizationBounds.firstViolation(v, back, q);
        int seedTrial = trial;
        assertEquals(-1, bad, () -> q + " trial " + seedTrial + ": element " + bad);
      }
    }
  }

  @Test
  void quantizingTwiceStaysWithinTheInt8Bound() {
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 20_000; trial++) {
      float[] v = randomVector(r, true);
      float[] twice = VectorBytes.roundTrip(VectorBytes.roundTrip(v, Quantization.INT8), Quantization.INT8);
      assertEquals(-1, QuantizationBounds.firstViolation(v, twice, Quantization.INT8), "trial " + trial);
    }
  }

  /** A proxy that decodes and re-encodes must not drift: quantizing a quantized vector changes no byte. */
  @Test
  void requantizingGivesTheSameBytes() {
    SplittableRandom r = new SplittableRandom(99);
    for (int trial = 0; trial < 20_000; trial++) {
      for (Quantization q : Quantization.values()) {
        float[] v = randomVector(r, q == Quantization.INT8);
        byte[] once = VectorBytes.encode(v, q);
        byte[] twice = VectorBytes.encode(VectorBytes.decode(once, 0, once.length, q), q);
        int t = trial;
        org.junit.jupiter.api.Assertions.assertArrayEquals(once, twice, () -> q + " trial " + t + ": " + java.util.Arrays.toString(v));
      }
    }
  }

  @Test
  void extremeMagnitudesStayFiniteAndWithinTheInt8Bound() {
    float[][] cases = {
        {Float.MAX_VALUE}, {-Float.MAX_VALUE, 1f}, {Float.MAX_VALUE, Math.nextDown(Float.MAX_VALUE), 0f},
        {Float.MIN_VALUE}, {1e-40f, -3e-41f}, {Float.MIN_NORMAL, Float.MIN_VALUE}};
    for (float[] v : cases) {
      float[] back = VectorBytes.roundTrip(v, Quantization.INT8);
      for (float x : back) {
        assertTrue(Float.isFinite(x), java.util.Arrays.toString(v) + " -> " + java.util.Arrays.toString(back));
      }
      assertEquals(-1, QuantizationBounds.firstViolation(v, back, Quantization.INT8), java.util.Arrays.toString(v));
    }
  }

  @Test
  void coarserQuantizersAreRejected() {
    // Truncating instead of rounding, or keeping too few bits, must fail the check.
    float x = 1f + 0x1p-9f + 0x1p-12f;
    float truncatedToFp16 = Float.intBitsToFloat(Float.floatToIntBits(x) & 0xFFFF_E000);
    assertTrue(QuantizationBounds.within(x, Float16.toFloat(Float16.fromFloat(x)), Quantization.FP16, 0));
    assertTrue(QuantizationBounds.within(x, truncatedToFp16, Quantization.FP16, 0), "within one ulp still passes");
    float sevenBits = Float.intBitsToFloat(Float.floatToIntBits(1.9921875f) & 0xFFFE_0000);
    assertFalse(QuantizationBounds.within(1.9921875f, sevenBits, Quantization.BF16, 0), "dropping a mantissa bit is too coarse");
    float scale = 1f / 127;
    assertFalse(QuantizationBounds.within(0.5f, 0.5f + scale, Quantization.INT8, scale), "a whole step off");
    assertFalse(QuantizationBounds.within(1f, 1.0001f, Quantization.NONE, 0), "NONE is exact");
    assertFalse(QuantizationBounds.within(70000f, 65504f, Quantization.FP16, 0), "overflow must give Infinity");
    assertFalse(QuantizationBounds.within(Float.NaN, 0f, Quantization.FP16, 0), "NaN must stay NaN");
    assertEquals(1, QuantizationBounds.firstViolation(new float[] {1f, 2f}, new float[] {1f}, Quantization.NONE));
  }
}
