package io.polycodec.kafka;

import io.polycodec.SchemaName;
import io.polycodec.Tag;
import java.time.Instant;
import java.util.Optional;

/** Versions of one telemetry message, all named {@code Reading} on the wire (the examples' scenario, smaller). */
final class Readings {
  private Readings() {}

  /** Version 1. */
  @SchemaName("Reading")
  record V1(@Tag(1) String sensorId, @Tag(2) Instant at, @Tag(3) int centiCelsius, @Tag(4) int humidity,
      @Tag(8) int sequence) {}

  /** Version 2: humidity removed, battery and firmware added. */
  @SchemaName("Reading")
  record V2(@Tag(1) String sensorId, @Tag(2) Instant at, @Tag(3) int centiCelsius, @Tag(6) Optional<Float> batteryVolts,
      @Tag(7) String firmware, @Tag(8) int sequence) {}

  /** Version 3: sequence widened to int64. */
  @SchemaName("Reading")
  record V3(@Tag(1) String sensorId, @Tag(2) Instant at, @Tag(3) int centiCelsius, @Tag(6) Optional<Float> batteryVolts,
      @Tag(7) String firmware, @Tag(8) long sequence) {}

  /** A version nobody should ship: the sequence number became text. */
  @SchemaName("Reading")
  record Broken(@Tag(1) String sensorId, @Tag(2) Instant at, @Tag(3) int centiCelsius, @Tag(8) String sequence) {}
}
