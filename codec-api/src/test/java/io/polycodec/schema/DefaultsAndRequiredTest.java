package io.polycodec.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.Default;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.Required;
import io.polycodec.SchemaException;
import io.polycodec.Tag;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model part of defaults and required: validation, text forms, snapshots, annotations, decoding. */
class DefaultsAndRequiredTest {
  static final EnumSchema COLOR = EnumSchema.of("Color", "RED", "GREEN", "BLUE");

  static final RecordSchema ALL = RecordSchema.of("Defaults",
      Field.of("i8", 1, Schema.int8()).withDefault(-7),
      Field.of("i32", 2, Schema.int32()).withDefaultText("1234"),
      Field.of("i64", 3, Schema.int64()).withDefaultText("-9223372036854775808"),
      Field.of("f32", 4, Schema.float32()).withDefaultText("nan"),
      Field.of("f64", 5, Schema.float64()).withDefaultText("-inf"),
      Field.of("flag", 6, Schema.bool()).withDefault(true),
      Field.of("text", 7, Schema.string()).withDefaultText("some \"quoted\"\n text"),
      Field.of("raw", 8, Schema.bytes()).withDefault(new byte[] {1, 2, 3}),
      Field.of("color", 9, COLOR).withDefault("BLUE"),
      Field.of("id", 10, Schema.string()).withRequired(true),
      Field.of("u32", 11, Schema.int32(IntEncoding.UNSIGNED)).withDefaultText("4294967295"));

