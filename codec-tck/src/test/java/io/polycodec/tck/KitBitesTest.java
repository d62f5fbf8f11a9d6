package io.polycodec.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecOptions;
import io.polycodec.FieldKeying;
import io.polycodec.tck.engine.PropertyFailure;
import io.polycodec.tck.mutant.Mutant;
import io.polycodec.tck.mutant.MutantCheck;
import io.polycodec.tck.tlv.TlvProvider;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The kit must bite: each deliberately broken wrapper of the test-only codec is caught with default settings. */
class KitBitesTest {
  private static final Map<Mutant, String> WHY = Map.of(
      Mutant.CANONICALISES_NAN_ON_ENCODE, "a NaN lost its bits",
      Mutant.ACCEPTS_TRAILING_BYTES, "consumes its whole input",
      Mutant.RETAINS_INPUT, "after the input array was overwritten",
      Mutant.THROWS_INDEX_OUT_OF_BOUNDS_ON_TRUNCATED_SLICE, "decode(byte[], 7, length)",
      Mutant.ALLOCATES_DECLARED_FRAME_LENGTH, "length prefix claims",
      Mutant.IGNORES_DEPTH_THROUGH_MAP_VALUES, "deep through map values",
      Mutant.TYPED_PATH_NOT_THREAD_SAFE, "(typed path)",
      Mutant.HANGS_ON_TRUNCATED_INPUT, "did not finish within");

  @TestFactory
  Stream<DynamicTest> everyMutantIsCaught() {
    return Arrays.stream(Mutant.values()).map(m -> DynamicTest.dynamicTest(m.name(), () -> {
      PropertyFailure f = MutantCheck.assertCaught(m, new TlvProvider(), CodecOptions.defaults());
      assertEquals(m.caughtBy(), f.property());
      assertTrue(f.getMessage().contains("-Dpolycodec.tck.seed=" + f.seed()), f.getMessage());
      String why = WHY.get(m);
      if (why != null) {
        // Caught for the right reason, not by a side effect of the wrapper.
        assertTrue(f.getMessage().contains(why), "expected the failure to mention '" + why + "':\n" + f.getMessage());
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> wrongSlotIsCaughtWhenKeyedByName() {
    Mutant m = Mutant.DECODES_REMOVED_FIELD_INTO_WRONG_SLOT;
    return Stream.of(DynamicTest.dynamicTest(m.name() + " (name-keyed)", () -> MutantCheck.assertCaught(m,
        new TlvProvider(), CodecOptions.defaults().with(TlvProvider.KEYING, FieldKeying.NAME))));
  }
}
