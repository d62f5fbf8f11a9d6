package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.msgpack.TestTypes.Color;
import io.polycodec.msgpack.TestTypes.Drawing;
import io.polycodec.msgpack.TestTypes.Everything;
import io.polycodec.msgpack.TestTypes.Level;
import io.polycodec.msgpack.TestTypes.Node;
import io.polycodec.msgpack.TestTypes.Person;
import io.polycodec.msgpack.TestTypes.Point;
import io.polycodec.msgpack.TestTypes.Scores;
import io.polycodec.msgpack.TestTypes.Stamp;
import io.polycodec.schema.TimestampRange;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Malformed, truncated and hostile input: only {@link DecodeException}, with format, offset and path;
 * declared lengths never allocate beyond the bytes present; nesting is bounded.
 */
class BadInputTest {
  static final CodecOptions TAGS = CodecOptions.defaults().with(MsgpackOptions.KEYS, MsgpackKeys.TAGS);
  static final Codec<Object> PLAIN = Codecs.schemaless("msgpack");

  record Blob(byte[] data) {}

  record Tags(List<String> tags) {}

  record Counts(java.util.Map<String, Integer> counts) {}

  record Vec(float[] v) {}

  record F(float f) {}

  record WithColor(Color color) {}

  record WithLevel(Level level) {}

  static DecodeException fails(Codec<?> c, String hex) {
    return assertThrows(DecodeException.class, () -> c.decode(Hex.bytes(hex)), hex);
  }

