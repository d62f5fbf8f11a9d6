package io.polycodec.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.polycodec.tck.FuzzTargets;

/**
 * Coverage-guided fuzzing of every JSON decoder (docs/fuzzing.md). In {@code ./mvnw verify} each target
 * replays its committed corpus ({@code src/test/resources/io/polycodec/json/JsonFuzzTestInputs/<target>});
 * with {@code JAZZER_FUZZ=1} it fuzzes. Only a value or a DecodeException may come out.
 */
class JsonFuzzTest {
  private static final JsonProvider PROVIDER = new JsonProvider();

  @FuzzTest(maxDuration = "5m")
  void typed(byte[] input) {
    FuzzTargets.typed(PROVIDER, input);
  }

  @FuzzTest(maxDuration = "5m")
  void generic(byte[] input) {
    FuzzTargets.generic(PROVIDER, input);
  }

  @FuzzTest(maxDuration = "5m")
  void schemaless(byte[] input) {
    FuzzTargets.schemaless(PROVIDER, input);
  }
}
