package io.polycodec.msgpack;

import io.polycodec.msgpack.TestTypes.Circle;
import io.polycodec.msgpack.TestTypes.Color;
import io.polycodec.msgpack.TestTypes.Everything;
import io.polycodec.msgpack.TestTypes.Point;
import io.polycodec.msgpack.TestTypes.Square;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/** Seeded random values of the test types, with the awkward cases over-represented. */
final class Samples {
  private static final String[] STRINGS = {"", "a", "héllo", "😀 surrogate pair", "\u0000", "日本語", "\uFFFD"};
  private static final float[] FLOATS = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
      Float.MIN_VALUE, Float.MAX_VALUE, 1.5f, -3.25f};
  private static final double[] DOUBLES = {0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE,
      Double.MAX_VALUE, -1e300, 0.1};
  private static final long[] LONGS = {0, -1, 1, 127, 128, -32, -33, 255, 256, 65535, 65536, Integer.MAX_VALUE,
      Integer.MIN_VALUE, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE};

  private final SplittableRandom r;

  Samples(long seed) {
    this.r = new SplittableRandom(seed);
  }

  int nextInt() {
    return r.nextInt(3) == 0 ? (int) LONGS[r.nextInt(LONGS.length)] : r.nextInt();
  }

  long nextLong() {
    return r.nextInt(3) == 0 ? LONGS[r.nextInt(LONGS.length)] : r.nextLong() >> r.nextInt(64);
  }

  float nextFloat() {
    return r.nextInt(3) == 0 ? FLOATS[r.nextInt(FLOATS.length)] : Float.intBitsToFloat(r.nextInt());
  }

  double nextDouble() {
    return r.nextInt(3) == 0 ? DOUBLES[r.nextInt(DOUBLES.length)] : Double.longBitsToDouble(r.nextLong());
  }

  String nextString() {
    if (r.nextInt(3) == 0) {
      return STRINGS[r.nextInt(STRINGS.length)];
    }
    int n = r.nextInt(r.nextInt(4) == 0 ? 600 : 20);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      int cp = r.nextInt(4) == 0 ? r.nextInt(0x10FFFF) : r.nextInt(0x80);
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 'x';
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  byte[] nextBytes() {
    byte[] b = new byte[r.nextInt(r.nextInt(8) == 0 ? 70000 : 10)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) r.nextInt();
    }
    return b;
  }

  Instant nextInstant() {
    switch (r.nextInt(5)) {
      case 0: return Instant.ofEpochSecond(r.nextLong(0, 1L << 32));
      case 1: return Instant.ofEpochSecond(r.nextLong(0, 1L << 34), r.nextInt(1_000_000_000));
      case 2: return r.nextBoolean() ? io.polycodec.schema.TimestampRange.MIN : io.polycodec.schema.TimestampRange.MAX;
      default:
        return Instant.ofEpochSecond(r.nextLong(io.polycodec.schema.TimestampRange.MIN.getEpochSecond(),
            io.polycodec.schema.TimestampRange.MAX.getEpochSecond()), r.nextInt(1_000_000_000));
    }
  }

  float[] nextFloats() {
    float[] f = new float[r.nextInt(r.nextInt(8) == 0 ? 3000 : 6)];
    for (int i = 0; i < f.length; i++) {
      f[i] = nextFloat();
    }
    return f;
  }

  /** Finite floats of moderate size, for quantized vectors. */
  float[] nextFiniteFloats() {
    float[] f = new float[r.nextInt(8)];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) (r.nextDouble() * 200 - 100);
    }
    return f;
  }

  double[] nextDoubles() {
    double[] d = new double[r.nextInt(6)];
    for (int i = 0; i < d.length; i++) {
      d[i] = nextDouble();
    }
    return d;
  }

  Point nextPoint() {
    return new Point(nextInt(), nextInt());
  }

  <T> List<T> listOf(java.util.function.Supplier<T> s) {
    int n = r.nextInt(r.nextInt(10) == 0 ? 40 : 4);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.get());
    }
    return out;
  }

  Everything nextEverything() {
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      scores.put(nextString(), nextInt());
    }
    Map<Long, Point> byId = new LinkedHashMap<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      byId.put(nextLong(), nextPoint());
    }
    Map<Integer, io.polycodec.msgpack.TestTypes.Shape> shapes = new LinkedHashMap<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      shapes.put(nextInt(), r.nextBoolean() ? new Circle(nextDouble()) : new Square(nextDouble()));
    }
    Color[] colors = Color.values();
    return new Everything(
        r.nextBoolean(), (byte) r.nextInt(), (short) r.nextInt(), nextInt(), nextLong(), nextFloat(), nextDouble(),
        r.nextBoolean(), nextInt(), nextString(), nextBytes(), nextInstant(), colors[r.nextInt(colors.length)],
        listOf(this::nextPoint), scores, byId,
        nextFloats(), nextDoubles(), nextFiniteFloats(),
        r.nextBoolean() ? Optional.of(nextString()) : Optional.empty(),
        r.nextBoolean() ? OptionalInt.of(nextInt()) : OptionalInt.empty(),
        r.nextBoolean() ? OptionalLong.of(nextLong()) : OptionalLong.empty(),
        r.nextBoolean() ? OptionalDouble.of(nextDouble()) : OptionalDouble.empty(),
        r.nextBoolean() ? nextString() : null,
        r.nextBoolean() ? nextInt() : null,
        r.nextBoolean() ? new Circle(nextDouble()) : new Square(nextDouble()),
        r.nextBoolean() ? Optional.of(nextPoint()) : Optional.empty(),
        nextInt(), listOf(() -> colors[r.nextInt(colors.length)]), listOf(this::nextString),
        listOf(this::nextInstant), listOf(this::nextBytes), shapes, listOf(this::nextDouble), listOf(this::nextFloat),
        listOf(r::nextBoolean), listOf(this::nextLong));
  }

  /** A schema-less value: nested maps and lists of every MessagePack type. */
  Object nextPlain(int depth) {
    int k = r.nextInt(depth > 4 ? 9 : 11);
    switch (k) {
      case 0: return null;
      case 1: return r.nextBoolean();
      case 2: return nextLong();
      case 3: return nextFloat();
      case 4: return nextDouble();
      case 5: return nextString();
      case 6: return nextBytes();
      case 7: return Instant.ofEpochSecond(nextLong() >> 10, r.nextInt(1_000_000_000));
      case 8: {
        byte type = (byte) r.nextInt(-128, 128);
        return type == -1 ? java.math.BigInteger.ONE.shiftLeft(63).add(java.math.BigInteger.valueOf(r.nextLong() >>> 1))
            : ExtensionValue.of(type, nextBytes());
      }
      case 9: {
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
          l.add(nextPlain(depth + 1));
        }
        return l;
      }
      default: {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(5); i > 0; i--) {
          Object key = r.nextBoolean() ? nextString() : nextPlain(depth + 3);
          if (!(key instanceof byte[])) {
            m.put(key, nextPlain(depth + 1));
          }
        }
        return m;
      }
    }
  }
}
