package io.polycodec.examples.telemetry;

import io.polycodec.SchemaName;
import io.polycodec.Tag;
import java.time.Instant;
import java.util.Optional;

/**
 * Three versions of one telemetry message, as three generations of sensor firmware define it. All are
 * named {@code SensorReading} on the wire; their Java names differ only so that one program can hold
 * all three.
 */
public final class SensorReadings {
  private SensorReadings() {}

  /** Sensor state. */
  public enum Status { OK, DEGRADED, FAILING }

  /** Version 1: temperature in hundredths of a degree, humidity in per-mille, a per-sensor sequence number. */
  @SchemaName("SensorReading")
  public record V1(@Tag(1) String sensorId, @Tag(2) Instant at, @Tag(3) int centiCelsius, @Tag(4) int humidity,
      @Tag(5) Status status, @Tag(8) int sequence) {}

  /** Version 2 adds the battery voltage and the firmware version. */
  @SchemaName("SensorReading")
  public record V2(@Tag(1) String sensorId, @Tag(2) Instant at, @Tag(3) int centiCelsius, @Tag(4) int humidity,
      @Tag(5) Status status, @Tag(6) Optional<Float> batteryVolts, @Tag(7) String firmware, @Tag(8) int sequence) {}

  /**
   * Version 3 drops humidity (the new board has no such sensor), widens the battery reading to float64 and
   * the sequence number to int64: gateways that relay many sensors pass 2^31 messages within months.
   */
  @SchemaName("SensorReading")
  public record V3(@Tag(1) String sensorId, @Tag(2) Instant at, @Tag(3) int centiCelsius, @Tag(5) Status status,
      @Tag(6) Optional<Double> batteryVolts, @Tag(7) String firmware, @Tag(8) long sequence) {}
}
