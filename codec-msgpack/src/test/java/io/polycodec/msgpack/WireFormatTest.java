package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.msgpack.TestTypes.Circle;
import io.polycodec.msgpack.TestTypes.Color;
import io.polycodec.msgpack.TestTypes.Drawing;
import io.polycodec.msgpack.TestTypes.Person;
import io.polycodec.msgpack.TestTypes.Point;
import io.polycodec.msgpack.TestTypes.Scores;
import io.polycodec.msgpack.TestTypes.Square;
import io.polycodec.msgpack.TestTypes.Stamp;
import io.polycodec.msgpack.TestTypes.Tagged;
import io.polycodec.msgpack.TestTypes.Unsigned;
import io.polycodec.msgpack.TestTypes.Vectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * Exact bytes, worked out by hand from the MessagePack specification (github.com/msgpack/msgpack,
 * spec.md), and cross-checked by decoding with msgpack-core's generic value reader.
 */
class WireFormatTest {
  static final CodecOptions TAGS = CodecOptions.defaults().with(MsgpackOptions.KEYS, MsgpackKeys.TAGS);
  static final CodecOptions ARRAYS = CodecOptions.defaults().with(MsgpackOptions.VECTORS, MsgpackVectors.ARRAY);

  static <T> void assertWire(Codec<T> codec, T value, String hex) {
    byte[] actual = codec.encode(value);
    assertEquals(Hex.of(Hex.bytes(hex)), Hex.of(actual));
  }

