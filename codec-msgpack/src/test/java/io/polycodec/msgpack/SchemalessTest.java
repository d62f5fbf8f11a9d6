package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.EncodeException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Decoding any MessagePack into plain Java values and encoding them back. */
class SchemalessTest {
  static final Codec<Object> C = Codecs.schemaless("msgpack");

  static Object decode(String hex) {
    return C.decode(Hex.bytes(hex));
  }

  static String encode(Object v) {
    return Hex.of(C.encode(v));
  }

  @Test
  void javaTypesPerMessagePackType() {
    assertNull(decode("c0"));
    assertEquals(Boolean.TRUE, decode("c3"));
    assertEquals(Long.valueOf(1), decode("01"));
    assertEquals(Long.valueOf(-1), decode("d0 ff"));
    assertEquals(Long.valueOf(Long.MAX_VALUE), decode("cf 7fffffffffffffff"));
    assertEquals(new BigInteger("18446744073709551615"), decode("cf ffffffffffffffff"));
    assertEquals(Float.valueOf(1.5f), decode("ca 3fc00000"));
    assertEquals(Double.valueOf(1.5), decode("cb 3ff8000000000000"));
    assertEquals("é", decode("a2 c3a9"));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) decode("c4 02 0102"));
    assertEquals(List.of(1L, "a"), decode("92 01 a1 61"));
    assertEquals(Map.of("a", 1L, 2L, List.of()), decode("82 a1 61 01 02 90"));
    assertEquals(Instant.ofEpochSecond(1, 5), decode("d7 ff 00000014 00000001"));
    assertEquals(Instant.ofEpochSecond(-62_000_000_000L), decode("c7 0c ff 00000000 fffffff190831400"));
    assertEquals(ExtensionValue.of((byte) 7, new byte[] {9}), decode("d4 07 09"));
    assertEquals(ExtensionValue.of((byte) -2, new byte[0]), decode("c7 00 fe"));
  }

  @Test
  void encodesBackToTheSameBytes() {
    for (String hex : List.of("c0", "c2", "cf ffffffffffffffff", "ca 7fc00001", "cb fff0000000000000", "a0",
        "c4 00", "90", "80", "d6 ff 00000000", "c7 0c ff 00000000 ffffffffffffffff", "d8 05 " + "00".repeat(16),
        "c7 03 80 010203", "92 c0 c3", "82 c3 01 a1 61 c0")) {
      assertEquals(Hex.of(Hex.bytes(hex)), encode(decode(hex)), hex);
    }
  }

  @Test
  void integersTakeTheSmallestForm() {
    assertEquals("05", encode(5));
    assertEquals("cc 80", encode((short) 128));
    assertEquals("d0 80", encode((byte) -128));
    assertEquals("d1 80 00", encode(-32768));
    assertEquals("ce 80 00 00 00", encode(2147483648L));
    assertEquals("cf ff ff ff ff ff ff ff ff", encode(BigInteger.TWO.pow(64).subtract(BigInteger.ONE)));
    assertEquals("d3 80 00 00 00 00 00 00 00", encode(BigInteger.valueOf(Long.MIN_VALUE)));
    assertThrows(EncodeException.class, () -> C.encode(BigInteger.TWO.pow(64)));
    assertThrows(EncodeException.class, () -> C.encode(BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE)));
  }

  @Test
  void mapKeysAreWrittenInOneOrderWhateverTheIterationOrder() {
    List<Object> keys = new ArrayList<>(List.of("b", "a", 10L, -1L, true, false, 2.5, 1.5f, new byte[] {1},
        List.of(1L), Instant.EPOCH));
    keys.add(null);
    String first = null;
    for (int shuffle = 0; shuffle < 20; shuffle++) {
      Collections.shuffle(keys, new java.util.Random(shuffle));
      Map<Object, Object> m = new LinkedHashMap<>();
      for (Object k : keys) {
        m.put(k, 0L);
      }
      String hex = encode(m);
      if (first == null) {
        first = hex;
      }
      assertEquals(first, hex);
    }
    // nil, false, true, -1, 10, 1.5f, 2.5, "a", "b", bin, array, timestamp
    assertEquals(Hex.of(Hex.bytes("8c c0 00 c2 00 c3 00 ff 00 0a 00 ca 3fc00000 00 cb 4004000000000000 00"
        + "a1 61 00 a1 62 00 c4 01 01 00 91 01 00 d6 ff 00000000 00")), first);
    Map<String, Long> tree = new TreeMap<>(Collections.reverseOrder());
    tree.put("a", 1L);
    tree.put("b", 2L);
    assertEquals(Hex.of(Hex.bytes("82 a1 61 01 a1 62 02")), encode(tree), "a comparator of the map's own is ignored");
  }

  @Test
  void decodedCollectionsAreUnmodifiableAndKeepWireOrder() {
    @SuppressWarnings("unchecked")
    Map<Object, Object> m = (Map<Object, Object>) decode("83 a1 62 01 a1 61 02 a1 62 03");
    assertEquals(List.of("b", "a"), new ArrayList<>(m.keySet()));
    assertEquals(3L, m.get("b"), "the last of a repeated key wins");
    assertThrows(UnsupportedOperationException.class, () -> m.put("c", 1L));
    @SuppressWarnings("unchecked")
    List<Object> l = (List<Object>) decode("91 01");
    assertThrows(UnsupportedOperationException.class, () -> l.add(2L));
  }

  @Test
  void unsupportedValuesNameTheirPlace() {
    Map<String, Object> m = new HashMap<>();
    m.put("k", List.of(1L, new Object()));
    EncodeException e = assertThrows(EncodeException.class, () -> C.encode(m));
    assertEquals("[\"k\"][1]", e.path());
    assertTrue(e.problem().contains("java.lang.Object cannot be encoded without a schema"), e.problem());
    assertThrows(EncodeException.class, () -> C.encode("lone \uD800 surrogate"));
    assertThrows(IllegalArgumentException.class, () -> ExtensionValue.of((byte) -1, new byte[4]));
  }

  @Test
  void extensionValuesAreImmutable() {
    byte[] data = {1, 2};
    ExtensionValue e = ExtensionValue.of((byte) 3, data);
    data[0] = 9;
    e.data()[1] = 9;
    assertArrayEquals(new byte[] {1, 2}, e.data());
    assertEquals(2, e.length());
  }

  @Test
  void seededValuesRoundTrip() {
    for (int run = 0; run < 300; run++) {
      long seed = RoundTripTest.SEED + run;
      Object v = new Samples(seed).nextPlain(0);
      byte[] bytes = C.encode(v);
      Object back = C.decode(bytes);
      assertTrue(Deep.equals(v, back), () -> "seed " + seed + ": " + Deep.diff(v, back));
      assertArrayEquals(bytes, C.encode(back), "seed " + seed);
    }
  }
}
