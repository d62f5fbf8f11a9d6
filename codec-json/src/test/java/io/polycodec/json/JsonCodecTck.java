package io.polycodec.json;

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
 * The technology compatibility kit on the JSON backend, and proof that the kit bites on it: each
 * deliberately broken wrapper of the JSON codec is caught by the property meant to catch it.
 */
class JsonCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    return new JsonProvider();
  }

  /** JSON's union form is the member's fields beside "@type": a string member has no fields to hold. */
  @Override
  protected boolean supportsStringUnionMembers() {
    return false;
  }

  @TestFactory
  Stream<DynamicTest> mutantsAreCaught() {
    return Arrays.stream(Mutant.values()).map(m -> DynamicTest.dynamicTest("mutant " + m.name(),
        () -> MutantCheck.assertCaught(m, new JsonProvider(), CodecOptions.defaults())));
  }
}
