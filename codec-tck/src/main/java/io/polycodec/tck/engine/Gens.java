package io.polycodec.tck.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ready-made generators and combinators. Numbers, strings and collections are <em>edge-biased</em>: a
 * good share of values are the ones codecs get wrong (NaN, -0.0, infinities, MIN/MAX, varint
 * boundaries, empty strings and collections, control characters, surrogate pairs and astral
 * characters, long strings, large collections). Every generator shrinks towards its simplest value.
 */
public final class Gens {
  private Gens() {}

  // Edge tables are ordered by simplicity (magnitude), because shrinking lowers the index.
  private static final int[] INT_EDGES = {
    0, 1, -1, 127, 128, -128, -129, 255, 256, 0x3FFF, 0x4000, 32767, 32768, -32768, -32769, 65535, 65536,
    0x1FFFFF, 0x200000, 1 << 24, (1 << 24) + 1, -(1 << 24) - 1, 0xFFFFFFF, 0x10000000,
    Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, Integer.MIN_VALUE
  };

  private static final long[] LONG_EDGES = {
    0L, 1L, -1L, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L,
    0xFFFFFFFFL, 0x100000000L, (1L << 35) - 1, 1L << 35, 1L << 42, 1L << 49,
    1L << 53, (1L << 53) + 1, -(1L << 53) - 1, (1L << 56) - 1, 1L << 56, 9_999_999_999_999_999L,
    -9_223_372_036_854_775L, 1L << 62, Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE
  };

  private static final float[] FLOAT_EDGES = {
    0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
    Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, 1f, -1f, 0.1f, 1e10f, 1e-10f, 16777216f, 16777215f,
    3.4028235e38f, 1.17549435E-38f, 0.33333334f, 100f, 1.5f, -2.5e-5f,
    Float.intBitsToFloat(0x7FC00001), Float.intBitsToFloat(0xFFC00000), Float.intBitsToFloat(0x7F800001)
  };

  private static final double[] DOUBLE_EDGES = {
    0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE,
    Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0, 0.1, 0.1 + 0.2, 1.0 / 3, 1e300, 1e-300,
    9007199254740992.0, 9007199254740993.0, -9007199254740991.0, 1e21, 1e22, 1e-7, 123456789.123456789,
    Float.MAX_VALUE, Float.MIN_VALUE, 0.5, 100.0, 4.35, 5e-324, 2.2250738585072009e-308,
    Double.longBitsToDouble(0x7FF8000000000001L), Double.longBitsToDouble(0xFFF8000000000000L)
  };

  // The values most often mishandled, drawn more often than the edge tables alone would.
  // NaNs with a payload, a sign and the quiet bit clear (signalling): a codec must keep their bits, and
  // an encoder that writes every NaN as Float.NaN must meet one often.
  private static final float[] FLOAT_SPECIALS = {-0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
      Float.intBitsToFloat(0x7fa00001), Float.intBitsToFloat(0xffc00abc)};
  private static final double[] DOUBLE_SPECIALS = {-0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.longBitsToDouble(0x7ff4000000000001L), Double.longBitsToDouble(0xfff8000000abcdefL)};

  private static final String[] STRING_EDGES = {
    "", " ", "null", "true", "false", "0", "-0", "1e5", "NaN", "Infinity", "-Infinity", "\"", "\\", "\\u0000",
    "\u0000", "@type", "{}", "[]", "\r\n", "\t", "\uFEFF", "\u2028\u2029", "\uD83D\uDE00", "\uDBFF\uDFFF",
    "a\uD800\uDC00b", "e\u0301", "\u00FF\u0100", "\uFFFF", "\uFFFD", "\u0080", "\u07FF\u0800", "</script>",
    "'; DROP TABLE", "%s%n", "\u202E", "ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ"
  };

  private static final String BMP_INTERESTING =
      "éßΩЖ中文日本語한국어\u00A0\u00AD\u0300\u2028\u2029\uFEFF\uFFFD\uFFFF\uD7FF\uE000\u0080\u07FF\u0800\u200B\u202E";

  private static final int[] ASTRAL_INTERESTING = {0x1F600, 0x10000, 0x10FFFF, 0x1D11E, 0x1F4A9, 0x20000, 0xE0001};

  /** Always {@code value}. */
  public static <T> Gen<T> constant(T value) {
    return s -> value;
  }

