package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polycodec.DecodeException;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.SchemaException;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .fbs} import through flatc's binary schema: {@code src/test/resources/fbs/arena.fbs} (every
 * construct the import supports) and its {@code arena.bfbs} (written by {@code flatc -b --schema --bfbs-builtins
 * arena.fbs}, flatc 2.0.8). With flatc: the export conforms to the original both ways, flatc's binaries
 * decode and re-encode to what flatc prints identically, and mutated binaries are DecodeExceptions.
 */
class FbsImportTest {
  private static final String[] SAMPLES = {"arena-1", "arena-2", "arena-3"};

  static byte[] resource(String name) throws IOException {
    try (InputStream in = FbsImportTest.class.getResourceAsStream("/fbs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource fbs/" + name);
      }
      return in.readAllBytes();
    }
  }

  @Test
  void importsEveryConstruct() throws IOException {
    FbsImport.Imported im = FbsImport.read(resource("arena.bfbs"));
    RecordSchema m = im.schema();
    FlatLayout l = im.layout();
    assertEquals("arena.Monster", m.name());
    assertEquals("ARNA", l.fileIdentifier());
    assertTrue(l.isStruct("arena.Vec3") && l.isStruct("arena.Grid") && l.isStruct("arena.Pair"));
    assertEquals(16, l.forceAlign("arena.Vec3"));
    assertEquals(0, l.forceAlign("arena.Nested"));
    assertEquals(2, l.arrayLength("arena.Nested", "a"));
    assertEquals(3, l.arrayLength("arena.Grid", "cells"));
    assertTrue(l.isUnsigned("arena.Grid", "cells") && l.isUnsigned("arena.Monster", "small_u"));
    assertEquals("ubyte", l.enumType("arena.Color"));
    assertEquals("byte", l.enumType("arena.Race"));
    assertEquals("long", l.enumType("arena.Big"));
    assertTrue(l.isInlineUnion("arena.Monster", "weapon"));

    // flatc ids: pos 0, mana 1, hp 2, name 3, friendly 4, … weapon_type 12, weapon 13 → tag 13: the type
    // byte's id has no tag of its own (FlatBuffersFieldIds: id = tag − 1 + one per union up to this one).
    assertEquals(13, m.field("weapon").tag());
    assertEquals(13, io.polycodec.schema.FlatBuffersFieldIds.of(m)[m.indexOf("weapon")]);
    assertEquals(12, m.fields().stream().filter(f -> f.tag() < 13).mapToInt(f -> f.tag()).max().getAsInt(),
        "no tag is left unused below it");
    assertTrue(m.field("friendly").deprecated());
    assertTrue(m.field("maybe_hp").optional() && !m.field("hp").optional());
    assertFalse(m.field("name").optional(), "required strings stay non-optional");
    assertTrue(m.field("pos").optional(), "a struct field may be absent in flatc's tables");
    assertEquals(Kind.BYTES, m.field("inventory").type().kind());
    assertEquals("Blue", ((RecordSchema) m.field("pos").type()).field("test2").type().describe().replace("arena.Color", "Blue"));
  }

  @Test
  void exportConformsBothWays(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("arena.fbs"), resource("arena.fbs"));
    FbsImport.Imported im = Flatc.importSchema(dir, "arena.fbs");
    // flatc --conform BASE NEW: NEW must be a compatible evolution of BASE (same ids, types, names).
    Flatc.conformsBothWays(dir, "arena.fbs", im.fbs());
    String fbs = im.fbs();
    assertTrue(fbs.contains("struct Vec3 (force_align: 16) {"), fbs);
    assertTrue(fbs.contains("cells: [ubyte:3];"), fbs);
    assertTrue(fbs.contains("union Weapon {"), fbs);
    assertTrue(fbs.contains("file_identifier \"ARNA\";"), fbs);
  }

  @Test
  void flatcBinariesDecodeAndReencodeToWhatFlatcPrints(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("arena.fbs"), resource("arena.fbs"));
    List<String> toBin = new ArrayList<>(List.of("-b", "-o", "flatc", "arena.fbs"));
    for (String s : SAMPLES) {
      Files.write(dir.resolve(s + ".json"), resource(s + ".json"));
      toBin.add(s + ".json");
    }
    Flatc.run(dir, toBin);
    FlatBuffersCodec<GenericRecord> codec = FbsImport.read(resource("arena.bfbs")).codec();
    List<String> print = new ArrayList<>(List.of("--json", "--strict-json", "-o", "printed", "arena.fbs", "--"));
    for (String s : SAMPLES) {
      byte[] flatcBytes = Files.readAllBytes(dir.resolve("flatc").resolve(s + ".bin"));
      GenericRecord value = codec.decode(flatcBytes);
      Files.createDirectories(dir.resolve("polycodec"));
      Files.write(dir.resolve("polycodec").resolve(s + ".bin"), codec.encode(value));
      print.add("flatc/" + s + ".bin");
    }
    Flatc.run(dir, print);
    List<String> printOurs = new ArrayList<>(List.of("--json", "--strict-json", "-o", "ours", "arena.fbs", "--"));
    for (String s : SAMPLES) {
      printOurs.add("polycodec/" + s + ".bin");
    }
    Flatc.run(dir, printOurs);
    ObjectMapper json = new ObjectMapper();
    for (String s : SAMPLES) {
      JsonNode flatcPrinted = json.readTree(dir.resolve("printed").resolve(s + ".json").toFile());
      JsonNode oursPrinted = json.readTree(dir.resolve("ours").resolve(s + ".json").toFile());
      assertEquals(flatcPrinted, oursPrinted, s + ": flatc prints Polycodec's re-encoding as it prints its own bytes");
    }
    // And the decoded values are the ones flatc prints (spot checks of every kind of construct).
    JsonNode p = json.readTree(dir.resolve("printed").resolve("arena-1.json").toFile());
    GenericRecord v = codec.decode(Files.readAllBytes(dir.resolve("flatc").resolve("arena-1.bin")));
    GenericRecord pos = (GenericRecord) v.get("pos");
    assertEquals(p.get("pos").get("x").floatValue(), (Float) pos.get("x"));
    assertEquals(p.get("pos").get("test2").asText(), ((GenericEnum) pos.get("test2")).name());
    assertEquals(p.get("pos").get("test3").get("a").intValue(), ((GenericRecord) pos.get("test3")).get("a"));
    assertEquals("Bow", p.get("weapon_type").asText());
    assertEquals("arena.Bow", ((GenericRecord) v.get("weapon")).schema().name());
    GenericRecord grid = (GenericRecord) ((List<?>) v.get("grids")).get(0);
    assertEquals(p.get("grids").get(0).get("big").asText(), Long.toUnsignedString((Long) grid.get("big")));
    assertEquals(p.get("grids").get(0).get("cells").get(2).intValue(), ((List<?>) grid.get("cells")).get(2));
    GenericRecord row = (GenericRecord) ((List<?>) grid.get("rows")).get(0);
    assertEquals(p.get("grids").get(0).get("rows").get(0).get("d").get(1).longValue(), ((List<?>) row.get("d")).get(1));
    assertEquals(p.get("small_u").intValue(), Short.toUnsignedInt(((Integer) v.get("small_u")).shortValue()));
    assertEquals(p.get("flags").longValue(), Integer.toUnsignedLong((Integer) v.get("flags")));
    assertEquals(0, v.get("maybe_hp"), "an optional scalar present at 0 stays present");
    assertEquals(p.get("big").asText(), ((GenericEnum) v.get("big")).name());

    GenericRecord min = codec.decode(Files.readAllBytes(dir.resolve("flatc").resolve("arena-2.bin")));
    assertNull(min.get("pos"));
    assertNull(min.get("maybe_hp"));
    assertNull(min.get("spare"));
  }

  /** flatc's binaries with any one bit flipped decode or are DecodeExceptions, through the imported schema. */
  @Test
  void mutatedFlatcBinariesAreDecodeExceptions() throws IOException {
    FlatBuffersCodec<GenericRecord> codec = FbsImport.read(resource("arena.bfbs")).codec();
    GenericRecord sample = sample(codec);
    byte[] good = codec.encode(sample);
    int refused = 0;
    Random rnd = new Random(19);
    for (int i = 0; i < 4000; i++) {
      byte[] bad = good.clone();
      int at = rnd.nextInt(bad.length);
      bad[at] ^= (byte) (1 << rnd.nextInt(8));
      try {
        codec.decode(bad);
        codec.view(bad);
      } catch (DecodeException expected) {
        refused++;
      } catch (RuntimeException | Error other) {
        throw new AssertionError("seed 19 mutation " + i + " at byte " + at + ": " + other, other);
      }
    }
    assertTrue(refused > 100, refused + " of 4000 mutations refused");
  }

  /** A value of the arena schema, written by Polycodec (so the test runs without flatc). */
  private static GenericRecord sample(FlatBuffersCodec<GenericRecord> codec) {
    RecordSchema m = codec.schema();
    RecordSchema sword = ((io.polycodec.schema.UnionSchema) m.field("weapon").type()).members().get(0).record();
    RecordSchema vec3 = (RecordSchema) m.field("pos").type();
    RecordSchema pair = (RecordSchema) vec3.field("test3").type();
    io.polycodec.schema.EnumSchema color = (io.polycodec.schema.EnumSchema) vec3.field("test2").type();
    GenericRecord p = GenericRecord.builder(vec3).set("x", 1f).set("y", 2f).set("z", 3f).set("test1", 4.0)
        .set("test2", GenericEnum.of("Blue", 8)).set("test3", GenericRecord.builder(pair).set("a", 1).set("b", 2).build())
        .build();
    return GenericRecord.builder(m).set("name", "orc").set("pos", p).set("path", List.of(p, p))
        .set("weapon", GenericRecord.builder(sword).set("damage", 3).set("name", "s").build())
        .set("tags", List.of("a", "b")).set("hp", 5).build();
  }

  private static byte[] upstream(String name) throws IOException {
    try (InputStream in = FbsImportTest.class.getResourceAsStream("/flatbuffers/" + name)) {
      return in.readAllBytes();
    }
  }

  /**
   * FlatBuffers' own monster_test.fbs (resources/flatbuffers, see SOURCE.txt): the whole root Monster
   * imports (its defaults, bit_flags enums, LongEnum's 1 << 40, the bit_flags field without a default and
   * the aliased union AnyAmbiguousAliases included), and its export conforms to monster_test.fbs both
   * ways, as do those of the other tables.
   */
  @Test
  void upstreamMonsterSchema(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("monster_test.fbs"), upstream("monster_test.fbs"));
    // monster_test.fbs includes include_test1.fbs, which includes sub/include_test2.fbs: flatc's --conform
    // resolves them from the working directory.
    Files.write(dir.resolve("include_test1.fbs"), upstream("include_test/include_test1.fbs"));
    Files.createDirectories(dir.resolve("sub"));
    Files.write(dir.resolve("sub/include_test2.fbs"), upstream("include_test/sub/include_test2.fbs"));
    Flatc.run(dir, List.of("-b", "--schema", "--bfbs-builtins", "monster_test.fbs"));
    byte[] bfbs = Files.readAllBytes(dir.resolve("monster_test.bfbs"));
    FbsImport.Imported monster = FbsImport.read(bfbs);
    assertEquals("MyGame.Example.Monster", monster.schema().name());
    for (String field : List.of("hp", "testf", "color", "signed_enum", "long_enum_non_enum_default", "any_ambiguous",
        "test", "test4", "testarrayoftables", "enemy", "testnestedflatbuffer", "vector_of_enums")) {
      assertNotNull(monster.schema().field(field), field);
    }
    Flatc.conformsBothWays(dir, "monster_test.fbs", monster.fbs());
    for (String table : List.of("MyGame.Example.Stat", "MyGame.Example.TypeAliases", "MyGame.Example.Referrable",
        "MyGame.InParentNamespace", "MyGame.Example.TestSimpleTableWithEnum")) {
      FbsImport.Imported im = FbsImport.read(bfbs, table);
      Flatc.conformsBothWays(dir, "monster_test.fbs", im.fbs());
    }
    assertTrue(FbsImport.read(bfbs, "MyGame.Example.TypeAliases").fbs().contains("u16: ushort (id: 3);"));
    // TestSimpleTableWithEnum { color: Color = Green; } with Color a bit_flags enum: Green is 1 << 1.
    RecordSchema simple = FbsImport.read(bfbs, "MyGame.Example.TestSimpleTableWithEnum").schema();
    assertEquals("Green", simple.field("color").defaultValue());
    assertEquals(2, ((io.polycodec.schema.EnumSchema) simple.field("color").type()).byName("Green").number());
  }

  /**
   * Vectors of unions ({@code [Weapon]}): flatc 2.0.8 refuses to print them as JSON ("not yet supported in
   * at least one of the specified programming languages"), so flatc builds a binary from JSON, Polycodec
   * decodes it to those values, and its own bytes decode to the same; both exports conform.
   */
  @Test
  void vectorsOfUnions(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("armory.fbs"), resource("armory.fbs"));
    Files.write(dir.resolve("armory.json"), resource("armory.json"));
    Flatc.run(dir, List.of("-b", "--schema", "--bfbs-builtins", "armory.fbs"));
    Flatc.run(dir, List.of("-b", "armory.fbs", "armory.json"));
    FbsImport.Imported im = FbsImport.read(Files.readAllBytes(dir.resolve("armory.bfbs")));
    assertTrue(im.layout().isInlineUnion("arena.Armory", "arsenal"));
    Flatc.conformsBothWays(dir, "armory.fbs", im.fbs());
    FlatBuffersCodec<GenericRecord> codec = im.codec();
    GenericRecord v = codec.decode(Files.readAllBytes(dir.resolve("armory.bin")));
    JsonNode j = new ObjectMapper().readTree(resource("armory.json"));
    List<?> arsenal = (List<?>) v.get("arsenal");
    assertEquals(j.get("arsenal").size(), arsenal.size());
    for (int k = 0; k < arsenal.size(); k++) {
      GenericRecord w = (GenericRecord) arsenal.get(k);
      assertEquals("arena." + j.get("arsenal_type").get(k).asText(), w.schema().name());
      if (w.schema().name().endsWith("Bow")) {
        assertEquals(j.get("arsenal").get(k).get("range").floatValue(), w.get("range"));
        assertEquals(j.get("arsenal").get(k).get("name").asText(), w.get("name"));
      } else {
        assertEquals(j.get("arsenal").get(k).get("damage").intValue(), w.get("damage"));
      }
    }
    assertEquals(v, codec.decode(codec.encode(v)));
    assertEquals(List.of(), codec.decode(codec.encode(GenericRecord.builder(codec.schema()).build())).get("arsenal"));
  }

  @Test
  void notBinarySchemasAreSchemaExceptions() {
    assertThrows(SchemaException.class, () -> FbsImport.read(new byte[] {1, 2, 3}));
    assertThrows(SchemaException.class, () -> FbsImport.read(new byte[64]));
    byte[] fake = new byte[64];
    fake[4] = 'B';
    fake[5] = 'F';
    fake[6] = 'B';
    fake[7] = 'S';
    fake[0] = (byte) 200;
    assertThrows(SchemaException.class, () -> FbsImport.read(fake));
  }
}
