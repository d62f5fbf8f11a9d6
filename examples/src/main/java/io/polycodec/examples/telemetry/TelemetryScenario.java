package io.polycodec.examples.telemetry;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.Format;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.examples.telemetry.SensorReadings.Status;
import io.polycodec.schema.RecordSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Scenario 2: telemetry ingestion with an evolving schema. Sensors of three firmware generations write
 * MessagePack frames (name-keyed, length-delimited) into one stream; the ingestion loop reads every
 * frame with the newest schema, and again with no schema at all, and aggregates per sensor.
 */
public final class TelemetryScenario {
  private TelemetryScenario() {}

  /** Per-sensor totals. */
  public record Aggregate(long count, long sumCentiCelsius, long lastSequence) {
    /** The sum of this and {@code one}. */
    public Aggregate plus(Aggregate one) {
      return new Aggregate(count + one.count, sumCentiCelsius + one.sumCentiCelsius, Math.max(lastSequence, one.lastSequence));
    }

    /** The mean temperature in degrees. */
    public double meanCelsius() {
      return count == 0 ? 0 : sumCentiCelsius / 100.0 / count;
    }
  }

  /** What the scenario produced. */
  public record Outcome(int messages, int streamBytes, Map<String, Aggregate> written, Map<String, Aggregate> typed,
      Map<String, Aggregate> schemaless, double typedMessagesPerSecond, double schemalessMessagesPerSecond,
      CompatibilityResult v1ToV2, CompatibilityResult v2ToV3, CompatibilityResult transitive) {}

