package io.polycodec.examples.kafka;

import io.polycodec.kafka.broker.LocalKafkaBroker;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The Kafka demo ({@code ./mvnw -q -pl examples -am package -DskipTests -Pkafka}): starts a single-node
 * broker in this JVM on 127.0.0.1, runs {@link KafkaTelemetryScenario} with 30,000 readings, stops the
 * broker.
 */
public final class KafkaDemo {
  private KafkaDemo() {}

  /** Runs the demo; exits non-zero if a reading went missing or the guard let the lab device through. */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    long t0 = System.nanoTime();
    KafkaTelemetryScenario.Outcome o;
    try (LocalKafkaBroker broker = LocalKafkaBroker.start()) {
      out.printf(Locale.ROOT, "Kafka broker (KRaft, in-process) on %s, started in %.1f s%n%n", broker.bootstrapServers(),
          (System.nanoTime() - t0) / 1e9);
      o = KafkaTelemetryScenario.run(out, broker.bootstrapServers(), 2_500);
    }
    out.printf(Locale.ROOT, "%nSummary%n   %-44s %,d msgs, %s%n   %-44s %,.0f / %,.0f msgs/s%n   %-44s %d of 5%n",
        "telemetry v1+v2+v3 over Kafka, read with v3", o.produced(),
        o.consumed().equals(o.written()) ? "all counted" : "MISCOUNTED", "produced / consumed (one JVM, 2 cores)",
        o.producedPerSecond(), o.consumedPerSecond(), "unknown writer rejected by the guard", o.rejected());
    if (!o.consumed().equals(o.written()) || o.rejected() != 5) {
      System.exit(1);
    }
  }
}
