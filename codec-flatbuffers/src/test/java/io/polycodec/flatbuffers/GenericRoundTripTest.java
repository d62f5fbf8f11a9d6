package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.GenericRecord;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.util.ArrayList;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded random GenericRecords round-trip exactly, through every entry point, deterministically. */
class GenericRoundTripTest {
  private static final long SEED = Long.getLong("polycodec.seed", 20261128L);

  @Test
  void unionMembersAboveTag127RoundTrip() {
    // Tags are one unsigned byte on the wire: members 128..255 must not read back as negative.
    List<UnionSchema.Member> members = new ArrayList<>();
    for (int tag = 1; tag <= 200; tag++) {
      members.add(new UnionSchema.Member("m" + tag, tag, RecordSchema.of("u.M" + tag, Field.of("x", 1, Schema.int32()))));
    }
    UnionSchema union = UnionSchema.of("u.Many", members);
    RecordSchema holder = RecordSchema.of("u.Holder", Field.optional("value", 1, union));
    FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.generic(holder);
    for (int tag : new int[] {1, 127, 128, 200}) {
      RecordSchema member = members.get(tag - 1).record();
      GenericRecord value = GenericRecord.builder(holder)
          .set("value", GenericRecord.builder(member).set("x", tag).build()).build();
      byte[] bytes = codec.encode(value);
      assertEquals(value, codec.decode(bytes), "tag " + tag);
      assertEquals(value, codec.view(ByteBuffer.wrap(bytes)).toValue(), "tag " + tag);
    }
  }

  @Test
  void schemaCoversEveryKind() {
    for (Kind k : Kind.values()) {
      assertTrue(TestSchemas.covers(k) || k == Kind.UNION && TestSchemas.covers(Kind.UNION), "covers " + k);
    }
  }

  @Test
  void randomValuesRoundTripExactly() {
    for (RecordSchema schema : List.of(TestSchemas.EVERYTHING, TestSchemas.NODE, TestSchemas.ADDRESS, TestSchemas.EMPTY)) {
      FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.generic(schema);
      for (int i = 0; i < 300; i++) {
        long seed = SEED + i;
        GenericRecord value = new RandomValues(seed, 6, false).record(schema);
        GenericRecord expected = QuantizedValues.expected(value);
        String context = schema.name() + " seed " + seed + " (replay with -Dpolycodec.seed=" + seed + ")";
        byte[] bytes;
        try {
          bytes = codec.encode(value);
        } catch (RuntimeException e) {
          throw new AssertionError(context + ": encode failed for " + value, e);
        }
        assertEquals(expected, codec.decode(bytes), context);
        assertEquals(expected, codec.view(ByteBuffer.wrap(bytes)).toValue(), context + " (view)");
        assertArrayEquals(bytes, codec.encode(value), context + ": deterministic");
        assertArrayEquals(codec.encode(expected), codec.encode(codec.decode(bytes)), context + ": re-encode");
        assertEquals(expected, codec.decode(direct(bytes)), context + " (direct)");
        assertEquals(expected, codec.decode(ByteBuffer.wrap(bytes).asReadOnlyBuffer()), context + " (read-only)");
        assertEquals(expected, codec.decode(offsetIn(bytes)), context + " (sliced)");
      }
    }
  }

  @Test
  void oneCodecSharedByManyThreads() throws Exception {
    FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.generic(TestSchemas.EVERYTHING);
    List<GenericRecord> values = new java.util.ArrayList<>();
    List<byte[]> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      GenericRecord v = new RandomValues(SEED + 7000 + i, 5, false).record(TestSchemas.EVERYTHING);
      values.add(v);
      expected.add(codec.encode(v));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 37;
        done.add(pool.submit(() -> {
          for (int round = 0; round < 3; round++) {
            for (int k = 0; k < values.size(); k++) {
              int i = (k + offset) % values.size();
              byte[] bytes = codec.encode(values.get(i));
              assertArrayEquals(expected.get(i), bytes, "value " + i);
              assertEquals(QuantizedValues.expected(values.get(i)), codec.view(ByteBuffer.wrap(bytes)).toValue());
            }
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static ByteBuffer direct(byte[] bytes) {
    ByteBuffer b = ByteBuffer.allocateDirect(bytes.length);
    b.put(bytes).flip();
    return b;
  }

  /** The message in the middle of a larger array, position 8 (keeps 8-byte alignment relative to it). */
  static ByteBuffer offsetIn(byte[] bytes) {
    byte[] big = new byte[bytes.length + 24];
    java.util.Arrays.fill(big, (byte) 0x5A);
    System.arraycopy(bytes, 0, big, 8, bytes.length);
    return ByteBuffer.wrap(big, 8, bytes.length);
  }
}
