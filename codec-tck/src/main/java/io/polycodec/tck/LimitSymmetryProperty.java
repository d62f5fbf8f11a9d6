package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.schema.Field;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import io.polycodec.tck.engine.Describe;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Property;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One codec, one {@link Limits}, both directions: <b>what the encoder writes, the decoder reads</b>.
 * Values are generated at, just below and just above each limit (depth built from records, unions, lists
 * and maps as the depth rule of {@link Limits#maxDepth()} counts them; elements of lists, maps and every
 * kind of vector; UTF-8 bytes of strings in fields, map keys and list elements, with one- to four-byte
 * characters; byte arrays; whole messages). Within a limit, encoding must succeed and decoding must give
 * the value back; over a depth, collection or string limit, encoding must fail with an
 * {@link EncodeException}; and whenever encoding succeeds, decoding under the same limits must too.
 */
final class LimitSymmetryProperty {
  private LimitSymmetryProperty() {}

  /** The kinds of wrapper a depth case nests, and what each adds to the depth. */
  private static final String[] WRAPPERS = {"record", "union", "list", "map", "optional"};

  /** Which limit, the limit's value, how far from it the value is (-1, 0, +1), and a variant. */
  record Case(int kind, int limit, int delta, long variant) {
    @Override
    public String toString() {
      String[] names = {"depth", "collection size", "string bytes", "byte-array length", "message bytes"};
      return names[kind] + ", limit " + limit + ", value at limit" + (delta == 0 ? "" : delta > 0 ? "+1" : "-1")
          + ", variant " + variant;
    }
  }

  static Property<Case> property(Kit kit) {
    Gen<Case> cases = s -> new Case((int) s.choose(4), 2 + (int) s.choose(14), (int) s.choose(2) - 1,
        s.choose(Long.MAX_VALUE));
    return Property.of("limitSymmetry", 80, cases, c -> check(kit, c));
  }

  private static void check(Kit kit, Case c) throws Exception {
    switch (c.kind()) {
      case 0: depth(kit, c); break;
      case 1: collection(kit, c); break;
      case 2: string(kit, c); break;
      case 3: bytes(kit, c); break;
      default: message(kit, c); break;
    }
  }

  // ---- the cases -----------------------------------------------------------------------------------------

  private static final RecordSchema LEAF = RecordSchema.of("Leaf", Field.of("v", 1, Schema.int32()));
  /** A leaf holding an empty list: one level more by the rule, though some formats write nothing for it. */
  private static final RecordSchema EMPTY_LEAF = RecordSchema.of("EmptyLeaf", Field.of("v", 1, Schema.int32()),
      Field.of("none", 2, Schema.list(Schema.int32())));

  private static void depth(Kit kit, Case c) throws Exception {
    int limit = c.limit() + 2;
    int target = limit + c.delta();
    java.util.SplittableRandom random = new java.util.SplittableRandom(c.variant());
    boolean empty = (c.variant() & 1) == 1;
    RecordSchema schema = empty ? EMPTY_LEAF : LEAF;
    GenericRecord value = GenericRecord.builder(schema).set("v", 7).build();
    int depth = empty ? 2 : 1;
    List<String> path = new ArrayList<>();
    if (empty) {
      path.add("empty list");
    }
    for (int i = 0; depth < target; i++) {
      String w = WRAPPERS[random.nextInt(WRAPPERS.length)];
      int adds = w.equals("list") || w.equals("map") ? 2 : 1;
      if (depth + adds > target) {
        w = "record";
        adds = 1;
      }
      String name = "L" + i;
      RecordSchema outer;
      Object inner;
      switch (w) {
        case "union": {
          UnionSchema u = UnionSchema.of("U" + i, schema);
          outer = RecordSchema.of(name, Field.of("u", 1, u));
          inner = value;
          break;
        }
        case "list":
          outer = RecordSchema.of(name, Field.of("xs", 1, Schema.list(schema)));
          inner = List.of(value);
          break;
        case "map":
          outer = RecordSchema.of(name, Field.of("m", 1, Schema.map(Schema.string(), schema)));
          inner = Map.of("k", value);
          break;
        case "optional":
          outer = RecordSchema.of(name, Field.optional("o", 1, schema));
          inner = value;
          break;
        default:
          outer = RecordSchema.of(name, Field.of("r", 1, schema));
          inner = value;
          break;
      }
      value = GenericRecord.builder(outer).set(outer.field(0).name(), inner).build();
      schema = outer;
      depth += adds;
      path.add(0, w);
    }
    Limits limits = Limits.defaults().withMaxDepth(limit);
    symmetric(kit, schema, limits, value, depth <= limit,
        "a value " + depth + " levels deep through " + path + ", maxDepth " + limit);
  }

  private static final RecordSchema SIZES = RecordSchema.of("Sizes",
      Field.of("xs", 1, Schema.list(Schema.int32())),
      Field.of("m", 2, Schema.map(Schema.string(), Schema.int32())),
      Field.of("f32", 3, Schema.float32Vector()),
      Field.of("f64", 4, Schema.float64Vector()),
      Field.of("fp16", 5, Schema.float32Vector(Quantization.FP16)),
      Field.of("bf16", 6, Schema.float32Vector(Quantization.BF16)),
      Field.of("int8", 7, Schema.float32Vector(Quantization.INT8)),
      Field.of("strings", 8, Schema.list(Schema.string())));

  private static void collection(Kit kit, Case c) throws Exception {
    int limit = c.limit();
    int n = limit + c.delta();
    String f = SIZES.field((int) Long.remainderUnsigned(c.variant(), SIZES.size())).name();
    GenericRecord.Builder b = GenericRecord.builder(SIZES);
    switch (f) {
      case "xs": {
        List<Integer> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          xs.add(i);
        }
        b.set(f, xs);
        break;
      }
      case "strings": {
        List<String> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          xs.add("s" + i);
        }
        b.set(f, xs);
        break;
      }
      case "m": {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          m.put("k" + i, i);
        }
        b.set(f, m);
        break;
      }
      case "f64": {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = i * 0.5;
        }
        b.set(f, d);
        break;
      }
      default: {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = i * 0.25f - 1;
        }
        b.set(f, v);
        break;
      }
    }
    // maxStringBytes as small as maxCollectionSize: a format that carries a vector as text or bytes must
    // count its elements, not the bytes of its carrier.
    Limits limits = Limits.defaults().withMaxCollectionSize(limit).withMaxStringBytes(limit);
    symmetric(kit, SIZES, limits, b.build(), n <= limit, f + " with " + n + " elements, maxCollectionSize and "
        + "maxStringBytes " + limit);
  }

  private static final RecordSchema TEXTS = RecordSchema.of("Texts",
      Field.of("s", 1, Schema.string()),
      Field.of("keys", 2, Schema.map(Schema.string(), Schema.int32())),
      Field.of("values", 3, Schema.map(Schema.int32(), Schema.string())),
      Field.of("list", 4, Schema.list(Schema.string())),
      Field.optional("maybe", 5, Schema.string()));

  /** One character of each UTF-8 length: 1, 2, 3 and 4 bytes. */
  private static final String[] CHARS = {"x", "é", "€", "\uD83D\uDE00"};

  private static void string(Kit kit, Case c) throws Exception {
    int limit = c.limit() + 4;
    int bytes = limit + c.delta();
    String ch = CHARS[(int) Long.remainderUnsigned(c.variant(), CHARS.length)];
    int width = ch.equals("x") ? 1 : ch.equals("é") ? 2 : ch.equals("€") ? 3 : 4;
    StringBuilder sb = new StringBuilder();
    int used = 0;
    while (used + width <= bytes) {
      sb.append(ch);
      used += width;
    }
    while (used < bytes) {
      sb.append('x');
      used++;
    }
    String s = sb.toString();
    String where = TEXTS.field((int) Long.remainderUnsigned(c.variant() >>> 8, TEXTS.size())).name();
    GenericRecord.Builder b = GenericRecord.builder(TEXTS);
    switch (where) {
      case "keys": b.set(where, Map.of(s, 1)); break;
      case "values": b.set(where, Map.of(1, s)); break;
      case "list": b.set(where, List.of("a", s)); break;
      default: b.set(where, s); break;
    }
    Limits limits = Limits.defaults().withMaxStringBytes(limit);
    symmetric(kit, TEXTS, limits, b.build(), bytes <= limit,
        "a string of " + bytes + " UTF-8 bytes (" + s.length() + " chars of '" + ch + "') in " + where
            + ", maxStringBytes " + limit);
  }

  private static final RecordSchema BLOBS = RecordSchema.of("Blobs",
      Field.of("b", 1, Schema.bytes()),
      Field.of("bs", 2, Schema.list(Schema.bytes())),
      Field.optional("maybe", 3, Schema.bytes()));

  private static void bytes(Kit kit, Case c) throws Exception {
    int limit = c.limit() + 4;
    int n = limit + c.delta();
    byte[] data = new byte[n];
    new java.util.SplittableRandom(c.variant()).nextBytes(data);
    String where = BLOBS.field((int) Long.remainderUnsigned(c.variant(), BLOBS.size())).name();
    GenericRecord value = GenericRecord.builder(BLOBS).set(where, where.equals("bs") ? List.of(data) : data).build();
    Limits limits = Limits.defaults().withMaxStringBytes(limit);
    symmetric(kit, BLOBS, limits, value, n <= limit, "a byte array of " + n + " bytes in " + where
        + ", maxStringBytes " + limit);
  }

  private static void message(Kit kit, Case c) throws Exception {
    Codec<GenericRecord> plain = kit.generic(TEXTS);
    int base = plain.encode(GenericRecord.builder(TEXTS).build()).length;
    int limit = base + 8 * c.limit();
    Limits limits = Limits.defaults().withMaxMessageBytes(limit);
    // strings of growing length: the encoder decides which fit, and the decoder must agree
    for (int n = Math.max(0, limit - base - 12); n <= limit - base + 4; n++) {
      GenericRecord v = GenericRecord.builder(TEXTS).set("s", "m".repeat(n)).build();
      symmetric(kit, TEXTS, limits, v, null, "a message with a string of " + n + " bytes, maxMessageBytes " + limit);
    }
  }

  // ---- the rule ------------------------------------------------------------------------------------------

  /**
   * Encodes {@code value} under {@code limits} and decodes what was written under the same limits.
   * {@code within} says whether the value obeys the limits (null: let the encoder decide): within, both
   * must succeed; over, the encoder must refuse.
   */
  private static void symmetric(Kit kit, RecordSchema schema, Limits limits, GenericRecord value, Boolean within,
      String what) throws Exception {
    Codec<GenericRecord> codec = kit.generic(schema, limits);
    byte[] bytes;
    try {
      bytes = Guard.call("encoding " + what, () -> codec.encode(value));
    } catch (EncodeException e) {
      if (Boolean.TRUE.equals(within)) {
        throw new AssertionError(what + ": within the limits, but encoding failed: " + e.getMessage(), e);
      }
      return;
    }
    if (Boolean.FALSE.equals(within)) {
      throw new AssertionError(what + ": over the limit, but the encoder wrote " + bytes.length
          + " bytes (" + Describe.hex(bytes) + "); an encoder must refuse what its decoder will refuse");
    }
    byte[] written = bytes;
    Guard.call("decoding " + what, () -> {
      try {
        Values.assertEqual(what, value, codec.decode(written));
      } catch (DecodeException e) {
        throw new AssertionError(what + ": the codec encoded it but refuses to decode it under the same limits: "
            + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new AssertionError(what + ": decoding what the codec wrote threw " + e, e);
      }
      return null;
    });
  }
}
