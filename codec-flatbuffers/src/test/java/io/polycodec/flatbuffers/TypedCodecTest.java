package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Fallback;
import io.polycodec.FieldKeying;
import io.polycodec.GenericRecord;
import io.polycodec.Quantized;
import io.polycodec.SchemaException;
import io.polycodec.Tag;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Java records through the FlatBuffers codec: every representation, presence, errors, evolution. */
class TypedCodecTest {

  @Retention(RetentionPolicy.RUNTIME)
  @interface Nullable {}

  enum Color { RED, GREEN, @Fallback UNKNOWN }

  record Address(String street, int zip) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(float side) implements Shape {}

  record Everything(
      boolean flag, byte tiny, short small, int count, long big, float ratio, double precise,
      Boolean boxedFlag, Integer boxedCount, String name, byte[] blob, Instant at, Color color,
      List<Address> addresses, Map<String, Integer> scores, Map<Long, Address> byId,
      float[] embedding, double[] series, @Quantized(Quantization.FP16) float[] half,
      Optional<String> nickname, OptionalInt maybeInt, OptionalLong maybeLong, OptionalDouble maybeDouble,
      @Nullable String note, @Nullable Integer nullableCount, @Nullable Short nullableShort, Shape shape,
      Optional<Address> home, List<Color> colors, List<Shape> shapes, Optional<Float> maybeFloat,
      Optional<Boolean> maybeFlag, Optional<Instant> maybeAt, Optional<Color> maybeColor) {}

  static Everything sample() {
    return new Everything(true, (byte) -7, (short) 300, -5, Long.MIN_VALUE, -0.0f, Double.NaN,
        false, 0, "héllo 😀", new byte[] {1, 0, -1}, Instant.parse("2024-02-29T12:34:56.789123456Z"), Color.GREEN,
        List.of(new Address("Main", 12345), new Address("", 0)), Map.of("b", 2, "a", 1), Map.of(9L, new Address("x", 1)),
        new float[] {1.5f, Float.NaN, -0.0f}, new double[] {Double.MAX_VALUE, -1}, new float[] {0.5f, 2048f},
        Optional.of(""), OptionalInt.of(0), OptionalLong.empty(), OptionalDouble.of(-0.0),
        null, 0, (short) -1, new Square(2.5f),
        Optional.empty(), List.of(Color.RED, Color.UNKNOWN), List.of(new Circle(1), new Square(0)), Optional.of(0f),
        Optional.of(false), Optional.of(Instant.EPOCH), Optional.of(Color.RED));
  }

  /** Record equality with arrays compared by content. */
  static void assertSameEverything(Everything a, Everything b) {
    assertArrayEquals(a.blob(), b.blob());
    assertArrayEquals(a.embedding(), b.embedding());
    assertArrayEquals(a.series(), b.series());
    assertArrayEquals(a.half(), b.half());
    Everything x = new Everything(a.flag(), a.tiny(), a.small(), a.count(), a.big(), a.ratio(), a.precise(), a.boxedFlag(),
        a.boxedCount(), a.name(), null, a.at(), a.color(), a.addresses(), a.scores(), a.byId(), null, null, null,
        a.nickname(), a.maybeInt(), a.maybeLong(), a.maybeDouble(), a.note(), a.nullableCount(), a.nullableShort(),
        a.shape(), a.home(), a.colors(), a.shapes(), a.maybeFloat(), a.maybeFlag(), a.maybeAt(), a.maybeColor());
    Everything y = new Everything(b.flag(), b.tiny(), b.small(), b.count(), b.big(), b.ratio(), b.precise(), b.boxedFlag(),
        b.boxedCount(), b.name(), null, b.at(), b.color(), b.addresses(), b.scores(), b.byId(), null, null, null,
        b.nickname(), b.maybeInt(), b.maybeLong(), b.maybeDouble(), b.note(), b.nullableCount(), b.nullableShort(),
        b.shape(), b.home(), b.colors(), b.shapes(), b.maybeFloat(), b.maybeFlag(), b.maybeAt(), b.maybeColor());
    assertEquals(x, y);
  }

