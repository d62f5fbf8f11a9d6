package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.polycodec.GenericRecord;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Google's monster_test data (flatc 2.0.8, see resources/flatbuffers/SOURCE.txt) read with a Polycodec
 * schema equivalent to the part of monster_test.fbs the model can express (tag = id + 1), and checked
 * against monsterdata_test.json. docs/flatbuffers.md lists the fields left out and why.
 */
class MonsterFixtureTest {

  static final RecordSchema STAT = RecordSchema.builder("MyGame.Example.Stat")
      .optionalField("id", 1, Schema.string())
      .field("val", 2, Schema.int64())
      .build();  // count: ushort (id 2) has no model kind

  static final RecordSchema REFERRABLE = RecordSchema.builder("MyGame.Example.Referrable")
      .field("id", 1, Schema.int64(IntEncoding.UNSIGNED))
      .build();

  static final RecordSchema IN_PARENT = RecordSchema.of("MyGame.InParentNamespace");

  static final io.polycodec.schema.EnumSchema LONG_ENUM = io.polycodec.schema.EnumSchema.of("MyGame.Example.LongEnum",
      List.of(new io.polycodec.schema.EnumSchema.Constant("LongOne", 2),
          new io.polycodec.schema.EnumSchema.Constant("LongTwo", 4),
          new io.polycodec.schema.EnumSchema.Constant("LongBig", 1L << 40)));

  static final RecordSchema MONSTER = monster();

  private static RecordSchema monster() {
    RecordSchema.Builder b = RecordSchema.builder("MyGame.Example.Monster");
    RecordSchema self = b.ref();
    Schema u32 = Schema.int32(IntEncoding.UNSIGNED);
    Schema u64 = Schema.int64(IntEncoding.UNSIGNED);
    return b
        .field("name", 4, Schema.string())
        .field("inventory", 6, Schema.bytes())
        .field("testarrayofstring", 11, Schema.list(Schema.string()))
        .field("testarrayoftables", 12, Schema.list(self))
        .optionalField("enemy", 13, self)
        .field("testnestedflatbuffer", 14, Schema.bytes())
        .optionalField("testempty", 15, STAT)
        .field("testbool", 16, Schema.bool())
        .field("testhashs32_fnv1", 17, Schema.int32())
        .field("testhashu32_fnv1", 18, u32)
        .field("testhashs64_fnv1", 19, Schema.int64())
        .field("testhashu64_fnv1", 20, u64)
        .field("testhashs32_fnv1a", 21, Schema.int32())
        .field("testhashu32_fnv1a", 22, u32)
        .field("testhashs64_fnv1a", 23, Schema.int64())
        .field("testhashu64_fnv1a", 24, u64)
        .field("testarrayofbools", 25, Schema.list(Schema.bool()))
        .optionalField("testf", 26, Schema.float32())   // default 3.14159: absent means that default
        .optionalField("testf2", 27, Schema.float32())  // default 3
        .field("testf3", 28, Schema.float32())
        .field("testarrayofstring2", 29, Schema.list(Schema.string()))
        .field("flex", 31, Schema.bytes())
        .field("vector_of_longs", 33, Schema.list(Schema.int64()))
        .field("vector_of_doubles", 34, Schema.float64Vector())
        .optionalField("parent_namespace_test", 35, IN_PARENT)
        .field("vector_of_referrables", 36, Schema.list(REFERRABLE))
        .field("single_weak_reference", 37, u64)
        .field("vector_of_weak_references", 38, Schema.list(u64))
        .field("vector_of_strong_referrables", 39, Schema.list(REFERRABLE))
        .field("co_owning_reference", 40, u64)
        .field("vector_of_co_owning_references", 41, Schema.list(u64))
        .field("non_owning_reference", 42, u64)
        .field("vector_of_non_owning_references", 43, Schema.list(u64))
        .field("testrequirednestedflatbuffer", 50, Schema.bytes())
        .field("scalar_key_sorted_tables", 51, Schema.list(STAT))
        // LongEnum: ulong bit_flags with LongBig = 1 << 40; without a default, flatc's is 0 (no flags).
        .field(io.polycodec.schema.Field.of("long_enum_non_enum_default", 53, LONG_ENUM)
            .withDefault(io.polycodec.GenericEnum.unknown(0)))
        .field("long_enum_normal_default", 54, LONG_ENUM)     // = LongOne, the first constant
        .build();
  }

