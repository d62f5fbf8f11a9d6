package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import io.polycodec.msgpack.TestTypes.Everything;
import io.polycodec.msgpack.TestTypes.Node;
import io.polycodec.schema.Quantization;
import io.polycodec.vector.VectorBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded round trips of every kind in both keyed modes and both vector layouts, through every entry
 * point; a failure names the seed ({@code -Dmsgpack.seed=} replays it).
 */
class RoundTripTest {
  static final long SEED = Long.getLong("msgpack.seed", System.nanoTime());
  static final int RUNS = 150;

  static Stream<Arguments> modes() {
    List<Arguments> out = new ArrayList<>();
    for (MsgpackKeys k : MsgpackKeys.values()) {
      for (MsgpackVectors v : MsgpackVectors.values()) {
        out.add(Arguments.of(k, v));
      }
    }
    return out.stream();
  }

  static CodecOptions options(MsgpackKeys k, MsgpackVectors v) {
    return CodecOptions.defaults().with(MsgpackOptions.KEYS, k).with(MsgpackOptions.VECTORS, v);
  }

  @ParameterizedTest
  @MethodSource("modes")
  void everythingRoundTripsExactly(MsgpackKeys keys, MsgpackVectors vectors) {
    Codec<Everything> c = Codecs.get("msgpack", Everything.class, options(keys, vectors));
    for (int run = 0; run < RUNS; run++) {
      long seed = SEED + run;
      Everything v = new Samples(seed).nextEverything();
      byte[] bytes = c.encode(v);
      Everything back = c.decode(bytes);
      String where = "seed " + seed + " (" + keys + ", " + vectors + "): ";
      assertSameExceptHalf(v, back, where);
      // A quantized field reads back as its quantized value, whichever layout was written.
      float[] half = VectorBytes.roundTrip(v.half(), Quantization.BF16);
      assertTrue(Deep.equals(half, back.half()), where + "half");
      assertArrayEquals(bytes, c.encode(back), where + "re-encoding is identical");
      assertArrayEquals(bytes, c.encode(v), where + "deterministic");
    }
  }

  static void assertSameExceptHalf(Everything a, Everything b, String where) {
    for (RecordComponent rc : Everything.class.getRecordComponents()) {
      if (rc.getName().equals("half")) {
        continue;
      }
      try {
        Object x = rc.getAccessor().invoke(a);
        Object y = rc.getAccessor().invoke(b);
        assertTrue(Deep.equals(x, y), () -> where + rc.getName() + ": " + Deep.diff(x, y));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void everyEntryPointAgrees() throws IOException {
    Codec<Everything> c = Codecs.get("msgpack", Everything.class);
    for (int run = 0; run < 30; run++) {
      long seed = SEED + run;
      Everything v = new Samples(seed).nextEverything();
      byte[] bytes = c.encode(v);
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      c.encode(v, stream);
      assertArrayEquals(bytes, stream.toByteArray(), "seed " + seed);

      byte[] padded = new byte[bytes.length + 7];
      System.arraycopy(bytes, 0, padded, 3, bytes.length);
      List<Everything> decoded = new ArrayList<>();
      decoded.add(c.decode(padded, 3, bytes.length));
      ByteBuffer heap = ByteBuffer.wrap(padded, 3, bytes.length);
      decoded.add(c.decode(heap));
      assertEquals(3, heap.position(), "position untouched");
      ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 2);
      direct.position(1);
      direct.put(bytes);
      direct.flip().position(1);
      decoded.add(c.decode(direct.asReadOnlyBuffer()));
      decoded.add(c.decode(ByteBuffer.wrap(padded).position(3).slice().limit(bytes.length)));
      decoded.add(c.decode(new ByteArrayInputStream(bytes)));
      byte[] copy = padded.clone();
      for (Everything d : decoded) {
        assertSameExceptHalf(c.decode(bytes), d, "seed " + seed + ": ");
      }
      assertArrayEquals(copy, padded, "input untouched");
    }
  }

  @Test
  void framedStreams() throws IOException {
    Codec<Everything> c = Codecs.get("msgpack", Everything.class);
    Samples s = new Samples(SEED);
    List<Everything> values = List.of(s.nextEverything(), s.nextEverything(), s.nextEverything());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.encodeAll(values, out);
    List<Everything> back = c.decodeAll(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(3, back.size());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(c.encode(values.get(i)), c.encode(back.get(i)), "seed " + SEED);
    }
  }

  @Test
  void genericRecordsShareTheWireWithTypedOnes() {
    for (MsgpackKeys keys : MsgpackKeys.values()) {
      CodecOptions o = options(keys, MsgpackVectors.BIN);
      Codec<Everything> typed = Codecs.get("msgpack", Everything.class, o);
      Codec<GenericRecord> generic = Codecs.generic("msgpack", Codecs.schemaOf(Everything.class), o);
      for (int run = 0; run < 40; run++) {
        long seed = SEED + run;
        byte[] bytes = typed.encode(new Samples(seed).nextEverything());
        GenericRecord g = generic.decode(bytes);
        assertArrayEquals(bytes, generic.encode(g), "seed " + seed + " " + keys);
        assertEquals(g, generic.decode(generic.encode(g)), "seed " + seed);
      }
    }
  }

  @Test
  void recordsReencodeIdenticallyWithoutSchema() {
    Codec<Object> plain = Codecs.schemaless("msgpack");
    for (MsgpackKeys keys : MsgpackKeys.values()) {
      Codec<Everything> typed = Codecs.get("msgpack", Everything.class, options(keys, MsgpackVectors.BIN));
      for (int run = 0; run < 40; run++) {
        long seed = SEED + run;
        byte[] bytes = typed.encode(new Samples(seed).nextEverything());
        assertArrayEquals(bytes, plain.encode(plain.decode(bytes)), "seed " + seed + " " + keys);
      }
    }
  }

  @Test
  void recursiveRecords() {
    Codec<Node> c = Codecs.get("msgpack", Node.class);
    Node leaf = new Node("leaf", List.of(), Optional.empty());
    Node tree = new Node("root", List.of(leaf, new Node("mid", List.of(leaf), Optional.of(leaf))), Optional.empty());
    Node back = c.decode(c.encode(tree));
    assertEquals(tree, back);
    assertNull(back.next().orElse(null));
  }
}
