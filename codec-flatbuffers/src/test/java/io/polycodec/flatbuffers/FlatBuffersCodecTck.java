package io.polycodec.flatbuffers;

import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.tck.CodecTck;
import io.polycodec.tck.mutant.Mutant;
import io.polycodec.tck.mutant.MutantCheck;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility kit on the FlatBuffers codec: every property but trailingBytes (unknownFields is
 * skipped by the kit itself, since the format does not declare PRESERVES_UNKNOWN_FIELDS). The mutant
 * checks show the kit catches each deliberately broken wrapper of this codec too.
 */
class FlatBuffersCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    return new FlatBuffersProvider();
  }

  // A FlatBuffer is read from its root offset and cannot tell bytes after the last object from padding
  // or data of a newer schema, so they are ignored, as FlatBuffersCodec and docs/flatbuffers.md say.
  @Override
  protected Set<String> excludedProperties() {
    return Set.of(TRAILING_BYTES);
  }

  @TestFactory
  Stream<DynamicTest> mutantsAreCaught() {
    // Accepting trailing bytes is this format's documented behaviour, not a bug to catch (see above).
    return Arrays.stream(Mutant.values()).filter(m -> m != Mutant.ACCEPTS_TRAILING_BYTES)
        .map(m -> DynamicTest.dynamicTest("mutant " + m.name(),
        () -> MutantCheck.assertCaught(m, new FlatBuffersProvider(), CodecOptions.defaults())));
  }

  /**
   * A generated enum has no FlatLayout, so its underlying type is int and a constant beyond it is a
   * SchemaException when the codec is made ("does not fit its FlatBuffers underlying type int"); 64-bit
   * numbers need a declared ulong/long type (FbsEnumsTest covers LongEnum's 1 << 40).
   */
  @Override
  protected boolean supportsLongEnumNumbers() {
    return false;
  }
}
