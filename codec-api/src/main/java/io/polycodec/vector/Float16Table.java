package io.polycodec.vector;

/**
 * Every binary16 value as a float, indexed by its 16 bits: what {@link VectorBytes} dequantizes FP16
 * vectors with. Why a table of 65,536 floats (256 KiB, built on first use of FP16 decoding, about a
 * millisecond): one load per element instead of {@link Float16#toFloat}'s range check and rebias, whose
 * branch and int-to-float moves keep the JIT from unrolling the loop into straight loads. Measured with
 * JMH on 768-element vectors (docs/benchmarks.md): about 4 times faster, at 180-190 ns CPU per vector
 * against 770 ns; a branch-free conversion (multiply by 2^112, then fix infinities) was no faster than
 * the current one, and a 64-entry exponent table needs three dependent loads. Real vectors touch few
 * exponents, so few of the table's cache lines are hot. Built from {@link Float16#toFloat} itself, so
 * it is exact by construction (a test compares all 65,536 entries, NaN payloads included).
 */
final class Float16Table {
  private Float16Table() {}

  /** {@code FLOATS[h & 0xFFFF]} is {@code Float16.toFloat(h)}, bit for bit. Never written after class init. */
  static final float[] FLOATS = build();

  private static float[] build() {
    float[] t = new float[1 << 16];
    for (int h = 0; h < t.length; h++) {
      t[h] = Float16.toFloat((short) h);
    }
    return t;
  }
}
