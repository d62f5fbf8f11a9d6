package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.GenericRecord;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Gens;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.gen.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Garbage, truncated and bit-flipped input: decoding, through every entry point and as a delimited
 * frame (also one whose length prefix lies), gives a value that obeys the model or a DecodeException,
 * nothing else, within a per-input time budget and bounded memory (see
 * {@link CodecAssertions#assertDecodesCleanly}). Inputs are recipes applied to a valid encoding, so that
 * they reach deep into a format rather than failing on the first byte, and so that a failure shrinks.
 */
final class HostileInputProperties {
  private HostileInputProperties() {}

  /** How to damage an encoding: a kind and three numbers whose meaning depends on it. */
  record Recipe(int kind, long a, long b, long c) {
    @Override
    public String toString() {
      return "recipe(" + kind + ", " + a + ", " + b + ", " + c + ")";
    }
  }

  /** A sample with the recipes to apply to its encoding. */
  record Case(Sample sample, List<Recipe> recipes) {
    @Override
    public String toString() {
      return sample + "\nrecipes " + recipes;
    }
  }

  private static Gen<Case> cases(Gen<io.polycodec.schema.RecordSchema> schemas, int kinds, int maxRecipes) {
    Gen<Recipe> recipe = s -> new Recipe((int) s.choose(kinds - 1), s.choose(Long.MAX_VALUE), s.choose(Long.MAX_VALUE),
        s.choose(Long.MAX_VALUE));
    return s -> new Case(s.draw(Sample.single(schemas)), s.draw(Gens.lists(recipe, maxRecipes)));
  }

  static Property<Case> garbage(Kit kit) {
    return Property.of("garbageInput", 100, cases(kit.schemas, 9, 12), c -> {
      Codec<GenericRecord> codec = kit.generic(c.sample().schema());
      byte[] valid = codec.encode(c.sample().value());
      CodecAssertions.assertDecodesCleanly(codec, new byte[0]);
      for (Recipe r : c.recipes()) {
        CodecAssertions.assertDecodesCleanly(codec, garbage(valid, r));
      }
    });
  }

  static Property<Case> truncated(Kit kit) {
    return Property.of("truncatedInput", 100, cases(kit.schemas, 1, 0), c -> {
      Codec<GenericRecord> codec = kit.generic(c.sample().schema());
      byte[] valid = codec.encode(c.sample().value());
      SplittableRandom random = new SplittableRandom(valid.length * 31L + c.sample().schema().size());
      TreeSet<Integer> cuts = new TreeSet<>();
      if (valid.length <= 48) {
        for (int i = 0; i < valid.length; i++) {
          cuts.add(i);
        }
      } else {
        for (int i = 0; i < 16; i++) {
          cuts.add(i);
          cuts.add(valid.length - 1 - i);
          cuts.add(random.nextInt(valid.length));
        }
      }
      for (int cut : cuts) {
        CodecAssertions.assertDecodesCleanly(codec, Arrays.copyOf(valid, cut));
      }
    });
  }

  static Property<Case> bitFlips(Kit kit) {
    return Property.of("bitFlips", 100, cases(kit.schemas, 6, 16), c -> {
      Codec<GenericRecord> codec = kit.generic(c.sample().schema());
      byte[] valid = codec.encode(c.sample().value());
      for (Recipe r : c.recipes()) {
        CodecAssertions.assertDecodesCleanly(codec, flipped(valid, r));
      }
      // Every single-bit flip of a short encoding, not only sampled ones.
      if (valid.length <= 24) {
        for (int bit = 0; bit < valid.length * 8; bit++) {
          byte[] b = valid.clone();
          b[bit >> 3] ^= (byte) (1 << (bit & 7));
          CodecAssertions.assertDecodesCleanly(codec, b);
        }
      }
    });
  }

  private static final byte[] PATTERN_BYTES = {0x00, (byte) 0xFF, (byte) 0x80, 0x7F, '{', '[', '"', (byte) 0xC1, 0x0A};

  static byte[] garbage(byte[] valid, Recipe r) {
    SplittableRandom random = new SplittableRandom(r.c());
    int n = valid.length;
    switch (r.kind()) {
      case 0: {
        byte[] b = new byte[(int) (r.a() % 65)];
        random.nextBytes(b);
        return b;
      }
      case 1: {
        byte[] b = new byte[1 + (int) (r.a() % 300)];
        Arrays.fill(b, PATTERN_BYTES[(int) (r.b() % PATTERN_BYTES.length)]);
        return b;
      }
      case 2: {
        int keep = n == 0 ? 0 : (int) (r.a() % n);
        byte[] tail = new byte[1 + (int) (r.b() % 32)];
        random.nextBytes(tail);
        return concat(Arrays.copyOf(valid, keep), tail);
      }
      case 3:
        return concat(valid, valid);
      case 4: {
        // A prefix repeated: in most formats that is the opening of a nested value, again and again.
        int k = n == 0 ? 1 : 1 + (int) (r.a() % Math.min(8, n));
        byte[] unit = n == 0 ? new byte[] {(byte) r.b()} : Arrays.copyOf(valid, k);
        int times = 4000 / unit.length;
        byte[] b = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
          System.arraycopy(unit, 0, b, i * unit.length, unit.length);
        }
        return b;
      }
      case 5: {
        int at = (int) (r.a() % (n + 1));
        byte[] junk = new byte[1 + (int) (r.b() % 16)];
        random.nextBytes(junk);
        return concat(concat(Arrays.copyOf(valid, at), junk), Arrays.copyOfRange(valid, at, n));
      }
      case 6: {
        byte[] b = valid.clone();
        if (n > 0) {
          int from = (int) (r.a() % n);
          int to = Math.min(n, from + 1 + (int) (r.b() % 10));
          Arrays.fill(b, from, to, (byte) 0xFF);
        }
        return b;
      }
      case 7:
        return concat(valid, new byte[] {(byte) r.a()});
      default: {
        byte[] b = new byte[(int) (r.a() % 2048)];
        random.nextBytes(b);
        return b;
      }
    }
  }

  static byte[] flipped(byte[] valid, Recipe r) {
    int n = valid.length;
    if (n == 0) {
      return new byte[] {(byte) r.a()};
    }
    byte[] b = valid.clone();
    int at = (int) (r.a() % n);
    switch (r.kind()) {
      case 0:
        b[at] ^= (byte) (1 << (r.b() % 8));
        return b;
      case 1: {
        SplittableRandom random = new SplittableRandom(r.c());
        for (int i = 0; i < 3; i++) {
          int bit = random.nextInt(n * 8);
          b[bit >> 3] ^= (byte) (1 << (bit & 7));
        }
        return b;
      }
      case 2:
        b[at] = PATTERN_BYTES[(int) (r.b() % 4)];
        return b;
      case 3:
        return concat(Arrays.copyOf(valid, at), Arrays.copyOfRange(valid, at + 1, n));
      case 4:
        return concat(Arrays.copyOf(valid, at + 1), Arrays.copyOfRange(valid, at, n));
      default: {
        int other = (int) (r.b() % n);
        byte t = b[at];
        b[at] = b[other];
        b[other] = t;
        return b;
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
