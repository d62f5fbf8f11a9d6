package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.EncodeException;
import io.polycodec.FieldKeying;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.IntEncoded;
import io.polycodec.Limits;
import io.polycodec.Quantized;
import io.polycodec.SchemaException;
import io.polycodec.Tag;
import io.polycodec.protobuf.Kinds.Address;
import io.polycodec.protobuf.Kinds.Circle;
import io.polycodec.protobuf.Kinds.Square;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Behaviour of the protobuf codec beyond what the protoc comparisons show. */
class ProtobufCodecTest {
  record UserV1(@Tag(1) long id, @Tag(2) String name) {}

  record UserV2(@Tag(1) long id, @Tag(2) String name, @Tag(3) Optional<String> email, @Tag(4) List<String> tags) {}

  record Narrow(@Tag(1) int id) {}

  record Reading(@Tag(1) Kinds.OldColor color) {}

  record Painted(@Tag(1) Kinds.Color color) {}

  record Zig(@IntEncoded(IntEncoding.ZIGZAG) int delta) {}

  record Holder(@Tag(1) Address address, @Tag(2) List<Integer> numbers, @Tag(3) Map<String, Integer> counts,
      @Tag(4) Optional<Kinds.Shape> shape, @Tag(5) float[] vector) {}

  record Strings(List<String> values) {}

  record Int8(@Quantized(Quantization.INT8) float[] v) {}

  record When(Instant at) {}

  record Node(String label, Optional<Node> next) {}

  record Big(@Tag(536870911) int last, @Tag(5000) int far) {}

  record Reserved(@Tag(19000) int bad) {}

  private static <T> Codec<T> codec(Class<T> type) {
    return Codecs.get("protobuf", type);
  }

