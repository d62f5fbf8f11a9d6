package io.polycodec.protobuf.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import com.google.protobuf.util.Timestamps;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.Tag;
import io.polycodec.protobuf.json.testproto.Everything;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Schema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mapping's details on GenericRecords with proto-style names, the options, and bad input. */
class ProtobufJsonCodecTest {
  // The part of test message Everything that an imported schema would name in snake_case.
  private static final EnumSchema COLOR = EnumSchema.of("polycodec.pbjson.test.Color", "RED", "GREEN", "BLUE");
  private static final RecordSchema SNAKE = RecordSchema.of("polycodec.pbjson.test.Everything",
      Field.of("unsigned_small", 4, ScalarSchema.of(Kind.INT32, IntEncoding.UNSIGNED)),
      Field.of("display_name", 8, ScalarSchema.of(Kind.STRING)),
      Field.of("created_at", 10, ScalarSchema.of(Kind.TIMESTAMP)),
      Field.of("color", 11, COLOR),
      Field.of("colors", 21, Schema.list(COLOR)));

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Codec<GenericRecord> snake(CodecOptions options) {
    return Codecs.generic("protobuf-json", SNAKE, options);
  }

  private static GenericRecord sample() {
    return GenericRecord.builder(SNAKE).set("unsigned_small", -1).set("display_name", "Ada")
        .set("created_at", Instant.parse("2026-12-03T10:00:00.120Z"))
        .set("color", io.polycodec.GenericEnum.of("BLUE", 2))
        .set("colors", List.of(io.polycodec.GenericEnum.of("GREEN", 1))).build();
  }

  private static Everything parseWithJsonFormat(String json) throws Exception {
    Everything.Builder b = Everything.newBuilder();
    JsonFormat.parser().merge(json, b);
    return b.build();
  }

  @Test
  void importedSnakeCaseNamesAreWrittenAsJsonNamesOrProtoNamesLikeJsonFormat() throws Exception {
    String camel = text(snake(CodecOptions.defaults()).encode(sample()));
    String proto = text(snake(CodecOptions.builder().set(ProtobufJsonOptions.PRESERVE_PROTO_NAMES, true).build())
        .encode(sample()));
    Everything m = parseWithJsonFormat(camel);
    assertEquals(m, parseWithJsonFormat(proto));
    assertNull(JsonTrees.difference(JsonTrees.parse(camel), JsonTrees.parse(JsonFormat.printer().print(m)), "$"));
    assertNull(JsonTrees.difference(JsonTrees.parse(proto),
        JsonTrees.parse(JsonFormat.printer().preservingProtoFieldNames().print(m)), "$"));
    assertTrue(camel.contains("\"displayName\":\"Ada\"") && camel.contains("\"unsignedSmall\":4294967295"), camel);
    assertTrue(proto.contains("\"display_name\":\"Ada\""), proto);
    // both spellings are read, whatever the option
    assertEquals(sample(), snake(CodecOptions.defaults()).decode(bytes(proto)));
  }

  @Test
  void unknownKeysAreSkippedByDefaultAndRefusedWhenStrict() {
    String json = "{\"displayName\":\"Ada\",\"shoeSize\":{\"eu\":[42]}}";
    assertEquals("Ada", snake(CodecOptions.defaults()).decode(bytes(json)).get("display_name"));
    DecodeException e = assertThrows(DecodeException.class, () -> snake(
        CodecOptions.builder().set(ProtobufJsonOptions.IGNORE_UNKNOWN_FIELDS, false).build()).decode(bytes(json)));
    assertTrue(e.getMessage().contains("shoeSize"), e.getMessage());
  }

