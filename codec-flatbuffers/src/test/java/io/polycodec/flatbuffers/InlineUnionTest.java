package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.Tag;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.FlatBuffersFieldIds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unions laid out as flatc lays them out, Polycodec's default: type byte + value, no holder table, ids
 * as {@link FlatBuffersFieldIds} derives them from tags. Checked against a hand-written flatc-style
 * schema (no ids: flatc's implicit numbering) with flatc both ways, and against the holder layout that
 * stays available as {@link HolderUnion}.
 */
class InlineUnionTest {
  sealed interface Weapon permits Sword, Bow {}

  record Sword(@Tag(1) int damage) implements Weapon {}

  record Bow(@Tag(1) String name, @Tag(2) float range) implements Weapon {}

  /** Unions at tag 1 and between other fields; tags 1..5 with no gap. */
  record Hero(@Tag(1) Weapon main, @Tag(2) String name, @Tag(3) Optional<Weapon> spare, @Tag(4) int level,
      @Tag(5) Optional<Weapon> held) {}

  /** What a FlatBuffers user writes for Hero: no ids, so flatc numbers fields (a union's _type first) in order. */
  static final String HERO_FBS = """
      table Sword { damage: int; }
      table Bow { name: string; range: float; }
      union Weapon { Sword, Bow }
      table Hero { main: Weapon; name: string; spare: Weapon; level: int; held: Weapon; }
      root_type Hero;
      """;

  /** flatc 2.0.8 cannot print vectors of unions as JSON, so they get a record of their own. */
  record Armory(@Tag(1) String name, @Tag(2) List<Weapon> arsenal) {}

  /** Tags with gaps: the export needs explicit ids and placeholders. */
  record Gapped(@Tag(2) Weapon w, @Tag(5) String note, @Tag(7) List<Weapon> all) {}

  record GappedOne(@Tag(2) Weapon w, @Tag(5) String note) {}

  /** The layout of earlier snapshots, kept on request. */
  record Legacy(@Tag(1) String name, @Tag(2) @HolderUnion Weapon w, @Tag(3) @HolderUnion List<Weapon> more) {}

  /** The former opt-in, now the default: it must still compile and change nothing. */
  @SuppressWarnings("deprecation")
  record Annotated(@Tag(1) String name, @Tag(3) @InlineUnion Weapon w) {}

  record Plain(@Tag(1) String name, @Tag(3) Weapon w) {}

  static final FlatBuffersCodec<Armory> ARMORY = FlatBuffersCodec.of(Armory.class);

  static final FlatBuffersCodec<Hero> CODEC = FlatBuffersCodec.of(Hero.class);

  static Hero hero(long seed) {
    Random rnd = new Random(seed);
    return new Hero(weapon(rnd), "hero" + seed, rnd.nextBoolean() ? Optional.of(weapon(rnd)) : Optional.empty(),
        rnd.nextInt(5), rnd.nextBoolean() ? Optional.of(weapon(rnd)) : Optional.empty());
  }

  static List<Weapon> arsenal(Random rnd) {
    List<Weapon> all = new java.util.ArrayList<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      all.add(weapon(rnd));
    }
    return all;
  }

  static Weapon weapon(Random rnd) {
    return rnd.nextBoolean() ? new Sword(rnd.nextInt(100)) : new Bow("bow" + rnd.nextInt(9), rnd.nextInt(64) / 4f);
  }

  /** The position of field id {@code id} of the root table, or -1 if absent. */
  private static int slot(ByteBuffer bb, int id) {
    int root = bb.getInt(0);
    int vt = root - bb.getInt(root);
    int at = 4 + 2 * id;
    if (at >= bb.getShort(vt)) {
      return -1;
    }
    int off = bb.getShort(vt + at);
    return off == 0 ? -1 : root + off;
  }

  @Test
  void roundTripAndLayout() {
    for (long seed = 0; seed < 40; seed++) {
      Hero h = hero(seed);
      assertEquals(h, CODEC.decode(CODEC.encode(h)), "seed " + seed);
    }
    Hero h = new Hero(new Sword(42), "x", Optional.of(new Bow("b", 1f)), 7, Optional.empty());
    ByteBuffer bb = ByteBuffer.wrap(CODEC.encode(h)).order(ByteOrder.LITTLE_ENDIAN);
    // ids: main_type 0, main 1, name 2, spare_type 3, spare 4, level 5, held_type 6, held 7.
    assertEquals(1, bb.get(slot(bb, 0)), "main_type at id 0 holds Sword's tag");
    int value = slot(bb, 1);
    int sword = value + bb.getInt(value);
    int swordVt = sword - bb.getInt(sword);
    assertEquals(42, bb.getInt(sword + bb.getShort(swordVt + 4)), "the member table itself, no holder");
    int name = slot(bb, 2);
    assertEquals(1, bb.getInt(name + bb.getInt(name)), "name at id 2");
    assertEquals(2, bb.get(slot(bb, 3)), "spare_type at id 3 holds Bow's tag");
    assertEquals(7, bb.getInt(slot(bb, 5)), "level at id 5");
    assertEquals(-1, slot(bb, 6), "held absent: no type");
    assertEquals(-1, slot(bb, 7), "held absent: no value");
    assertEquals("[1, 2, 4, 5, 7]", java.util.Arrays.toString(FlatBuffersFieldIds.of(CODEC.schema())),
        "value ids of main, name, spare, level, held");
  }

  @Test
  void viewsReadInlineUnions() {
    Hero h = new Hero(new Bow("long", 2.5f), "x", Optional.of(new Sword(3)), 1, Optional.empty());
    FlatView<Hero> v = CODEC.view(CODEC.encode(h));
    assertEquals("Bow", v.getUnionMember("main"));
    assertEquals(2.5f, v.getUnion("main").getFloat("range"));
    assertEquals(3, v.getUnion("spare").getInt("damage"));
    assertEquals(new Sword(3), v.get("spare"));
    assertEquals(1, v.getInt("level"));
    assertNull(v.getUnion("held"));
    FlatView<Armory> a = ARMORY.view(ARMORY.encode(new Armory("a", List.of(new Sword(1), new Bow("b", 1f)))));
    assertEquals(List.of(new Sword(1), new Bow("b", 1f)), a.get("arsenal"));
    FlatList list = a.getList("arsenal");
    assertEquals(2, list.size());
    assertEquals(1, list.getUnion(0).getInt("damage"));
    assertEquals("b", list.getUnion(1).getString("name"));
    assertEquals(new Bow("b", 1f), list.get(1));
    assertEquals(List.of(new Sword(1), new Bow("b", 1f)), list.toList());
    assertEquals(0, ARMORY.view(ARMORY.encode(new Armory("e", List.of()))).getList("arsenal").size());
    for (long seed = 0; seed < 30; seed++) {
      Armory arm = new Armory("s" + seed, arsenal(new Random(seed)));
      assertEquals(arm, ARMORY.decode(ARMORY.encode(arm)), "seed " + seed);
    }
  }

  @Test
  void exportIsFlatcs() {
    String fbs = CODEC.fbs();
    assertTrue(fbs.contains("main: Weapon (id: 1);") && fbs.contains("name: string (id: 2);")
        && fbs.contains("spare: Weapon (id: 4);") && fbs.contains("held: Weapon (id: 7);"), fbs);
    assertFalse(fbs.contains("_Union") || fbs.contains("deprecated"), "no holder, no placeholder:\n" + fbs);
    String gapped = FlatBuffersCodec.of(Gapped.class).fbs();
    // w: (2 − 1) + 1 = 2 (type 1); note: (5 − 1) + 1 = 5; all: (7 − 1) + 2 = 8 (type 7).
    assertTrue(gapped.contains("w: Weapon (id: 2);") && gapped.contains("note: string (id: 5);")
        && gapped.contains("all: [Weapon] (id: 8);") && gapped.contains("(id: 0, deprecated)")
        && gapped.contains("(id: 3, deprecated)") && gapped.contains("(id: 6, deprecated)"), gapped);
    assertFalse(gapped.contains("(id: 1, deprecated)") || gapped.contains("(id: 7, deprecated)"), gapped);
    String legacy = FlatBuffersCodec.of(Legacy.class).fbs();
    assertTrue(legacy.contains("union Weapon_Union") && legacy.contains("w: Weapon (id: 1);")
        && legacy.contains("more: [Weapon] (id: 2);"), legacy);
  }

  @Test
  void conformsToTheFlatcStyleSchemaBothWays(@TempDir Path dir) throws IOException {
    Flatc.require();
    assertNull(Flatc.conform(dir, HERO_FBS, CODEC.fbs()), "the export as an evolution of the hand-written schema");
    assertNull(Flatc.conform(dir, CODEC.fbs(), HERO_FBS), "the hand-written schema as an evolution of the export");
    // A schema that numbers the fields otherwise (the holder layout: one id per union) does not conform.
    assertNotNull(Flatc.conform(dir, HERO_FBS, FlatBuffersCodec.of(Hero.class, CodecOptions.defaults().with(
        FlatBuffersOptions.LAYOUT, FlatLayout.builder().holderUnion("Hero", "main").build())).fbs()));
  }

  @Test
  void flatcBothWays(@TempDir Path dir) throws IOException {
    Flatc.require();
    // The hand-written schema, not the export: what flatc-generated code would be compiled from.
    Files.writeString(dir.resolve("h.fbs"), HERO_FBS);
    ObjectMapper json = new ObjectMapper();
    int n = 20;
    List<String> toJson = new java.util.ArrayList<>(List.of("--json", "--strict-json", "--raw-binary", "-o", "j", "h.fbs", "--"));
    for (int i = 0; i < n; i++) {
      Files.write(dir.resolve("h" + i + ".bin"), CODEC.encode(hero(i)));
      toJson.add("h" + i + ".bin");
    }
    Flatc.run(dir, toJson);
    for (int i = 0; i < n; i++) {
      Hero h = hero(i);
      JsonNode printed = json.readTree(dir.resolve("j").resolve("h" + i + ".json").toFile());
      assertWeapon(h.main(), printed, "main", "seed " + i);
      assertEquals(h.name(), printed.get("name").asText(), "seed " + i);
      assertEquals(h.level(), printed.path("level").asInt(0), "seed " + i);
      for (String f : List.of("spare", "held")) {
        Optional<Weapon> w = f.equals("spare") ? h.spare() : h.held();
        if (w.isPresent()) {
          assertWeapon(w.get(), printed, f, "seed " + i);
        } else {
          assertFalse(printed.has(f) || printed.has(f + "_type"), printed.toString());
        }
      }
      // flatc writes the same JSON back as bytes, and Polycodec decodes them to the same hero.
      Files.writeString(dir.resolve("back" + i + ".json"), printed.toString());
    }
    List<String> toBin = new java.util.ArrayList<>(List.of("-b", "-o", "b", "h.fbs"));
    for (int i = 0; i < n; i++) {
      toBin.add("back" + i + ".json");
    }
    Flatc.run(dir, toBin);
    for (int i = 0; i < n; i++) {
      byte[] flatcs = Files.readAllBytes(dir.resolve("b").resolve("back" + i + ".bin"));
      assertEquals(hero(i), CODEC.decode(flatcs), "seed " + i);
      assertEquals(hero(i).main(), CODEC.view(ByteBuffer.wrap(flatcs)).get("main"), "seed " + i);
    }
  }

  @Test
  void flatcWritesVectorsOfUnionsAndGappedIds(@TempDir Path dir) throws IOException {
    Flatc.require();
    FlatBuffersCodec<Gapped> gapped = FlatBuffersCodec.of(Gapped.class);
    Files.writeString(dir.resolve("g.fbs"), gapped.fbs());
    Files.writeString(dir.resolve("g.json"), "{\"w_type\": \"Bow\", \"w\": {\"name\": \"yew\", \"range\": 2.5},"
        + " \"note\": \"n\", \"all_type\": [\"Sword\", \"Bow\"], \"all\": [{\"damage\": 3}, {\"name\": \"b\"}]}");
    Flatc.run(dir, List.of("-b", "g.fbs", "g.json"));
    Gapped expected = new Gapped(new Bow("yew", 2.5f), "n", List.of(new Sword(3), new Bow("b", 0f)));
    assertEquals(expected, gapped.decode(Files.readAllBytes(dir.resolve("g.bin"))));
    // And the other way without the vector, which flatc 2.0.8 refuses to print.
    FlatBuffersCodec<GappedOne> one = FlatBuffersCodec.of(GappedOne.class);
    Files.writeString(dir.resolve("o.fbs"), one.fbs());
    Files.write(dir.resolve("p.bin"), one.encode(new GappedOne(new Sword(9), "p")));
    Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "o.fbs", "--", "p.bin"));
    JsonNode printed = new ObjectMapper().readTree(dir.resolve("p.json").toFile());
    assertEquals("Sword", printed.get("w_type").asText(), printed.toString());
    assertEquals(9, printed.get("w").get("damage").asInt(), printed.toString());
    assertEquals("p", printed.get("note").asText(), printed.toString());
  }

  /** Map values that are unions sit inline in the entry table: key 0, value_type 1, value 2. */
  record Stable(@Tag(1) Map<String, Weapon> byName, @Tag(2) Map<Integer, Weapon> byRack) {}

  @Test
  void mapValuesAreInlineInTheirEntries(@TempDir Path dir) throws IOException {
    FlatBuffersCodec<Stable> codec = FlatBuffersCodec.of(Stable.class);
    Stable value = new Stable(Map.of("a", new Sword(1), "b", new Bow("x", 2f)), Map.of(3, new Bow("y", 1f)));
    assertEquals(value, codec.decode(codec.encode(value)));
    assertEquals(value, codec.view(codec.encode(value)).toValue());
    String fbs = codec.fbs();
    assertTrue(fbs.contains("value: Weapon (id: 2);") && !fbs.contains("_Union"), fbs);
    ByteBuffer bb = ByteBuffer.wrap(codec.encode(new Stable(Map.of("a", new Bow("x", 2f)), Map.of())))
        .order(ByteOrder.LITTLE_ENDIAN);
    int vec = slot(bb, 0) + bb.getInt(slot(bb, 0));
    int entry = vec + 4 + bb.getInt(vec + 4);
    int evt = entry - bb.getInt(entry);
    assertEquals(2, bb.get(entry + bb.getShort(evt + 6)), "value_type at id 1: Bow");
    int bow = entry + bb.getShort(evt + 8);
    bow += bb.getInt(bow);
    int bowVt = bow - bb.getInt(bow);
    int name = bow + bb.getShort(bowVt + 4);
    assertEquals(1, bb.getInt(name + bb.getInt(name)), "value at id 2 is the member table itself");
    byte[] noType = bb.array().clone();
    ByteBuffer.wrap(noType).order(ByteOrder.LITTLE_ENDIAN).putShort(evt + 6, (short) 0);
    DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(noType));
    assertTrue(e.getMessage().contains("no type") && e.getMessage().contains("byName"), e.getMessage());
    // @HolderUnion on the map keeps the earlier entries {key 0, value 1 → holder}.
    assertTrue(FlatBuffersCodec.of(Stable.class, CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT,
        FlatLayout.builder().holderUnion("Stable", "byName").build())).fbs().contains("value: Weapon (id: 1);"));
    if (Flatc.version() == null) {
      return;
    }
    Files.writeString(dir.resolve("s.fbs"), fbs);
    Files.writeString(dir.resolve("s.json"), "{\"byName\": [{\"key\": \"k\", \"value_type\": \"Sword\", \"value\": {\"damage\": 6}}],"
        + " \"byRack\": [{\"key\": 1, \"value_type\": \"Bow\", \"value\": {\"name\": \"r\", \"range\": 0.5}}]}");
    Flatc.run(dir, List.of("-b", "s.fbs", "s.json"));
    assertEquals(new Stable(Map.of("k", new Sword(6)), Map.of(1, new Bow("r", 0.5f))),
        codec.decode(Files.readAllBytes(dir.resolve("s.bin"))));
    Files.write(dir.resolve("o.bin"), codec.encode(new Stable(Map.of("q", new Bow("w", 3f)), Map.of())));
    Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "s.fbs", "--", "o.bin"));
    JsonNode printed = new ObjectMapper().readTree(dir.resolve("o.json").toFile()).get("byName").get(0);
    assertEquals("Bow", printed.get("value_type").asText(), printed.toString());
    assertEquals("w", printed.get("value").get("name").asText(), printed.toString());
  }

  @Test
  void holderLayoutOnRequest(@TempDir Path dir) throws IOException {
    FlatBuffersCodec<Legacy> legacy = FlatBuffersCodec.of(Legacy.class);
    Legacy value = new Legacy("old", new Sword(5), List.of(new Bow("x", 1f)));
    byte[] bytes = legacy.encode(value);
    assertEquals(value, legacy.decode(bytes));
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    // w is one id (1): an offset to a holder table {value_type (id 0), value (id 1)}.
    int holder = slot(bb, 1) + bb.getInt(slot(bb, 1));
    int hvt = holder - bb.getInt(holder);
    assertEquals(1, bb.get(holder + bb.getShort(hvt + 4)), "the holder's type byte: Sword");
    assertTrue(legacy.layout().isHolderUnion("Legacy", "w") && legacy.layout().isHolderUnion("Legacy", "more"));
    // A generic codec reads it with the same choice made in a FlatLayout.
    FlatLayout layout = FlatLayout.builder().holderUnion("Legacy", "w").holderUnion("Legacy", "more").build();
    FlatBuffersCodec<GenericRecord> generic = FlatBuffersCodec.of(RecordBinding.generic(legacy.schema()),
        CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT, layout));
    assertEquals(legacy.fbs(), generic.fbs());
    assertEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(generic.encode(generic.decode(bytes))));
    // Or every union of the codec at once.
    FlatBuffersCodec<GenericRecord> all = FlatBuffersCodec.of(RecordBinding.generic(legacy.schema()),
        CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT, FlatLayout.builder().holderUnions().build()));
    assertEquals(legacy.fbs(), all.fbs());
    assertEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(all.encode(all.decode(bytes))));
    // Without the choice, the same bytes are not Legacy's: w's slot holds no type byte below it.
    FlatBuffersCodec<GenericRecord> inline = FlatBuffersCodec.generic(legacy.schema());
    assertThrows(DecodeException.class, () -> inline.decode(bytes));
    if (Flatc.version() != null) {
      Files.writeString(dir.resolve("l.fbs"), legacy.fbs());
      Files.write(dir.resolve("l.bin"), legacy.encode(new Legacy("old", new Sword(5), List.of())));
      Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "l.fbs", "--", "l.bin"));
      JsonNode printed = new ObjectMapper().readTree(dir.resolve("l.json").toFile());
      assertEquals("Sword", printed.get("w").get("value_type").asText(), printed.toString());
      assertEquals(5, printed.get("w").get("value").get("damage").asInt(), printed.toString());
    }
  }

  @Test
  void theFormerOptInChangesNothing() {
    FlatBuffersCodec<Annotated> annotated = FlatBuffersCodec.of(Annotated.class);
    FlatBuffersCodec<Plain> plain = FlatBuffersCodec.of(Plain.class);
    assertEquals(java.util.Arrays.toString(plain.encode(new Plain("a", new Bow("b", 3f)))),
        java.util.Arrays.toString(annotated.encode(new Annotated("a", new Bow("b", 3f)))));
    assertEquals(plain.layout(), annotated.layout());
    assertTrue(annotated.fbs().contains("w: Weapon (id: 3);"), annotated.fbs());
  }

  private static void assertWeapon(Weapon w, JsonNode printed, String field, String context) {
    if (w instanceof Sword s) {
      assertEquals("Sword", printed.get(field + "_type").asText(), context + " " + printed);
      assertEquals(s.damage(), printed.get(field).path("damage").asInt(0), context + " " + printed);
    } else {
      Bow b = (Bow) w;
      assertEquals("Bow", printed.get(field + "_type").asText(), context + " " + printed);
      assertEquals(b.name(), printed.get(field).get("name").asText(), context);
      assertEquals(b.range(), printed.get(field).path("range").floatValue(), context);
    }
  }

  @Test
  void genericSchemasUseTheLayout() {
    FlatBuffersCodec<GenericRecord> generic = FlatBuffersCodec.of(RecordBinding.generic(CODEC.schema()),
        CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT, CODEC.layout()));
    byte[] bytes = CODEC.encode(hero(5));
    assertTrue(generic.layout().isInlineUnion(CODEC.schema().name(), "main"));
    assertEquals(CODEC.fbs(), generic.fbs());
    assertEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(generic.encode(generic.decode(bytes))));
  }

  @Test
  void verifierRefusesBadUnionVectors() {
    byte[] good = ARMORY.encode(new Armory("x", List.of(new Sword(1), new Bow("b", 2f))));
    ByteBuffer bb = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
    int root = bb.getInt(0);
    int vt = root - bb.getInt(root);
    int typesSlot = root + bb.getShort(vt + 4 + 2 * 1);
    int types = typesSlot + bb.getInt(typesSlot);
    assertEquals(2, bb.getInt(types));
    assertEquals(1, bb.get(types + 4));
    assertEquals(2, bb.get(types + 5));
    byte[] badTag = good.clone();
    badTag[types + 5] = 7;
    DecodeException e = assertThrows(DecodeException.class, () -> ARMORY.decode(badTag));
    assertTrue(e.getMessage().contains("arsenal[1]") && e.getMessage().contains("7 is not a member tag"), e.getMessage());
    byte[] shortTypes = good.clone();
    ByteBuffer.wrap(shortTypes).order(ByteOrder.LITTLE_ENDIAN).putInt(types, 1);
    e = assertThrows(DecodeException.class, () -> ARMORY.view(ByteBuffer.wrap(shortTypes)));
    assertTrue(e.getMessage().contains("2 values but 1 types"), e.getMessage());
    byte[] noTypes = good.clone();
    ByteBuffer.wrap(noTypes).order(ByteOrder.LITTLE_ENDIAN).putShort(vt + 4 + 2 * 1, (short) 0);
    e = assertThrows(DecodeException.class, () -> ARMORY.decode(noTypes));
    assertTrue(e.getMessage().contains("no type vector"), e.getMessage());
    byte[] hugeTypes = good.clone();
    ByteBuffer.wrap(hugeTypes).order(ByteOrder.LITTLE_ENDIAN).putInt(types, -5);
    assertThrows(DecodeException.class, () -> ARMORY.decode(hugeTypes));
    for (int at = 0; at < good.length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bad = good.clone();
        bad[at] ^= (byte) (1 << bit);
        try {
          ARMORY.decode(bad);
        } catch (DecodeException expected) {
          // fine
        } catch (RuntimeException | Error other) {
          throw new AssertionError("byte " + at + " bit " + bit + ": " + other, other);
        }
      }
    }
  }

  @Test
  void verifierRefusesBadTypesAndValues() {
    byte[] good = CODEC.encode(new Hero(new Sword(42), "x", Optional.empty(), 0, Optional.empty()));
    ByteBuffer bb = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
    int root = bb.getInt(0);
    int vt = root - bb.getInt(root);
    int type = root + bb.getShort(vt + 4); // main_type, id 0
    byte[] unknown = good.clone();
    unknown[type] = 9;
    DecodeException e = assertThrows(DecodeException.class, () -> CODEC.decode(unknown));
    assertTrue(e.getMessage().contains("9 is not a member tag") && e.getMessage().contains("main"), e.getMessage());
    byte[] noType = good.clone();
    ByteBuffer.wrap(noType).order(ByteOrder.LITTLE_ENDIAN).putShort(vt + 4, (short) 0);
    e = assertThrows(DecodeException.class, () -> CODEC.view(ByteBuffer.wrap(noType)));
    assertTrue(e.getMessage().contains("no type"), e.getMessage());
    int value = root + bb.getShort(vt + 6); // main, id 1
    byte[] outside = good.clone();
    ByteBuffer.wrap(outside).order(ByteOrder.LITTLE_ENDIAN).putInt(value, 1 << 20);
    assertThrows(DecodeException.class, () -> CODEC.decode(outside));
    for (int at = 0; at < good.length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bad = good.clone();
        bad[at] ^= (byte) (1 << bit);
        try {
          CODEC.decode(bad);
        } catch (DecodeException expected) {
          // fine
        } catch (RuntimeException | Error other) {
          throw new AssertionError("byte " + at + " bit " + bit + ": " + other, other);
        }
      }
    }
  }
}
