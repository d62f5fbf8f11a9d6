package io.polycodec.kafka;

import io.polycodec.Tag;
import java.time.Instant;
import java.util.Optional;

/** The record the tests send: a sensor reading of about the size telemetry messages have. */
public record Measurement(@Tag(1) String sensorId, @Tag(2) Instant at, @Tag(3) int centiCelsius, @Tag(4) Status status,
    @Tag(5) Optional<Double> batteryVolts, @Tag(6) long sequence) {

  /** Sensor state. */
  public enum Status { OK, DEGRADED, FAILING }

  private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

  /** The {@code i}-th reading of a deterministic series, so a consumer can check every record it gets. */
  public static Measurement nth(long i) {
    return new Measurement("sensor-" + (i % 97), T0.plusMillis(i * 250), 1500 + (int) (i * 7919 % 1500),
        i % 50 == 0 ? Status.DEGRADED : Status.OK, i % 10 == 0 ? Optional.empty() : Optional.of(3.0 + (i % 120) / 100.0),
        i);
  }
}
