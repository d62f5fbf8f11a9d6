package io.polycodec.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.Quantized;
import io.polycodec.SchemaException;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @interface Nullable {}

  enum Color { RED, GREEN, BLUE }

  record Address(String street, String zip) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  record Everything(
      boolean flag, byte tiny, short small, int count, long big, float ratio, double precise,
      String name, byte[] blob, Instant at, Color color, List<Address> addresses,
      Map<String, Integer> scores, Map<Long, Address> byId, Map<Boolean, String> flags, Map<Integer, Color> codes,
      float[] embedding, double[] series, @Quantized(Quantization.INT8) float[] small8,
      Optional<String> nickname, OptionalInt maybeInt, OptionalLong maybeLong, OptionalDouble maybeDouble,
      @Nullable String note, @Nullable Integer nullableCount, Shape shape, Optional<Address> home,
      List<Shape> shapes, List<Instant> times, List<byte[]> blobs) {

    // Arrays make record equality identity-based; compare through the codec-neutral GenericRecord instead.
  }

  record Small(int a, String b) {}

  record Node(String label, List<Node> children) {}

  record Bad(Object anything) {}

  private final Codec<Everything> codec = Codecs.get("json", Everything.class);

  static Everything sample() {
    return new Everything(true, (byte) -128, Short.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Float.NaN, -0.0,
        "héllo \uD83D\uDE00 \u0000 \"quoted\"", new byte[] {0, -1, 127}, Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
        Color.BLUE, List.of(new Address("Main St", "12345"), new Address("", "")),
        Map.of("b", 2, "a", -1), Map.of(-5L, new Address("x", "y")), Map.of(true, "yes", false, "no"),
        Map.of(7, Color.GREEN), new float[] {1.5f, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE},
        new double[] {Double.MAX_VALUE, Double.NaN}, new float[] {0.25f, -1f, 0f},
        Optional.of(""), OptionalInt.of(0), OptionalLong.empty(), OptionalDouble.of(Double.POSITIVE_INFINITY),
        null, -7, new Square(2.5), Optional.of(new Address("h", "z")),
        List.of(new Circle(1), new Square(Double.MIN_VALUE)), List.of(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59.999999999Z")),
        List.of(new byte[0], new byte[] {1}));
  }

  /** Field-by-field equality that treats arrays by content and floats by bits. */
  static void assertEquivalent(Everything a, Everything b) {
    RecordSchema s = Codecs.schemaOf(Everything.class);
    for (var c : Everything.class.getRecordComponents()) {
      if (c.getName().equals("small8")) {
        continue; // quantized: compared within its bound by the caller
      }
      try {
        Object x = c.getAccessor().invoke(a);
        Object y = c.getAccessor().invoke(b);
        assertTrue(deepEquals(x, y), () -> c.getName() + ": " + show(x) + " != " + show(y));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    assertNotNull(s);
  }

  private static boolean deepEquals(Object x, Object y) {
    if (x instanceof List && y instanceof List) {
      List<?> l = (List<?>) x;
      List<?> m = (List<?>) y;
      if (l.size() != m.size()) {
        return false;
      }
      for (int i = 0; i < l.size(); i++) {
        if (!deepEquals(l.get(i), m.get(i))) {
          return false;
        }
      }
      return true;
    }
    return java.util.Objects.deepEquals(x, y);
  }

  private static String show(Object o) {
    if (o instanceof float[]) {
      return Arrays.toString((float[]) o);
    }
    if (o instanceof double[]) {
      return Arrays.toString((double[]) o);
    }
    if (o instanceof byte[]) {
      return Arrays.toString((byte[]) o);
    }
    return String.valueOf(o);
  }

  @Test
  void everyKindRoundTripsThroughEveryEntryPoint() throws Exception {
    Everything v = sample();
    byte[] bytes = codec.encode(v);
    Everything fromBytes = codec.decode(bytes);
    assertEquivalent(v, fromBytes);
    // INT8 quantization is lossy only within its bound; these values are exactly representable.
    assertArrayEquals(new float[] {0.25f, -1f, 0f}, fromBytes.small8(), 1f / 127 / 2 + 1e-7f,
        "INT8 keeps each element within scale/2 (scale = max|v|/127)");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.encode(v, out);
    assertArrayEquals(bytes, out.toByteArray(), "stream and array encodings are identical");
    assertEquivalent(v, codec.decode(new ByteArrayInputStream(bytes)));

    byte[] padded = new byte[bytes.length + 10];
    System.arraycopy(bytes, 0, padded, 7, bytes.length);
    assertEquivalent(v, codec.decode(padded, 7, bytes.length));
    ByteBuffer heap = ByteBuffer.wrap(padded, 7, bytes.length);
    assertEquivalent(v, codec.decode(heap));
    assertEquals(7, heap.position(), "position untouched");
    ByteBuffer direct = ByteBuffer.allocateDirect(padded.length);
    direct.put(padded).position(7).limit(7 + bytes.length);
    assertEquivalent(v, codec.decode(direct.asReadOnlyBuffer()));
    assertEquivalent(v, codec.decode(direct.slice()));
    assertEquals(7, direct.position());

    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    codec.encodeAll(List.of(v, v, v), framed);
    List<Everything> back = codec.decodeAll(new ByteArrayInputStream(framed.toByteArray()));
    assertEquals(3, back.size());
    for (Everything e : back) {
      assertEquivalent(v, e);
    }
  }

  @Test
  void genericRecordsUseTheSameWireForm() {
    RecordSchema schema = Codecs.schemaOf(Everything.class);
    Codec<GenericRecord> generic = Codecs.generic("json", schema);
    byte[] typed = codec.encode(sample());
    GenericRecord g = generic.decode(typed);
    assertArrayEquals(typed, generic.encode(g), "typed and generic encodings agree byte for byte");
    assertEquals(g, generic.decode(generic.encode(g)));
  }

  @Test
  void wireFormFollowsTheDocumentedMapping() {
    // Written by hand from docs/json.md, not produced by the codec.
    record Mapping(double nan, float negZero, byte[] bytes, Instant at, Color color, Shape shape,
        Map<Integer, String> byNumber, Optional<String> absent, @Quantized(Quantization.FP16) float[] half) {}
    Codec<Mapping> c = Codecs.get("json", Mapping.class);
    String json = new String(c.encode(new Mapping(Double.NaN, -0.0f, new byte[] {(byte) 0xfb, (byte) 0xff},
        Instant.parse("2024-02-29T12:00:00.5Z"), Color.GREEN, new Circle(1.5),
        new TreeMap<>(Map.of(10, "ten", 2, "two")), Optional.empty(), new float[] {1f, -2f})), UTF_8);
    assertEquals("{\"nan\":\"NaN\",\"negZero\":-0.0,\"bytes\":\"+/8=\",\"at\":\"2024-02-29T12:00:00.500Z\","
        + "\"color\":\"GREEN\",\"shape\":{\"@type\":\"Circle\",\"radius\":1.5},"
        + "\"byNumber\":{\"2\":\"two\",\"10\":\"ten\"},\"half\":\"ADwAwA==\"}", json);
  }

  @Test
  void mapsAreWrittenInKeyOrderWhateverTheirIterationOrder() {
    record M(Map<String, Integer> m) {}
    Codec<M> c = Codecs.get("json", M.class);
    Map<String, Integer> a = new java.util.LinkedHashMap<>();
    a.put("zeta", 1);
    a.put("alpha", 2);
    a.put("Beta", 3);
    Map<String, Integer> b = new java.util.LinkedHashMap<>();
    b.put("Beta", 3);
    b.put("alpha", 2);
    b.put("zeta", 1);
    assertArrayEquals(c.encode(new M(a)), c.encode(new M(b)));
    assertEquals("{\"m\":{\"Beta\":3,\"alpha\":2,\"zeta\":1}}", new String(c.encode(new M(a)), UTF_8));
  }

  @Test
  void sortedMapsWithTheirOwnOrderAndNullKeysOrValues() {
    record M(Map<String, Integer> m) {}
    Codec<M> c = Codecs.get("json", M.class);
    TreeMap<String, Integer> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.put("a", 1);
    reversed.put("c", 3);
    reversed.put("b", 2);
    assertEquals("{\"m\":{\"a\":1,\"b\":2,\"c\":3}}", new String(c.encode(new M(reversed)), UTF_8));
    Map<String, Integer> nullKey = new java.util.HashMap<>();
    nullKey.put(null, 1);
    nullKey.put("x", 2);
    assertThrows(EncodeException.class, () -> c.encode(new M(nullKey)));
    Map<String, Integer> nullValue = new java.util.HashMap<>();
    nullValue.put("k", null);
    EncodeException e = assertThrows(EncodeException.class, () -> c.encode(new M(nullValue)));
    assertTrue(e.getMessage().contains("m") && e.getMessage().contains("k"), e.getMessage());
  }

  @Test
  void readerToleratesEvolution() {
    Codec<Small> c = Codecs.get("json", Small.class);
    Small s = c.decode("{\"extra\":{\"deep\":[1,2,{\"x\":null}]},\"b\":\"hi\",\"unknown\":3}".getBytes(UTF_8));
    assertEquals(new Small(0, "hi"), s, "unknown keys skipped, missing ones at defaults");
    record Opt(Optional<String> o, int n) {}
    Opt o = Codecs.get("json", Opt.class).decode("{\"o\":null,\"n\":5}".getBytes(UTF_8));
    assertEquals(new Opt(Optional.empty(), 5), o, "explicit null is accepted for optional fields");
    Shape shape = Codecs.get("json", Everything.class)
        .decode(("{\"shape\":{\"side\":3.0,\"@type\":\"Square\"}}").getBytes(UTF_8)).shape();
    assertEquals(new Square(3.0), shape, "the discriminator may come after the member's fields");
  }

  @Test
  void badInputIsADecodeExceptionWithOffsetAndPath() {
    assertBad("", "empty");
    assertBad("{\"a\":1} {}", "trailing");
    assertBad("{\"a\":1", null);
    assertBad("{\"a\":\"x\"}", "expected an integer");
    assertBad("{\"a\":2147483648}", "out of range");
    assertBad("{\"a\":1.5}", "expected an integer");
    assertBad("{\"a\":null}", "null");
    assertBad("[1]", "expected an object");
    DecodeException e = assertThrows(DecodeException.class,
        () -> codec.decode("{\"addresses\":[{\"street\":\"a\"},{\"zip\":7}]}".getBytes(UTF_8)));
    assertEquals("Everything.addresses[1].zip", e.path());
    assertEquals("json", e.format());
    assertTrue(e.offset() > 0, "offset is known: " + e.getMessage());
    DecodeException utf = assertThrows(DecodeException.class,
        () -> Codecs.get("json", Small.class).decode(new byte[] {'{', '"', 'b', '"', ':', '"', (byte) 0xC3, '"', '}'}));
    assertTrue(utf.getMessage().contains("UTF-8"), utf.getMessage());
    assertEquals("Small.b", utf.path());
  }

  private static void assertBad(String json, String fragment) {
    DecodeException e = assertThrows(DecodeException.class,
        () -> Codecs.get("json", Small.class).decode(json.getBytes(UTF_8)), json);
    if (fragment != null) {
      assertTrue(e.getMessage().contains(fragment), () -> json + " -> " + e.getMessage());
    }
    assertEquals("json", e.format());
  }

  @Test
  void depthIsLimited() {
    Codec<Node> c = Codecs.get("json", Node.class, CodecOptions.defaults().withLimits(Limits.defaults().withMaxDepth(10)));
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      deep.append("{\"children\":[");
    }
    DecodeException e = assertThrows(DecodeException.class, () -> c.decode(deep.toString().getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("nesting") || e.getMessage().contains("depth"), e.getMessage());
    Node n = new Node("leaf", List.of());
    for (int i = 0; i < 20; i++) {
      n = new Node("n" + i, List.of(n));
    }
    Node tooDeep = n;
    assertThrows(EncodeException.class, () -> c.encode(tooDeep));
  }

  @Test
  void invalidValuesAreEncodeExceptionsNamingTheField() {
    Codec<Small> c = Codecs.get("json", Small.class);
    EncodeException e = assertThrows(EncodeException.class, () -> c.encode(new Small(1, null)));
    assertEquals("Small.b", e.path());
    record L(List<String> l) {}
    EncodeException list = assertThrows(EncodeException.class,
        () -> Codecs.get("json", L.class).encode(new L(Arrays.asList("a", null))));
    assertEquals("L.l[1]", list.path());
    record Q(@Quantized(Quantization.INT8) float[] v) {}
    EncodeException q = assertThrows(EncodeException.class,
        () -> Codecs.get("json", Q.class).encode(new Q(new float[] {Float.NaN})));
    assertEquals("Q.v", q.path());
    record T(Instant t) {}
    assertThrows(EncodeException.class, () -> Codecs.get("json", T.class).encode(new T(Instant.MAX)));
  }

  @Test
  void unsupportedTypesFailWhenTheCodecIsBuilt() {
    SchemaException e = assertThrows(SchemaException.class, () -> Codecs.get("json", Bad.class));
    assertTrue(e.getMessage().contains("Bad.anything"), e.getMessage());
  }

  @Test
  void unknownFormatListsTheAvailableOnes() {
    CodecException e = assertThrows(CodecException.class, () -> Codecs.get("yaml", Small.class));
    assertTrue(e.getMessage().contains("json"), e.getMessage());
    assertSame(Codecs.provider("json"), Codecs.providerForMediaType("application/json; charset=utf-8"));
  }

  @Test
  void schemalessRoundTrip() {
    Codec<Object> c = Codecs.schemaless("json");
    Object v = c.decode("{\"a\":[1,2.5,\"x\",null,true,{\"b\":12345678901234567890123}],\"c\":-0.0}".getBytes(UTF_8));
    assertEquals(Map.of("a", Arrays.asList(1L, 2.5, "x", null, true,
        Map.of("b", new java.math.BigInteger("12345678901234567890123"))), "c", -0.0), v);
    assertEquals(v, c.decode(c.encode(v)));
    assertThrows(EncodeException.class, () -> c.encode(Map.of(1, 2)));
    assertNull(c.decode("null".getBytes(UTF_8)));
  }

  @Test
  void recursiveTypesRoundTrip() {
    Codec<Node> c = Codecs.get("json", Node.class);
    Node tree = new Node("root", List.of(new Node("a", List.of()), new Node("b", List.of(new Node("c", List.of())))));
    assertEquals(tree, c.decode(c.encode(tree)));
    RecordSchema s = Codecs.schemaOf(Node.class);
    assertEquals(Schema.list(s), s.field("children").type());
  }
}
