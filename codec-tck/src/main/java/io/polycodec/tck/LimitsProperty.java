package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import io.polycodec.tck.engine.Describe;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Property;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Limits} are enforced exactly where the rule is exact (records nested through optional fields,
 * elements of a collection, ASCII string bytes, message bytes) and with slack where formats may count
 * differently (nesting through lists, map values and unions, byte arrays): a value at the limit decodes,
 * one past it (every kind of container must count) is a
 * DecodeException. A value nested far deeper than the default limit fails cleanly, never with a
 * StackOverflowError. A codec reports the limits it was built with.
 */
final class LimitsProperty {
  private LimitsProperty() {}

  /** Which limit, and the limit's value. */
  record Case(int kind, int limit, int which) {
    @Override
    public String toString() {
      String[] names = {"depth through optional records", "depth through lists", "a very deep value",
          "collection size", "string and byte-array length", "message size", "depth through map values",
          "depth through unions"};
      return names[kind] + ", limit " + limit + ", variant " + which;
    }
  }

  static Property<Case> property(Kit kit) {
    Gen<Case> cases = s -> new Case((int) s.choose(7), 1 + (int) s.choose(29), (int) s.choose(5));
    return Property.of("limits", 80, cases, c -> check(kit, c));
  }

  private static final RecordSchema NODE = node();
  private static final RecordSchema TREE = tree();
  private static final RecordSchema MAP_TREE = mapTree();
  private static final RecordSchema UNION_CHAIN = unionChain();
  private static final RecordSchema SIZES = RecordSchema.of("Sizes",
      Field.of("xs", 1, Schema.list(Schema.int32())),
      Field.of("m", 2, Schema.map(Schema.string(), Schema.int32())),
      Field.of("v", 3, Schema.float32Vector()),
      Field.of("d", 4, Schema.float64Vector()),
      Field.of("s", 5, Schema.string()),
      Field.of("b", 6, Schema.bytes()));

  /** A string in a union member counts toward maxStringBytes like one in a field. */
  private static final RecordSchema STRING_MEMBER = RecordSchema.of("StringMember",
      Field.of("u", 1, UnionSchema.of("TextOrNode", List.of(new UnionSchema.Member("node", 1, NODE),
          UnionSchema.Member.ofString("text", 2)))));

  private static RecordSchema node() {
    RecordSchema.Builder b = RecordSchema.builder("Node");
    b.field("v", 1, Schema.int32()).optionalField("next", 2, b.ref());
    return b.build();
  }

  private static RecordSchema tree() {
    RecordSchema.Builder b = RecordSchema.builder("Tree");
    b.field("v", 1, Schema.int32()).field("kids", 2, Schema.list(b.ref()));
    return b.build();
  }

  private static RecordSchema mapTree() {
    RecordSchema.Builder b = RecordSchema.builder("MapTree");
    b.field("v", 1, Schema.int32()).field("kids", 2, Schema.map(Schema.string(), b.ref()));
    return b.build();
  }

  private static RecordSchema unionChain() {
    RecordSchema.Builder b = RecordSchema.builder("UnionLink");
    b.field("v", 1, Schema.int32()).optionalField("next", 2, UnionSchema.of("Next", b.ref()));
    return b.build();
  }

