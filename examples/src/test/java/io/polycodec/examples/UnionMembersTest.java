package io.polycodec.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import io.polycodec.GenericUnion;
import io.polycodec.SchemaException;
import io.polycodec.msgpack.MsgpackKeys;
import io.polycodec.msgpack.MsgpackOptions;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Union members beyond "one record each" (FlatBuffers' aliases and string members, from {@code .fbs}
 * import) in every format: aliases keep their member through each format's own member key (tag or
 * name); string members work in every format but JSON, whose union form is the member's fields beside
 * {@code "@type"}, where they are a {@link SchemaException} naming the member.
 */
class UnionMembersTest {
  private static final RecordSchema MONSTER = RecordSchema.of("ex.Monster", Field.of("name", 1, Schema.string()),
      Field.optional("hp", 2, Schema.int32()));
  private static final RecordSchema WEAPON = RecordSchema.of("ex.Weapon", Field.of("damage", 1, Schema.int32()));
  private static final UnionSchema AMB = UnionSchema.of("ex.Amb", List.of(new UnionSchema.Member("M1", 1, MONSTER),
      new UnionSchema.Member("M2", 2, MONSTER), new UnionSchema.Member("W", 3, WEAPON)));
  private static final UnionSchema THING = UnionSchema.of("ex.Thing", List.of(new UnionSchema.Member("Monster", 1, MONSTER),
      UnionSchema.Member.ofString("Label", 2)));
  private static final RecordSchema LAIR = RecordSchema.of("ex.Lair", Field.of("id", 1, Schema.int32()),
      Field.optional("amb", 2, AMB), Field.of("ambs", 3, Schema.list(AMB)));
  private static final RecordSchema ROOM = RecordSchema.of("ex.Room", Field.optional("thing", 1, THING),
      Field.of("things", 2, Schema.list(THING)));

  private static Codec<GenericRecord> codec(String format, RecordSchema schema, boolean byName) {
    CodecOptions options = byName ? CodecOptions.defaults().with(MsgpackOptions.KEYS, MsgpackKeys.NAMES)
        : CodecOptions.defaults();
    return Codecs.generic(format, schema, options);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack", "msgpack-names", "protobuf", "protobuf-json", "flatbuffers"})
  void aliasesKeepTheirMember(String format) {
    Codec<GenericRecord> codec = codec(format.replace("-names", ""), LAIR, format.endsWith("-names"));
    GenericRecord boss = GenericRecord.builder(MONSTER).set("name", "Zog").set("hp", 3).build();
    GenericRecord lair = GenericRecord.builder(LAIR).set("id", 7).set("amb", GenericUnion.of("M2", boss))
        .set("ambs", List.of(GenericUnion.of("M1", boss), GenericUnion.of("M2", boss),
            GenericRecord.builder(WEAPON).set("damage", 9).build()))
        .build();
    GenericRecord back = codec.decode(codec.encode(lair));
    assertEquals(lair, back);
    assertEquals("M2", ((GenericUnion) back.get("amb")).member());
    GenericRecord asM1 = GenericRecord.builder(LAIR).set("id", 7).set("amb", GenericUnion.of("M1", boss)).build();
    assertFalse(Arrays.equals(codec.encode(asM1), codec.encode(GenericRecord.builder(LAIR).set("id", 7)
        .set("amb", GenericUnion.of("M2", boss)).build())), "M1 and M2 differ on the wire");
    assertEquals("M1", ((GenericUnion) codec.decode(codec.encode(asM1)).get("amb")).member());
  }

  @ParameterizedTest
  @ValueSource(strings = {"msgpack", "msgpack-names", "protobuf", "protobuf-json", "flatbuffers"})
  void stringMembersWhereTheFormatHoldsThem(String format) {
    Codec<GenericRecord> codec = codec(format.replace("-names", ""), ROOM, format.endsWith("-names"));
    GenericRecord room = GenericRecord.builder(ROOM).set("thing", "hello")
        .set("things", List.of("", GenericRecord.builder(MONSTER).set("name", "imp").build(), "x")).build();
    assertEquals(room, codec.decode(codec.encode(room)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json"})
  void stringMembersAreRefusedInJson(String format) {
    SchemaException e = assertThrows(SchemaException.class, () -> Codecs.generic(format, ROOM));
    assertTrue(e.getMessage().contains("ex.Thing") && e.getMessage().contains("Label"), e.getMessage());
  }
}
