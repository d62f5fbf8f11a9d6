package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.DecodeException;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.schema.RecordSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .fbs} import of field defaults and {@code (required)}: {@code src/test/resources/fbs/defaults.fbs}
 * and its {@code defaults.bfbs} ({@code flatc -b --schema --bfbs-builtins defaults.fbs}, flatc 2.0.8). The
 * expected values below are the literals of defaults.fbs.
 */
class FbsImportDefaultsTest {
  // flatc ids of defaults.fbs's Hero (declaration order).
  private static final int NAME_ID = 15;
  private static final int ITEM_ID = 16;
  private static final int HERO_FIELDS = 22;

  private static FbsImport.Imported imported() throws IOException {
    return FbsImport.read(FbsImportTest.resource("defaults.bfbs"));
  }

  @Test
  void importsDefaultsAndRequired() throws IOException {
    RecordSchema hero = imported().schema();
    assertEquals(1234, hero.field("hp").defaultValue());
    assertEquals(-150, hero.field("mana").defaultValue());
    assertTrue(Float.isNaN((Float) hero.field("nan_f").defaultValue()));
    assertEquals(Double.NEGATIVE_INFINITY, hero.field("neg_inf").defaultValue());
    assertEquals(Float.POSITIVE_INFINITY, hero.field("pos_inf").defaultValue());
    assertEquals(2.5, hero.field("ratio").defaultValue());
    assertEquals(true, hero.field("brave").defaultValue());
    assertEquals("None", hero.field("race").defaultValue(), "a negative enum default");
    assertEquals("Elf", hero.field("rank").defaultValue());
    assertEquals("High", hero.field("level").defaultValue());
    assertEquals((int) (byte) 200, hero.field("u8").defaultValue(), "a ubyte's default keeps its bits in int8");
    assertEquals((int) (short) 65000, hero.field("u16").defaultValue());
    assertEquals((int) 4000000000L, hero.field("u32").defaultValue());
    assertEquals(9000000000000000000L, hero.field("big").defaultValue());
    assertEquals(-9000000000L, hero.field("neg_long").defaultValue());
    assertFalse(hero.field("zero").hasDefault(), "a zero default is the kind's zero");
    assertFalse(hero.field("maybe").hasDefault());
    assertTrue(hero.field("maybe").optional());
    assertTrue(hero.field("name").required() && !hero.field("name").optional());
    assertTrue(hero.field("item").required() && !hero.field("item").optional());
    assertFalse(hero.field("note").required());
    assertTrue(hero.field("note").optional());
    RecordSchema item = (RecordSchema) hero.field("item").type();
    assertEquals(7, item.field("weight").defaultValue());

    String fbs = imported().fbs();
    for (String line : List.of("hp: int = 1234", "nan_f: float = nan", "neg_inf: double = -inf", "race: dflt.Race = None",
        "u8: ubyte = 200", "u16: ushort = 65000", "u32: uint = 4000000000", "big: ulong = 9000000000000000000")) {
      assertTrue(fbs.contains(line), "expected '" + line + "' in:\n" + fbs);
    }
    assertTrue(fbs.matches("(?s).*name: string \\(id: 15, required\\);.*"), fbs);
  }

