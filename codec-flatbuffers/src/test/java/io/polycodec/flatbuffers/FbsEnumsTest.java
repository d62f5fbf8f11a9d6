package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.RecordSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's constructs on {@code src/test/resources/fbs/beasts.fbs} (its {@code beasts.bfbs} committed as
 * flatc 2.0.8 writes it with {@code -b --schema --bfbs-builtins}): monster_test's {@code LongEnum : ulong
 * (bit_flags)} with {@code LongBig = 1 << 40}, a bit_flags field without a default (flatc: 0, no flags),
 * a {@code long} enum with numbers beyond int, enums in a struct and in vectors, and required vectors
 * {@code [T] (required)}: import, export conforming both ways, flatc's binaries decoding to what flatc
 * prints, Polycodec's bytes printed by flatc the same, and mutants refused with DecodeExceptions.
 */
class FbsEnumsTest {
  private static final String[] SAMPLES = {"beasts-1", "beasts-2"};

  private static FbsImport.Imported imported() throws IOException {
    return FbsImport.read(FbsImportTest.resource("beasts.bfbs"));
  }

  @Test
  void importsLongEnumsFlagDefaultsAndRequiredVectors() throws IOException {
    FbsImport.Imported im = imported();
    RecordSchema b = im.schema();
    EnumSchema longEnum = (EnumSchema) b.field("long_enum_non_enum_default").type();
    assertEquals(List.of(new EnumSchema.Constant("LongOne", 2), new EnumSchema.Constant("LongTwo", 4),
        new EnumSchema.Constant("LongBig", 1L << 40)), longEnum.constants());
    assertTrue(im.layout().isBitFlags("beasts.LongEnum") && im.layout().isBitFlags("beasts.Traits"));
    assertFalse(im.layout().isBitFlags("beasts.Era"));
    assertEquals("ulong", im.layout().enumType("beasts.LongEnum"));
    assertEquals(0L, b.field("long_enum_non_enum_default").defaultValue(), "no flags: a number no constant has");
    assertEquals(0L, b.field("traits").defaultValue());
    assertFalse(b.field("long_enum_normal_default").hasDefault(), "LongOne is the enum's first constant anyway");
    assertEquals("Far", b.field("era").defaultValue());
    assertEquals(-5_000_000_000L, ((EnumSchema) b.field("era").type()).byName("Ancient").number());
    for (String required : List.of("name", "tags", "claws", "marks")) {
      assertTrue(b.field(required).required(), required);
    }
    assertFalse(b.field("scores").required() || b.field("eras").required());
    String fbs = im.fbs();
    assertTrue(fbs.contains("enum LongEnum : ulong (bit_flags) {\n  LongOne = 1,\n  LongTwo = 2,\n  LongBig = 40\n}"), fbs);
    assertTrue(fbs.contains("long_enum_non_enum_default: beasts.LongEnum = 0 (id: 1);"), fbs);
    assertTrue(fbs.contains("tags: [string] (id: 7, required);"), fbs);
    assertTrue(fbs.contains("Ancient = -5000000000,"), fbs);
  }

