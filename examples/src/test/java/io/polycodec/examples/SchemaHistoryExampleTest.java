package io.polycodec.examples;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codecs;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.Tag;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.evolution.SchemaHistory;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Guarding a message type in CI. The telemetry team's {@code Reading} has shipped three shapes, each
 * committed as a snapshot in {@code src/test/resources/schema-history/}:
 *
 * <ol>
 *   <li>{@code Reading.v1.json}: sensor (string), value (float32);
 *   <li>{@code Reading.v2.json}: value widened to float64, optional unit added;
 *   <li>{@code Reading.v3.json}: takenAtMillis (int64) added: the record below.
 * </ol>
 *
 * <p>Change the record, run the tests: an incompatible change fails with every reason located; a
 * compatible one fails until its snapshot is recorded with
 * {@code ./mvnw -pl examples -am test -Dpolycodec.snapshots.write=true} (which wrote
 * {@code Reading.v3.json}) and committed with the change.
 */
class SchemaHistoryExampleTest {
  /** Where the history lives in the source tree (tests run in the module's folder). */
  static final Path HISTORY = Path.of("src/test/resources/schema-history");

  /** The current shape of a sensor reading. */
  public record Reading(@Tag(1) String sensor, @Tag(2) double value, @Tag(3) Optional<String> unit,
      @Tag(4) long takenAtMillis) {}

  @Test
  void newReadersReadEveryReadingEverWrittenAsJson() {
    Format json = Codecs.get("json", Reading.class).format();
    SchemaHistory.assertCompatible(Reading.class, HISTORY, CompatibilityMode.BACKWARD_TRANSITIVE, json);
  }

  @Test
  void oldReadersCannotReadNewReadings() {
    // FULL also asks that v1 readers read v3 data: a float64 value does not fit their float32.
    Format json = Codecs.get("json", Reading.class).format();
    AssertionError e = assertThrows(AssertionError.class,
        () -> SchemaHistory.assertCompatible(Reading.class, HISTORY, CompatibilityMode.FULL_TRANSITIVE, json));
    assertTrue(e.getMessage().contains("candidate → Reading.v1.json (forward): Reading.value (tag 2): float64 → float32"
        + " is not readable in json"), e.getMessage());
  }

  @Test
  void theSameHistoryWouldNotHaveShippedOnProtobuf() {
    // Rules depend on the wire: Protobuf reads float32 and float64 differently (fixed32 vs fixed64).
    // With codec-protobuf on the class path, pass Codecs.get("protobuf", Reading.class).format().
    Format protobuf = Format.builder("protobuf").mediaType("application/x-protobuf").keying(FieldKeying.NUMBER).build();
    AssertionError e = assertThrows(AssertionError.class,
        () -> SchemaHistory.assertCompatible(Reading.class, HISTORY, CompatibilityMode.BACKWARD_TRANSITIVE, protobuf));
    assertTrue(e.getMessage().contains("Reading.v1.json → candidate (backward): Reading.value (tag 2): float32 → float64"
        + " is not readable in protobuf"), e.getMessage());
  }
}
