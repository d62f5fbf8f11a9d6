package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.schema.DurationRange;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** A duration is the array [seconds, nanos] with one sign, as msgpack-core writes two ints. */
class DurationsTest {
  private static final RecordSchema SCHEMA = RecordSchema.of("Job", Field.of("d", 1, Schema.duration()));
  private static final Codec<GenericRecord> CODEC = Codecs.generic("msgpack", SCHEMA);

  private static byte[] job(long seconds, long nanos, int elements) throws IOException {
    MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
    p.packMapHeader(1).packString("d").packArrayHeader(elements);
    if (elements > 0) {
      p.packLong(seconds);
    }
    if (elements > 1) {
      p.packLong(nanos);
    }
    for (int i = 2; i < elements; i++) {
      p.packInt(0);
    }
    return p.toByteArray();
  }

  @Test
  void writtenAsSecondsAndNanosOfTheSameSign() throws IOException {
    GenericRecord v = GenericRecord.builder(SCHEMA).set("d", Duration.ofMillis(-1500)).build();
    assertArrayEquals(job(-1, -500_000_000, 2), CODEC.encode(v));
    for (Duration d : new Duration[] {DurationRange.MIN, DurationRange.MAX, Duration.ofNanos(-1), Duration.ofDays(366)}) {
      GenericRecord r = GenericRecord.builder(SCHEMA).set("d", d).build();
      assertEquals(r, CODEC.decode(CODEC.encode(r)), d.toString());
    }
  }

  @Test
  void mixedSignsWrongShapesAndOutOfRangeAreRefused() throws IOException {
    for (byte[] bad : new byte[][] {job(1, -1, 2), job(-1, 1, 2), job(0, 1_000_000_000, 2), job(1, 0, 1),
        job(1, 0, 3), job(DurationRange.MAX_SECONDS + 1, 0, 2)}) {
      DecodeException e = assertThrows(DecodeException.class, () -> CODEC.decode(bad));
      assertTrue(e.getMessage().contains("Job.d"), e.getMessage());
    }
    GenericRecord tooLong = GenericRecord.builder(SCHEMA).set("d", Duration.ofSeconds(Long.MAX_VALUE)).build();
    EncodeException e = assertThrows(EncodeException.class, () -> CODEC.encode(tooLong));
    assertTrue(e.getMessage().contains("d"), e.getMessage());
  }
}