  @Test
  void exportConformsBothWays(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("beasts.fbs"), FbsImportTest.resource("beasts.fbs"));
    FbsImport.Imported im = Flatc.importSchema(dir, "beasts.fbs");
    assertEquals(imported().schema(), im.schema(), "the committed beasts.bfbs is what flatc writes");
    Flatc.conformsBothWays(dir, "beasts.fbs", im.fbs());
  }

  @Test
  void flatcBinariesDecodeToWhatFlatcPrintsAndFlatcPrintsOursTheSame(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("beasts.fbs"), FbsImportTest.resource("beasts.fbs"));
    List<String> toBin = new ArrayList<>(List.of("-b", "-o", "flatc", "beasts.fbs"));
    for (String s : SAMPLES) {
      Files.write(dir.resolve(s + ".json"), FbsImportTest.resource(s + ".json"));
      toBin.add(s + ".json");
    }
    Flatc.run(dir, toBin);
    FlatBuffersCodec<GenericRecord> codec = imported().codec();
    Files.createDirectories(dir.resolve("polycodec"));
    List<String> printFlatc = new ArrayList<>(List.of("--json", "--strict-json", "-o", "printed", "beasts.fbs", "--"));
    List<String> printOurs = new ArrayList<>(List.of("--json", "--strict-json", "-o", "ours", "beasts.fbs", "--"));
    for (String s : SAMPLES) {
      GenericRecord value = codec.decode(Files.readAllBytes(dir.resolve("flatc").resolve(s + ".bin")));
      Files.write(dir.resolve("polycodec").resolve(s + ".bin"), codec.encode(value));
      printFlatc.add("flatc/" + s + ".bin");
      printOurs.add("polycodec/" + s + ".bin");
    }
    Flatc.run(dir, printFlatc);
    Flatc.run(dir, printOurs);
    ObjectMapper json = new ObjectMapper();
    for (String s : SAMPLES) {
      assertEquals(json.readTree(dir.resolve("printed").resolve(s + ".json").toFile()),
          json.readTree(dir.resolve("ours").resolve(s + ".json").toFile()),
          s + ": flatc prints Polycodec's re-encoding as it prints its own bytes");
    }
    JsonNode p = json.readTree(dir.resolve("printed").resolve("beasts-1.json").toFile());
    GenericRecord v = codec.decode(Files.readAllBytes(dir.resolve("flatc").resolve("beasts-1.bin")));
    assertEquals("LongOne LongBig", p.get("long_enum_non_enum_default").asText());
    assertEquals(GenericEnum.unknown(2 | 1L << 40), v.get("long_enum_non_enum_default"), "a combination, beyond int");
    assertEquals(GenericEnum.of("LongBig", 1L << 40), v.get("long_enum_normal_default"));
    assertEquals(GenericEnum.unknown(1 | 1 << 7), v.get("traits"), p.get("traits").asText());
    assertEquals(GenericEnum.of("Ancient", -5_000_000_000L), v.get("era"));
    assertEquals(List.of("Far", "Now", "Ancient"), ((List<?>) v.get("eras")).stream().map(e -> ((GenericEnum) e).name()).toList());
    assertEquals(List.of(1L << 40, 6L, 4L), ((List<?>) v.get("flags")).stream().map(e -> ((GenericEnum) e).number()).toList());
    GenericRecord mark = (GenericRecord) v.get("mark");
    assertEquals(GenericEnum.unknown(1 | 2 | 1 << 7), mark.get("traits"), p.get("mark").get("traits").asText());
    assertEquals(p.get("tags").size(), ((List<?>) v.get("tags")).size());

    GenericRecord min = codec.decode(Files.readAllBytes(dir.resolve("flatc").resolve("beasts-2.bin")));
    assertEquals(GenericEnum.unknown(0), min.get("long_enum_non_enum_default"), "absent: no flags");
    assertEquals(GenericEnum.of("LongOne", 2), min.get("long_enum_normal_default"));
    assertEquals(GenericEnum.of("Far", 5_000_000_000L), min.get("era"));
    assertEquals(List.of(), min.get("tags"));
    assertNull(min.get("mark"));
    JsonNode printedMin = json.readTree(dir.resolve("ours").resolve("beasts-2.json").toFile());
    assertTrue(printedMin.has("tags") && printedMin.get("tags").isEmpty(), "an empty required vector is written: " + printedMin);
    assertFalse(printedMin.has("scores"), "an empty plain vector is left out: " + printedMin);
  }

  /** A buffer without a required vector is refused, naming it; with it empty it reads. */
  @Test
  void aMissingRequiredVectorIsADecodeException() throws IOException {
    FlatBuffersCodec<GenericRecord> codec = imported().codec();
    RecordSchema s = codec.schema();
    for (String missing : List.of("tags", "claws", "marks")) {
      FlatBufferBuilder b = new FlatBufferBuilder(64);
      int name = b.createString("x");
      int empty = b.createVectorOfTables(new int[0]);
      b.startTable(s.maxTag());
      b.addOffset(s.field("name").tag() - 1, name, 0);
      for (String present : List.of("tags", "claws", "marks")) {
        if (!present.equals(missing)) {
          b.addOffset(s.field(present).tag() - 1, empty, 0);
        }
      }
      b.finish(b.endTable(), "BEST");
      byte[] bytes = b.sizedByteArray();
      DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(bytes));
      assertTrue(e.getMessage().contains("beasts.Beast." + missing) && e.getMessage().contains("required"), e.getMessage());
    }
  }

  @Test
  void genericValuesBeyondIntRoundTripAndOutOfRangeNumbersAreEncodeExceptions() throws IOException {
    FlatBuffersCodec<GenericRecord> codec = imported().codec();
    GenericRecord v = sample(codec.schema());
    assertEquals(v, codec.decode(codec.encode(v)));
    assertEquals(1L << 40 | 4, codec.view(codec.encode(v)).getEnumNumber("long_enum_non_enum_default"));
    GenericRecord wide = GenericRecord.builder(codec.schema()).set("name", "n").set("traits", GenericEnum.unknown(256))
        .set("tags", List.of()).set("claws", List.of()).set("marks", List.of()).build();
    EncodeException e = assertThrows(EncodeException.class, () -> codec.encode(wide));
    assertTrue(e.getMessage().contains("256") && e.getMessage().contains("ubyte"), e.getMessage());
  }

  @Test
  void mutantsDecodeOrAreDecodeExceptions() throws IOException {
    FlatBuffersCodec<GenericRecord> codec = imported().codec();
    byte[] good = codec.encode(sample(codec.schema()));
    int refused = 0;
    Random rnd = new Random(1919);
    for (int i = 0; i < 3000; i++) {
      byte[] bad = good.clone();
      int at = rnd.nextInt(bad.length);
      bad[at] ^= (byte) (1 << rnd.nextInt(8));
      try {
        codec.decode(bad);
        codec.view(bad).toValue();
      } catch (DecodeException expected) {
        refused++;
      } catch (RuntimeException | Error other) {
        throw new AssertionError("seed 1919 mutation " + i + " at byte " + at + ": " + other, other);
      }
    }
    assertTrue(refused > 100, refused + " of 3000 mutations refused");
  }

  /** monster_test's LongEnum as a Java enum: 64-bit numbers, exported as bit_flags through {@code @FlatEnum}. */
  @FlatEnum(value = "ulong", bitFlags = true)
  enum LongEnum { @io.polycodec.Tag(2) LONG_ONE, @io.polycodec.Tag(4) LONG_TWO, @io.polycodec.Tag(1 << 30) LONG_BIG }

  record Holder(@io.polycodec.Tag(1) LongEnum e, @io.polycodec.Tag(2) List<LongEnum> all) {}

  @Test
  void javaEnumsExportAsBitFlags(@TempDir Path dir) throws IOException {
    FlatBuffersCodec<Holder> codec = FlatBuffersCodec.of(Holder.class);
    Holder v = new Holder(LongEnum.LONG_BIG, List.of(LongEnum.LONG_TWO, LongEnum.LONG_ONE));
    assertEquals(v, codec.decode(codec.encode(v)));
    String fbs = codec.fbs();
    assertTrue(fbs.contains(": ulong (bit_flags) {\n  LONG_ONE = 1,\n  LONG_TWO = 2,\n  LONG_BIG = 30\n}"), fbs);
    Flatc.require();
    Files.writeString(dir.resolve("holder.fbs"), fbs);
    FbsImport.Imported back = Flatc.importSchema(dir, "holder.fbs");
    assertEquals(1L << 30, ((EnumSchema) back.schema().field("e").type()).byName("LONG_BIG").number());
    assertTrue(back.layout().isBitFlags(((EnumSchema) back.schema().field("e").type()).name()));
    Files.write(dir.resolve("v.bin"), codec.encode(v));
    String printed = Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "holder.fbs", "--", "v.bin"));
    String json = Files.readString(dir.resolve("v.json"));
    assertTrue(json.contains("\"e\": \"LONG_BIG\"") && json.contains("\"LONG_TWO\",") , printed + json);
  }

  private static GenericRecord sample(RecordSchema s) {
    RecordSchema claw = (RecordSchema) ((io.polycodec.schema.ListSchema) s.field("claws").type()).element();
    RecordSchema mark = (RecordSchema) s.field("mark").type();
    GenericRecord m = GenericRecord.builder(mark).set("era", "Ancient").set("traits", GenericEnum.unknown(0)).build();
    return GenericRecord.builder(s).set("name", "wyrm")
        .set("long_enum_non_enum_default", GenericEnum.unknown(1L << 40 | 4))
        .set("long_enum_normal_default", "LongBig").set("traits", GenericEnum.unknown(0x83))
        .set("era", "Now").set("eras", List.of(GenericEnum.of("Far", 5_000_000_000L)))
        .set("flags", List.of(GenericEnum.unknown(-1L), GenericEnum.of("LongTwo", 4)))
        .set("tags", List.of("a", "")).set("claws", List.of(GenericRecord.builder(claw).set("sharp", 9).build()))
        .set("marks", List.of(m, m)).set("scores", List.of(1, 2, 3)).set("mark", m).build();
  }
}
