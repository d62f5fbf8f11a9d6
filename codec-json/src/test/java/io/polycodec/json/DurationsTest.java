package io.polycodec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.schema.DurationRange;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A duration is ISO-8601 text, Duration.toString(); Duration.parse's forms read, within DurationRange. */
class DurationsTest {
  private static final RecordSchema SCHEMA = RecordSchema.of("Job", Field.of("d", 1, Schema.duration()));
  private static final Codec<GenericRecord> CODEC = Codecs.generic("json", SCHEMA);

  private static String json(Duration d) {
    return new String(CODEC.encode(GenericRecord.builder(SCHEMA).set("d", d).build()), StandardCharsets.UTF_8);
  }

  private static Duration read(String text) {
    return (Duration) CODEC.decode(("{\"d\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8)).get("d");
  }

  @Test
  void writtenAsIso8601Text() {
    assertEquals("{\"d\":\"PT1.5S\"}", json(Duration.ofMillis(1500)));
    assertEquals("{\"d\":\"PT-1.5S\"}", json(Duration.ofMillis(-1500)));
    assertEquals("{\"d\":\"PT-0.000000001S\"}", json(Duration.ofNanos(-1)));
    assertEquals("{\"d\":\"PT87660000H0.999999999S\"}", json(DurationRange.MAX));
    assertEquals(Duration.ofDays(2), read("P2D"));
    assertEquals(Duration.ofSeconds(-1), read("-PT1S"));
    assertEquals(DurationRange.MIN, read("PT-87660000H-0.999999999S"));
  }

  @Test
  void otherTextAndOutOfRangeAreRefusedNamingTheField() {
    for (String bad : new String[] {"1.5s", "", "PT", "P1Y", "PT87660001H", "P" + "9".repeat(80) + "D"}) {
      DecodeException e = assertThrows(DecodeException.class, () -> read(bad), bad);
      assertTrue(e.getMessage().contains("d"), e.getMessage());
    }
    DecodeException e = assertThrows(DecodeException.class,
        () -> CODEC.decode("{\"d\":15}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("duration"), e.getMessage());
  }
}