  static void assertError(DecodeException e, long offset, String path, String problem) {
    assertEquals("msgpack", e.format(), e.getMessage());
    assertEquals(offset, e.offset(), e.getMessage());
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.problem().contains(problem), () -> "'" + e.problem() + "' should contain '" + problem + "'");
  }

  static long allocatedBy(Runnable r) {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    r.run();
    return mx.getCurrentThreadAllocatedBytes() - before;
  }

  /** Fails as expected, allocating far less than the length the input claims. */
  static DecodeException hostile(Codec<?> c, String hex) {
    DecodeException[] thrown = new DecodeException[1];
    long bytes = allocatedBy(() -> thrown[0] = fails(c, hex));
    assertTrue(bytes < 1 << 20, hex + " allocated " + bytes + " bytes");
    return thrown[0];
  }

  @Test
  void lengthsClaimingBillionsOnTinyInput() {
    Codec<Person> person = Codecs.get("msgpack", Person.class);
    assertError(hostile(person, "81 a4 6e616d65 db 7fffffff 61"), 6, "Person.name", "only 1 bytes remain");
    assertError(hostile(person, "81 a4 6e616d65 db ffffffff 61"), 6, "Person.name", "2^31");
    assertError(hostile(Codecs.get("msgpack", Blob.class), "81 a4 64617461 c6 7fffffff 00"), 6, "Blob.data",
        "only 1 bytes remain");
    assertError(hostile(Codecs.get("msgpack", Tags.class), "81 a4 74616773 dd 7fffffff a0"), 6, "Tags.tags",
        "2147483647 elements, but only 1");
    assertError(hostile(Codecs.get("msgpack", Counts.class), "81 a6 636f756e7473 df 7fffffff a0 00"), 8,
        "Counts.counts", "2147483647 entries, but only 2");
    assertError(hostile(Codecs.get("msgpack", Vec.class), "81 a1 76 c6 7fffffff 00"), 3, "Vec.v", "only 1");
    assertError(hostile(Codecs.get("msgpack", Vec.class), "81 a1 76 dd 7fffffff ca"), 3, "Vec.v", "only 1");
    assertError(hostile(Codecs.get("msgpack", Point.class), "df 7fffffff a1 78"), 0, "Point", "only 2");
    // Unknown fields are skipped, and skipping checks lengths too.
    Codec<Point> point = Codecs.get("msgpack", Point.class);
    assertError(hostile(point, "81 a1 7a dd 7fffffff 00"), 3, "Point", "only 1");
    assertError(hostile(point, "81 a1 7a df 7fffffff 00 00"), 3, "Point", "only 2");
    assertError(hostile(point, "81 a1 7a c9 7fffffff 05 00"), 3, "Point", "ends inside");
    assertError(hostile(point, "81 a1 7a c6 ffffffff 00"), 3, "Point", "2^31");
    assertError(hostile(PLAIN, "db 7fffffff 61"), 0, "", "only 1");
    assertError(hostile(PLAIN, "c6 7fffffff 61"), 0, "", "only 1");
    assertError(hostile(PLAIN, "dd 7fffffff 61"), 0, "", "only 1");
    assertError(hostile(PLAIN, "df 7fffffff 61 61"), 0, "", "only 2");
    assertError(hostile(PLAIN, "c9 7fffffff 05 00"), 0, "", "only 1");
    assertError(hostile(PLAIN, "91 91 dd 7fffffff 61"), 2, "[0][0]", "only 1");
  }

  @Test
  void truncatedInputAtEveryLength() {
    List<Codec<Everything>> codecs = List.of(Codecs.get("msgpack", Everything.class),
        Codecs.get("msgpack", Everything.class, TAGS));
    int checked = 0;
    for (long seed = RoundTripTest.SEED; checked < 6; seed++) {
      Everything v = new Samples(seed).nextEverything();
      for (Codec<Everything> c : codecs) {
        byte[] full = c.encode(v);
        if (full.length > 3000) {
          continue;
        }
        checked++;
        for (int len = 0; len < full.length; len++) {
          byte[] prefix = Arrays.copyOf(full, len);
          DecodeException e = assertThrows(DecodeException.class, () -> c.decode(prefix), "seed " + seed + " len " + len);
          assertTrue(e.offset() >= 0 && e.offset() <= len, e.getMessage());
          assertTrue(e.path().startsWith("Everything"), e.getMessage());
          assertThrows(DecodeException.class, () -> PLAIN.decode(prefix), "seed " + seed + " len " + len);
        }
      }
    }
    assertError(fails(PLAIN, ""), 0, "", "ends inside");
  }

  @Test
  void nestingBeyondTheLimit() {
    // The root is depth 1: 100 nested arrays are fine, 101 are not.
    assertEquals(1, depthOf(PLAIN.decode(Hex.bytes("91".repeat(99) + "90"))) - 99);
    assertError(fails(PLAIN, "91".repeat(100) + "90"), 100, "[0]".repeat(100), "nesting deeper than the limit of 100");
    assertError(fails(PLAIN, "81 a1 61".repeat(100) + "80"), 300, "[\"a\"]".repeat(100), "nesting");

    String next = "81 a4 6e657874";
    Codec<Node> node = Codecs.get("msgpack", Node.class);
    node.decode(Hex.bytes(next.repeat(99) + "80"));
    assertError(fails(node, next.repeat(100) + "80"), 600, "Node" + ".next".repeat(100), "nesting");

    // A limit larger than the stack allows still ends in a DecodeException.
    Codec<Object> deep = Codecs.provider("msgpack").schemaless(
        CodecOptions.defaults().withLimits(Limits.defaults().withMaxDepth(Integer.MAX_VALUE)));
    byte[] million = new byte[1_000_001];
    Arrays.fill(million, (byte) 0x91);
    million[million.length - 1] = (byte) 0x90;
    assertTrue(assertThrows(DecodeException.class, () -> deep.decode(million)).problem().contains("stack"));

    // Skipping an unknown value is iterative, so its depth costs no stack.
    byte[] skipped = Hex.bytes("82 a1 78 01 a1 7a" + "91".repeat(100_000) + "90");
    assertEquals(new Point(1, 0), Codecs.get("msgpack", Point.class).decode(skipped));
  }

  private static int depthOf(Object v) {
    int d = 0;
    while (v instanceof List && !((List<?>) v).isEmpty()) {
      v = ((List<?>) v).get(0);
      d++;
    }
    return d + 1;
  }

  @Test
  void encodingBoundsNestingToo() {
    Node n = new Node("leaf", List.of(), Optional.empty());
    for (int i = 0; i < 150; i++) {
      n = new Node("n", List.of(), Optional.of(n));
    }
    Node deepest = n;
    EncodeException e = assertThrows(EncodeException.class, () -> Codecs.get("msgpack", Node.class).encode(deepest));
    assertTrue(e.path().startsWith("Node.next.next"), e.getMessage());
    assertEquals("msgpack", e.format());
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertTrue(assertThrows(EncodeException.class, () -> PLAIN.encode(cycle)).problem().contains("cycle"));
  }

  @Test
  void mapKeysOfTheWrongType() {
    assertError(fails(Codecs.get("msgpack", Point.class), "81 01 01"), 1, "Point",
        "map key of the wrong type: expected a str (a name), found an integer");
    assertError(fails(Codecs.get("msgpack", Point.class, TAGS), "81 a1 78 01"), 1, "Point",
        "map key of the wrong type: expected an integer (a tag), found a str");
    Codec<Scores> scores = Codecs.get("msgpack", Scores.class);
    assertError(fails(scores, "81 a6 62794e616d65 81 01 01"), 9, "Scores.byName",
        "map key of the wrong type: expected a str, found an integer");
    assertError(fails(scores, "81 a4 62794964 81 a1 78 a1 79"), 7, "Scores.byId",
        "map key of the wrong type: expected an integer, found a str");
    assertError(fails(scores, "81 a6 6279466c6167 81 01 cb 3ff0000000000000"), 9, "Scores.byFlag",
        "map key of the wrong type: expected a bool, found an integer");
    assertError(fails(Codecs.get("msgpack", Drawing.class), "81 a5 7368617065 81 01 80"), 8, "Drawing.shape",
        "map key of the wrong type");
    assertError(fails(Codecs.get("msgpack", Drawing.class, TAGS), "81 01 81 a1 78 80"), 3, "Drawing.shape",
        "map key of the wrong type");
  }

  @Test
  void wrongValuesAreNamedByOffsetAndPath() {
    Codec<Point> point = Codecs.get("msgpack", Point.class);
    assertError(fails(point, "81 a1 78 cf 0000010000000000"), 3, "Point.x", "1099511627776 does not fit int32");
    assertError(fails(point, "81 a1 78 a1 61"), 3, "Point.x", "expected an integer, found a str");
    assertError(fails(point, "81 a1 78 c1"), 3, "Point.x", "0xc1");
    assertError(fails(point, "82 a1 78 01 a1 79 02 00"), 7, "Point", "1 bytes follow the message");
    assertError(fails(point, "90"), 0, "Point", "expected a map, found an array");
    assertError(fails(PLAIN, "c1"), 0, "", "0xc1");
    assertError(fails(Codecs.get("msgpack", F.class), "81 a1 66 cb 7e37e43c8800759c"), 3, "F.f", "out of float32's range");
    assertError(fails(Codecs.get("msgpack", Person.class), "81 a4 6e616d65 a2 c328"), 6, "Person.name", "not valid UTF-8");
    assertError(fails(PLAIN, "a2 c328"), 0, "", "not valid UTF-8");
    assertError(fails(Codecs.get("msgpack", Tags.class), "81 a4 74616773 92 a0 c0"), 8, "Tags.tags[1]", "nil in a list");
    assertError(fails(Codecs.get("msgpack", Drawing.class), "80"), 0, "Drawing.shape", "required Shape is missing");
    assertError(fails(Codecs.get("msgpack", Drawing.class), "81 a5 7368617065 82 a6 436972636c65 80 a6 537175617265 80"),
        7, "Drawing.shape", "one entry");
    assertError(fails(Codecs.get("msgpack", Drawing.class), "81 a5 7368617065 81 a4 4f76616c 80"), 8, "Drawing.shape",
        "Shape has no member named 'Oval'");
    assertError(fails(Codecs.get("msgpack", Drawing.class, TAGS), "81 01 81 09 80"), 3, "Drawing.shape",
        "Shape has no member tagged 9");
    assertError(fails(Codecs.get("msgpack", WithColor.class), "81 a5 636f6c6f72 a6 505552504c45"), 7,
        "WithColor.color", "Color has no constant named 'PURPLE'");
    assertError(fails(Codecs.get("msgpack", WithColor.class, TAGS), "81 01 07"), 2, "WithColor.color",
        "Color has no constant numbered 7");
    assertSame(Level.UNKNOWN, Codecs.get("msgpack", WithLevel.class).decode(Hex.bytes("81 a5 6c6576656c a3 4d4944")).level());
  }

  @Test
  void badTimestamps() {
    Codec<Stamp> c = Codecs.get("msgpack", Stamp.class);
    String key = "81 a2 6174 ";
    assertError(fails(c, key + "d7 ff ee6b2800 00000000"), 4, "Stamp.at", "1000000000 nanoseconds");
    assertError(fails(c, key + "c7 05 ff 0000000000"), 4, "Stamp.at", "5 bytes");
    assertError(fails(c, key + "d6 05 00000000"), 4, "Stamp.at", "found extension type 5");
    assertError(fails(c, key + "ce 00000000"), 4, "Stamp.at", "expected a timestamp (extension type -1), found an integer");
    ByteBuffer year10000 = ByteBuffer.allocate(12).putInt(0).putLong(TimestampRange.MAX.getEpochSecond() + 1);
    assertError(fails(c, key + "c7 0c ff " + Hex.of(year10000.array())), 4, "Stamp.at", "outside");
    assertError(fails(PLAIN, "d7 ff ee6b2800 00000000"), 0, "", "1000000000 nanoseconds");
    assertThrows(EncodeException.class, () -> c.encode(new Stamp(TimestampRange.MAX.plusNanos(1))));
  }

  @Test
  void limitsApply() {
    // The string limit applies to keys too, so it must leave room for "name" and "tags".
    Limits small = Limits.defaults().withMaxCollectionSize(2).withMaxStringBytes(4).withMaxMessageBytes(40);
    CodecOptions o = CodecOptions.defaults().withLimits(small);
    assertError(fails(Codecs.get("msgpack", Tags.class, o), "81 a4 74616773 93 a0 a0 a0"), 6, "Tags.tags",
        "exceeds the limit of 2");
    assertError(fails(Codecs.get("msgpack", Person.class, o), "81 a4 6e616d65 a5 6162636465"), 6, "Person.name",
        "exceeds the limit of 4");
    assertError(fails(Codecs.get("msgpack", Person.class, o), "81 a5 6e616d6573 a0"), 1, "Person", "exceeds the limit of 4");
    assertError(fails(Codecs.get("msgpack", Vec.class, o), "81 a1 76 c4 0c 000000000000000000000000"), 3, "Vec.v",
        "more elements than the limit of 2");
    assertThrows(DecodeException.class, () -> Codecs.get("msgpack", Tags.class, o).decode(new byte[41]));
    EncodeException e = assertThrows(EncodeException.class,
        () -> Codecs.get("msgpack", Tags.class, o).encode(new Tags(List.of("x".repeat(50)))));
    // the string limit (4 bytes) refuses the 50-byte string before the message limit (40) is reached
    assertTrue(e.problem().contains("exceeds the limit of 4 bytes"), e.getMessage());
  }

  @Test
  void encodingErrorsNameTheField() {
    java.util.List<String> withNull = new ArrayList<>(List.of("a"));
    withNull.add(null);
    EncodeException e = assertThrows(EncodeException.class, () -> Codecs.get("msgpack", Tags.class).encode(new Tags(withNull)));
    assertEquals("Tags.tags[1]", e.path());
    assertEquals("msgpack", e.format());
    java.util.Map<String, Integer> nullValue = new java.util.HashMap<>();
    nullValue.put("k", null);
    e = assertThrows(EncodeException.class, () -> Codecs.get("msgpack", Counts.class).encode(new Counts(nullValue)));
    assertEquals("Counts.counts[\"k\"]", e.path());
    e = assertThrows(EncodeException.class,
        () -> Codecs.get("msgpack", Person.class).encode(new Person("a\uDC00b", Optional.empty(), java.util.OptionalInt.empty())));
    assertEquals("Person.name", e.path());
    assertTrue(e.problem().contains("unpaired surrogate U+DC00 at index 1"), e.problem());
    e = assertThrows(EncodeException.class, () -> Codecs.get("msgpack", Person.class).encode(new Person(null, null, null)));
    assertTrue(e.path().startsWith("Person."), e.getMessage());
    assertThrows(EncodeException.class, () -> Codecs.get("msgpack", Person.class).encode(null));
    // A failed encode leaves nothing behind: the next one on this thread is clean.
    assertEquals(Hex.of(Hex.bytes("82 a1 78 01 a1 79 02")), Hex.of(Codecs.get("msgpack", Point.class).encode(new Point(1, 2))));
  }

  @Test
  void fuzzedInputOnlyEverFailsWithDecodeException() {
    List<Codec<?>> codecs = List.of(Codecs.get("msgpack", Everything.class),
        Codecs.get("msgpack", Everything.class, TAGS), PLAIN, Codecs.get("msgpack", Node.class));
    long seed = RoundTripTest.SEED;
    SplittableRandom r = new SplittableRandom(seed);
    List<byte[]> valid = new ArrayList<>();
    for (int i = 0; valid.size() < 8; i++) {
      Everything v = new Samples(seed + i).nextEverything();
      byte[] b = Codecs.get("msgpack", Everything.class, i % 2 == 0 ? CodecOptions.defaults() : TAGS).encode(v);
      if (b.length < 4000) {
        valid.add(b);
      }
    }
    int decoded = 0;
    int runs = Integer.getInteger("msgpack.fuzzRuns", 3000);
    for (int run = 0; run < runs; run++) {
      byte[] in = mutate(valid.get(r.nextInt(valid.size())).clone(), r);
      for (Codec<?> c : codecs) {
        try {
          c.decode(in);
          decoded++;
        } catch (DecodeException expected) {
          assertTrue(expected.offset() >= 0 && expected.offset() <= in.length, expected.getMessage());
        } catch (Throwable t) {
          fail("seed " + seed + " run " + run + ": " + c + " threw " + t + " for " + Hex.of(in), t);
        }
      }
    }
    assertTrue(decoded > 0, "some mutations still decode (the fuzz is not only garbage)");
  }

  private static byte[] mutate(byte[] b, SplittableRandom r) {
    switch (r.nextInt(5)) {
      case 0: {
        for (int i = r.nextInt(1, 4); i > 0; i--) {
          int at = r.nextInt(b.length);
          b[at] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
      }
      case 1: {
        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        return b;
      }
      case 2: {
        // A length-bearing header byte with random size bytes after it.
        int at = r.nextInt(b.length);
        int[] headers = {0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xd4, 0xd8};
        b[at] = (byte) headers[r.nextInt(headers.length)];
        for (int i = 1; i < 5 && at + i < b.length; i++) {
          b[at + i] = (byte) (r.nextBoolean() ? 0xff : r.nextInt(256));
        }
        return b;
      }
      case 3:
        return Arrays.copyOf(b, r.nextInt(b.length));
      default: {
        byte[] g = new byte[r.nextInt(1, 64)];
        for (int i = 0; i < g.length; i++) {
          g[i] = (byte) r.nextInt(256);
        }
        return g;
      }
    }
  }
}
