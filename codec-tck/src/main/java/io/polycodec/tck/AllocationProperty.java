package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.GenericRecord;
import io.polycodec.tck.engine.Describe;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.gen.Sample;
import java.io.ByteArrayOutputStream;

/**
 * Decoding n bytes allocates at most {@link AllocationBound#allowance max(1 MiB, 64·n)} bytes, however
 * the input is built. The inputs are valid encodings made hostile the cheap way: the whole message
 * repeated (Protobuf merges every copy into one value, other formats refuse the trailing bytes), a
 * range of it duplicated in place many times (repeated fields, repeated occurrences of a nested
 * message, repeated map keys), and a range repeated up to tens of kilobytes. A decoder whose work grows
 * faster than its input (a merge that rebuilds, a collection copied per element) exceeds the bound.
 */
final class AllocationProperty {
  private AllocationProperty() {}

  /** A sample, and how to grow its encoding: a kind and three numbers whose meaning depends on it. */
  record Case(Sample sample, int kind, long a, long b, int times) {
    @Override
    public String toString() {
      String[] kinds = {"whole message repeated", "range duplicated in place", "range repeated to fill"};
      return sample + "\n" + kinds[kind] + " (" + a + ", " + b + ") x" + times;
    }
  }

  private static final int MAX_INPUT = 48 << 10;

  static Property<Case> property(Kit kit) {
    Gen<Case> cases = s -> new Case(s.draw(Sample.single(kit.schemas)), (int) s.choose(2), s.choose(Long.MAX_VALUE),
        s.choose(Long.MAX_VALUE), 2 + (int) s.choose(4000));
    return Property.of("allocationBound", 60, cases, c -> check(kit, c));
  }

  private static void check(Kit kit, Case c) throws Exception {
    if (!AllocationBound.supported()) {
      return;
    }
    Codec<GenericRecord> codec = kit.generic(c.sample().schema());
    byte[] valid = codec.encode(c.sample().value());
    byte[] input = grow(valid, c);
    String what = "decoding " + input.length + " bytes grown from " + Describe.hex(valid);
    Guard.call(what, () -> {
      // Warm up on the valid encoding, so that loading classes and compiling plans is not counted.
      codec.decode(valid);
      long used = AllocationBound.measure(() -> codec.decode(input));
      long allowed = AllocationBound.allowance(input.length);
      if (used > allowed) {
        throw new AssertionError(what + " allocated " + used + " bytes, more than the " + allowed
            + " allowed (max(1 MiB, 64 per input byte)): decoding must cost what its input holds");
      }
      return null;
    });
  }

  private static byte[] grow(byte[] valid, Case c) {
    int n = valid.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (n == 0) {
      return valid;
    }
    switch (c.kind()) {
      case 0: {
        int times = Math.min(c.times(), Math.max(1, MAX_INPUT / n));
        for (int i = 0; i < times; i++) {
          out.write(valid, 0, n);
        }
        return out.toByteArray();
      }
      case 1: {
        int from = (int) Long.remainderUnsigned(c.a(), n);
        int to = from + 1 + (int) Long.remainderUnsigned(c.b(), n - from);
        int len = to - from;
        int times = Math.min(c.times(), Math.max(1, (MAX_INPUT - n) / len));
        out.write(valid, 0, to);
        for (int i = 0; i < times; i++) {
          out.write(valid, from, len);
        }
        out.write(valid, to, n - to);
        return out.toByteArray();
      }
      default: {
        int from = (int) Long.remainderUnsigned(c.a(), n);
        int len = 1 + (int) Long.remainderUnsigned(c.b(), Math.min(16, n - from));
        out.write(valid, 0, from);
        while (out.size() < MAX_INPUT) {
          out.write(valid, from, len);
        }
        return out.toByteArray();
      }
    }
  }
}
