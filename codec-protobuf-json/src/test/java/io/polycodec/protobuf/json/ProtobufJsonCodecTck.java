package io.polycodec.protobuf.json;

import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.tck.CodecTck;
import io.polycodec.tck.mutant.Mutant;
import io.polycodec.tck.mutant.MutantCheck;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The compatibility kit on protobuf-json, and proof that the kit bites on it (each mutant is caught). */
class ProtobufJsonCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    return new ProtobufJsonProvider();
  }

  @TestFactory
  Stream<DynamicTest> mutantsAreCaught() {
    return Arrays.stream(Mutant.values()).map(m -> DynamicTest.dynamicTest("mutant " + m.name(),
        () -> MutantCheck.assertCaught(m, new ProtobufJsonProvider(), CodecOptions.defaults())));
  }

  /** Protobuf enums are int32 on the wire: a constant beyond it is a SchemaException when the codec is made. */
  @Override
  protected boolean supportsLongEnumNumbers() {
    return false;
  }
}
