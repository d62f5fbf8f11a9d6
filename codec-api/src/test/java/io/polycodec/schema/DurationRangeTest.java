package io.polycodec.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations split into seconds and nanos of one sign, as google.protobuf.Duration does. */
class DurationRangeTest {
  @Test
  void secondsAndNanosHaveTheSignOfTheDuration() {
    // Java says -1.5 s is -2 s + 500,000,000 ns; the wire says -1 s and -500,000,000 ns.
    Duration d = Duration.ofMillis(-1500);
    assertEquals(-2, d.getSeconds());
    assertEquals(-1, DurationRange.seconds(d));
    assertEquals(-500_000_000, DurationRange.nanos(d));
    assertEquals(0, DurationRange.seconds(Duration.ofNanos(-1)));
    assertEquals(-1, DurationRange.nanos(Duration.ofNanos(-1)));
    assertEquals(1, DurationRange.seconds(Duration.ofMillis(1500)));
    assertEquals(500_000_000, DurationRange.nanos(Duration.ofMillis(1500)));
    for (Duration x : new Duration[] {d, Duration.ofNanos(-1), Duration.ZERO, DurationRange.MIN, DurationRange.MAX,
        Duration.ofSeconds(-7, 1), Duration.ofSeconds(7, 999_999_999)}) {
      assertEquals(x, DurationRange.decode(DurationRange.seconds(x), DurationRange.nanos(x)), x.toString());
    }
  }

  @Test
  void theRangeIsProtobufsAndMixedSignsAreRefused() {
    assertEquals(Duration.ofSeconds(315_576_000_000L, 999_999_999), DurationRange.MAX);
    assertEquals(DurationRange.MAX.negated(), DurationRange.MIN);
    assertThrows(EncodeException.class, () -> DurationRange.checkEncodable(DurationRange.MAX.plusNanos(1)));
    assertThrows(EncodeException.class, () -> DurationRange.checkEncodable(DurationRange.MIN.minusNanos(1)));
    assertThrows(EncodeException.class, () -> DurationRange.checkEncodable(Duration.ofSeconds(Long.MIN_VALUE)));
    assertTrue(DurationRange.contains(-1, -1) && DurationRange.contains(0, -5) && DurationRange.contains(0, 5));
    assertFalse(DurationRange.contains(1, -1));
    assertFalse(DurationRange.contains(-1, 1));
    assertFalse(DurationRange.contains(0, 1_000_000_000));
    assertFalse(DurationRange.contains(315_576_000_001L, 0));
    DecodeException e = assertThrows(DecodeException.class, () -> DurationRange.decode(1, -1));
    assertTrue(e.getMessage().contains("same sign"), e.getMessage());
  }

  @Test
  void aSnapshotSaysDurationAndReadsItBack() {
    RecordSchema r = RecordSchema.of("Job", Field.of("ttl", 1, Schema.duration()),
        Field.optional("grace", 2, Schema.duration()), Field.of("steps", 3, Schema.list(Schema.duration())));
    String json = SchemaSnapshot.toJson(r);
    assertTrue(json.contains("\"duration\""), json);
    RecordSchema back = SchemaSnapshot.fromJson(json);
    assertEquals(json, SchemaSnapshot.toJson(back));
    assertEquals(Schema.duration(), back.field("ttl").type());
  }
}
