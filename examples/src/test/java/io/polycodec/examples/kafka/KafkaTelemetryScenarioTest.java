package io.polycodec.examples.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codecs;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.evolution.SchemaHistory;
import io.polycodec.examples.telemetry.SensorReadings;
import io.polycodec.examples.telemetry.TelemetryScenario;
import io.polycodec.kafka.broker.LocalKafkaBroker;
import io.polycodec.kafka.broker.SharedBroker;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedBroker.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a broker that stops answering fails the test instead of hanging the build
class KafkaTelemetryScenarioTest {

  @Test
  void everyReadingOfThreeFirmwareVersionsArrivesAndTheLabDeviceIsTurnedAway(LocalKafkaBroker broker) throws Exception {
    KafkaTelemetryScenario.Outcome o = KafkaTelemetryScenario.run(new PrintStream(OutputStream.nullOutputStream()),
        broker.bootstrapServers(), 100);
    assertEquals(1_200, o.produced());
    assertEquals(12, o.written().size());
    assertEquals(o.written(), o.consumed(), "per-sensor counts, sums and last sequences through Kafka and the v3 schema");
    assertTrue(o.consumed().get("sensor-v3-3").lastSequence() > Integer.MAX_VALUE);
    assertEquals(99, o.consumed().get("sensor-v1-0").lastSequence());
    assertEquals(5, o.rejected(), "every record of the uncommitted lab firmware");
    assertTrue(o.firstRejection().contains("is not in") && o.firstRejection().contains("kafka-schema-history"),
        o.firstRejection());
    assertTrue(o.written().keySet().stream().noneMatch(k -> k.startsWith("lab")));
    assertEquals(TelemetryScenario.Aggregate.class, o.consumed().values().iterator().next().getClass());
  }

  @Test
  void theCommittedHistoryIsTheScenariosThreeVersions() {
    // Each version is compatible with the ones before it, and the newest is the v3 record the consumer reads.
    var format = Codecs.get("msgpack", SensorReadings.V3.class).format();
    SchemaHistory.assertCompatible(SensorReadings.V3.class, KafkaTelemetryScenario.history(),
        CompatibilityMode.BACKWARD_TRANSITIVE, format);
    assertEquals(Codecs.schemaOf(SensorReadings.V1.class), SchemaHistory.load(KafkaTelemetryScenario.history(), "SensorReading").get(0));
    assertEquals(Codecs.schemaOf(SensorReadings.V2.class), SchemaHistory.load(KafkaTelemetryScenario.history(), "SensorReading").get(1));
  }
}
