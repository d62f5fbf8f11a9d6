package io.polycodec.examples.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.evolution.CompatibilityResult;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class TelemetryScenarioTest {

  @Test
  void everyFrameIsReadWithTheNewestSchemaAndWithoutOne() throws Exception {
    TelemetryScenario.Outcome o = TelemetryScenario.run(new PrintStream(OutputStream.nullOutputStream()), 500);
    assertEquals(6_000, o.messages());
    assertEquals(12, o.written().size());
    long total = o.typed().values().stream().mapToLong(TelemetryScenario.Aggregate::count).sum();
    assertEquals(o.messages(), total, "every frame read");
    assertEquals(o.written(), o.typed(), "per-sensor counts and sums through the v3 schema");
    assertEquals(o.written(), o.schemaless(), "the same through schema-less maps");
    assertTrue(o.typed().get("sensor-v3-3").lastSequence() > Integer.MAX_VALUE, "the widened field carries int64 values");
    assertEquals(499, o.typed().get("sensor-v1-0").lastSequence(), "int32 sequences of v1 read as int64");
  }

  @Test
  void theChangesAreCompatibleForReadersOfTheNewestSchema() throws Exception {
    TelemetryScenario.Outcome o = TelemetryScenario.run(new PrintStream(OutputStream.nullOutputStream()), 10);
    assertEquals(CompatibilityResult.Grade.COMPATIBLE, o.v1ToV2().grade(), o.v1ToV2().report());
    assertEquals(CompatibilityResult.Grade.COMPATIBLE, o.v2ToV3().grade(), o.v2ToV3().report());
    assertTrue(o.transitive().isCompatible(), o.transitive().report());
  }
}