  @Test
  void unknownEnumNamesAreRefusedByDefaultAndDroppedWhenAsked() {
    String json = "{\"color\":\"PURPLE\",\"colors\":[\"GREEN\",\"PURPLE\",\"BLUE\"]}";
    DecodeException e = assertThrows(DecodeException.class, () -> snake(CodecOptions.defaults()).decode(bytes(json)));
    assertEquals("polycodec.pbjson.test.Everything.color", e.path(), e.getMessage());
    GenericRecord r = snake(CodecOptions.builder().set(ProtobufJsonOptions.IGNORE_UNKNOWN_ENUM_VALUES, true).build())
        .decode(bytes(json));
    assertEquals(0, ((io.polycodec.GenericEnum) r.get("color")).number());
    assertEquals(List.of(1L, 2L), ((List<?>) r.get("colors")).stream()
        .map(c -> ((io.polycodec.GenericEnum) c).number()).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1970-01-01T00:00:01Z", "2026-12-03T10:00:00.120Z", "2026-12-03T10:00:00.000120Z",
      "2026-12-03T10:00:00.000000120Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
  void timestampsArePrintedAsProtobufPrintsThem(String text) throws Exception {
    Instant t = Instant.parse(text);
    com.google.protobuf.Timestamp ts = com.google.protobuf.Timestamp.newBuilder()
        .setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    assertEquals(Timestamps.toString(ts), Scalars.timestampText(t));
    assertEquals(t, Scalars.parseTimestamp(Timestamps.toString(ts)));
  }

  record Small(@Tag(1) int small, @Tag(2) String displayName) {}

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"small\":\"abc\"}|Small.small",
      "{\"small\":1.5}|Small.small",
      "{\"small\":2147483648}|Small.small",
      "{\"small\":\"1e999999999\"}|Small.small",
      "{\"small\":1e99999999999}|Small.small",
      "{\"small\":\"1E-99999999999\"}|Small.small",
      "{\"small\":true}|Small.small",
      "{\"small\":1,\"small\":2}|Small.small",
      "{\"displayName\":\"a\",\"display_name\":\"b\"}|Small.displayName",
      "{\"displayName\":7}|Small.displayName",
      "{\"displayName\":\"\\uD800\"}|Small.displayName",
      "{\"displayName\":\"\\uDC00\\uD800\"}|Small.displayName",
      "{\"small\":1|Small",
      "[]|Small",
  })
  void badInputIsADecodeExceptionWithPathAndOffset(String json, String path) {
    DecodeException e = assertThrows(DecodeException.class,
        () -> Codecs.get("protobuf-json", Small.class).decode(bytes(json)));
    assertEquals("protobuf-json", e.format(), e.getMessage());
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.offset() >= 0, e.getMessage());
  }

  @Test
  void aMessageNamesFormatOffsetAndPath() {
    DecodeException e = assertThrows(DecodeException.class,
        () -> Codecs.get("protobuf-json", Small.class).decode(bytes("{\"small\":\"abc\"}")));
    assertEquals("protobuf-json: at offset 9: Small.small: not an integer (int32)", e.getMessage());
  }

  @Test
  void nullValueIsWrittenAndReadAsNull() {
    EnumSchema nullValue = EnumSchema.of("google.protobuf.NullValue", "NULL_VALUE");
    RecordSchema s = RecordSchema.of("t.WithNull", Field.optional("nothing", 1, nullValue),
        Field.optional("other", 2, ScalarSchema.of(Kind.STRING)));
    Codec<GenericRecord> codec = Codecs.generic("protobuf-json", s);
    GenericRecord r = codec.decode(bytes("{\"nothing\":null,\"other\":null}"));
    assertEquals(0, ((io.polycodec.GenericEnum) r.get("nothing")).number());
    assertNull(r.get("other"));
    assertEquals("{\"nothing\":null}", text(codec.encode(r)));
  }

  @Test
  void theFormatIsFoundByNameAndMediaType() {
    assertEquals(ProtobufJsonProvider.FORMAT, Codecs.provider("protobuf-json").format());
    assertEquals("protobuf-json", Codecs.providerForMediaType("application/protobuf+json; charset=utf-8").format().name());
    // plain application/json stays Polycodec JSON's (codec-json, on the class path as this module's base)
    assertTrue(!ProtobufJsonProvider.FORMAT.matchesMediaType("application/json"));
    assertEquals("json", Codecs.providerForMediaType("application/json").format().name());
  }

  /** A byte, a short and a set: protobuf int32 numbers and a repeated field. */
  record Narrow(byte tiny, short small, java.util.Set<String> tags, java.util.SortedSet<Integer> ranks) {}

  @Test
  void int8AndInt16AreInt32NumbersHeldToTheirRange() {
    Codec<Narrow> codec = Codecs.get("protobuf-json", Narrow.class);
    Narrow n = new Narrow((byte) -128, (short) 32767, java.util.Set.of("b", "a"), new java.util.TreeSet<>(List.of(3, 1)));
    assertEquals("{\"tiny\":-128,\"small\":32767,\"tags\":[\"a\",\"b\"],\"ranks\":[1,3]}", text(codec.encode(n)));
    assertEquals(n, codec.decode(bytes("{\"tiny\":\"-128\",\"small\":3.2767e4,\"tags\":[\"b\",\"a\"],\"ranks\":[3,1]}")));
    DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(bytes("{\"tiny\":128}")));
    assertTrue(e.getMessage().contains("Narrow.tiny") && e.getMessage().contains("-128 to 127"), e.getMessage());
    e = assertThrows(DecodeException.class, () -> codec.decode(bytes("{\"small\":-32769}")));
    assertTrue(e.getMessage().contains("Narrow.small") && e.getMessage().contains("-32768 to 32767"), e.getMessage());
  }

  @Test
  void aRepeatedSetElementIsADecodeException() {
    Codec<Narrow> codec = Codecs.get("protobuf-json", Narrow.class);
    DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(bytes("{\"tags\":[\"a\",\"a\"]}")));
    assertTrue(e.getMessage().contains("tags") && e.getMessage().contains("repeats"), e.getMessage());
    e = assertThrows(DecodeException.class, () -> codec.decode(bytes("{\"ranks\":[2,2]}")));
    assertTrue(e.getMessage().contains("ranks") && e.getMessage().contains("repeats"), e.getMessage());
  }

  @Test
  void enumAliasesAreReadAndTheConstantsNameIsWritten() {
    EnumSchema aliased = EnumSchema.of("t.Aliased", List.of(new EnumSchema.Constant("ALIAS_FOO", 0),
        new EnumSchema.Constant("ALIAS_BAZ", 2)), java.util.Map.of("MOO", 2, "moo", 2, "bAz", 2));
    RecordSchema s = RecordSchema.of("t.WithAlias", Field.of("e", 1, aliased));
    Codec<GenericRecord> codec = Codecs.generic("protobuf-json", s,
        CodecOptions.builder().set(ProtobufJsonOptions.IGNORE_UNKNOWN_FIELDS, false).build());
    for (String name : List.of("ALIAS_BAZ", "MOO", "moo", "bAz")) {
      GenericRecord r = codec.decode(bytes("{\"e\":\"" + name + "\"}"));
      assertEquals(2, ((io.polycodec.GenericEnum) r.get("e")).number(), name);
      assertEquals("{\"e\":\"ALIAS_BAZ\"}", text(codec.encode(r)), name);
    }
    assertThrows(DecodeException.class, () -> codec.decode(bytes("{\"e\":\"BAZ\"}")));
    assertThrows(IllegalArgumentException.class, () -> EnumSchema.of("t.Bad",
        List.of(new EnumSchema.Constant("A", 0)), java.util.Map.of("B", 1)));
  }
}