  static Value generic(byte[] bytes) throws IOException {
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
      return u.unpackValue();
    }
  }

  @Test
  void recordsAreMapsByNameOrTag() throws IOException {
    assertWire(Codecs.get("msgpack", Point.class), new Point(1, 2), "82 a1 78 01 a1 79 02");
    assertWire(Codecs.get("msgpack", Point.class, TAGS), new Point(1, 2), "82 01 01 02 02");
    // Tag mode writes ascending tags, whatever the declaration order.
    assertWire(Codecs.get("msgpack", Tagged.class, TAGS), new Tagged("a", -1), "82 02 ff 07 a1 61");
    assertWire(Codecs.get("msgpack", Tagged.class), new Tagged("a", -1), "82 a5 636f756e74 ff a4 6e616d65 a1 61");
    Value v = generic(Codecs.get("msgpack", Point.class).encode(new Point(300, -40000)));
    assertEquals("{\"x\":300,\"y\":-40000}", v.toJson());
  }

  @Test
  void absentOptionalsAreOmittedAndEverythingElseWritten() {
    Codec<Person> c = Codecs.get("msgpack", Person.class);
    assertWire(c, new Person("", Optional.empty(), OptionalInt.empty()), "81 a4 6e616d65 a0");
    assertWire(c, new Person("", Optional.of(""), OptionalInt.of(0)), "83 a3 616765 00 a4 6e616d65 a0 a4 6e69636b a0");
  }

  @Test
  void timestampsUseTheSmallestOfTheThreeLayouts() {
    Codec<Stamp> c = Codecs.get("msgpack", Stamp.class);
    String key = "81 a2 6174 ";
    // timestamp 32: seconds in 32 bits, no nanoseconds.
    assertWire(c, new Stamp(Instant.ofEpochSecond(0)), key + "d6 ff 00000000");
    assertWire(c, new Stamp(Instant.ofEpochSecond(0xFFFF_FFFFL)), key + "d6 ff ffffffff");
    // timestamp 64: 30 bits of nanoseconds, then 34 bits of seconds.
    assertWire(c, new Stamp(Instant.ofEpochSecond(1, 5)), key + "d7 ff 00000014 00000001");
    assertWire(c, new Stamp(Instant.ofEpochSecond(0x3_FFFF_FFFFL, 999_999_999)), key + "d7 ff ee6b27ff ffffffff");
    // timestamp 96: 32 bits of nanoseconds, then 64 signed bits of seconds.
    assertWire(c, new Stamp(Instant.ofEpochSecond(-1)), key + "c7 0c ff 00000000 ffffffffffffffff");
    assertWire(c, new Stamp(Instant.ofEpochSecond(0x4_0000_0000L, 1)), key + "c7 0c ff 00000001 0000000400000000");
    Map<String, Instant> reads = Map.of(
        "d6 ff 00000000", Instant.EPOCH,
        "d7 ff 00000014 00000001", Instant.ofEpochSecond(1, 5),
        "c7 0c ff 00000000 ffffffffffffffff", Instant.ofEpochSecond(-1));
    reads.forEach((hex, instant) -> assertEquals(instant, c.decode(Hex.bytes(key + hex)).at(), hex));
  }

  @Test
  void bytesAreBinAndVectorsLittleEndianBin() {
    Codec<Vectors> c = Codecs.get("msgpack", Vectors.class);
    Vectors v = new Vectors(new float[] {1f, -2f}, new double[] {1.0}, new float[] {1f}, new float[] {0f});
    assertWire(c, v, "84"
        + "a1 64 c4 08 000000000000f03f"
        + "a1 66 c4 08 0000803f 000000c0"
        + "a4 68616c66 c4 02 003c"
        + "a5 736d616c6c c4 05 00000000 00");
    Vectors back = c.decode(c.encode(v));
    assertArrayEquals(v.f(), back.f());
    assertArrayEquals(v.d(), back.d());
    assertArrayEquals(v.half(), back.half());
  }

  @Test
  void vectorsAsArraysWhenAsked() {
    Codec<Vectors> c = Codecs.get("msgpack", Vectors.class, ARRAYS);
    Vectors v = new Vectors(new float[] {1f, -2f}, new double[] {1.0}, new float[] {0.1f}, new float[] {});
    // half is FP16: 0.1f is written as the binary16 value nearest to it, 0.0999755859375 (3dccc000).
    assertWire(c, v, "84"
        + "a1 64 91 cb 3ff0000000000000"
        + "a1 66 92 ca 3f800000 ca c0000000"
        + "a4 68616c66 91 ca 3dccc000"
        + "a5 736d616c6c 90");
    // Either layout is read whatever the option says.
    Vectors back = Codecs.get("msgpack", Vectors.class).decode(c.encode(v));
    assertArrayEquals(v.f(), back.f());
    assertArrayEquals(new float[] {0.0999755859375f}, back.half());
    io.polycodec.EncodeException e = org.junit.jupiter.api.Assertions.assertThrows(io.polycodec.EncodeException.class,
        () -> c.encode(new Vectors(new float[0], new double[0], new float[0], new float[] {Float.NaN})));
    assertEquals("Vectors.small", e.path());
  }

  @Test
  void enumsByNameOrNumberAndUnionsAsOneEntryMaps() {
    record WithColor(Color color) {}
    assertWire(Codecs.get("msgpack", WithColor.class), new WithColor(Color.GREEN), "81 a5 636f6c6f72 a5 475245454e");
    assertWire(Codecs.get("msgpack", WithColor.class, TAGS), new WithColor(Color.BLUE), "81 01 02");
    assertWire(Codecs.get("msgpack", Drawing.class), new Drawing(new Circle(1.0)),
        "81 a5 7368617065 81 a6 436972636c65 81 a6 726164697573 cb 3ff0000000000000");
    assertWire(Codecs.get("msgpack", Drawing.class, TAGS), new Drawing(new Square(-0.0)),
        "81 01 81 02 81 01 cb 8000000000000000");
  }

  @Test
  void mapKeysAscending() {
    Map<String, Integer> byName = new LinkedHashMap<>();
    byName.put("b", 1);
    byName.put("a", 2);
    byName.put("B", 3);
    Map<Long, String> byId = new LinkedHashMap<>();
    byId.put(10L, "x");
    byId.put(-1L, "y");
    byId.put(2L, "z");
    Map<Boolean, Double> byFlag = new LinkedHashMap<>();
    byFlag.put(true, 1.5);
    byFlag.put(false, 0.5);
    // Record fields are map keys too: byFlag < byId < byName.
    assertWire(Codecs.get("msgpack", Scores.class), new Scores(byName, byId, byFlag), "83"
        + "a6 6279466c6167 82 c2 cb 3fe0000000000000 c3 cb 3ff8000000000000"
        + "a4 62794964 83 ff a1 79 02 a1 7a 0a a1 78"
        + "a6 62794e616d65 83 a1 42 03 a1 61 02 a1 62 01");
  }

  @Test
  void unsignedEncodingsWriteTheUnsignedValue() {
    Codec<Unsigned> c = Codecs.get("msgpack", Unsigned.class, TAGS);
    assertWire(c, new Unsigned(-1, -1L), "82 01 ce ffffffff 02 cf ffffffffffffffff");
    assertWire(c, new Unsigned(5, 6), "82 01 05 02 06");
    Unsigned back = c.decode(c.encode(new Unsigned(-2, Long.MIN_VALUE)));
    assertEquals(new Unsigned(-2, Long.MIN_VALUE), back);
  }

  @Test
  void streamEncodingMatchesArrayEncoding() throws IOException {
    Codec<Point> c = Codecs.get("msgpack", Point.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.encode(new Point(1, 2), out);
    c.encode(new Point(3, 4), out);
    assertEquals(Hex.of(Hex.bytes("82 a1 78 01 a1 79 02 82 a1 78 03 a1 79 04")), Hex.of(out.toByteArray()));
  }

  @Test
  void formatDeclaresModeAndCapabilities() {
    assertEquals(io.polycodec.FieldKeying.NAME, Codecs.get("msgpack", Point.class).format().keying());
    assertEquals(io.polycodec.FieldKeying.NUMBER, Codecs.get("msgpack", Point.class, TAGS).format().keying());
    assertTrue(Codecs.providerForMediaType("application/x-msgpack; charset=binary") instanceof MsgpackProvider);
    assertTrue(Codecs.providerForMediaType("application/vnd.msgpack") instanceof MsgpackProvider);
    assertTrue(Codecs.get("msgpack", Point.class).format().has(io.polycodec.Capability.DETERMINISTIC));
    assertTrue(Codecs.get("msgpack", Point.class).format().has(io.polycodec.Capability.SELF_DESCRIBING));
  }
}
