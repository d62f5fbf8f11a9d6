package io.polycodec.flatbuffers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.polycodec.tck.FuzzTargets;

/**
 * Coverage-guided fuzzing of every FlatBuffers decoder (docs/fuzzing.md). In {@code ./mvnw verify} each target
 * replays its committed corpus ({@code src/test/resources/io/polycodec/json/FlatBuffersFuzzTestInputs/<target>});
 * with {@code JAZZER_FUZZ=1} it fuzzes. Only a value or a DecodeException may come out.
 */
class FlatBuffersFuzzTest {
  private static final FlatBuffersProvider PROVIDER = new FlatBuffersProvider();

  @FuzzTest(maxDuration = "5m")
  void typed(byte[] input) {
    FuzzTargets.typed(PROVIDER, input);
  }

  @FuzzTest(maxDuration = "5m")
  void generic(byte[] input) {
    FuzzTargets.generic(PROVIDER, input);
  }

  /** Views read in place: every field of every nested view, and the whole value. */
  @FuzzTest(maxDuration = "5m")
  void views(byte[] input) {
    FuzzTargets.custom(PROVIDER, "view", input,
        (type, options) -> FlatBuffersCodec.of(type, options),
        (codec, bytes) -> {
          ViewWalker.walk(codec.view(bytes), 0);
          codec.view(bytes).toValue();
        });
  }
}
