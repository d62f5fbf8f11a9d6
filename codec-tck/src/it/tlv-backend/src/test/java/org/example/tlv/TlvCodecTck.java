package org.example.tlv;

import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Format;
import io.polycodec.tck.CodecTck;
import io.polycodec.tck.gen.EvolutionRules;
import io.polycodec.tck.mutant.Mutant;
import io.polycodec.tck.mutant.MutantCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The kit on this project's TLV codec, set up as docs/backend-author.md says. */
class TlvCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    return new TlvProvider();
  }

  @Override
  protected EvolutionRules evolutionRules(Format format) {
    // A new format declares what its wire allows: zigzag varints widen, 4-byte floats read as float64.
    return EvolutionRules.forFormat(format).withIntWidening(true).withFloatWidening(true).withCheckedNarrowing(true)
        .withDefaults(EvolutionRules.Defaults.ALWAYS_WRITTEN);
  }

  @TestFactory
  Stream<DynamicTest> mutantsAreCaught() {
    // Two quick ones: the full list runs in the kit's own build.
    return Stream.of(Mutant.REVERSES_LISTS, Mutant.ACCEPTS_TRAILING_BYTES).map(m -> DynamicTest.dynamicTest("mutant " + m,
        () -> MutantCheck.assertCaught(m, new TlvProvider(), CodecOptions.defaults())));
  }

  @Override
  protected java.util.Set<String> excludedProperties() {
    // This TLV format frames nested values and whole messages as length-prefixed strings, so its decoder
    // counts those against the string limit: it is not held to limit symmetry or the allocation bound.
    return java.util.Set.of(LIMIT_SYMMETRY, ALLOCATION_BOUND);
  }
}