  /** The Monster codec: LongEnum is a ulong bit_flags enum. */
  static FlatBuffersCodec<GenericRecord> codec() {
    FlatLayout layout = FlatLayout.builder().enumType("MyGame.Example.LongEnum", "ulong")
        .bitFlags("MyGame.Example.LongEnum").build();
    return FlatBuffersCodec.of(io.polycodec.bind.RecordBinding.generic(MONSTER),
        io.polycodec.CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT, layout));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = MonsterFixtureTest.class.getResourceAsStream("/flatbuffers/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void monsterDataMatchesItsJson() throws IOException {
    byte[] mon = resource("monsterdata_test.mon");
    assertEquals("MONS", new String(mon, 4, 4, StandardCharsets.US_ASCII), "a file identifier precedes the root table");
    FlatBuffersCodec<GenericRecord> codec = codec();
    GenericRecord decoded = codec.decode(mon);
    assertEquals(expectedFromJson(), decoded);
  }

  /** The JSON's values for the fields of MONSTER, with FlatBuffers' own rules applied by hand. */
  private static GenericRecord expectedFromJson() throws IOException {
    JsonNode json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build()
        .readTree(resource("monsterdata_test.json"));
    GenericRecord.Builder b = GenericRecord.builder(MONSTER);
    b.set("name", json.get("name").textValue());
    byte[] inventory = new byte[json.get("inventory").size()];
    for (int i = 0; i < inventory.length; i++) {
      inventory[i] = (byte) json.get("inventory").get(i).intValue();
    }
    b.set("inventory", inventory);
    b.set("testarrayofstring", strings(json.get("testarrayofstring")));
    b.set("enemy", GenericRecord.builder(MONSTER).set("name", json.get("enemy").get("name").textValue()).build());
    b.set("testbool", json.get("testbool").booleanValue());
    List<Object> bools = new ArrayList<>();
    json.get("testarrayofbools").forEach(n -> bools.add(n.booleanValue()));
    b.set("testarrayofbools", bools);
    List<Object> longs = new ArrayList<>();
    json.get("vector_of_longs").forEach(n -> longs.add(n.longValue()));
    b.set("vector_of_longs", longs);
    double[] doubles = new double[json.get("vector_of_doubles").size()];
    for (int i = 0; i < doubles.length; i++) {
      doubles[i] = json.get("vector_of_doubles").get(i).doubleValue();
    }
    b.set("vector_of_doubles", doubles);
    // flatc hashes strings given for fields with a hash attribute (FNV-1 / FNV-1a, 32 or 64 bits).
    for (String field : List.of("testhashs32_fnv1", "testhashu32_fnv1", "testhashs32_fnv1a", "testhashu32_fnv1a")) {
      b.set(field, fnv32(json.get(field).textValue(), field.endsWith("a")));
    }
    for (String field : List.of("testhashs64_fnv1", "testhashu64_fnv1", "testhashs64_fnv1a", "testhashu64_fnv1a")) {
      b.set(field, fnv64(json.get(field).textValue(), field.endsWith("a"), FLATBUFFERS_FNV64_BASIS));
    }
    // Stat's key is count (a ushort the model lacks): flatc sorts such vectors by key when it builds them.
    List<JsonNode> stats = new ArrayList<>();
    json.get("scalar_key_sorted_tables").forEach(stats::add);
    stats.sort(Comparator.comparingInt(n -> n.get("count").intValue()));
    List<Object> statRecords = new ArrayList<>();
    for (JsonNode s : stats) {
      statRecords.add(GenericRecord.builder(STAT).set("id", s.get("id").textValue()).set("val", s.get("val").longValue()).build());
    }
    b.set("scalar_key_sorted_tables", statRecords);
    return b.build();
  }

