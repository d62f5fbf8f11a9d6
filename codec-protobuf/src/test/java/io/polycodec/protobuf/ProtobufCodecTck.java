package io.polycodec.protobuf;

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
 * The compatibility kit on the protobuf codec: every property, none excluded. The mutant checks show the
 * kit catches each deliberately broken wrapper of this codec.
 */
class ProtobufCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    return new ProtobufProvider();
  }

  @TestFactory
  Stream<DynamicTest> mutantsAreCaught() {
    return Arrays.stream(Mutant.values()).map(m -> DynamicTest.dynamicTest("mutant " + m.name(),
        () -> MutantCheck.assertCaught(m, new ProtobufProvider(), CodecOptions.defaults())));
  }
}