  private static void check(Kit kit, Case c) throws Exception {
    Limits limits = Limits.defaults();
    switch (c.kind()) {
      case 0: {
        int l = 1 + c.limit();
        limits = limits.withMaxDepth(l);
        // The root record is depth 1, so a chain of l records is exactly at the limit.
        expectDecodes(kit, NODE, limits, chain(l), "a chain of " + l + " records with maxDepth " + l);
        expectFails(kit, NODE, limits, chain(l + 1), "a chain of " + (l + 1) + " records with maxDepth " + l);
        break;
      }
      case 1: {
        int l = 2 + c.limit();
        limits = limits.withMaxDepth(2 * l + 2);
        // Whether a list counts as a level of its own is the format's business: allow for both.
        expectDecodes(kit, TREE, limits, tree(l), "records nested " + l + " deep through lists, maxDepth " + (2 * l + 2));
        expectFails(kit, TREE, limits, tree(2 * l + 3), "records nested " + (2 * l + 3) + " deep through lists, maxDepth "
            + (2 * l + 2));
        break;
      }
      case 2:
        veryDeep(kit, 1000 + 100 * c.which());
        break;
      case 6: {
        // Map values count like list elements: whether the map is a level of its own is the format's business.
        int l = 2 + c.limit();
        limits = limits.withMaxDepth(2 * l + 2);
        expectDecodes(kit, MAP_TREE, limits, nested(MAP_TREE, l), "records nested " + l + " deep through map values, maxDepth "
            + (2 * l + 2));
        expectFails(kit, MAP_TREE, limits, nested(MAP_TREE, 2 * l + 3), "records nested " + (2 * l + 3)
            + " deep through map values, maxDepth " + (2 * l + 2));
        break;
      }
      case 7: {
        // A union may count as one level or two (the union and its member record): allow for both.
        int l = 2 + c.limit();
        limits = limits.withMaxDepth(3 * l + 3);
        expectDecodes(kit, UNION_CHAIN, limits, nested(UNION_CHAIN, l), "records nested " + l + " deep through unions,"
            + " maxDepth " + (3 * l + 3));
        expectFails(kit, UNION_CHAIN, limits, nested(UNION_CHAIN, 3 * l + 4), "records nested " + (3 * l + 4)
            + " deep through unions, maxDepth " + (3 * l + 3));
        break;
      }
      case 3: {
        int l = c.limit();
        limits = limits.withMaxCollectionSize(l);
        for (String f : new String[] {"xs", "m", "v", "d"}) {
          expectDecodes(kit, SIZES, limits, sized(f, l), f + " with " + l + " elements, maxCollectionSize " + l);
          expectFails(kit, SIZES, limits, sized(f, l + 1), f + " with " + (l + 1) + " elements, maxCollectionSize " + l);
        }
        break;
      }
      case 4: {
        int l = 4 + c.limit();
        limits = limits.withMaxStringBytes(l);
        expectDecodes(kit, SIZES, limits, GenericRecord.builder(SIZES).set("s", "x".repeat(l)).build(),
            "a string of " + l + " ASCII bytes, maxStringBytes " + l);
        expectFails(kit, SIZES, limits, GenericRecord.builder(SIZES).set("s", "x".repeat(l + 1)).build(),
            "a string of " + (l + 1) + " ASCII bytes, maxStringBytes " + l);
        if (kit.stringMembers) {
          expectDecodes(kit, STRING_MEMBER, limits, GenericRecord.builder(STRING_MEMBER).set("u", "x".repeat(l)).build(),
              "a string member of " + l + " ASCII bytes, maxStringBytes " + l);
          expectFails(kit, STRING_MEMBER, limits, GenericRecord.builder(STRING_MEMBER).set("u", "x".repeat(l + 1)).build(),
              "a string member of " + (l + 1) + " ASCII bytes, maxStringBytes " + l);
        }
        // Text formats may count encoded bytes (base64): allow slack below, none above.
        expectDecodes(kit, SIZES, limits, GenericRecord.builder(SIZES).set("b", new byte[l / 2]).build(),
            "a byte array of " + (l / 2) + " bytes, maxStringBytes " + l);
        expectFails(kit, SIZES, limits, GenericRecord.builder(SIZES).set("b", new byte[l + 1]).build(),
            "a byte array of " + (l + 1) + " bytes, maxStringBytes " + l);
        break;
      }
      default:
        messageSize(kit, 24 + 8 * c.limit());
        break;
    }
  }

  /** Encoders may bound depth too; the values here are deeper than the decoder's limit, not the encoder's. */
  private static Codec<GenericRecord> encoder(Kit kit, RecordSchema schema) {
    return kit.generic(schema, Limits.defaults().withMaxDepth(1000));
  }

  private static GenericRecord chain(int records) {
    GenericRecord r = GenericRecord.builder(NODE).set("v", records).build();
    for (int i = records - 1; i >= 1; i--) {
      r = GenericRecord.builder(NODE).set("v", i).set("next", r).build();
    }
    return r;
  }

  private static GenericRecord tree(int records) {
    GenericRecord r = GenericRecord.builder(TREE).set("v", records).build();
    for (int i = records - 1; i >= 1; i--) {
      r = GenericRecord.builder(TREE).set("v", i).set("kids", List.of(r)).build();
    }
    return r;
  }

  private static GenericRecord nested(RecordSchema schema, int records) {
    GenericRecord r = GenericRecord.builder(schema).set("v", records).build();
    for (int i = records - 1; i >= 1; i--) {
      GenericRecord.Builder b = GenericRecord.builder(schema).set("v", i);
      r = schema == MAP_TREE ? b.set("kids", Map.of("k" + i, r)).build() : b.set("next", r).build();
    }
    return r;
  }

