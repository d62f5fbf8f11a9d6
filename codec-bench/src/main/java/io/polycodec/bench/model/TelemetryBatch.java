package io.polycodec.bench.model;

import io.polycodec.Tag;
import java.time.Instant;
import java.util.List;

/** One device's batch of sensor readings, as a telemetry pipeline ships them. */
public record TelemetryBatch(
    @Tag(1) String deviceId,
    @Tag(2) long sequence,
    @Tag(3) Instant sentAt,
    @Tag(4) List<Reading> readings) {

  /** One reading of one sensor. */
  public record Reading(
      @Tag(1) long timestampMicros,
      @Tag(2) int sensorId,
      @Tag(3) double value,
      @Tag(4) float temperature,
      @Tag(5) boolean alarm) {}
}
