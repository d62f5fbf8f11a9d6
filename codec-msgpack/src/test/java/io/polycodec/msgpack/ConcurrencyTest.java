package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import io.polycodec.msgpack.TestTypes.Everything;
import io.polycodec.msgpack.TestTypes.Point;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One codec shared by threads; encodes nested inside encodes; oneof groups. */
class ConcurrencyTest {

  @Test
  void sharedCodecGivesEveryThreadTheSameBytes() throws Exception {
    Codec<Everything> c = Codecs.get("msgpack", Everything.class);
    int n = 64;
    List<Everything> values = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(new Samples(RoundTripTest.SEED + i).nextEverything());
      expected.add(c.encode(values.get(i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          for (int round = 0; round < 20; round++) {
            for (int i = 0; i < n; i++) {
              int k = (i + offset * 7 + round) % n;
              byte[] bytes = c.encode(values.get(k));
              assertArrayEquals(expected.get(k), bytes, "seed " + (RoundTripTest.SEED + k));
              assertArrayEquals(bytes, c.encode(c.decode(bytes)));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A record whose accessor encodes another value, with the same thread's codec machinery. */
  record Nested(Point point, byte[] encodedPoint) {
    @Override
    public byte[] encodedPoint() {
      return Codecs.get("msgpack", Point.class).encode(point);
    }
  }

  @Test
  void encodingInsideAnEncodeDoesNotDisturbIt() {
    Codec<Nested> c = Codecs.get("msgpack", Nested.class);
    byte[] bytes = c.encode(new Nested(new Point(1, 2), null));
    // encodedPoint < point; the inner encoding is a bin of 7 bytes.
    assertEquals(Hex.of(Hex.bytes("82 ac 656e636f646564506f696e74 c4 07 82a17801a17902 a5 706f696e74 82a17801a17902")),
        Hex.of(bytes));
  }

  @Test
  void oneofMembersExcludeEachOther() {
    RecordSchema s = RecordSchema.of("Choice",
        Field.optional("a", 1, Schema.string()).withOneof("pick"),
        Field.optional("b", 2, Schema.int32()).withOneof("pick"),
        Field.of("c", 3, Schema.bool()));
    Codec<GenericRecord> c = Codecs.generic("msgpack", s);
    // Both members on the wire (another writer): the last one wins, as in Protobuf.
    GenericRecord r = c.decode(Hex.bytes("83 a1 61 a1 78 a1 63 c3 a1 62 05"));
    assertEquals(null, r.get("a"));
    assertEquals(5, r.get("b"));
    assertEquals(true, r.get("c"));
    GenericRecord r2 = c.decode(Hex.bytes("82 a1 62 05 a1 61 a1 78"));
    assertEquals("x", r2.get("a"));
    assertEquals(null, r2.get("b"));
    assertEquals(Hex.of(Hex.bytes("82 a1 61 a1 78 a1 63 c2")), Hex.of(c.encode(r2)));
  }
}