  private static GenericRecord sized(String field, int n) {
    GenericRecord.Builder b = GenericRecord.builder(SIZES);
    switch (field) {
      case "xs": {
        List<Integer> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          xs.add(i);
        }
        return b.set("xs", xs).build();
      }
      case "m": {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          m.put("k" + i, i);
        }
        return b.set("m", m).build();
      }
      case "v":
        return b.set("v", new float[n]).build();
      default:
        return b.set("d", new double[n]).build();
    }
  }

  private static void expectDecodes(Kit kit, RecordSchema schema, Limits limits, GenericRecord value, String what) {
    Codec<GenericRecord> codec = kit.generic(schema, limits);
    if (!codec.limits().equals(limits)) {
      throw new AssertionError("codec.limits() is " + codec.limits() + " but the codec was built with " + limits);
    }
    byte[] bytes = encoder(kit, schema).encode(value);
    try {
      Values.assertEqual(what, value, codec.decode(bytes.clone()));
    } catch (DecodeException e) {
      throw new AssertionError(what + ": within the limit, but decoding failed: " + e.getMessage(), e);
    }
  }

  private static void expectFails(Kit kit, RecordSchema schema, Limits limits, GenericRecord value, String what)
      throws Exception {
    Codec<GenericRecord> codec = kit.generic(schema, limits);
    byte[] bytes = encoder(kit, schema).encode(value);
    Guard.call(what, () -> {
      try {
        GenericRecord got = codec.decode(bytes.clone());
        throw new AssertionError(what + ": over the limit, but decoded to " + Describe.of(got));
      } catch (DecodeException expected) {
        return null;
      } catch (RuntimeException | Error e) {
        if (e instanceof AssertionError) {
          throw e;
        }
        throw new AssertionError(what + ": expected a DecodeException, got " + e, e);
      }
    });
  }

  private static void veryDeep(Kit kit, int depth) throws Exception {
    GenericRecord value = chain(depth);
    Codec<GenericRecord> codec = kit.generic(NODE);
    String what = "a chain of " + depth + " records (default maxDepth " + Limits.defaults().maxDepth() + ")";
    byte[] bytes = Guard.call(what, () -> {
      try {
        return codec.encode(value);
      } catch (EncodeException refused) {
        return null;
      } catch (StackOverflowError e) {
        throw new AssertionError("encoding " + what + " overflowed the stack; refuse it with an EncodeException", e);
      }
    });
    if (bytes != null) {
      expectFailsWith(codec, bytes, what);
    }
  }

  private static void expectFailsWith(Codec<GenericRecord> codec, byte[] bytes, String what) throws Exception {
    Guard.call(what, () -> {
      try {
        codec.decode(bytes.clone());
        throw new AssertionError(what + ": decoded although deeper than the limit");
      } catch (DecodeException expected) {
        return null;
      } catch (StackOverflowError e) {
        throw new AssertionError(what + ": StackOverflowError instead of a DecodeException", e);
      } catch (RuntimeException e) {
        throw new AssertionError(what + ": expected a DecodeException, got " + e, e);
      }
    });
  }

  private static void messageSize(Kit kit, int max) throws Exception {
    Codec<GenericRecord> plain = kit.generic(SIZES);
    Limits limits = Limits.defaults().withMaxMessageBytes(max);
    Codec<GenericRecord> limited = kit.generic(SIZES, limits);
    GenericRecord fits = null;
    GenericRecord over = null;
    for (int n = 0; n < 4 * max && (fits == null || over == null); n++) {
      GenericRecord v = GenericRecord.builder(SIZES).set("s", "y".repeat(n)).build();
      int size = plain.encode(v).length;
      if (size <= max) {
        fits = v;
      } else if (over == null) {
        over = v;
      }
    }
    if (fits != null) {
      byte[] bytes = plain.encode(fits);
      Values.assertEqual("a message of " + bytes.length + " bytes, maxMessageBytes " + max, fits, limited.decode(bytes.clone()));
    }
    byte[] big = plain.encode(over);
    String what = "a message of " + big.length + " bytes, maxMessageBytes " + max;
    expectFailsWith(limited, big, what);
    Guard.call(what + " from an InputStream", () -> {
      try {
        limited.decode(new ByteArrayInputStream(big));
        throw new AssertionError(what + ", read from an InputStream, decoded");
      } catch (DecodeException expected) {
        return null;
      }
    });
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    plain.encodeDelimited(over, framed);
    Guard.call(what + " as a frame", () -> {
      try {
        limited.decodeDelimited(new ByteArrayInputStream(framed.toByteArray()));
        throw new AssertionError(what + ", read as a delimited frame, decoded");
      } catch (DecodeException expected) {
        return null;
      }
    });
  }
}