  /** The stream: {@code perSensor} readings from each of 12 sensors (4 per firmware version), interleaved. */
  static byte[] simulate(int perSensor, long seed, Map<String, Aggregate> truth) throws IOException {
    Codec<SensorReadings.V1> v1 = Codecs.get("msgpack", SensorReadings.V1.class);
    Codec<SensorReadings.V2> v2 = Codecs.get("msgpack", SensorReadings.V2.class);
    Codec<SensorReadings.V3> v3 = Codecs.get("msgpack", SensorReadings.V3.class);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    IOException[] failure = new IOException[1];
    generate(perSensor, seed, truth, reading -> {
      try {
        if (reading instanceof SensorReadings.V1 r) {
          v1.encodeDelimited(r, stream);
        } else if (reading instanceof SensorReadings.V2 r) {
          v2.encodeDelimited(r, stream);
        } else {
          v3.encodeDelimited((SensorReadings.V3) reading, stream);
        }
      } catch (IOException e) {
        failure[0] = e;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    return stream.toByteArray();
  }

  /**
   * Hands {@code sink} {@code perSensor} readings from each of 12 sensors, interleaved: sensors
   * {@code sensor-v1-*} as {@link SensorReadings.V1}, {@code sensor-v2-*} as V2, {@code sensor-v3-*} as V3;
   * adds what each sensor sent to {@code truth}. The same seed gives the same readings.
   */
  public static void generate(int perSensor, long seed, Map<String, Aggregate> truth, Consumer<Object> sink) {
    SplittableRandom r = new SplittableRandom(seed);
    Instant t0 = Instant.parse("2026-11-28T00:00:00Z");
    Status[] statuses = Status.values();
    for (int i = 0; i < perSensor; i++) {
      Instant at = t0.plusMillis(1000L * i);
      for (int s = 0; s < 12; s++) {
        String id = "sensor-" + (s < 4 ? "v1" : s < 8 ? "v2" : "v3") + "-" + (s % 4);
        int centi = 1500 + r.nextInt(1500);
        int sequence = i;
        long sequence64 = i;
        Status status = statuses[r.nextInt(100) < 95 ? 0 : 1 + r.nextInt(2)];
        if (s < 4) {
          sink.accept(new SensorReadings.V1(id, at, centi, 300 + r.nextInt(400), status, sequence));
        } else if (s < 8) {
          Optional<Float> battery = r.nextInt(10) == 0 ? Optional.empty() : Optional.of(3.0f + r.nextInt(120) / 100f);
          sink.accept(new SensorReadings.V2(id, at, centi, 300 + r.nextInt(400), status, battery, "2.4.1", sequence));
        } else {
          // One v3 device is a gateway whose sequence number has long passed what an int32 holds.
          sequence64 = i + (s == 11 ? 5_000_000_000L : 0);
          sink.accept(new SensorReadings.V3(id, at, centi, status, Optional.of(3.3), "3.0.0", sequence64));
        }
        truth.merge(id, new Aggregate(1, centi, sequence64), Aggregate::plus);
      }
    }
  }

  /** Reads every frame with the newest schema (V3) and aggregates per sensor. */
  static Map<String, Aggregate> ingestTyped(InputStream in) throws IOException {
    Codec<SensorReadings.V3> newest = Codecs.get("msgpack", SensorReadings.V3.class);
    Map<String, Aggregate> out = new TreeMap<>();
    for (SensorReadings.V3 m = newest.decodeDelimited(in); m != null; m = newest.decodeDelimited(in)) {
      out.merge(m.sensorId(), new Aggregate(1, m.centiCelsius(), m.sequence()), Aggregate::plus);
    }
    return out;
  }

  /** Reads every frame with no schema (plain maps) and aggregates per sensor. */
  static Map<String, Aggregate> ingestSchemaless(InputStream in) throws IOException {
    Codec<Object> any = Codecs.schemaless("msgpack");
    Map<String, Aggregate> out = new TreeMap<>();
    for (Object m = any.decodeDelimited(in); m != null; m = any.decodeDelimited(in)) {
      Map<?, ?> map = (Map<?, ?>) m;
      Aggregate one = new Aggregate(1, ((Number) map.get("centiCelsius")).longValue(),
          ((Number) map.get("sequence")).longValue());
      out.merge((String) map.get("sensorId"), one, Aggregate::plus);
    }
    return out;
  }

  /** Runs the scenario and prints it. */
  public static Outcome run(PrintStream out, int perSensor) throws IOException {
    Map<String, Aggregate> truth = new TreeMap<>();
    byte[] stream = simulate(perSensor, 2026, truth);
    int messages = perSensor * 12;
    ingestTyped(new ByteArrayInputStream(stream));
    long start = System.nanoTime();
    Map<String, Aggregate> typed = ingestTyped(new ByteArrayInputStream(stream));
    double typedRate = messages / ((System.nanoTime() - start) / 1e9);
    ingestSchemaless(new ByteArrayInputStream(stream));
    start = System.nanoTime();
    Map<String, Aggregate> schemaless = ingestSchemaless(new ByteArrayInputStream(stream));
    double schemalessRate = messages / ((System.nanoTime() - start) / 1e9);

    Format msgpack = Codecs.provider("msgpack").format();
    RecordSchema s1 = Codecs.schemaOf(SensorReadings.V1.class);
    RecordSchema s2 = Codecs.schemaOf(SensorReadings.V2.class);
    RecordSchema s3 = Codecs.schemaOf(SensorReadings.V3.class);
    CompatibilityResult v1v2 = Compatibility.check(s1, s2, msgpack);
    CompatibilityResult v2v3 = Compatibility.check(s2, s3, msgpack);
    CompatibilityResult transitive = Compatibility.check(List.of(s1, s2), s3, CompatibilityMode.BACKWARD_TRANSITIVE, msgpack);

    out.println("2. Telemetry ingestion: 12 sensors on 3 firmware versions, one MessagePack stream, read with v3");
    out.printf(Locale.ROOT, "   %d messages, %d bytes (%.1f bytes/message)%n", messages, stream.length,
        (double) stream.length / messages);
    out.printf(Locale.ROOT, "   typed (v3 schema): %,.0f messages/s; schema-less: %,.0f messages/s; same totals: %s%n",
        typedRate, schemalessRate, typed.equals(schemaless) && typed.equals(truth) ? "yes" : "NO");
    out.printf(Locale.ROOT, "   %-16s %8s %12s %14s%n", "sensor", "messages", "mean temp", "last sequence");
    for (Map.Entry<String, Aggregate> e : typed.entrySet()) {
      out.printf(Locale.ROOT, "   %-16s %8d %12.2f %,14d%n", e.getKey(), e.getValue().count(), e.getValue().meanCelsius(),
          e.getValue().lastSequence());
    }
    out.println("   compatibility (msgpack, by name):");
    out.println("     v1 -> v2: " + v1v2.grade() + "; v2 -> v3: " + v2v3.grade() + "; v3 against v1 and v2 (BACKWARD_TRANSITIVE): "
        + transitive.grade());
    for (String line : new ArrayList<>(v2v3.report().lines().toList())) {
      out.println("       " + line);
    }
    return new Outcome(messages, stream.length, truth, typed, schemaless, typedRate, schemalessRate, v1v2, v2v3, transitive);
  }
}
