package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polycodec.SchemaException;
import io.polycodec.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FlatBuffers {@code key}: lists of keyed tables written in flatc's key order, looked up by binary search. */
class KeyTest {
  record Item(@Tag(1) @FlatKey String name, @Tag(2) int count) {}

  record Score(@Tag(1) @FlatKey long id, @Tag(2) double points) {}

  record Inventory(@Tag(1) List<Item> items, @Tag(2) List<Score> scores) {}

  static final FlatBuffersCodec<Inventory> CODEC = FlatBuffersCodec.of(Inventory.class);

  // U+E000 sorts after U+1F600 in UTF-16 (String.compareTo) but before it in UTF-8 bytes, as flatc sorts.
  static final List<String> NAMES = List.of("sword", "\uD83D\uDE00 grin", "\uE000 private", "axe", "", "Zed", "zed");

  static Inventory inventory(long seed) {
    Random rnd = new Random(seed);
    List<String> names = new ArrayList<>(NAMES);
    java.util.Collections.shuffle(names, rnd);
    List<Item> items = new ArrayList<>();
    for (String n : names.subList(0, 1 + rnd.nextInt(names.size()))) {
      items.add(new Item(n, rnd.nextInt(100)));
    }
    List<Score> scores = new ArrayList<>();
    for (int i = rnd.nextInt(6); i > 0; i--) {
      scores.add(new Score(rnd.nextLong() >> rnd.nextInt(64), rnd.nextInt(100) / 4.0));
    }
    return new Inventory(items, scores);
  }

  private static List<Item> sortedItems(List<Item> items) {
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort((a, b) -> java.util.Arrays.compareUnsigned(a.name().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return sorted;
  }

  @Test
  void writtenInKeyOrderAndFoundByLookup() {
    for (long seed = 0; seed < 40; seed++) {
      Inventory inv = inventory(seed);
      byte[] bytes = CODEC.encode(inv);
      Inventory back = CODEC.decode(bytes);
      assertEquals(sortedItems(inv.items()), back.items(), "seed " + seed);
      List<Score> scores = new ArrayList<>(inv.scores());
      scores.sort((a, b) -> Long.compare(a.id(), b.id()));
      assertEquals(scores, back.scores(), "seed " + seed);
      FlatView<Inventory> view = CODEC.view(bytes);
      FlatList items = view.getList("items");
      for (Item i : inv.items()) {
        assertEquals(i.count(), items.lookupByKey(i.name()).getInt("count"), "seed " + seed + " " + i.name());
      }
      assertNull(items.lookupByKey("not there"));
      FlatList sc = view.getList("scores");
      for (Score s : inv.scores()) {
        assertEquals(s.points(), sc.lookupByKey(s.id()).getDouble("points"), "seed " + seed);
      }
    }
    FlatView<Inventory> v = CODEC.view(CODEC.encode(inventory(1)));
    assertThrows(IllegalArgumentException.class, () -> v.getList("items").lookupByKey(5));
    assertThrows(IllegalArgumentException.class, () -> v.getList("scores").lookupByKey(5));
  }

  @Test
  void exportDeclaresTheKey() {
    assertTrue(CODEC.fbs().contains("name: string (id: 0, key);"), CODEC.fbs());
    assertTrue(CODEC.fbs().contains("id: long (id: 0, key);"), CODEC.fbs());
  }

  record TwoKeys(@Tag(1) @FlatKey String a, @Tag(2) @FlatKey String b) {}

  record HoldsTwo(@Tag(1) List<TwoKeys> all) {}

  @Test
  void oneKeyPerTable() {
    assertThrows(SchemaException.class, () -> FlatBuffersCodec.of(HoldsTwo.class));
  }

  /** flatc sorts keyed vectors it builds from JSON: Polycodec's order is the same, and lookups find flatc's. */
  @Test
  void sameOrderAsFlatc(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.writeString(dir.resolve("inv.fbs"), CODEC.fbs());
    ObjectMapper json = new ObjectMapper();
    for (long seed = 0; seed < 10; seed++) {
      Inventory inv = inventory(seed);
      StringBuilder sb = new StringBuilder("{\"items\": [");
      for (int i = 0; i < inv.items().size(); i++) {
        sb.append(i == 0 ? "" : ", ").append("{\"name\": ").append(json.writeValueAsString(inv.items().get(i).name()))
            .append(", \"count\": ").append(inv.items().get(i).count()).append('}');
      }
      sb.append("]}");
      Files.writeString(dir.resolve("in" + seed + ".json"), sb.toString());
      Flatc.run(dir, List.of("-b", "inv.fbs", "in" + seed + ".json"));
      byte[] flatcBytes = Files.readAllBytes(dir.resolve("in" + seed + ".bin"));
      assertEquals(sortedItems(inv.items()), CODEC.decode(flatcBytes).items(), "flatc's order, seed " + seed);
      for (Item i : inv.items()) {
        assertEquals(i.count(), CODEC.view(flatcBytes).getList("items").lookupByKey(i.name()).getInt("count"));
      }
      Files.write(dir.resolve("ours" + seed + ".bin"), CODEC.encode(inv));
      Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "inv.fbs", "--", "ours" + seed + ".bin"));
      JsonNode printed = json.readTree(dir.resolve("ours" + seed + ".json").toFile());
      List<Item> sorted = sortedItems(inv.items());
      for (int i = 0; i < sorted.size(); i++) {
        assertEquals(sorted.get(i).name(), printed.get("items").get(i).path("name").asText(""), "seed " + seed);
      }
    }
  }
}