  private static byte[] bytes(BadInputTest.Writer w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    try {
      w.write(cos);
      cos.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  @Test
  void registeredUnderItsNameAndMediaTypes() {
    var format = Codecs.provider("protobuf").format();
    assertEquals(ProtobufProvider.FORMAT, format);
    assertEquals(FieldKeying.NUMBER, format.keying());
    assertTrue(format.has(Capability.DETERMINISTIC));
    assertTrue(format.has(Capability.PRESERVES_UNKNOWN_FIELDS));
    assertFalse(format.has(Capability.SELF_DESCRIBING));
    assertSame(Codecs.provider("protobuf"), Codecs.providerForMediaType("application/x-protobuf"));
    assertSame(Codecs.provider("protobuf"), Codecs.providerForMediaType("application/protobuf; charset=binary"));
    assertThrows(UnsupportedOperationException.class, () -> Codecs.schemaless("protobuf"));
  }

  @Test
  void defaultsAreLeftOutAndNegativeZeroIsNot() {
    assertEquals(0, codec(UserV1.class).encode(new UserV1(0, "")).length);
    assertArrayEquals(new byte[] {0x08, 0x01}, codec(UserV1.class).encode(new UserV1(1, "")));
    // zigzag keeps -1 at one byte; a plain int32 takes ten
    assertArrayEquals(new byte[] {0x08, 0x01}, codec(Zig.class).encode(new Zig(-1)));
    assertEquals(11, codec(Narrow.class).encode(new Narrow(-1)).length);
    byte[] negativeZero = codec(Circle.class).encode(new Circle(-0.0));
    assertEquals(9, negativeZero.length);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(codec(Circle.class).decode(negativeZero).radius()));
  }

  @Test
  void evolutionAddedAndRemovedFields() {
    UserV2 v2 = new UserV2(7, "ada", Optional.of("ada@example.org"), List.of("a", "b"));
    UserV1 old = codec(UserV1.class).decode(codec(UserV2.class).encode(v2));
    assertEquals(new UserV1(7, "ada"), old);
    UserV2 fresh = codec(UserV2.class).decode(codec(UserV1.class).encode(old));
    assertEquals(new UserV2(7, "ada", Optional.empty(), List.of()), fresh);
  }

  @Test
  void genericRecordsKeepUnknownFieldsAndWriteThemBack() {
    UserV2 v2 = new UserV2(7, "ada", Optional.of("ada@example.org"), List.of("a", "b"));
    byte[] written = codec(UserV2.class).encode(v2);
    Codec<GenericRecord> proxy = Codecs.generic("protobuf", Codecs.schemaOf(UserV1.class));
    GenericRecord seen = proxy.decode(written);
    assertEquals(7L, seen.get("id"));
    assertFalse(seen.unknownFields().isEmpty());
    GenericRecord edited = seen.toBuilder().set("name", "Ada").build();
    UserV2 back = codec(UserV2.class).decode(proxy.encode(edited));
    assertEquals(new UserV2(7, "Ada", Optional.of("ada@example.org"), List.of("a", "b")), back);
    // Another format's unknown fields are not protobuf bytes and are not written.
    GenericRecord foreign = seen.withUnknownFields(io.polycodec.UnknownFields.of("json", new byte[] {1, 2}));
    assertArrayEquals(codec(UserV1.class).encode(new UserV1(7, "ada")), proxy.encode(foreign));
  }

  @Test
  void widening() {
    Narrow n = codec(Narrow.class).decode(codec(UserV1.class).encode(new UserV1(-5, "")));
    assertEquals(-5, n.id());
    // int64 read as int32 keeps the low 32 bits, as protobuf does
    assertEquals((int) 0x1_0000_0005L, codec(Narrow.class).decode(codec(UserV1.class).encode(new UserV1(0x1_0000_0005L, ""))).id());
  }

  @Test
  void unknownEnumNumbers() {
    byte[] infrared = codec(Painted.class).encode(new Painted(Kinds.Color.INFRARED));
    assertEquals(Kinds.OldColor.UNKNOWN, codec(Reading.class).decode(infrared).color(), "the @Fallback constant");
    byte[] unknown = bytes(out -> out.writeEnum(1, 42));
    var e = assertThrows(io.polycodec.DecodeException.class, () -> codec(Painted.class).decode(unknown));
    assertTrue(e.getMessage().contains("Color") && e.getMessage().contains("42"), e.getMessage());
    GenericRecord g = Codecs.generic("protobuf", Codecs.schemaOf(Painted.class)).decode(unknown);
    assertEquals(GenericEnum.unknown(42), g.get("color"));
    assertArrayEquals(unknown, Codecs.generic("protobuf", Codecs.schemaOf(Painted.class)).encode(g));
  }

  @Test
  void repeatedOccurrencesMergeAsProtobufSays() {
    Codec<Holder> codec = codec(Holder.class);
    byte[] first = codec.encode(new Holder(new Address("a", 1), List.of(1, 2), Map.of("x", 1),
        Optional.of(new Square(2, new Address("s", 3))), new float[] {1f}));
    byte[] second = bytes(out -> {
      out.writeMessage(1, io.polycodec.protobuf.testproto.Address.newBuilder().setZip(9).build());
      out.writeInt32(2, 3); // unpacked after packed
      out.writeMessage(3, io.polycodec.protobuf.testproto.Address.newBuilder().setStreet("x").setZip(5).build());
      out.writeMessage(4, io.polycodec.protobuf.testproto.Shape.newBuilder()
          .setSquare(io.polycodec.protobuf.testproto.Square.newBuilder().setSide(4)).build());
      out.writeFloat(5, 2f);
    });
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    Holder h = codec.decode(both);
    assertEquals(new Address("a", 9), h.address(), "message fields merge");
    assertEquals(List.of(1, 2, 3), h.numbers(), "repeated fields append");
    assertEquals(Map.of("x", 5), h.counts(), "a repeated key keeps the last value");
    assertEquals(new Square(4, new Address("s", 3)), h.shape().get(), "the same union member merges");
    assertArrayEquals(new float[] {1f, 2f}, h.vector());
    assertThrows(UnsupportedOperationException.class, () -> h.numbers().add(4), "decoded lists are unmodifiable");
    assertThrows(UnsupportedOperationException.class, () -> h.counts().put("y", 1), "decoded maps are unmodifiable");
    // another member replaces
    byte[] circle = codec.encode(new Holder(new Address("", 0), List.of(), Map.of(), Optional.of(new Circle(1)), new float[0]));
    byte[] replaced = Arrays.copyOf(both, both.length + circle.length);
    System.arraycopy(circle, 0, replaced, both.length, circle.length);
    assertEquals(new Circle(1), codec.decode(replaced).shape().get());
  }

  @Test
  void oneofGroupsKeepTheLastMember() {
    RecordSchema s = RecordSchema.of("Choice",
        Field.optional("a", 1, Schema.int32()).withOneof("pick"),
        Field.optional("b", 2, Schema.string()).withOneof("pick"),
        Field.of("c", 3, Schema.int32()));
    Codec<GenericRecord> codec = Codecs.generic("protobuf", s);
    GenericRecord r = codec.decode(bytes(out -> {
      out.writeInt32(1, 5);
      out.writeString(2, "x");
      out.writeInt32(3, 1);
    }));
    assertNull(r.get("a"));
    assertEquals("x", r.get("b"));
    GenericRecord a = GenericRecord.builder(s).set("a", 0).build();
    assertArrayEquals(new byte[] {0x08, 0x00}, codec.encode(a), "a present oneof member is written even when zero");
  }

  @Test
  void mapsAreWrittenInKeyOrderWhateverTheirIterationOrder() {
    record Counts(Map<String, Integer> counts, Map<Integer, String> names) {}
    Map<String, Integer> hash = new HashMap<>();
    Map<String, Integer> linked = new LinkedHashMap<>();
    Map<Integer, String> names = new LinkedHashMap<>();
    Map<Integer, String> sorted = new TreeMap<>();
    for (String k : List.of("zeta", "alpha", "\uD83D\uDE00", "\uFFFF", "M", "")) {
      hash.put(k, k.length());
    }
    List<String> reversed = new ArrayList<>(hash.keySet());
    java.util.Collections.reverse(reversed);
    for (String k : reversed) {
      linked.put(k, k.length());
    }
    for (int k : new int[] {5, -1, Integer.MIN_VALUE, 0, 77}) {
      names.put(k, "n" + k);
      sorted.put(k, "n" + k);
    }
    Codec<Counts> codec = codec(Counts.class);
    byte[] a = codec.encode(new Counts(hash, names));
    assertArrayEquals(a, codec.encode(new Counts(linked, sorted)));
    // String.compareTo order: the surrogate pair (U+D83D...) sorts before U+FFFF
    List<String> keys = new ArrayList<>(codec.decode(a).counts().keySet());
    assertEquals(List.of("", "M", "alpha", "zeta", "\uD83D\uDE00", "\uFFFF"), keys);
    assertEquals(List.of(Integer.MIN_VALUE, -1, 0, 5, 77), new ArrayList<>(codec.decode(a).names().keySet()));
  }

  @Test
  void unsignedMapKeysSortUnsigned() {
    RecordSchema s = RecordSchema.of("U", Field.of("m", 1, Schema.map(Schema.int32(IntEncoding.UNSIGNED), Schema.bool())));
    Codec<GenericRecord> codec = Codecs.generic("protobuf", s);
    Map<Integer, Boolean> m = new HashMap<>(Map.of(-1, true, 1, true, 0, false));
    GenericRecord back = codec.decode(codec.encode(GenericRecord.builder(s).set("m", m).build()));
    assertEquals(List.of(0, 1, -1), new ArrayList<>(((Map<?, ?>) back.get("m")).keySet()), "0, 1, 4294967295");
  }

  @Test
  void encodingProblemsNameTheField() {
    EncodeException nullElement = assertThrows(EncodeException.class,
        () -> codec(Strings.class).encode(new Strings(Arrays.asList("a", null))));
    assertEquals("Strings.values[1]", nullElement.path(), nullElement.getMessage());
    assertEquals("protobuf", nullElement.format());
    EncodeException surrogate = assertThrows(EncodeException.class,
        () -> codec(Strings.class).encode(new Strings(List.of("ok", "bad\uD800"))));
    assertEquals("Strings.values[1]", surrogate.path());
    assertTrue(surrogate.getMessage().contains("surrogate"));
    EncodeException nan = assertThrows(EncodeException.class, () -> codec(Int8.class).encode(new Int8(new float[] {Float.NaN})));
    assertEquals("Int8.v", nan.path());
    EncodeException late = assertThrows(EncodeException.class, () -> codec(When.class).encode(new When(Instant.MAX)));
    assertEquals("When.at", late.path());
    EncodeException nullRecord = assertThrows(EncodeException.class, () -> codec(UserV1.class).encode(new UserV1(1, null)));
    assertEquals("UserV1.name", nullRecord.path());
    assertThrows(EncodeException.class, () -> codec(UserV1.class).encode(null));
  }

  @Test
  void encodingDepthIsBounded() {
    Node n = new Node("leaf", Optional.empty());
    for (int i = 0; i < 120; i++) {
      n = new Node("n" + i, Optional.of(n));
    }
    Node deep = n;
    EncodeException e = assertThrows(EncodeException.class, () -> codec(Node.class).encode(deep));
    assertTrue(e.getMessage().contains("deeper"), e.getMessage());
    Codec<Node> lenient = Codecs.get("protobuf", Node.class, CodecOptions.defaults().withLimits(Limits.defaults().withMaxDepth(500)));
    assertEquals("n119", lenient.decode(lenient.encode(deep)).label());
  }

  @Test
  void genericRecordsOfAnotherSchemaAreRefused() {
    Codec<GenericRecord> codec = Codecs.generic("protobuf", Codecs.schemaOf(UserV1.class));
    GenericRecord other = GenericRecord.builder(Codecs.schemaOf(Narrow.class)).set("id", 1).build();
    assertThrows(EncodeException.class, () -> codec.encode(other));
  }

  @Test
  void fieldNumbersProtobufCannotUseAreRefused() {
    Big big = new Big(3, 4);
    assertEquals(big, codec(Big.class).decode(codec(Big.class).encode(big)));
    assertThrows(SchemaException.class, () -> codec(Reserved.class));
  }

  @Test
  void everyEntryPointReadsTheSame() throws IOException {
    Codec<UserV2> codec = codec(UserV2.class);
    UserV2 v = new UserV2(3, "x", Optional.of("e"), List.of("t"));
    byte[] bytes = codec.encode(v);
    byte[] padded = new byte[bytes.length + 6];
    System.arraycopy(bytes, 0, padded, 3, bytes.length);
    assertEquals(v, codec.decode(padded, 3, bytes.length));
    ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).put(padded);
    direct.position(3).limit(3 + bytes.length);
    assertEquals(v, codec.decode(direct));
    assertEquals(3, direct.position(), "the buffer is not moved");
    assertEquals(v, codec.decode(ByteBuffer.wrap(padded, 3, bytes.length).asReadOnlyBuffer()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.encode(v, out);
    assertArrayEquals(bytes, out.toByteArray());
    assertEquals(v, codec.decode(new ByteArrayInputStream(bytes)));
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    codec.encodeAll(List.of(v, new UserV2(0, "", Optional.empty(), List.of()), v), framed);
    assertEquals(3, codec.decodeAll(new ByteArrayInputStream(framed.toByteArray())).size());
  }
}
