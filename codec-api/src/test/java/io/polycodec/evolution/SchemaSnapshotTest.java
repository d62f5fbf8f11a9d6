package io.polycodec.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.polycodec.Codecs;
import io.polycodec.SchemaException;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaSnapshot;
import io.polycodec.schema.UnionSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SchemaSnapshotTest {

  /** Written by hand from SchemaSnapshot's documented layout; its SHA-256 comes from {@code sha256sum}. */
  private static final String GOLDEN = "{\n"
      + "  \"polycodec\": \"schema/1\",\n"
      + "  \"root\": \"UserProfile\",\n"
      + "  \"types\": [\n"
      + "    {\"kind\": \"enum\", \"name\": \"Plan\", \"constants\": [\n"
      + "      {\"name\": \"FREE\", \"number\": 0},\n"
      + "      {\"name\": \"PRO\", \"number\": 1}\n"
      + "    ]},\n"
      + "    {\"kind\": \"record\", \"name\": \"UserProfile\", \"fields\": [\n"
      + "      {\"name\": \"id\", \"tag\": 1, \"type\": \"int64\"},\n"
      + "      {\"name\": \"email\", \"tag\": 2, \"type\": \"string\", \"optional\": true},\n"
      + "      {\"name\": \"plan\", \"tag\": 3, \"type\": \"Plan\"},\n"
      + "      {\"name\": \"tags\", \"tag\": 4, \"type\": \"map<string,int32(zigzag)>\"}\n"
      + "    ]}\n"
      + "  ]\n"
      + "}\n";
  private static final String GOLDEN_SHA256 = "84c2baa8785bca809522b94ffeb00ef56c8cee0134e210daa12fb1b741e242ee";

  static RecordSchema userProfile() {
    return RecordSchema.of("UserProfile",
        Field.of("id", 1, Schema.int64()),
        Field.optional("email", 2, Schema.string()),
        Field.of("plan", 3, EnumSchema.of("Plan", "FREE", "PRO")),
        Field.of("tags", 4, Schema.map(Schema.string(), Schema.int32(IntEncoding.ZIGZAG))));
  }

  /** Every kind, every integer encoding, every vector layout, oneofs, deprecation and recursion. */
  static RecordSchema everything() {
    RecordSchema.Builder tree = RecordSchema.builder("pkg.Tree");
    RecordSchema.Builder leaf = RecordSchema.builder("pkg.Leaf");
    UnionSchema node = UnionSchema.of("pkg.Node", List.of(
        new UnionSchema.Member("Tree", 1, tree.ref()), new UnionSchema.Member("Leaf", 7, leaf.ref())));
    leaf.field("value", 1, Schema.float64());
    leaf.build();
    tree.field("children", 1, Schema.list(node));
    tree.optionalField("parent", 2, tree.ref());
    tree.field("byName", 3, Schema.map(Schema.string(), tree.ref()));
    tree.build();
    EnumSchema color = EnumSchema.of("Color", List.of(new EnumSchema.Constant("RED", 3),
        new EnumSchema.Constant("GREEN", -1), new EnumSchema.Constant("BLUE", 1000)));
    RecordSchema.Builder b = RecordSchema.builder("Everything")
        .field("flag", 1, Schema.bool())
        .field("f32", 2, Schema.float32())
        .field("f64", 3, Schema.float64())
        .field("text", 4, Schema.string())
        .field("blob", 5, Schema.bytes())
        .field("at", 6, Schema.timestamp())
        .field("color", 7, color)
        .field("colors", 8, Schema.list(color))
        .field("boolKeys", 9, Schema.map(Schema.bool(), Schema.string()))
        .field("intKeys", 10, Schema.map(Schema.int32(IntEncoding.UNSIGNED_FIXED), Schema.bytes()))
        .field("longKeys", 11, Schema.map(Schema.int64(), Schema.timestamp()))
        .field("f64vec", 12, Schema.float64Vector())
        .field(Field.optional("tree", 13, tree.ref()).withDeprecated(true))
        .field("node", 14, node)
        .field(Field.optional("a", 15, Schema.string()).withOneof("choice"))
        .field(Field.optional("b", 16, Schema.int32()).withOneof("choice"))
        .field("leaves", 99, Schema.list(leaf.ref()));
    int tag = 100;
    for (Kind k : List.of(Kind.INT32, Kind.INT64)) {
      for (IntEncoding e : IntEncoding.values()) {
        b.field(k.name().toLowerCase() + e.name().toLowerCase(), tag++, ScalarSchema.of(k, e));
      }
    }
    for (Quantization q : Quantization.values()) {
      b.field("vec" + q.name().toLowerCase(), tag++, Schema.float32Vector(q));
    }
    return b.build();
  }

  private static void assertRoundTrip(RecordSchema s) {
    String text = SchemaSnapshot.toJson(s);
    RecordSchema back = SchemaSnapshot.fromJson(text);
    assertEquals(s, back, text);
    assertEquals(text, SchemaSnapshot.toJson(back));
    assertEquals(SchemaSnapshot.fingerprint(s), SchemaSnapshot.fingerprint(back));
  }

  @Test
  void goldenTextAndFingerprint() {
    assertEquals(GOLDEN, SchemaSnapshot.toJson(userProfile()));
    assertEquals(GOLDEN_SHA256, SchemaSnapshot.fingerprint(userProfile()));
    RecordSchema back = SchemaSnapshot.fromJson(GOLDEN);
    assertEquals(userProfile(), back);
    assertEquals(GOLDEN_SHA256, SchemaSnapshot.fingerprint(back));
  }

  @Test
  void everyKindRoundTrips() {
    assertRoundTrip(everything());
    RecordSchema back = SchemaSnapshot.fromJson(SchemaSnapshot.toJson(everything()));
    Field tree = back.field("tree");
    assertTrue(tree.optional() && tree.deprecated());
    assertEquals("choice", back.field("b").oneof());
    assertEquals(ScalarSchema.of(Kind.INT64, IntEncoding.UNSIGNED), back.field("int64unsigned").type());
    assertEquals(Schema.float32Vector(Quantization.INT8), back.field("vecint8").type());
  }

  @Test
  void recursiveSchemasRoundTripAndStayRecursive() {
    RecordSchema back = SchemaSnapshot.fromJson(SchemaSnapshot.toJson(everything()));
    RecordSchema tree = (RecordSchema) back.field("tree").type();
    assertTrue(tree.field("parent").type() == tree, "Tree.parent must be the same node as Tree");
    UnionSchema node = (UnionSchema) back.field("node").type();
    assertTrue(node.members().get(0).type() == tree);
  }

  record Address(String street, int zip) {}

  enum Level { LOW, HIGH }

  sealed interface Shape permits Circle, Square {}

  record Circle(double r) implements Shape {}

  record Square(double side) implements Shape {}

  record Person(String name, Optional<Address> home, List<Address> previous, Map<Long, Level> levels,
      Shape favourite, Instant born, float[] embedding, Optional<Person> mentor) {}

  @Test
  void int8AndInt16RoundTripAndTakeNoEncoding() {
    RecordSchema small = RecordSchema.of("Small", Field.of("b", 1, Schema.int8()), Field.optional("s", 2, Schema.int16()));
    String json = SchemaSnapshot.toJson(small);
    assertTrue(json.contains("int8") && json.contains("int16"), json);
    assertEquals(small, SchemaSnapshot.fromJson(json));
    io.polycodec.SchemaException e = assertThrows(io.polycodec.SchemaException.class,
        () -> SchemaSnapshot.fromJson(json.replace("int8", "int8(zigzag)")));
    assertTrue(e.getMessage().contains("int32 and int64 only"), e.getMessage());
  }

  @Test
  void derivedJavaSchemasRoundTrip() {
    assertRoundTrip(Codecs.schemaOf(Person.class));
  }

  @Test
  void randomSchemasRoundTrip() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 300; i++) {
      RecordSchema s = RandomSchemas.generate(rnd);
      try {
        assertRoundTrip(s);
      } catch (AssertionError | RuntimeException e) {
        fail("seed " + seed + ", schema #" + i + ":\n" + SchemaSnapshot.toJson(s), e);
      }
    }
  }

  @Test
  void anyJsonLayoutOfTheSameContentIsAccepted() {
    String compact = GOLDEN.replace("\n", "").replace("  ", "").replace(": ", ":").replace(", ", ",");
    assertEquals(userProfile(), SchemaSnapshot.fromJson(compact));
    String escaped = GOLDEN.replace("\"UserProfile\"", "\"User\\u0050rofile\"");
    assertEquals(userProfile(), SchemaSnapshot.fromJson(escaped));
  }

  @Test
  void fingerprintChangesWithAnyDetail() {
    String base = SchemaSnapshot.fingerprint(userProfile());
    assertEquals(64, base.length());
    RecordSchema renamed = RecordSchema.of("UserProfile", Field.of("id", 1, Schema.int64()),
        Field.optional("mail", 2, Schema.string()), Field.of("plan", 3, EnumSchema.of("Plan", "FREE", "PRO")),
        Field.of("tags", 4, Schema.map(Schema.string(), Schema.int32(IntEncoding.ZIGZAG))));
    RecordSchema deprecated = RecordSchema.of("UserProfile", Field.of("id", 1, Schema.int64()),
        Field.optional("email", 2, Schema.string()).withDeprecated(true),
        Field.of("plan", 3, EnumSchema.of("Plan", "FREE", "PRO")),
        Field.of("tags", 4, Schema.map(Schema.string(), Schema.int32(IntEncoding.ZIGZAG))));
    RecordSchema encoding = RecordSchema.of("UserProfile", Field.of("id", 1, Schema.int64()),
        Field.optional("email", 2, Schema.string()), Field.of("plan", 3, EnumSchema.of("Plan", "FREE", "PRO")),
        Field.of("tags", 4, Schema.map(Schema.string(), Schema.int32())));
    for (RecordSchema other : List.of(renamed, deprecated, encoding)) {
      assertNotEquals(base, SchemaSnapshot.fingerprint(other), SchemaSnapshot.toJson(other));
    }
    assertEquals(base, SchemaSnapshot.fingerprint(userProfile()), "same schema, same fingerprint");
  }

  private static SchemaException malformed(String text) {
    SchemaException e = assertThrows(SchemaException.class, () -> SchemaSnapshot.fromJson(text), text);
    assertTrue(e.getMessage().startsWith("schema snapshot"), e.getMessage());
    return e;
  }

  private static void malformed(String text, String... expectedParts) {
    SchemaException e = malformed(text);
    for (String part : expectedParts) {
      assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
    }
  }

  private static String with(String field) {
    return "{\"polycodec\": \"schema/1\", \"root\": \"R\", \"types\": [\n"
        + "{\"kind\": \"record\", \"name\": \"R\", \"fields\": [" + field + "]}]}";
  }

  @Test
  void malformedTextIsReportedWithItsPlace() {
    malformed("", "empty");
    malformed("   \n ", "empty");
    malformed("{", "line 1, column 2");
    malformed("{\"polycodec\": \"schema/1\",}", "line 1, column 26", "quoted key");
    malformed(GOLDEN + "x", "line 17, column 1", "after the end");
    malformed(GOLDEN.replace("\"tag\": 2", "\"tag\": 2.5"), "line 11", "only integers");
    malformed(GOLDEN.replace("\"tag\": 2", "\"tag\": 02"), "leading zeros");
    malformed(GOLDEN.replace("\"tag\": 2", "\"tag\": 99999999999999999999"), "out of range");
    malformed(GOLDEN.replace("\"tag\": 2", "\"tag\": 9999999999"), "out of range");
    malformed(GOLDEN.replace("\"id\"", "\"i\\qd\""), "invalid escape");
    malformed(GOLDEN.replace("\"id\"", "\"i\td\""), "control character");
    malformed(GOLDEN.replace("\"id\"", "\"i\\u00"), "\\u");
    malformed(GOLDEN.replace("\"UserProfile\",\n  \"types\"", "\"UserProfile\",\n  \"root\": \"X\",\n  \"types\""),
        "duplicate key \"root\"");
    malformed("[" + "[".repeat(100), "nested more than");
    malformed("{\"polycodec\": \"schema/1\", \"root\": \"R\", \"types\": [] // comment\n}", "found '/'");
    malformed("tru", "unexpected");
    malformed("\"unterminated", "ends inside a string");
  }

  @Test
  void invalidContentIsReportedWithItsPlace() {
    malformed("[]", "the snapshot must be an object");
    malformed(GOLDEN.replace("schema/1", "schema/2"), "unsupported snapshot format \"schema/2\"", "line 2");
    malformed("{\"polycodec\": \"schema/1\", \"types\": []}", "lacks the key \"root\"");
    malformed(GOLDEN.replace("\"root\"", "\"rooot\""), "unknown key \"rooot\"");
    malformed(GOLDEN.replace("\"optional\": true", "\"optinal\": true"), "unknown key \"optinal\"", "line 11");
    malformed(GOLDEN.replace("\"kind\": \"enum\"", "\"kind\": \"struct\""), "unknown kind \"struct\"");
    malformed(GOLDEN.replace("\"type\": \"Plan\"", "\"type\": \"Plann\""), "type Plann is not declared", "line 12");
    malformed(GOLDEN.replace("\"root\": \"UserProfile\"", "\"root\": \"Plan\""), "must be a record");
    malformed(GOLDEN.replace("\"root\": \"UserProfile\"", "\"root\": \"Nobody\""), "not declared");
    malformed(GOLDEN.replace("\"tag\": 2", "\"tag\": 1"), "share tag 1");
    malformed(GOLDEN.replace("\"tag\": 2", "\"tag\": 0"), "tag must be positive");
    malformed(GOLDEN.replace("\"tag\": 2", "\"tag\": \"2\""), "must be an integer");
    malformed(GOLDEN.replace("\"optional\": true", "\"optional\": \"yes\""), "must be true or false");
    malformed(GOLDEN.replace("\"number\": 1", "\"number\": 0"), "share number 0");
    malformed(GOLDEN.replace("\"name\": \"Plan\"", "\"name\": \"Plan\"").replace("\"type\": \"Plan\"", "\"type\": \"int32\""),
        "not reachable");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"list<int32\"}"), "expected '>'", "line 2");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"map<float32,int32>\"}"), "map key");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"map<R,int32>\"}"), "map key");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"list<list<int32>>\"}"), "list element");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"vector<int32>\"}"), "float32 or float64");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"vector<float64,fp16>\"}"), "quantization");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"vector<float32,fp8>\"}"), "unknown quantization");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"int32(zagzig)\"}"), "unknown integer encoding");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"int32(varint)\"}"), "unknown integer encoding");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"string(zigzag)\"}"), "int32 and int64 only");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"int32 \"}"), "unexpected ' '");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"\"}"), "ends too early");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"" + "list<".repeat(20) + "int32" + ">".repeat(20) + "\"}"),
        "nested too deeply");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"R\"}"), "contains itself through required fields");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"list<int32>\", \"optional\": true}"), "cannot be optional");
    malformed(with("{\"name\": \"x\", \"tag\": 1, \"type\": \"int32\", \"oneof\": \"g\"}"), "must also say \"optional\"");
    malformed(with("{\"name\": \"x-y\", \"tag\": 1, \"type\": \"int32\"}"), "not an identifier");
    malformed(with("{\"tag\": 1, \"type\": \"int32\"}"), "lacks the key \"name\"");
    malformed("{\"polycodec\": \"schema/1\", \"root\": \"R\", \"types\": [{\"kind\": \"record\", \"name\": \"R\", "
        + "\"fields\": []}, {\"kind\": \"record\", \"name\": \"R\", \"fields\": []}]}", "declared twice");
    malformed("{\"polycodec\": \"schema/1\", \"root\": \"R\", \"types\": [{\"kind\": \"record\", \"name\": \"int32\", "
        + "\"fields\": []}]}", "scalar type's name");
    malformed("{\"polycodec\": \"schema/1\", \"root\": \"R\", \"types\": [{\"kind\": \"record\", \"name\": \"R\", "
        + "\"fields\": [{\"name\": \"u\", \"tag\": 1, \"type\": \"U\"}]}, {\"kind\": \"union\", \"name\": \"U\", "
        + "\"members\": [{\"name\": \"E\", \"tag\": 1, \"type\": \"E\"}]}, {\"kind\": \"enum\", \"name\": \"E\", "
        + "\"constants\": [{\"name\": \"A\", \"number\": 0}]}]}", "must be a record");
    malformed("{\"polycodec\": \"schema/1\", \"root\": \"R\", \"types\": [{\"kind\": \"enum\", \"name\": \"R\", "
        + "\"constants\": []}]}", "at least one constant");
  }

  @Test
  void mangledSnapshotsFailOnlyWithSchemaException() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    String base = SchemaSnapshot.toJson(everything());
    String alphabet = "{}[]\":,\\ \n0123456789-.abcdeflnrstu<>()_Ae\u00e9\u0000";
    int rejected = 0;
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder(base);
      int edits = 1 + rnd.nextInt(3);
      for (int e = 0; e < edits && sb.length() > 0; e++) {
        int at = rnd.nextInt(sb.length());
        switch (rnd.nextInt(3)) {
          case 0: sb.deleteCharAt(at); break;
          case 1: sb.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length()))); break;
          default: sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length()))); break;
        }
      }
      String text = rnd.nextInt(10) == 0 ? sb.substring(0, rnd.nextInt(sb.length() + 1)) : sb.toString();
      try {
        RecordSchema s = SchemaSnapshot.fromJson(text);
        // Accepted edits (whitespace, a renamed field…) must still give a valid, round-tripping schema.
        assertEquals(s, SchemaSnapshot.fromJson(SchemaSnapshot.toJson(s)));
      } catch (SchemaException expected) {
        rejected++;
      } catch (RuntimeException | Error e) {
        fail("seed " + seed + ", case " + i + ": " + e + " for:\n" + text, e);
      }
    }
    assertTrue(rejected > 1000, "most mangled snapshots must be rejected, were " + rejected + " (seed " + seed + ")");
  }
}