  @Test
  void defaultsAreCanonicalAndValidatedAgainstTheKind() {
    assertEquals(-7, ALL.field("i8").defaultValue());
    assertEquals(1234, ALL.field("i32").defaultValue());
    assertEquals(Long.MIN_VALUE, ALL.field("i64").defaultValue());
    assertTrue(Float.isNaN((Float) ALL.field("f32").defaultValue()));
    assertEquals(Double.NEGATIVE_INFINITY, ALL.field("f64").defaultValue());
    assertEquals(-1, ALL.field("u32").defaultValue());
    assertEquals("4294967295", ALL.field("u32").defaultText());
    assertEquals("BLUE", ALL.field("color").defaultValue());
    byte[] raw = (byte[]) ALL.field("raw").defaultValue();
    raw[0] = 9; // a copy: the field is not changed
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) ALL.field("raw").defaultValue());
    assertFalse(ALL.field("i8").required());
    assertTrue(ALL.field("id").required());

    SchemaException range = assertThrows(SchemaException.class, () -> Field.of("small", 1, Schema.int8()).withDefault(128));
    assertTrue(range.getMessage().contains("small"), range.getMessage());
    assertThrows(SchemaException.class, () -> Field.of("n", 1, Schema.int32()).withDefaultText("12x"));
    assertThrows(SchemaException.class, () -> Field.of("n", 1, Schema.int32()).withDefault("12"));
    assertThrows(SchemaException.class, () -> Field.of("b", 1, Schema.bool()).withDefaultText("yes"));
    assertThrows(SchemaException.class, () -> Field.of("f", 1, Schema.float64()).withDefaultText("1d"));
    SchemaException constant = assertThrows(SchemaException.class, () -> Field.of("c", 1, COLOR).withDefault("PINK"));
    assertTrue(constant.getMessage().contains("PINK") && constant.getMessage().contains("c:"), constant.getMessage());
    assertThrows(SchemaException.class, () -> Field.optional("o", 1, Schema.int32()).withDefault(1));
    assertThrows(SchemaException.class, () -> Field.optional("o", 1, Schema.int32()).withRequired(true));
    assertThrows(SchemaException.class, () -> Field.of("t", 1, Schema.timestamp()).withDefault(java.time.Instant.EPOCH));
    // Making a field optional drops what optional fields cannot have.
    Field opt = ALL.field("id").withOptional(true);
    assertFalse(opt.required());
    assertFalse(ALL.field("i32").withOptional(true).hasDefault());
  }

  @Test
  void snapshotsCarryThemAndOldSnapshotsKeepTheirText() {
    String json = SchemaSnapshot.toJson(ALL);
    assertTrue(json.contains("\"required\": true"), json);
    assertTrue(json.contains("\"default\": \"nan\""), json);
    assertTrue(json.contains("\"default\": \"some \\\"quoted\\\"\\u000a text\""), json);
    RecordSchema back = SchemaSnapshot.fromJson(json);
    assertEquals(ALL, back);
    assertEquals(json, SchemaSnapshot.toJson(back));

    RecordSchema plain = RecordSchema.of("P", Field.of("n", 1, Schema.int32()));
    String plainJson = SchemaSnapshot.toJson(plain);
    assertFalse(plainJson.contains("default") || plainJson.contains("required"), plainJson);
    // The text (and so the fingerprint) a schema without them had before defaults existed.
    assertEquals("{\n  \"polycodec\": \"schema/1\",\n  \"root\": \"P\",\n  \"types\": [\n"
        + "    {\"kind\": \"record\", \"name\": \"P\", \"fields\": [\n"
        + "      {\"name\": \"n\", \"tag\": 1, \"type\": \"int32\"}\n    ]}\n  ]\n}\n", plainJson);
    RecordSchema withDefault = RecordSchema.of("P", Field.of("n", 1, Schema.int32()).withDefault(0));
    assertNotEquals(SchemaSnapshot.fingerprint(plain), SchemaSnapshot.fingerprint(withDefault));
    assertNotEquals(plain, withDefault);
    assertThrows(SchemaException.class, () -> SchemaSnapshot.fromJson(plainJson.replace("\"int32\"}", "\"int32\", \"default\": \"x\"}")));
  }

  @Test
  void decodingAnAbsentFieldGivesItsDefaultAndRefusesAMissingRequiredOne() {
    RecordBinding<GenericRecord> b = RecordBinding.generic(ALL);
    FieldSlots slots = b.newSlots();
    slots.set(ALL.indexOf("id"), "x");
    GenericRecord r = b.build(slots);
    assertEquals(-7, r.get("i8"));
    assertEquals(1234, r.get("i32"));
    assertTrue(Float.isNaN((Float) r.get("f32")));
    assertEquals(true, r.get("flag"));
    assertEquals(GenericEnum.of("BLUE", 2), r.get("color"));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) r.get("raw"));
    assertEquals("some \"quoted\"\n text", r.get("text"));

    DecodeException missing = assertThrows(DecodeException.class, () -> b.build(b.newSlots()));
    assertTrue(missing.getMessage().contains("id"), missing.getMessage());

    // A value that was set, even to the kind's zero, is kept.
    FieldSlots zero = b.newSlots();
    zero.set(ALL.indexOf("id"), "");
    zero.setInt(ALL.indexOf("i32"), 0);
    assertEquals(0, b.build(zero).get("i32"));
  }

  @Test
  void genericRecordBuilderUsesDefaultsAndRequiresRequiredFields() {
    GenericRecord r = GenericRecord.builder(ALL).set("id", "a").build();
    assertEquals(1234, r.get("i32"));
    assertEquals(GenericEnum.of("BLUE", 2), r.get("color"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> GenericRecord.builder(ALL).build());
    assertTrue(e.getMessage().contains("Defaults.id"), e.getMessage());
  }

  enum Level { LOW, HIGH }

  record Annotated(@Default("1234") int n, @Default("nan") double d, @Default("HIGH") Level level,
      @Default("some") String s, @Required String id, @Default("-3") short small) {}

  record BadDefault(@Default("300") byte b) {}

  record OptionalDefault(@Default("1") java.util.Optional<Integer> n) {}

  record RequiredList(@Required List<String> names) {}

  @Test
  void annotationsDeriveTheSame() {
    RecordSchema s = Codecs.schemaOf(Annotated.class);
    assertEquals(1234, s.field("n").defaultValue());
    assertTrue(Double.isNaN((Double) s.field("d").defaultValue()));
    assertEquals("HIGH", s.field("level").defaultValue());
    assertEquals("some", s.field("s").defaultValue());
    assertEquals(-3, s.field("small").defaultValue());
    assertTrue(s.field("id").required());

    RecordBinding<Annotated> b = RecordBinding.of(Annotated.class);
    FieldSlots slots = b.newSlots();
    slots.set(s.indexOf("id"), "k");
    assertEquals(new Annotated(1234, Double.NaN, Level.HIGH, "some", "k", (short) -3), b.build(slots));
    assertThrows(DecodeException.class, () -> b.build(b.newSlots()));

    assertTrue(Codecs.schemaOf(RequiredList.class).field("names").required(), "collections may be required");
    for (Class<?> bad : List.of(BadDefault.class, OptionalDefault.class)) {
      SchemaException e = assertThrows(SchemaException.class, () -> Codecs.schemaOf(bad), bad.getName());
      assertTrue(e.getMessage().contains(bad.getSimpleName() + "."), e.getMessage());
    }
  }

  // ---- enum numbers beyond int, enum defaults no constant has, required collections (issue 19) ----

  /** FlatBuffers' monster_test LongEnum: ulong bit_flags with LongBig = 1 << 40. */
  static final EnumSchema LONG_ENUM = EnumSchema.of("LongEnum", List.of(new EnumSchema.Constant("LongOne", 2),
      new EnumSchema.Constant("LongTwo", 4), new EnumSchema.Constant("LongBig", 1L << 40)));

  enum Flags { A, B }

  enum FlagsWithFallback { A, B, @io.polycodec.Fallback UNKNOWN }

  record NoFlagsDefault(@Default("5") Flags flags) {}

  record NoFlagsDefaultFallback(@Tag(1) @Default("7") FlagsWithFallback flags) {}

  @Test
  void enumNumbersAreLongs() {
    assertEquals(1L << 40, LONG_ENUM.byName("LongBig").number());
    assertEquals("LongBig", LONG_ENUM.byNumber(1L << 40).name());
    assertEquals(null, LONG_ENUM.byNumber(0), "(int) (1L << 40) is 0: numbers are not truncated");
    RecordSchema r = RecordSchema.of("M", Field.of("e", 1, LONG_ENUM));
    RecordSchema back = SchemaSnapshot.fromJson(SchemaSnapshot.toJson(r));
    assertEquals(r, back);
    assertEquals(1L << 40, ((EnumSchema) back.field("e").type()).byName("LongBig").number());
    GenericEnum big = GenericEnum.unknown((1L << 40) | 2);
    assertEquals((1L << 40) | 2, big.number());
    assertNotEquals(GenericEnum.unknown(2), big);
  }

  @Test
  void anEnumDefaultMayBeANumberNoConstantHas() {
    Field f = Field.of("flags", 1, LONG_ENUM).withDefault(GenericEnum.unknown(0));
    assertEquals(0L, f.defaultValue());
    assertEquals("0", f.defaultText());
    assertEquals(f, Field.of("flags", 1, LONG_ENUM).withDefaultText("0"));
    assertEquals("LongTwo", Field.of("flags", 1, LONG_ENUM).withDefault(4L).defaultValue(),
        "a number a constant has is that constant");
    assertEquals("LongTwo", Field.of("flags", 1, LONG_ENUM).withDefaultText("4").defaultValue());
    assertEquals(6L, Field.of("flags", 1, LONG_ENUM).withDefaultText("6").defaultValue(), "a combination");
    RecordSchema r = RecordSchema.of("M", f, Field.of("other", 2, LONG_ENUM));
    assertEquals(r, SchemaSnapshot.fromJson(SchemaSnapshot.toJson(r)));
    GenericRecord built = GenericRecord.builder(r).build();
    assertEquals(GenericEnum.unknown(0), built.get("flags"));
    assertEquals("LongOne", ((GenericEnum) built.get("other")).name(), "without a default: the first constant");
    RecordBinding<GenericRecord> b = RecordBinding.generic(r);
    assertEquals(GenericEnum.unknown(0), b.build(b.newSlots()).get("flags"), "absent decodes to the number");
    assertTrue(DefaultValues.isDefault(GenericEnum.unknown(0), 0L));
    assertFalse(DefaultValues.isDefault(GenericEnum.of("LongOne", 2), 0L));
    assertFalse(DefaultValues.isDefault(GenericEnum.unknown(2), "LongOne"), "no NullPointerException on unknown values");

    SchemaException e = assertThrows(SchemaException.class, () -> Codecs.schemaOf(NoFlagsDefault.class));
    assertTrue(e.getMessage().contains("NoFlagsDefault.flags") && e.getMessage().contains("@Fallback"), e.getMessage());
    RecordBinding<NoFlagsDefaultFallback> fb = RecordBinding.of(NoFlagsDefaultFallback.class);
    assertEquals(new NoFlagsDefaultFallback(FlagsWithFallback.UNKNOWN), fb.build(fb.newSlots()));
  }

  @Test
  void collectionsMayBeRequired() {
    RecordSchema r = RecordSchema.of("M", Field.of("xs", 1, Schema.list(Schema.string())).withRequired(true));
    assertTrue(r.field("xs").required());
    assertEquals(r, SchemaSnapshot.fromJson(SchemaSnapshot.toJson(r)));
    assertTrue(r.field("xs").withType(Schema.list(Schema.int32())).required());
    RecordBinding<GenericRecord> b = RecordBinding.generic(r);
    DecodeException e = assertThrows(DecodeException.class, () -> b.build(b.newSlots()));
    assertTrue(e.getMessage().contains("xs"), e.getMessage());
    assertThrows(SchemaException.class, () -> Field.of("xs", 1, Schema.list(Schema.string())).withDefault(List.of()));
  }
}
