package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.GenericUnion;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.UnionSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Union members that are structs or strings, and one table under several member names (aliases), against
 * flatc 2.0.8 ({@code resources/fbs/members.fbs} and {@code aliases.fbs}, written for these tests).
 *
 * <p>flatc 2.0.8 writes struct and string members from JSON ({@code -b}) but refuses to print them as JSON
 * or to {@code --conform} them ("only tables can be union elements in the generated language"). So for
 * {@code members.fbs} the oracle is: flatc parses Polycodec's export back into the same schema and builds
 * the same bytes from it; flatc's binaries decode to the values of the JSON flatc built them from; and
 * Polycodec's bytes, read with flatbuffers-java's own {@code Table} primitives (what flatc's generated
 * Java does), hold those values too. Aliases ({@code aliases.fbs}) go through flatc's JSON both ways.
 */
class UnionMembersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void importsStructStringAndAliasedMembers(@TempDir Path dir) throws IOException {
    FbsImport.Imported im = importMembers(dir);
    RecordSchema room = im.schema();
    UnionSchema thing = (UnionSchema) room.field("thing").type();
    assertTrue(thing.members().get(thing.indexOfName("Label")).isString());
    assertTrue(im.layout().isStruct("members.Vec2") && im.layout().isStruct("members.Wide"));
    assertEquals("members.Vec2", thing.members().get(thing.indexOfName("Pos")).record().name());
    for (String alias : List.of("Monster", "Boss", "Minion")) {
      assertTrue(thing.isAliased(thing.indexOfName(alias)), alias);
    }
    assertFalse(thing.isAliased(thing.indexOfName("Weapon")));
    assertFalse(thing.isAliased(thing.indexOfName("Label")));
    String fbs = im.fbs();
    assertTrue(fbs.contains("Label: string = 5"), fbs);
    assertTrue(fbs.contains("Pos: members.Vec2 = 3"), fbs);
    assertTrue(fbs.contains("Minion: members.Monster = 7"), fbs);
  }

  /** flatc 2.0.8's limits, stated so that a flatc which lifts them makes this test say so. */
  @Test
  void flatcCannotPrintOrConformStructAndStringMembers(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("members.fbs"), resource("members.fbs"));
    AssertionError conform = assertThrows(AssertionError.class,
        () -> Flatc.run(dir, List.of("--conform", "members.fbs", "members.fbs")));
    assertTrue(conform.getMessage().contains("only tables can be union elements in the generated language"),
        conform.getMessage());
    Files.write(dir.resolve("members-1.json"), resource("members-1.json"));
    Flatc.run(dir, List.of("-b", "members.fbs", "members-1.json"));
    AssertionError print = assertThrows(AssertionError.class,
        () -> Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "-o", "out", "members.fbs", "--",
            "members-1.bin")));
    // members.fbs also has a vector of unions, which flatc 2.0.8 reports first when printing.
    assertTrue(print.getMessage().contains("only tables can be union elements in the generated language")
        || print.getMessage().contains("Vectors of unions are not yet supported"), print.getMessage());
  }

  /** The export, parsed by flatc again, is the same schema, and flatc builds the same bytes from it. */
  @Test
  void flatcReadsTheExportAsTheSameSchema(@TempDir Path dir) throws IOException {
    FbsImport.Imported im = importMembers(dir);
    Files.writeString(dir.resolve("exported.fbs"), im.fbs());
    Files.createDirectories(dir.resolve("again"));
    Flatc.run(dir, List.of("-b", "--schema", "--bfbs-builtins", "-o", "again", "exported.fbs"));
    FbsImport.Imported again = FbsImport.read(Files.readAllBytes(dir.resolve("again/exported.bfbs")));
    assertEquals(im.schema(), again.schema());
    assertEquals(im.fbs(), again.fbs());
    for (String doc : List.of("members-1", "members-2")) {
      Files.write(dir.resolve(doc + ".json"), resource(doc + ".json"));
      Flatc.run(dir, List.of("-b", "-o", "original", "members.fbs", doc + ".json"));
      Flatc.run(dir, List.of("-b", "-o", "exported", "exported.fbs", doc + ".json"));
      assertArrayEquals(Files.readAllBytes(dir.resolve("original/" + doc + ".bin")),
          Files.readAllBytes(dir.resolve("exported/" + doc + ".bin")), doc);
    }
  }

  /**
   * flatc's binaries decode to the values of the JSON it built them from; Polycodec's bytes of those values
   * hold them too, read by flatbuffers-java's Table primitives; decoding them again gives the same value.
   */
  @Test
  void flatcBinariesAndPolycodecBytesHoldTheDocumentsValues(@TempDir Path dir) throws IOException {
    FbsImport.Imported im = importMembers(dir);
    FlatBuffersCodec<GenericRecord> codec = im.codec();
    RecordSchema room = im.schema();
    UnionSchema thing = (UnionSchema) room.field("thing").type();
    UnionSchema amb = (UnionSchema) room.field("amb").type();
    for (String doc : List.of("members-1", "members-2")) {
      Files.write(dir.resolve(doc + ".json"), resource(doc + ".json"));
      Flatc.run(dir, List.of("-b", "members.fbs", doc + ".json"));
      JsonNode json = JSON.readTree(resource(doc + ".json"));
      String expected = fromJson(json);
      byte[] flatcBytes = Files.readAllBytes(dir.resolve(doc + ".bin"));
      assertEquals(expected, fromTables(flatcBytes, thing, amb), doc + ": flatc's bytes, read as tables");
      GenericRecord v = codec.decode(flatcBytes);
      assertEquals(expected, fromValue(v), doc + ": Polycodec's decoding of flatc's bytes");
      byte[] ours = codec.encode(v);
      assertEquals(expected, fromTables(ours, thing, amb), doc + ": Polycodec's bytes, read as tables");
      assertEquals(v, codec.decode(ours));
      assertArrayEquals(ours, codec.encode(codec.decode(ours)), doc);
    }
  }

  /** Aliases through flatc's JSON: conform both ways, decode to the named member, print as flatc does. */
  @Test
  void aliasesRoundTripThroughFlatcJson(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("aliases.fbs"), resource("aliases.fbs"));
    Files.write(dir.resolve("aliases-1.json"), resource("aliases-1.json"));
    FbsImport.Imported im = Flatc.importSchema(dir, "aliases.fbs");
    Flatc.conformsBothWays(dir, "aliases.fbs", im.fbs());
    Flatc.run(dir, List.of("-b", "-o", "flatc", "aliases.fbs", "aliases-1.json"));
    FlatBuffersCodec<GenericRecord> codec = im.codec();
    GenericRecord v = codec.decode(Files.readAllBytes(dir.resolve("flatc/aliases-1.bin")));
    GenericUnion a = (GenericUnion) v.get("amb");
    assertEquals("M2", a.member());
    assertEquals("twin", ((GenericRecord) a.value()).get("name"));
    assertEquals("M3", ((GenericUnion) v.get("boss")).member());
    assertEquals("M2", codec.view(ByteBuffer.wrap(codec.encode(v))).getUnionMember("amb"));
    Files.createDirectories(dir.resolve("ours"));
    Files.write(dir.resolve("ours/aliases-1.bin"), codec.encode(v));
    Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "-o", "flatc", "aliases.fbs", "--",
        "flatc/aliases-1.bin"));
    Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "-o", "ours", "aliases.fbs", "--",
        "ours/aliases-1.bin"));
    JsonNode printed = JSON.readTree(dir.resolve("flatc/aliases-1.json").toFile());
    assertEquals(printed, JSON.readTree(dir.resolve("ours/aliases-1.json").toFile()));
    assertEquals("M2", printed.get("amb_type").asText());

    // The same record as another alias is another member on the wire.
    GenericRecord asM1 = GenericRecord.builder(v.schema()).set("id", 3)
        .set("amb", GenericUnion.of("M1", a.value())).set("boss", v.get("boss")).build();
    assertEquals("M1", ((GenericUnion) codec.decode(codec.encode(asM1)).get("amb")).member());
  }

  /** A bare record of an aliased table does not say which member it is: refused, naming GenericUnion. */
  @Test
  void bareAliasedRecordsAreRefused(@TempDir Path dir) throws IOException {
    FbsImport.Imported im = importMembers(dir);
    RecordSchema room = im.schema();
    UnionSchema thing = (UnionSchema) room.field("thing").type();
    RecordSchema monster = thing.members().get(thing.indexOfName("Boss")).record();
    GenericRecord boss = GenericRecord.builder(monster).set("name", "x").build();
    IllegalArgumentException built = assertThrows(IllegalArgumentException.class,
        () -> GenericRecord.builder(room).set("thing", boss));
    assertTrue(built.getMessage().contains("GenericUnion"), built.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GenericRecord.builder(room).set("thing", GenericUnion.of("Boss", "a string")));
    IllegalArgumentException inList = assertThrows(IllegalArgumentException.class,
        () -> GenericRecord.builder(room).set("things", List.of(boss)));
    assertTrue(inList.getMessage().contains("things[0]"), inList.getMessage());
    // A string member takes a bare String (one string member) or a GenericUnion naming it.
    GenericRecord label = GenericRecord.builder(room).set("thing", "hi").build();
    assertEquals("hi", im.codec().decode(im.codec().encode(label)).get("thing"));
    GenericRecord named = GenericRecord.builder(room).set("thing", GenericUnion.of("Label", "hi")).build();
    assertArrayEquals(im.codec().encode(label), im.codec().encode(named));
  }

  /** Mutated buffers holding struct, string and aliased members decode or are DecodeExceptions. */
  @Test
  void mutantsAreDecodeExceptions(@TempDir Path dir) throws IOException {
    FbsImport.Imported im = importMembers(dir);
    FlatBuffersCodec<GenericRecord> codec = im.codec();
    Files.write(dir.resolve("members-1.json"), resource("members-1.json"));
    Flatc.run(dir, List.of("-b", "members.fbs", "members-1.json"));
    byte[] flatcBytes = Files.readAllBytes(dir.resolve("members-1.bin"));
    List<byte[]> goods = List.of(flatcBytes, codec.encode(codec.decode(flatcBytes)));
    int refused = 0;
    long seed = 1919;
    Random rnd = new Random(seed);
    for (int i = 0; i < 4000; i++) {
      byte[] bad = goods.get(i & 1).clone();
      int at = rnd.nextInt(bad.length);
      if (rnd.nextBoolean()) {
        bad[at] ^= (byte) (1 << rnd.nextInt(8));
      } else {
        bad[at] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, 1, 4, 8}[rnd.nextInt(7)];
      }
      try {
        codec.decode(bad);
        FlatView<GenericRecord> view = codec.view(ByteBuffer.wrap(bad));
        view.toValue();
        view.getUnionMember("thing");
      } catch (DecodeException expected) {
        refused++;
      } catch (RuntimeException | Error other) {
        throw new AssertionError("seed " + seed + " mutation " + i + " at byte " + at + ": " + other, other);
      }
    }
    assertTrue(refused > 200, refused + " of 4000 mutations refused");
  }

  /** The verifier's struct and string rules, on hand-placed member offsets. */
  @Test
  void verifierChecksStructAndStringMembers(@TempDir Path dir) throws IOException {
    FbsImport.Imported im = importMembers(dir);
    FlatBuffersCodec<GenericRecord> codec = im.codec();
    RecordSchema room = im.schema();
    UnionSchema thing = (UnionSchema) room.field("thing").type();
    RecordSchema wide = thing.members().get(thing.indexOfName("Big")).record();
    GenericRecord big = GenericRecord.builder(room).set("id", 1)
        .set("thing", GenericRecord.builder(wide).set("a", 2.5).set("b", -3).build()).build();
    byte[] good = codec.encode(big);
    int member = memberPosition(good, 8);
    assertEquals(0, member & 7, "a Wide (with a double) is 8-byte aligned");
    assertEquals(2.5, ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getDouble(member));
    // Point the member's uoffset 4 bytes further: misaligned for a struct with a double.
    byte[] misaligned = shiftMember(good, 8, 4);
    DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(misaligned));
    assertTrue(e.getMessage().contains("8-byte aligned"), e.getMessage());
    // Cut the buffer inside the struct: its 16 bytes no longer fit.
    byte[] cut = java.util.Arrays.copyOf(good, member + 8);
    assertThrows(DecodeException.class, () -> codec.decode(cut));

    byte[] label = codec.encode(GenericRecord.builder(room).set("thing", "hello").build());
    int s = memberPosition(label, 8);
    assertEquals(5, ByteBuffer.wrap(label).order(ByteOrder.LITTLE_ENDIAN).getInt(s));
    byte[] unterminated = label.clone();
    unterminated[s + 4 + 5] = 'x';
    DecodeException u = assertThrows(DecodeException.class, () -> codec.decode(unterminated));
    assertTrue(u.getMessage().contains("zero-terminated"), u.getMessage());
    byte[] longer = label.clone();
    ByteBuffer.wrap(longer).order(ByteOrder.LITTLE_ENDIAN).putInt(s, 1 << 30);
    assertThrows(DecodeException.class, () -> codec.decode(longer));
  }

  sealed interface Spot permits Point, Place {}

  @FlatStruct
  record Point(@io.polycodec.Tag(1) float x, @io.polycodec.Tag(2) double y) implements Spot {}

  record Place(@io.polycodec.Tag(1) String name) implements Spot {}

  record Marker(@io.polycodec.Tag(1) int id, @io.polycodec.Tag(3) @InlineUnion Spot at,
      @io.polycodec.Tag(4) java.util.Optional<Spot> held) {}

  /** A Java sealed interface may have a @FlatStruct member: flatc builds the same member from JSON. */
  @Test
  void aJavaRecordMemberMarkedAsAStruct(@TempDir Path dir) throws IOException {
    FlatBuffersCodec<Marker> codec = FlatBuffersCodec.of(Marker.class);
    Marker m = new Marker(5, new Point(1.5f, -2.25), java.util.Optional.of(new Point(0f, 8)));
    byte[] bytes = codec.encode(m);
    assertEquals(m, codec.decode(bytes));
    Marker p = new Marker(6, new Place("home"), java.util.Optional.of(new Place("")));
    assertEquals(p, codec.decode(codec.encode(p)));
    int point = memberPosition(bytes, 4 + 2 * 2);
    assertEquals(0, point & 7, "Point holds a double: 8-byte aligned");
    String fbs = codec.fbs();
    assertTrue(fbs.contains("struct Point {"), fbs);
    Flatc.require();
    Files.writeString(dir.resolve("marker.fbs"), fbs);
    Files.writeString(dir.resolve("marker.json"), "{\"id\": 5, \"at_type\": \"Point\", \"at\": {\"x\": 1.5, \"y\": -2.25}}");
    Flatc.run(dir, List.of("-b", "marker.fbs", "marker.json"));
    Marker fromFlatc = codec.decode(Files.readAllBytes(dir.resolve("marker.bin")));
    assertEquals(new Marker(5, new Point(1.5f, -2.25), java.util.Optional.empty()), fromFlatc);
  }

  // ---- helpers --------------------------------------------------------------------------------------

  private static FbsImport.Imported importMembers(Path dir) throws IOException {
    Flatc.require();
    Files.write(dir.resolve("members.fbs"), resource("members.fbs"));
    Flatc.run(dir, List.of("-b", "--schema", "--bfbs-builtins", "members.fbs"));
    return FbsImport.read(Files.readAllBytes(dir.resolve("members.bfbs")));
  }

  /** The position a root table's uoffset field at vtable offset {@code vtOffset} points to. */
  private static int memberPosition(byte[] bytes, int vtOffset) {
    Tables t = new Tables(bytes);
    return t.target(t.root, vtOffset);
  }

  private static byte[] shiftMember(byte[] bytes, int vtOffset, int by) {
    Tables t = new Tables(bytes);
    int field = t.field(t.root, vtOffset);
    byte[] out = bytes.clone();
    ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    bb.putInt(field, bb.getInt(field) + by);
    return out;
  }

  /**
   * A room read with flatbuffers-java's {@code Table} primitives only (vtable lookups and offsets as
   * flatc's generated Java does them), independent of Polycodec's reader.
   */
  private static final class Tables extends com.google.flatbuffers.Table {
    final int root;

    Tables(byte[] bytes) {
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      root = b.getInt(0);
      __reset(root, b);
    }

    /** The absolute position of field {@code vtOffset} of the table at {@code table}, or 0. */
    int field(int table, int vtOffset) {
      __reset(table, bb);
      int o = __offset(vtOffset);
      return o == 0 ? 0 : table + o;
    }

    int target(int table, int vtOffset) {
      int f = field(table, vtOffset);
      return f == 0 ? 0 : __indirect(f);
    }

    ByteBuffer buf() {
      return bb;
    }

    String string(int at) {
      int n = bb.getInt(at);
      byte[] b = new byte[n];
      bb.get(at + 4, b);
      return new String(b, StandardCharsets.UTF_8);
    }

    String member(String type, int at) {
      switch (type) {
        case "Weapon": {
          int d = field(at, 4);
          return "Weapon{damage=" + (d == 0 ? 0 : bb.getInt(d)) + "}";
        }
        case "Pos": return "Vec2{x=" + bb.getFloat(at) + ", y=" + bb.getFloat(at + 4) + "}";
        case "Big": return "Wide{a=" + bb.getDouble(at) + ", b=" + bb.get(at + 8) + "}";
        case "Label": return '"' + string(at) + '"';
        default: {
          int name = target(at, 4);
          int hp = field(at, 6);
          return "Monster{name=" + (name == 0 ? null : string(name)) + ", hp=" + (hp == 0 ? 100 : bb.getShort(hp)) + "}";
        }
      }
    }
  }

  /** Room {id, thing, things, amb, note} from flatc's or Polycodec's bytes, by vtable offsets 4 to 18. */
  private static String fromTables(byte[] bytes, UnionSchema thing, UnionSchema amb) {
    Tables t = new Tables(bytes);
    List<String> out = new ArrayList<>();
    int id = t.field(t.root, 4);
    out.add("id=" + (id == 0 ? 0 : t.buf().getInt(id)));
    int thingType = t.field(t.root, 6);
    out.add("thing=" + (thingType == 0 ? null : tablesMember(t, thing, t.buf().get(thingType) & 0xFF, t.target(t.root, 8))));
    List<String> things = new ArrayList<>();
    int types = t.target(t.root, 10);
    int values = t.target(t.root, 12);
    for (int k = 0; types != 0 && k < t.buf().getInt(types); k++) {
      int p = values + 4 + 4 * k;
      things.add(tablesMember(t, thing, t.buf().get(types + 4 + k) & 0xFF, p + t.buf().getInt(p)));
    }
    out.add("things=" + things);
    int ambType = t.field(t.root, 14);
    out.add("amb=" + (ambType == 0 ? null : tablesMember(t, amb, t.buf().get(ambType) & 0xFF, t.target(t.root, 16))));
    int note = t.target(t.root, 18);
    out.add("note=" + (note == 0 ? null : t.string(note)));
    return String.join("; ", out);
  }

  private static String tablesMember(Tables t, UnionSchema u, int tag, int at) {
    String name = u.members().get(u.indexOfTag(tag)).name();
    return name + ":" + t.member(name, at);
  }

  /** The same description from the JSON document flatc built its binary from (absent = default). */
  private static String fromJson(JsonNode j) {
    List<String> out = new ArrayList<>();
    out.add("id=" + (j.has("id") ? j.get("id").intValue() : 0));
    out.add("thing=" + (j.has("thing_type") ? jsonMember(j.get("thing_type").asText(), j.get("thing")) : null));
    List<String> things = new ArrayList<>();
    for (int k = 0; j.has("things") && k < j.get("things").size(); k++) {
      things.add(jsonMember(j.get("things_type").get(k).asText(), j.get("things").get(k)));
    }
    out.add("things=" + things);
    out.add("amb=" + (j.has("amb_type") ? jsonMember(j.get("amb_type").asText(), j.get("amb")) : null));
    out.add("note=" + (j.has("note") ? j.get("note").asText() : null));
    return String.join("; ", out);
  }

  private static String jsonMember(String type, JsonNode v) {
    String value;
    switch (type) {
      case "Weapon": value = "Weapon{damage=" + v.path("damage").asInt(0) + "}"; break;
      case "Pos": value = "Vec2{x=" + (float) v.get("x").doubleValue() + ", y=" + (float) v.get("y").doubleValue() + "}"; break;
      case "Big": value = "Wide{a=" + v.get("a").doubleValue() + ", b=" + (byte) v.get("b").intValue() + "}"; break;
      case "Label": value = '"' + v.asText() + '"'; break;
      default:
        value = "Monster{name=" + (v.has("name") ? v.get("name").asText() : null) + ", hp=" + v.path("hp").asInt(100) + "}";
    }
    return type + ":" + value;
  }

  /** The same description from a decoded value (the member named by GenericUnion or by its type). */
  private static String fromValue(GenericRecord r) {
    UnionSchema thing = (UnionSchema) r.schema().field("thing").type();
    UnionSchema amb = (UnionSchema) r.schema().field("amb").type();
    List<String> out = new ArrayList<>();
    out.add("id=" + r.get("id"));
    out.add("thing=" + (r.get("thing") == null ? null : valueMember(thing, r.get("thing"))));
    List<String> things = new ArrayList<>();
    for (Object o : (List<?>) r.get("things")) {
      things.add(valueMember(thing, o));
    }
    out.add("things=" + things);
    out.add("amb=" + (r.get("amb") == null ? null : valueMember(amb, r.get("amb"))));
    out.add("note=" + r.get("note"));
    return String.join("; ", out);
  }

  private static String valueMember(UnionSchema u, Object v) {
    String name;
    Object value = v;
    if (v instanceof GenericUnion) {
      name = ((GenericUnion) v).member();
      value = ((GenericUnion) v).value();
    } else if (v instanceof String) {
      name = u.members().get(u.indexOfString()).name();
    } else {
      name = u.members().get(u.indexOfType(((GenericRecord) v).schema())).name();
    }
    if (value instanceof String) {
      return name + ":\"" + value + '"';
    }
    GenericRecord g = (GenericRecord) value;
    switch (g.schema().name()) {
      case "members.Weapon": return name + ":Weapon{damage=" + g.get("damage") + "}";
      case "members.Vec2": return name + ":Vec2{x=" + g.get("x") + ", y=" + g.get("y") + "}";
      case "members.Wide": return name + ":Wide{a=" + g.get("a") + ", b=" + g.get("b") + "}";
      default: return name + ":Monster{name=" + g.get("name") + ", hp=" + g.get("hp") + "}";
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = UnionMembersTest.class.getResourceAsStream("/fbs/" + name)) {
      return in.readAllBytes();
    }
  }
}
