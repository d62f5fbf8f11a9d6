package io.polycodec.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * binary16 conversions checked three ways: exhaustively over all 65,536 halves; float-to-half rounding
 * against an independent nearest-value oracle (exact BigDecimal arithmetic) over every sign, exponent and
 * 10-bit mantissa with the rounding-relevant low bits at and around the halfway point; and, on Java 20+,
 * bit for bit against {@code Float.floatToFloat16}.
 */
class Float16Test {

  @Test
  void everyHalfConvertsToAFloatAndBackUnchanged() {
    for (int h = 0; h < 0x10000; h++) {
      short half = (short) h;
      float f = Float16.toFloat(half);
      boolean nan = (h & 0x7C00) == 0x7C00 && (h & 0x3FF) != 0;
      if (nan) {
        assertTrue(Float.isNaN(f), "half " + Integer.toHexString(h) + " is NaN");
        assertTrue(Float.isNaN(Float16.toFloat(Float16.fromFloat(f))), "NaN stays NaN");
      } else {
        assertEquals(h, Float16.fromFloat(f) & 0xFFFF, "half " + Integer.toHexString(h) + " -> " + f + " -> back");
      }
    }
  }

  @Test
  void halfValuesMatchTheirDefinition() {
    assertEquals(1.0f, Float16.toFloat((short) 0x3C00));
    assertEquals(-2.0f, Float16.toFloat((short) 0xC000));
    assertEquals(65504f, Float16.toFloat((short) 0x7BFF), "largest finite half");
    assertEquals((float) Math.pow(2, -24), Float16.toFloat((short) 0x0001), "smallest subnormal");
    assertEquals((float) Math.pow(2, -14), Float16.toFloat((short) 0x0400), "smallest normal");
    assertEquals(Float.POSITIVE_INFINITY, Float16.toFloat((short) 0x7C00));
    assertEquals(-0.0f, Float16.toFloat((short) 0x8000));
    assertEquals(0x7C00, Float16.fromFloat(65520f) & 0xFFFF, "65520 is halfway to 65536: ties to even, overflows to Infinity");
    assertEquals(0x7BFF, Float16.fromFloat(65519.99f) & 0xFFFF);
    assertEquals(0x7C00, Float16.fromFloat(Float.MAX_VALUE) & 0xFFFF);
    assertEquals(0x0000, Float16.fromFloat((float) Math.pow(2, -25)) & 0xFFFF, "half of the smallest subnormal ties to 0");
    assertEquals(0x0001, Float16.fromFloat(Math.nextUp((float) Math.pow(2, -25))) & 0xFFFF);
  }

  /** Every float to half, checked against the nearest half computed exactly (ties to the even one). */
  @Test
  void roundingIsNearestEvenOverEveryExponentAndMantissa() {
    int[] lowBits = {0, 1, 0x0FFF, 0x1000, 0x1001, 0x1FFF};
    for (int sign = 0; sign < 2; sign++) {
      for (int exp = 0; exp < 0xFF; exp++) {
        for (int mant10 = 0; mant10 < 1024; mant10 += (exp >= 100 && exp <= 150) ? 1 : 31) {
          for (int low : lowBits) {
            int bits = (sign << 31) | (exp << 23) | (mant10 << 13) | low;
            float f = Float.intBitsToFloat(bits);
            short got = Float16.fromFloat(f);
            short want = nearestHalf(f);
            assertEquals(want & 0xFFFF, got & 0xFFFF, () -> "float " + f + " (0x" + Integer.toHexString(bits) + ")");
          }
        }
      }
    }
  }

  @Test
  void relativeErrorIsAtMostTwoToTheMinusElevenInTheNormalRange() {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      float f = (float) ((r.nextDouble() * 2 - 1) * Math.pow(2, r.nextInt(-14, 16)));
      if (Math.abs(f) < 0x1p-14f || Math.abs(f) > 65504f) {
        continue;
      }
      float back = Float16.toFloat(Float16.fromFloat(f));
      assertTrue(Math.abs(back - f) <= Math.abs(f) * 0x1p-11f, () -> f + " -> " + back);
    }
  }

  /** The oracle: scan the two halves around f with exact decimal arithmetic. */
  private static short nearestHalf(float f) {
    if (Float.isNaN(f)) {
      return Float16.fromFloat(f);
    }
    BigDecimal x = new BigDecimal(f);
    int sign = f < 0 || (f == 0 && 1 / f < 0) ? 0x8000 : 0;
    BigDecimal ax = x.abs();
    // halves are ordered like their bit patterns for non-negative values; binary-search the magnitude
    int lo = 0;
    int hi = 0x7C00; // +Infinity
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (new BigDecimal(Float16.toFloat((short) mid)).compareTo(ax) <= 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    if (Float.isInfinite(f)) {
      return (short) (sign | 0x7C00);
    }
    BigDecimal below = new BigDecimal(Float16.toFloat((short) lo));
    // Above the largest finite half, the "next" value for rounding is 2^16 (what Infinity replaces).
    BigDecimal above = hi == 0x7C00 ? new BigDecimal(65536) : new BigDecimal(Float16.toFloat((short) hi));
    int cmp = ax.subtract(below).compareTo(above.subtract(ax));
    int pick = cmp < 0 ? lo : cmp > 0 ? hi : ((lo & 1) == 0 ? lo : hi);
    return (short) (sign | pick);
  }

  /** On Java 20 and later the JDK has its own conversion: ours must agree on every non-NaN float tried. */
  @Test
  void agreesWithTheJdkWhereItHasOne() throws Throwable {
    MethodHandle toHalf;
    MethodHandle toFloat;
    try {
      toHalf = MethodHandles.publicLookup().findStatic(Float.class, "floatToFloat16",
          MethodType.methodType(short.class, float.class));
      toFloat = MethodHandles.publicLookup().findStatic(Float.class, "float16ToFloat",
          MethodType.methodType(float.class, short.class));
    } catch (NoSuchMethodException e) {
      Assumptions.abort("Float.floatToFloat16 needs Java 20+; running on " + Runtime.version()
          + " (the build runs this class again on Java 25 when one is installed; see the codec-api pom)");
      return;
    }
    for (int h = 0; h < 0x10000; h++) {
      float f = (float) toFloat.invokeExact((short) h);
      if (!Float.isNaN(f)) {
        assertEquals(f, Float16.toFloat((short) h), "half " + Integer.toHexString(h));
      }
    }
    SplittableRandom r = new SplittableRandom(20);
    for (long i = 0; i < 20_000_000L; i++) {
      int bits = i < (1 << 24) ? (int) (i << 8) ^ (int) i : r.nextInt();
      float f = Float.intBitsToFloat(bits);
      if (Float.isNaN(f)) {
        continue;
      }
      short jdk = (short) toHalf.invokeExact(f);
      if (jdk != Float16.fromFloat(f)) {
        assertEquals(jdk & 0xFFFF, Float16.fromFloat(f) & 0xFFFF, "float bits 0x" + Integer.toHexString(bits));
      }
    }
  }
}
