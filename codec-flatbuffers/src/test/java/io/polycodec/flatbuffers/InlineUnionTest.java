package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.SchemaException;
import io.polycodec.Tag;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unions laid out as flatc lays them out ({@link InlineUnion}): type byte + value, no holder table. */
class InlineUnionTest {
  sealed interface Weapon permits Sword, Bow {}

  record Sword(@Tag(1) int damage) implements Weapon {}

  record Bow(@Tag(1) String name, @Tag(2) float range) implements Weapon {}

  record Hero(@Tag(1) String name, @Tag(3) @InlineUnion Weapon main, @Tag(5) @InlineUnion Optional<Weapon> spare,
      @Tag(6) Optional<Weapon> held) {}

  /** flatc 2.0.8 cannot print vectors of unions as JSON, so they get a record of their own. */
  record Armory(@Tag(1) String name, @Tag(3) @InlineUnion List<Weapon> arsenal) {}

  static final FlatBuffersCodec<Armory> ARMORY = FlatBuffersCodec.of(Armory.class);

  static final FlatBuffersCodec<Hero> CODEC = FlatBuffersCodec.of(Hero.class);

  static Hero hero(long seed) {
    Random rnd = new Random(seed);
    return new Hero("hero" + seed, weapon(rnd), rnd.nextBoolean() ? Optional.of(weapon(rnd)) : Optional.empty(),
        rnd.nextBoolean() ? Optional.of(weapon(rnd)) : Optional.empty());
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

  @Test
  void roundTripAndLayout() {
    for (long seed = 0; seed < 40; seed++) {
      Hero h = hero(seed);
      assertEquals(h, CODEC.decode(CODEC.encode(h)), "seed " + seed);
    }
    Hero h = new Hero("x", new Sword(42), Optional.empty(), Optional.empty());
    ByteBuffer bb = ByteBuffer.wrap(CODEC.encode(h)).order(ByteOrder.LITTLE_ENDIAN);
    int root = bb.getInt(0);
    int vt = root - bb.getInt(root);
    int type = root + bb.getShort(vt + 4 + 2 * 1);
    assertEquals(1, bb.get(type), "main_type at id 1 holds Sword's tag");
    int value = root + bb.getShort(vt + 4 + 2 * 2);
    int sword = value + bb.getInt(value);
    int swordVt = sword - bb.getInt(sword);
    assertEquals(42, bb.getInt(sword + bb.getShort(swordVt + 4)), "the member table itself, no holder");
  }

  @Test
  void viewsReadInlineUnions() {
    Hero h = new Hero("x", new Bow("long", 2.5f), Optional.of(new Sword(3)), Optional.empty());
    FlatView<Hero> v = CODEC.view(CODEC.encode(h));
    assertEquals("Bow", v.getUnionMember("main"));
    assertEquals(2.5f, v.getUnion("main").getFloat("range"));
    assertEquals(3, v.getUnion("spare").getInt("damage"));
    assertEquals(new Sword(3), v.get("spare"));
    assertNull(v.getUnion("held"));
    FlatView<Armory> a = ARMORY.view(ARMORY.encode(new Armory("a", List.of(new Sword(1), new Bow("b", 1f)))));
    assertEquals(List.of(new Sword(1), new Bow("b", 1f)), a.get("arsenal"));
    assertThrows(IllegalArgumentException.class, () -> a.getList("arsenal"));
    for (long seed = 0; seed < 30; seed++) {
      Armory arm = new Armory("s" + seed, arsenal(new Random(seed)));
      assertEquals(arm, ARMORY.decode(ARMORY.encode(arm)), "seed " + seed);
    }
  }

  @Test
  void exportIsFlatcs() {
    String fbs = CODEC.fbs();
    assertTrue(fbs.contains("main: ") && fbs.contains("(id: 2);"), fbs);
    assertFalse(fbs.contains("(id: 1, deprecated)"), "id 1 is main_type, not a placeholder:\n" + fbs);
    assertTrue(fbs.contains("_Union"), "held also uses the union through a holder:\n" + fbs);
  }

  @Test
  void flatcBothWays(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.writeString(dir.resolve("h.fbs"), CODEC.fbs());
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
      if (h.spare().isPresent()) {
        assertWeapon(h.spare().get(), printed, "spare", "seed " + i);
      } else {
        assertFalse(printed.has("spare"), printed.toString());
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
      assertEquals(hero(i), CODEC.decode(Files.readAllBytes(dir.resolve("b").resolve("back" + i + ".bin"))), "seed " + i);
    }
  }

  private static String context(int seed, JsonNode printed) {
    return "seed " + seed + ": " + printed;
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

  record Crowded(@Tag(1) int a, @Tag(2) @InlineUnion Weapon w) {}

  record First(@Tag(1) @InlineUnion Weapon w) {}

  @Test
  void theTypeSlotMustBeFree() {
    assertTrue(assertThrows(SchemaException.class, () -> FlatBuffersCodec.of(Crowded.class)).getMessage()
        .contains("field a has it"));
    assertTrue(assertThrows(SchemaException.class, () -> FlatBuffersCodec.of(First.class)).getMessage()
        .contains("at least 2"));
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
    byte[] good = CODEC.encode(new Hero("x", new Sword(42), Optional.empty(), Optional.empty()));
    ByteBuffer bb = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
    int root = bb.getInt(0);
    int vt = root - bb.getInt(root);
    int type = root + bb.getShort(vt + 6);
    byte[] unknown = good.clone();
    unknown[type] = 9;
    DecodeException e = assertThrows(DecodeException.class, () -> CODEC.decode(unknown));
    assertTrue(e.getMessage().contains("9 is not a member tag") && e.getMessage().contains("main"), e.getMessage());
    byte[] noType = good.clone();
    ByteBuffer.wrap(noType).order(ByteOrder.LITTLE_ENDIAN).putShort(vt + 6, (short) 0);
    e = assertThrows(DecodeException.class, () -> CODEC.view(ByteBuffer.wrap(noType)));
    assertTrue(e.getMessage().contains("no type"), e.getMessage());
    int value = root + bb.getShort(vt + 8);
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
