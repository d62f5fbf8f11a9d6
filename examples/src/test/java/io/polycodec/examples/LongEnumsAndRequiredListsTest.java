package io.polycodec.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.SchemaException;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19's model changes in the formats other than FlatBuffers (its own tests cover it against flatc):
 * enum numbers beyond int (monster_test's {@code LongBig = 1 << 40}), an enum default no constant has
 * (a bit_flags field's "no flags", 0), and required lists.
 */
class LongEnumsAndRequiredListsTest {
  static final EnumSchema LONG_ENUM = EnumSchema.of("LongEnum", List.of(new EnumSchema.Constant("LongOne", 2),
      new EnumSchema.Constant("LongTwo", 4), new EnumSchema.Constant("LongBig", 1L << 40)));
  static final RecordSchema FLAGS = RecordSchema.of("Flags",
      Field.of("none", 1, LONG_ENUM).withDefault(GenericEnum.unknown(0)),
      Field.of("big", 2, LONG_ENUM),
      Field.of("all", 3, Schema.list(LONG_ENUM)));
  static final RecordSchema TAGGED = RecordSchema.of("Tagged",
      Field.of("name", 1, Schema.string()),
      Field.of("tags", 2, Schema.list(Schema.string())).withRequired(true));
  static final RecordSchema UNTAGGED = RecordSchema.of("Tagged", Field.of("name", 1, Schema.string()));

  /** JSON and MessagePack write enum names, and numbers no constant has, in 64 bits. */
  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void enumNumbersBeyondIntRoundTrip(String format) {
    Codec<GenericRecord> codec = Codecs.generic(format, FLAGS);
    GenericRecord v = GenericRecord.builder(FLAGS).set("big", "LongBig")
        .set("all", List.of(GenericEnum.unknown(2 | 1L << 40), GenericEnum.of("LongBig", 1L << 40), GenericEnum.unknown(-1)))
        .build();
    assertEquals(v, codec.decode(codec.encode(v)));
    assertEquals(GenericEnum.unknown(0), v.get("none"), "the default: a number no constant has");
    GenericRecord flags = GenericRecord.builder(FLAGS).set("none", GenericEnum.unknown(6)).build();
    assertEquals(flags, codec.decode(codec.encode(flags)));
  }

  /** Protobuf enums are int32: a constant beyond it is refused when the codec is made, naming it. */
  @ParameterizedTest
  @ValueSource(strings = {"protobuf", "protobuf-json"})
  void protobufRefusesConstantsBeyondInt32(String format) {
    SchemaException e = assertThrows(SchemaException.class, () -> Codecs.generic(format, FLAGS));
    assertTrue(e.getMessage().contains("LongBig = 1099511627776") && e.getMessage().contains("int32"), e.getMessage());
  }

  /** An int enum in protobuf: a GenericEnum holding a number beyond int32 is an EncodeException, not a truncation. */
  @Test
  void protobufRefusesAnUnknownNumberBeyondInt32() {
    EnumSchema small = EnumSchema.of("Small", "A", "B");
    RecordSchema r = RecordSchema.of("R", Field.of("e", 1, small));
    Codec<GenericRecord> codec = Codecs.generic("protobuf", r);
    GenericRecord v = GenericRecord.builder(r).set("e", GenericEnum.unknown(1L << 32)).build();
    EncodeException e = assertThrows(EncodeException.class, () -> codec.encode(v));
    assertTrue(e.getMessage().contains("4294967296"), e.getMessage());
  }

  /** JSON and MessagePack write every list, so data without a required one is refused, naming it. */
  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack", "protobuf-json"})
  void aMissingRequiredListIsADecodeException(String format) {
    byte[] without = Codecs.generic(format, UNTAGGED).encode(GenericRecord.builder(UNTAGGED).set("name", "x").build());
    DecodeException e = assertThrows(DecodeException.class, () -> Codecs.generic(format, TAGGED).decode(without));
    assertTrue(e.getMessage().contains("tags") && e.getMessage().contains("required"), e.getMessage());
    Codec<GenericRecord> codec = Codecs.generic(format, TAGGED);
    GenericRecord empty = GenericRecord.builder(TAGGED).set("name", "x").set("tags", List.of()).build();
    assertEquals(empty, codec.decode(codec.encode(empty)), "an empty required list is written");
  }

  /** Protobuf leaves an empty repeated field off the wire: a required list cannot be enforced, absent reads empty. */
  @Test
  void protobufReadsAnAbsentRequiredListAsEmpty() {
    byte[] without = Codecs.generic("protobuf", UNTAGGED).encode(GenericRecord.builder(UNTAGGED).set("name", "x").build());
    GenericRecord back = Codecs.generic("protobuf", TAGGED).decode(without);
    assertEquals(List.of(), back.get("tags"));
    assertTrue(io.polycodec.protobuf.ProtoExport.proto3(TAGGED, "").contains("repeated string tags = 2;"),
        "a required list is a plain repeated field, and needs no proto2");
  }

  /** An enum default no constant has (bit flags: 0) in every format: absent reads as it, it round-trips. */
  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack", "protobuf", "protobuf-json", "flatbuffers"})
  void anEnumDefaultNoConstantHasIsTheAbsentValue(String format) {
    EnumSchema flags = EnumSchema.of("Flags", List.of(new EnumSchema.Constant("A", 1), new EnumSchema.Constant("B", 2)));
    RecordSchema r = RecordSchema.of("R", Field.of("name", 1, Schema.string()),
        Field.of("flags", 2, flags).withDefault(GenericEnum.unknown(0)));
    RecordSchema without = RecordSchema.of("R", Field.of("name", 1, Schema.string()));
    Codec<GenericRecord> codec = Codecs.generic(format, r);
    byte[] absent = Codecs.generic(format, without).encode(GenericRecord.builder(without).set("name", "x").build());
    assertEquals(GenericEnum.unknown(0), codec.decode(absent).get("flags"));
    for (GenericEnum v : List.of(GenericEnum.unknown(0), GenericEnum.unknown(3), GenericEnum.of("B", 2))) {
      GenericRecord value = GenericRecord.builder(r).set("name", "x").set("flags", v).build();
      assertEquals(value, codec.decode(codec.encode(value)));
    }
  }
}