  @Test
  void exportConformsBothWays(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("defaults.fbs"), FbsImportTest.resource("defaults.fbs"));
    FbsImport.Imported im = Flatc.importSchema(dir, "defaults.fbs");
    // --conform compares defaults ("defaults differ for field"), so a lost or changed default fails here.
    Flatc.conformsBothWays(dir, "defaults.fbs", im.fbs());
  }

  /** flatc writes a Hero with only its required fields; every other field reads as its default. */
  @Test
  void flatcBuffersWithFieldsAbsentDecodeToTheDefaults(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("defaults.fbs"), FbsImportTest.resource("defaults.fbs"));
    Files.write(dir.resolve("defaults-1.json"), FbsImportTest.resource("defaults-1.json"));
    Flatc.run(dir, List.of("-b", "defaults.fbs", "defaults-1.json"));
    byte[] flatcBytes = Files.readAllBytes(dir.resolve("defaults-1.bin"));
    FlatBuffersCodec<GenericRecord> codec = imported().codec();
    GenericRecord v = codec.decode(flatcBytes);
    assertDefaults(v);
    // Polycodec's re-encoding leaves the defaults out as flatc did; flatc prints both the same.
    Files.write(dir.resolve("ours.bin"), codec.encode(v));
    Flatc.run(dir, List.of("--json", "--defaults-json", "-o", "flatc", "defaults.fbs", "--", "defaults-1.bin"));
    Flatc.run(dir, List.of("--json", "--defaults-json", "-o", "ours", "defaults.fbs", "--", "ours.bin"));
    assertEquals(Files.readString(dir.resolve("flatc/defaults-1.json")), Files.readString(dir.resolve("ours/ours.json")));
    assertEquals(flatcBytes.length, codec.encode(v).length, "no default written");
  }

  /** The same without flatc: a buffer built with flatbuffers-java holding only the required fields. */
  @Test
  void absentFieldsDecodeToTheDefaults() throws IOException {
    assertDefaults(imported().codec().decode(hero(true, true)));
  }

  @Test
  void aBufferMissingARequiredFieldIsADecodeException() throws IOException {
    FlatBuffersCodec<GenericRecord> codec = imported().codec();
    DecodeException noName = assertThrows(DecodeException.class, () -> codec.decode(hero(false, true)));
    assertTrue(noName.getMessage().contains("name"), noName.getMessage());
    DecodeException noItem = assertThrows(DecodeException.class, () -> codec.decode(hero(true, false)));
    assertTrue(noItem.getMessage().contains("item"), noItem.getMessage());
  }

  private static void assertDefaults(GenericRecord v) {
    assertEquals(1234, v.get("hp"));
    assertEquals(-150, v.get("mana"));
    assertTrue(Float.isNaN((Float) v.get("nan_f")));
    assertEquals(Double.NEGATIVE_INFINITY, v.get("neg_inf"));
    assertEquals(Float.POSITIVE_INFINITY, v.get("pos_inf"));
    assertEquals(2.5, v.get("ratio"));
    assertEquals(true, v.get("brave"));
    assertEquals("None", ((GenericEnum) v.get("race")).name());
    assertEquals(-1, ((GenericEnum) v.get("race")).number());
    assertEquals("Elf", ((GenericEnum) v.get("rank")).name());
    assertEquals(60000, ((GenericEnum) v.get("level")).number());
    assertEquals(200, Byte.toUnsignedInt(((Integer) v.get("u8")).byteValue()));
    assertEquals(65000, Short.toUnsignedInt(((Integer) v.get("u16")).shortValue()));
    assertEquals(4000000000L, Integer.toUnsignedLong((Integer) v.get("u32")));
    assertEquals(9000000000000000000L, v.get("big"));
    assertEquals(-9000000000L, v.get("neg_long"));
    assertEquals(0, v.get("zero"));
    assertNull(v.get("maybe"));
    assertNull(v.get("note"));
    assertEquals("x", v.get("name"));
    assertEquals(7, ((GenericRecord) v.get("item")).get("weight"));
    assertEquals("Strong", ((GenericEnum) v.get("perks")).name(), "a bit_flags enum's default flag");
    assertEquals(List.of(), v.get("perk_list"));
  }

  /**
   * {@code bit_flags}: the single flags are the enum's constants (1, 2, 16 from positions 0, 1, 4); flatc's
   * combinations ({@code "Swift Wise"}) decode to numbers no constant has, and go back to flatc unchanged.
   */
  @Test
  void bitFlagsCombinationsRoundTripThroughFlatc(@TempDir Path dir) throws IOException {
    Flatc.require();
    io.polycodec.schema.EnumSchema perk = (io.polycodec.schema.EnumSchema) imported().schema().field("perks").type();
    assertEquals(List.of(new io.polycodec.schema.EnumSchema.Constant("Swift", 1),
        new io.polycodec.schema.EnumSchema.Constant("Strong", 2), new io.polycodec.schema.EnumSchema.Constant("Wise", 16)),
        perk.constants());
    // Exported as bit_flags again (positions: Wise = 4 is 1 << 4), so flatc prints combinations by name.
    assertTrue(imported().fbs().contains("enum Perk : ubyte (bit_flags) {") && imported().fbs().contains("Wise = 4"),
        imported().fbs());
    Files.write(dir.resolve("defaults.fbs"), FbsImportTest.resource("defaults.fbs"));
    Files.write(dir.resolve("defaults-2.json"), FbsImportTest.resource("defaults-2.json"));
    Flatc.run(dir, List.of("-b", "defaults.fbs", "defaults-2.json"));
    FlatBuffersCodec<GenericRecord> codec = imported().codec();
    GenericRecord v = codec.decode(Files.readAllBytes(dir.resolve("defaults-2.bin")));
    assertEquals(17, ((GenericEnum) v.get("perks")).number(), "Swift | Wise");
    assertNull(((GenericEnum) v.get("perks")).name());
    List<?> list = (List<?>) v.get("perk_list");
    assertEquals(List.of(1L, 18L), list.stream().map(e -> ((GenericEnum) e).number()).toList());
    assertEquals(0, v.get("hp"), "a value equal to the kind's zero but not the default is written and read");
    assertEquals(0, ((GenericRecord) v.get("item")).get("weight"));
    Files.write(dir.resolve("ours.bin"), codec.encode(v));
    Flatc.run(dir, List.of("--json", "--defaults-json", "-o", "flatc", "defaults.fbs", "--", "defaults-2.bin"));
    Flatc.run(dir, List.of("--json", "--defaults-json", "-o", "ours", "defaults.fbs", "--", "ours.bin"));
    String printed = Files.readString(dir.resolve("ours/ours.json"));
    assertEquals(Files.readString(dir.resolve("flatc/defaults-2.json")), printed);
    assertTrue(printed.contains("perks: \"Swift Wise\""), printed);
  }

  /**
   * A bit_flags field without a default defaults to "no flags" (0), which no constant is: it imports with
   * the number 0 as its default ({@code GenericEnum.unknown(0)}), reads so when absent, is left out when 0,
   * and the export conforms with the original both ways.
   */
  @Test
  void aBitFlagsFieldDefaultingToNoFlagsImports(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.writeString(dir.resolve("flags.fbs"), "enum F : ubyte (bit_flags) { A, B }\n"
        + "table T { f: F; g: F = B; fs: [F]; }\nroot_type T;\n");
    FbsImport.Imported im = Flatc.importSchema(dir, "flags.fbs");
    assertEquals(0L, im.schema().field("f").defaultValue());
    assertEquals("B", im.schema().field("g").defaultValue());
    FlatBuffersCodec<GenericRecord> codec = im.codec();
    FlatBufferBuilder b = new FlatBufferBuilder(16);
    b.startTable(3);
    b.finish(b.endTable());
    GenericRecord empty = codec.decode(b.sizedByteArray());
    assertEquals(GenericEnum.unknown(0), empty.get("f"));
    assertEquals("B", ((GenericEnum) empty.get("g")).name());
    assertEquals(GenericEnum.unknown(0), GenericRecord.builder(im.schema()).build().get("f"));
    assertEquals(codec.encode(empty).length, codec.encode(GenericRecord.builder(im.schema()).build()).length);
    assertTrue(im.fbs().contains("f: F = 0 (id: 0);"), im.fbs());
    Flatc.conformsBothWays(dir, "flags.fbs", im.fbs());
  }

  /** A Hero table with only name and/or item set (flatc's own JSON parser refuses to leave them out). */
  private static byte[] hero(boolean withName, boolean withItem) {
    FlatBufferBuilder b = new FlatBufferBuilder(64);
    int name = b.createString("x");
    b.startTable(1);
    int item = b.endTable();
    b.startTable(HERO_FIELDS);
    if (withName) {
      b.addOffset(NAME_ID, name, 0);
    }
    if (withItem) {
      b.addOffset(ITEM_ID, item, 0);
    }
    int hero = b.endTable();
    b.finish(hero, "DFLT");
    return b.sizedByteArray();
  }
}