  @Test
  void everyJavaRepresentationRoundTrips() {
    FlatBuffersCodec<Everything> codec = FlatBuffersCodec.of(Everything.class);
    Everything v = sample();
    byte[] bytes = codec.encode(v);
    Everything back = codec.decode(bytes);
    assertSameEverything(v, back);
    // Bits, not values: -0.0 and NaN survive in non-optional fields.
    assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(back.ratio()));
    assertTrue(Double.isNaN(back.precise()));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.maybeDouble().getAsDouble()));
    assertEquals(List.of("a", "b"), new ArrayList<>(back.scores().keySet()), "maps come back in key order");
    assertThrows(UnsupportedOperationException.class, () -> back.addresses().add(null));
    assertThrows(UnsupportedOperationException.class, () -> back.scores().put("c", 3));
    assertSameEverything(v, codec.decode(ByteBuffer.wrap(bytes)));
    assertSameEverything(v, codec.view(bytes).toValue());
  }

  @Test
  void presenceIsKeptForOptionalScalars() {
    FlatBuffersCodec<Everything> codec = FlatBuffersCodec.of(Everything.class);
    Everything present = sample();
    Everything back = codec.decode(codec.encode(present));
    assertEquals(OptionalInt.of(0), back.maybeInt(), "present zero stays present");
    assertEquals(Optional.of(""), back.nickname(), "present empty string stays present");
    assertEquals(Optional.of(false), back.maybeFlag());
    assertEquals(Optional.of(Instant.EPOCH), back.maybeAt(), "present epoch stays present");
    assertEquals(Optional.of(Color.RED), back.maybeColor(), "present default constant stays present");
    assertEquals(OptionalLong.empty(), back.maybeLong(), "absent stays absent");
    assertEquals(null, back.note());
    FlatView<Everything> view = codec.view(codec.encode(present));
    assertTrue(view.has("maybeInt"));
    assertFalse(view.has("maybeLong"));
    assertTrue(view.has("flag"));
    assertFalse(view.has("boxedCount"), "a non-optional zero is not written");
  }

  @Test
  void defaultsAreOmittedSoEmptyRecordsAreSmall() {
    record Plain(int a, long b, float c, double d, boolean e, String f, List<String> g, Map<String, String> h,
        float[] i, Instant j, Color k) {}
    FlatBuffersCodec<Plain> codec = FlatBuffersCodec.of(Plain.class);
    Plain zero = new Plain(0, 0, 0f, 0d, false, "", List.of(), Map.of(), new float[0], Instant.EPOCH, Color.RED);
    byte[] bytes = codec.encode(zero);
    // root offset (4) + vtable up to f (4 + 6 * 2) + table (soffset + f's uoffset) + "" (length, NUL, padding):
    // nothing of the other fields; the empty string is written because the model requires it (issue 14).
    assertEquals(4 + 16 + 8 + 8, bytes.length, Arrays.toString(bytes));
    Plain back = codec.decode(bytes);
    assertEquals(zero.j(), back.j());
    assertEquals(0, back.i().length);
    assertNotEquals(12, codec.encode(new Plain(0, 0, -0.0f, 0d, false, "", List.of(), Map.of(), new float[0],
        Instant.EPOCH, Color.RED)).length, "-0.0 is not the default");
  }

  @Test
  void equalMapsEncodeEquallyWhateverTheirOrder() {
    record M(Map<String, Integer> s, Map<Integer, String> i, Map<Boolean, Long> b, Map<Long, Boolean> l) {}
    FlatBuffersCodec<M> codec = FlatBuffersCodec.of(M.class);
    Map<String, Integer> s1 = new LinkedHashMap<>();
    Map<String, Integer> s2 = new TreeMap<>(java.util.Comparator.reverseOrder());
    for (String k : List.of("z", "", "é", "a", "\uD83D\uDE00", "\uE000", "A")) {
      s1.put(k, k.length());
      s2.put(k, k.length());
    }
    Map<Integer, String> i1 = new HashMap<>(Map.of(-1, "m", 5, "f", Integer.MIN_VALUE, "x"));
    Map<Boolean, Long> b1 = new HashMap<>(Map.of(true, 1L, false, 0L));
    Map<Long, Boolean> l1 = new HashMap<>(Map.of(Long.MAX_VALUE, true, -2L, false));
    byte[] one = codec.encode(new M(s1, i1, b1, l1));
    byte[] two = codec.encode(new M(s2, new TreeMap<>(i1), new TreeMap<>(b1), new TreeMap<>(l1)));
    assertArrayEquals(one, two);
    M back = codec.decode(one);
    List<String> keys = new ArrayList<>(s1.keySet());
    keys.sort(String::compareTo);
    assertEquals(keys, new ArrayList<>(back.s().keySet()), "strings in UTF-16 order, as String.compareTo");
    assertEquals(List.of(Integer.MIN_VALUE, -1, 5), new ArrayList<>(back.i().keySet()));
    assertEquals(List.of(false, true), new ArrayList<>(back.b().keySet()));
    assertEquals(List.of(-2L, Long.MAX_VALUE), new ArrayList<>(back.l().keySet()));
  }

  record Named(String name, List<String> tags, Map<String, Address> places, Instant at) {}

  @Test
  void encodingErrorsNameTheField() {
    FlatBuffersCodec<Named> codec = FlatBuffersCodec.of(Named.class);
    EncodeException nullField = assertThrows(EncodeException.class, () -> codec.encode(new Named(null, List.of(), Map.of(), Instant.EPOCH)));
    assertEquals("Named.name", nullField.path(), nullField.getMessage());
    List<String> withNull = new ArrayList<>(List.of("a"));
    withNull.add(null);
    EncodeException nullElement = assertThrows(EncodeException.class, () -> codec.encode(new Named("", withNull, Map.of(), Instant.EPOCH)));
    assertEquals("Named.tags[1]", nullElement.path(), nullElement.getMessage());
    Map<String, Address> nullValue = new HashMap<>();
    nullValue.put("home", null);
    EncodeException mapNull = assertThrows(EncodeException.class, () -> codec.encode(new Named("", List.of(), nullValue, Instant.EPOCH)));
    assertEquals("Named.places[\"home\"]", mapNull.path(), mapNull.getMessage());
    EncodeException surrogate = assertThrows(EncodeException.class, () -> codec.encode(new Named("a\uD800", List.of(), Map.of(), Instant.EPOCH)));
    assertTrue(surrogate.getMessage().contains("Named.name") && surrogate.getMessage().contains("unpaired surrogate U+D800 at index 1"), surrogate.getMessage());
    EncodeException tooEarly = assertThrows(EncodeException.class, () -> codec.encode(new Named("", List.of(), Map.of(), Instant.MIN)));
    assertEquals("Named.at", tooEarly.path(), tooEarly.getMessage());
    assertEquals("flatbuffers", tooEarly.format());
    record Vec(@Quantized(Quantization.INT8) float[] v) {}
    EncodeException nan = assertThrows(EncodeException.class, () -> FlatBuffersCodec.of(Vec.class).encode(new Vec(new float[] {1, Float.NaN})));
    assertTrue(nan.getMessage().contains("Vec.v"), nan.getMessage());
    // A failed encode leaves nothing behind for the next one on this thread.
    assertEquals(new Named("x", List.of("y"), Map.of(), Instant.EPOCH).name(),
        codec.decode(codec.encode(new Named("x", List.of("y"), Map.of(), Instant.EPOCH))).name());
  }

  record HugeTag(@Tag(1025) int far) {}

  record BigButFine(@Tag(1024) int far, @Tag(1) String near) {}

  @Test
  void tagsAreBounded() {
    SchemaException e = assertThrows(SchemaException.class, () -> FlatBuffersCodec.of(HugeTag.class));
    assertTrue(e.getMessage().contains("HugeTag.far") && e.getMessage().contains("1024"), e.getMessage());
    FlatBuffersCodec<BigButFine> ok = FlatBuffersCodec.of(BigButFine.class);
    assertEquals(new BigButFine(7, "n"), ok.decode(ok.encode(new BigButFine(7, "n"))));

    UnionSchema wide = UnionSchema.of("Wide", List.of(new UnionSchema.Member("a", 256, TestSchemas.EMPTY)));
    SchemaException u = assertThrows(SchemaException.class,
        () -> FlatBuffersCodec.generic(RecordSchema.of("R", Field.of("w", 1, wide))));
    assertTrue(u.getMessage().contains("Wide.a") && u.getMessage().contains("255"), u.getMessage());
  }

  @Test
  void foundThroughTheRegistry() {
    Codec<Address> codec = Codecs.get("flatbuffers", Address.class);
    assertTrue(codec instanceof FlatBuffersCodec);
    assertSame(FlatBuffersProvider.FORMAT, codec.format());
    assertEquals("application/x-flatbuffers", codec.format().mediaType());
    assertEquals(FieldKeying.NUMBER, codec.format().keying());
    assertTrue(codec.format().has(Capability.ZERO_COPY) && codec.format().has(Capability.DETERMINISTIC));
    assertFalse(codec.format().has(Capability.SELF_DESCRIBING));
    assertTrue(Codecs.forMediaType("application/x-flatbuffers; charset=binary", Address.class) instanceof FlatBuffersCodec);
    Address a = new Address("Elm", 7);
    assertEquals(a, codec.decode(codec.encode(a)));
  }

  @Test
  void framedStreams() throws IOException {
    FlatBuffersCodec<Address> codec = FlatBuffersCodec.of(Address.class);
    List<Address> all = List.of(new Address("a", 1), new Address("", 0), new Address("c", -3));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.encodeAll(all, out);
    assertEquals(all, codec.decodeAll(new ByteArrayInputStream(out.toByteArray())));
    assertEquals(all.get(0), codec.decode(new ByteArrayInputStream(codec.encode(all.get(0)))));
  }

  record V1(@Tag(1) String name, @Tag(2) int age, @Tag(4) List<String> tags) {}

  record V2(@Tag(1) String fullName, @Tag(2) int age, @Tag(3) Optional<String> email, @Tag(5) long score) {}

  @Test
  void evolutionByTag() {
    FlatBuffersCodec<V1> v1 = FlatBuffersCodec.of(V1.class);
    FlatBuffersCodec<V2> v2 = FlatBuffersCodec.of(V2.class);
    V2 read = v2.decode(v1.encode(new V1("Ann", 41, List.of("x"))));
    assertEquals(new V2("Ann", 41, Optional.empty(), 0L), read, "renamed field kept, unknown skipped, added at default");
    V1 back = v1.decode(v2.encode(new V2("Bob", 3, Optional.of("b@x"), 99)));
    assertEquals(new V1("Bob", 3, List.of()), back);
  }

  @Test
  void byteAndShortAreFlatBuffersByteAndShort() {
    record Narrow(byte b, short s, Byte ob, Short os) {}
    FlatBuffersCodec<Narrow> codec = FlatBuffersCodec.of(Narrow.class);
    String fbs = codec.fbs();
    assertTrue(fbs.contains("b: byte (id: 0);") && fbs.contains("s: short (id: 1);"), fbs);
    for (Narrow v : List.of(new Narrow(Byte.MIN_VALUE, Short.MAX_VALUE, Byte.MAX_VALUE, Short.MIN_VALUE),
        new Narrow((byte) -1, (short) 0, (byte) 0, (short) -1))) {
      assertEquals(v, codec.decode(codec.encode(v)));
      assertEquals(v.b(), codec.view(codec.encode(v)).getInt(0));
    }
  }

  @Test
  void unknownEnumNumbersUseTheFallbackOrAreKept() {
    enum Wider { RED, GREEN, UNKNOWN, PURPLE }
    record W(Wider color) {}
    record C(Color color) {}
    assertEquals(Color.UNKNOWN, FlatBuffersCodec.of(C.class).decode(FlatBuffersCodec.of(W.class).encode(new W(Wider.PURPLE))).color());
    RecordSchema generic = RecordBinding.of(C.class).schema();
    GenericRecord g = FlatBuffersCodec.generic(generic).decode(FlatBuffersCodec.of(W.class).encode(new W(Wider.PURPLE)));
    assertEquals(io.polycodec.GenericEnum.unknown(3), g.get("color"));
  }

  @Test
  void oneofMembersExcludeEachOther() {
    RecordSchema s = RecordSchema.builder("Pick")
        .field(Field.optional("a", 1, Schema.string()).withOneof("choice"))
        .field(Field.optional("b", 2, Schema.int32()).withOneof("choice"))
        .build();
    RecordSchema both = RecordSchema.builder("Pick").optionalField("a", 1, Schema.string()).optionalField("b", 2, Schema.int32()).build();
    byte[] twoSet = FlatBuffersCodec.generic(both).encode(GenericRecord.builder(both).set("a", "x").set("b", 5).build());
    GenericRecord read = FlatBuffersCodec.generic(s).decode(twoSet);
    assertEquals(null, read.get("a"), "the later member wins");
    assertEquals(5, read.get("b"));
  }
}
