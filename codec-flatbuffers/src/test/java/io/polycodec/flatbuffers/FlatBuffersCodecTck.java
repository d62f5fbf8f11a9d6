package io.polycodec.flatbuffers;

import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.tck.CodecTck;
import io.polycodec.tck.mutant.Mutant;
import io.polycodec.tck.mutant.MutantCheck;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility kit on the FlatBuffers codec: every property, none excluded (unknownFields is
 * skipped by the kit itself, since the format does not declare PRESERVES_UNKNOWN_FIELDS). The mutant
 * checks show the kit catches each deliberately broken wrapper of this codec too.
 */
class FlatBuffersCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    return new FlatBuffersProvider();
  }

  @TestFactory
  Stream<DynamicTest> mutantsAreCaught() {
    return Arrays.stream(Mutant.values()).map(m -> DynamicTest.dynamicTest("mutant " + m.name(),
        () -> MutantCheck.assertCaught(m, new FlatBuffersProvider(), CodecOptions.defaults())));
  }
}