  private static List<Object> strings(JsonNode arr) {
    List<Object> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.textValue()));
    return out;
  }

  static int fnv32(String s, boolean alternate) {
    int h = 0x811C9DC5;
    for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
      if (alternate) {
        h = (h ^ (c & 0xFF)) * 0x01000193;
      } else {
        h = (h * 0x01000193) ^ (c & 0xFF);
      }
    }
    return h;
  }

  /** FNV's published 64-bit offset basis. */
  static final long FNV64_BASIS = 0xCBF29CE484222325L;
  /** The 64-bit offset basis FlatBuffers' hash.h uses instead (it differs from FNV's in two digits). */
  static final long FLATBUFFERS_FNV64_BASIS = 0xCBF29CE484222645L;

  static long fnv64(String s, boolean alternate, long basis) {
    long h = basis;
    for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
      if (alternate) {
        h = (h ^ (c & 0xFF)) * 0x100000001B3L;
      } else {
        h = (h * 0x100000001B3L) ^ (c & 0xFF);
      }
    }
    return h;
  }

  @Test
  void viewOfTheMonster() throws IOException {
    FlatView<GenericRecord> v = codec().view(ByteBuffer.wrap(resource("monsterdata_test.mon")));
    assertEquals("MyMonster", v.getString("name"));
    assertEquals(ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4}), v.getBytes("inventory"));
    assertEquals("Fred", v.getRecord("enemy").getString("name"));
    assertEquals(Double.MAX_VALUE, v.getDoubleVector("vector_of_doubles").get(2));
    assertEquals(100_000_000L, v.getList("vector_of_longs").getLong(4));
    assertFalse(v.has("testf"), "3.14159 is the schema's default, so flatc left it out");
    assertNull(v.getRecord("testempty"));
    assertTrue(v.getBoolean("testbool"));
    assertEquals(0, v.getEnumNumber("long_enum_non_enum_default"), "absent: no flags");
    assertEquals(2, v.getEnumNumber("long_enum_normal_default"), "absent: LongOne");
    assertEquals(io.polycodec.GenericEnum.unknown(0), v.toValue().get("long_enum_non_enum_default"));
  }

  @Test
  void theHashesAreFlatcs() {
    // Published FNV test vectors, so that the expected hashes above do not rest on this code alone.
    assertEquals(0x050C5D7E, fnv32("a", false));
    assertEquals(0xE40C292C, fnv32("a", true));
    assertEquals(0xAF63BD4C8601B7BEL, fnv64("a", false, FNV64_BASIS));
    assertEquals(0xAF63DC4C8601EC8CL, fnv64("a", true, FNV64_BASIS));
  }

  @Test
  void mutantsOfAForeignBuffer() throws IOException {
    byte[] mon = resource("monsterdata_test.mon");
    FlatBuffersCodec<GenericRecord> codec = codec();
    Random rnd = new Random(600);
    for (int i = 0; i < 3000; i++) {
      MutationTest.check(codec, MutationTest.mutate(mon, rnd), "monster mutant " + i);
    }
  }

  @Test
  void flatcRebuildsTheSameBytes() throws IOException {
    byte[] mon = resource("monsterdata_test.mon");
    GenericRecord decoded = codec().decode(mon);
    // Encoding what the model holds gives other bytes (fields dropped, another layout) but the same values.
    byte[] ours = codec().encode(decoded);
    assertEquals(decoded, codec().decode(ours));
    assertFalse(java.util.Arrays.equals(mon, ours));
    assertArrayEquals(ours, codec().encode(codec().decode(ours)));
  }
}
