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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The kit must bite: each deliberately broken wrapper of the test-only codec is caught with default settings. */
class KitBitesTest {

  @TestFactory
  Stream<DynamicTest> everyMutantIsCaught() {
    return Arrays.stream(Mutant.values()).map(m -> DynamicTest.dynamicTest(m.name(), () -> {
      PropertyFailure f = MutantCheck.assertCaught(m, new TlvProvider(), CodecOptions.defaults());
      assertEquals(m.caughtBy(), f.property());
      assertTrue(f.getMessage().contains("-Dpolycodec.tck.seed=" + f.seed()), f.getMessage());
    }));
  }

  @TestFactory
  Stream<DynamicTest> wrongSlotIsCaughtWhenKeyedByName() {
    Mutant m = Mutant.DECODES_REMOVED_FIELD_INTO_WRONG_SLOT;
    return Stream.of(DynamicTest.dynamicTest(m.name() + " (name-keyed)", () -> MutantCheck.assertCaught(m,
        new TlvProvider(), CodecOptions.defaults().with(TlvProvider.KEYING, FieldKeying.NAME))));
  }
}