  /** One of {@code values}; shrinks towards the first. */
  @SafeVarargs
  public static <T> Gen<T> elements(T... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to choose from");
    }
    List<T> copy = new ArrayList<>(values.length);
    for (T v : values) {
      copy.add(Objects.requireNonNull(v, "value"));
    }
    return s -> copy.get((int) s.choose(copy.size() - 1));
  }

  /** One of {@code values}; shrinks towards the first. */
  public static <T> Gen<T> elements(List<T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to choose from");
    }
    List<T> copy = List.copyOf(values);
    return s -> copy.get((int) s.choose(copy.size() - 1));
  }

  /** A value of one of {@code gens}, each equally likely; shrinks towards the first. */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    if (gens.length == 0) {
      throw new IllegalArgumentException("no generators to choose from");
    }
    List<Gen<? extends T>> copy = new ArrayList<>(gens.length);
    for (Gen<? extends T> g : gens) {
      copy.add(Objects.requireNonNull(g, "gen"));
    }
    return s -> s.draw(copy.get((int) s.choose(copy.size() - 1)));
  }

  /** Booleans; shrinks towards false. */
  public static Gen<Boolean> booleans() {
    return s -> s.chance(50);
  }

  /** Ints in {@code [min, max]}, uniform; shrinks towards {@code min}. */
  public static Gen<Integer> ints(int min, int max) {
    if (max < min) {
      throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
    }
    return s -> s.between(min, max);
  }

  /** Any int: small ones, edges (MIN/MAX, varint and byte boundaries) and uniform ones; shrinks towards 0. */
  public static Gen<Integer> ints() {
    return s -> {
      switch (s.weighted(40, 30, 30)) {
        case 0: return (int) zigzag(s.choose(200));
        case 1: return INT_EDGES[(int) s.choose(INT_EDGES.length - 1)];
        default: return (int) zigzag(s.choose(0xFFFFFFFFL));
      }
    };
  }

  /** Any long: small ones, edges (MIN/MAX, int range, 2^53±1, varint boundaries) and uniform ones. */
  public static Gen<Long> longs() {
    return s -> {
      switch (s.weighted(35, 30, 15, 20)) {
        case 0: return zigzag(s.choose(200));
        case 1: return LONG_EDGES[(int) s.choose(LONG_EDGES.length - 1)];
        case 2: return (long) (int) zigzag(s.choose(0xFFFFFFFFL));
        default: return zigzag(s.choose(Long.MAX_VALUE)) ^ (s.chance(50) ? Long.MIN_VALUE : 0);
      }
    };
  }

  /** Any float, NaN and infinities included; shrinks towards 0. */
  public static Gen<Float> floats() {
    return s -> {
      switch (s.weighted(30, 35, 35, 12)) {
        case 0: return (float) zigzag(s.choose(100)) / (1 << s.between(0, 4));
        case 1: return FLOAT_EDGES[(int) s.choose(FLOAT_EDGES.length - 1)];
        case 3: return FLOAT_SPECIALS[(int) s.choose(FLOAT_SPECIALS.length - 1)];
        default: return Float.intBitsToFloat((int) s.choose(0xFFFFFFFFL));
      }
    };
  }

  /** Finite floats only (what an INT8-quantized vector can hold); shrinks towards 0. */
  public static Gen<Float> finiteFloats() {
    return floats().map(f -> Float.isFinite(f) ? f : 0f);
  }

  /** Any double, NaN and infinities included; shrinks towards 0. */
  public static Gen<Double> doubles() {
    return s -> {
      switch (s.weighted(25, 35, 20, 20, 12)) {
        case 0: return (double) zigzag(s.choose(100)) / (1 << s.between(0, 4));
        case 1: return DOUBLE_EDGES[(int) s.choose(DOUBLE_EDGES.length - 1)];
        case 4: return DOUBLE_SPECIALS[(int) s.choose(DOUBLE_SPECIALS.length - 1)];
        case 2: return zigzag(s.choose(2_000_000_000L)) / Math.pow(10, s.between(0, 12));
        default: return Double.longBitsToDouble(s.choose(Long.MAX_VALUE) ^ (s.chance(50) ? Long.MIN_VALUE : 0));
      }
    };
  }

  /**
   * Valid Unicode strings: short ones mixing ASCII, control characters, BMP and astral characters
   * (surrogate pairs), well-known troublemakers ("", "NaN", "\u0000", "@type"…), and long ones; never
   * an unpaired surrogate. Shrinks towards "" and then towards "a"s.
   */
  public static Gen<String> strings() {
    return strings(5000);
  }

  /** As {@link #strings()}, at most {@code maxLength} code points long (for elements of large collections). */
  public static Gen<String> strings(int maxLength) {
    return s -> {
      switch (s.weighted(55, 30, maxLength > 24 ? 15 : 0)) {
        case 0: return codePoints(s, Math.min(24, maxLength), 3);
        case 1: {
          String e = STRING_EDGES[(int) s.choose(STRING_EDGES.length - 1)];
          return e.codePointCount(0, e.length()) <= maxLength ? e : "";
        }
        default: return codePoints(s, maxLength, maxLength / 5);
      }
    };
  }

  /** Short strings of ASCII letters, never empty: names, keys. */
  public static Gen<String> identifiers() {
    return s -> {
      StringBuilder sb = new StringBuilder();
      sb.append((char) ('a' + s.choose(25)));
      for (long c : sequence(s, src -> src.choose(25), 11, 1)) {
        sb.append((char) ('a' + c));
      }
      return sb.toString();
    };
  }

  private static String codePoints(Source s, int max, int mean) {
    StringBuilder sb = new StringBuilder();
    for (int cp : sequence(s, CODE_POINT, max, mean)) {
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  private static final Object STOP = new Object();

  /**
   * Up to {@code max} elements, each preceded by a "more?" choice (0 = stop) in the same span, so that
   * the shrinker deletes an element by deleting its span and truncates by lowering one choice. The
   * length is geometric with mean about {@code mean}.
   */
  @SuppressWarnings("unchecked")
  static <T> List<T> sequence(Source s, Gen<T> element, int max, int mean) {
    List<T> out = new ArrayList<>();
    Gen<Object> step = src -> src.choose(mean) == 0 ? STOP : src.draw(element);
    while (out.size() < max) {
      Object v = s.draw(step);
      if (v == STOP) {
        break;
      }
      out.add((T) v);
    }
    return out;
  }

  private static final Gen<Integer> CODE_POINT = Gens::codePoint;

  private static int codePoint(Source s) {
    switch (s.weighted(50, 20, 15, 15)) {
      case 0:
        return 'a' + (int) s.choose(25);
      case 1: {
        int c = (int) s.choose(0x7F);
        return c;
      }
      case 2:
        if (s.chance(50)) {
          return BMP_INTERESTING.charAt((int) s.choose(BMP_INTERESTING.length() - 1));
        }
        int c = 0x80 + (int) s.choose(0xFFFF - 0x80);
        return Character.isSurrogate((char) c) ? 0xFFFD : c;
      default:
        if (s.chance(50)) {
          return ASTRAL_INTERESTING[(int) s.choose(ASTRAL_INTERESTING.length - 1)];
        }
        return 0x10000 + (int) s.choose(0x10FFFF - 0x10000);
    }
  }

  /** Byte arrays: short random ones, edge patterns (zeros, 0xFF, varint-looking bytes) and long ones. */
  public static Gen<byte[]> bytes() {
    return bytes(3000);
  }

  /** As {@link #bytes()}, at most {@code maxLength} bytes long. */
  public static Gen<byte[]> bytes(int maxLength) {
    return s -> {
      switch (s.weighted(60, 25, maxLength > 40 ? 15 : 0)) {
        case 0:
          return toBytes(sequence(s, BYTE, Math.min(32, maxLength), 3));
        case 1: {
          byte[] b = new byte[s.between(1, Math.min(40, maxLength))];
          java.util.Arrays.fill(b, (byte) new int[] {0, 0xFF, 0x80, 0x7F, '"', '\\'}[(int) s.choose(5)]);
          return b;
        }
        default:
          return toBytes(sequence(s, BYTE, maxLength, maxLength / 5));
      }
    };
  }

  private static final Gen<Byte> BYTE = s -> (byte) s.choose(255);

  private static byte[] toBytes(List<Byte> list) {
    byte[] b = new byte[list.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = list.get(i);
    }
    return b;
  }

  /**
   * Lists of {@code element}: usually short (about 3 elements, at most 16), sometimes large (about
   * {@code maxSize / 2}); always at most {@code maxSize}. Shrinks by dropping elements.
   * The list is unmodifiable.
   */
  public static <T> Gen<List<T>> lists(Gen<T> element, int maxSize) {
    Objects.requireNonNull(element, "element");
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize must be non-negative");
    }
    return s -> {
      boolean large = maxSize > 16 && s.chance(5);
      List<T> out = large ? sequence(s, element, maxSize, maxSize / 2) : sequence(s, element, Math.min(maxSize, 16), 3);
      return Collections.unmodifiableList(out);
    };
  }

  /**
   * Maps from {@code keys} to {@code values} in random insertion order (duplicate keys collapse), sized
   * as {@link #lists}; unmodifiable.
   */
  public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int maxSize) {
    Gen<Map.Entry<K, V>> entry = s -> Map.entry(s.draw(keys), s.draw(values));
    return lists(entry, maxSize).map(entries -> {
      Map<K, V> m = new LinkedHashMap<>();
      for (Map.Entry<K, V> e : entries) {
        m.put(e.getKey(), e.getValue());
      }
      return Collections.unmodifiableMap(m);
    });
  }

  /** Zigzag decoding: 0, -1, 1, -2, 2…, so that choices shrinking to 0 shrink numbers towards 0. */
  static long zigzag(long c) {
    return (c >>> 1) ^ -(c & 1);
  }
}
