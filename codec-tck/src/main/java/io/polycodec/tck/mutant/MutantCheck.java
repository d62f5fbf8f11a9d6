package io.polycodec.tck.mutant;

import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.tck.CodecTck;
import io.polycodec.tck.engine.PropertyFailure;
import io.polycodec.tck.engine.Settings;
import io.polycodec.bind.RecordBinding;
import io.polycodec.SchemaException;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Proves that the kit bites on a given real codec: runs the property that must catch a {@link Mutant}
 * on the real codec with that bug, and fails unless the property fails.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> mutantsAreCaught() {
 *   return Arrays.stream(Mutant.values()).map(m -> DynamicTest.dynamicTest(m.name(),
 *       () -> MutantCheck.assertCaught(m, new JsonProvider(), CodecOptions.defaults())));
 * }
 * }</pre>
 */
public final class MutantCheck {
  private static final RecordSchema PROBE = RecordSchema.of("Probe", Field.of("x", 1, Schema.int32()));
  /** A union with a string member: whether the format takes one decides what the kit draws for it. */
  private static final RecordSchema STRING_MEMBER_PROBE = RecordSchema.of("StringMemberProbe",
      Field.optional("u", 1, UnionSchema.of("ProbeUnion", List.of(new UnionSchema.Member("p", 1, PROBE),
          UnionSchema.Member.ofString("s", 2)))));
  /** An enum constant beyond int32, likewise. */
  private static final RecordSchema LONG_ENUM_PROBE = RecordSchema.of("LongEnumProbe",
      Field.of("e", 1, EnumSchema.of("ProbeEnum", List.of(new EnumSchema.Constant("A", 0),
          new EnumSchema.Constant("B", 1L << 40)))));

  /**
   * Some bugs show only on rare values (negative zero, a reversed list of two or more elements); with a
   * random run seed, a run asked for fewer tries (the dependency-floors second run uses 30) missed
   * LOSES_NEGATIVE_ZERO now and then, so the kit's own check keeps a floor.
   */
  static final int MIN_TRIES = 100;

  private MutantCheck() {}

  /**
   * Runs {@code mutant.caughtBy()} on {@code real} with the mutant's bug, with the default number of
   * tries (or {@code -Dpolycodec.tck.tries}, but never fewer than {@value #MIN_TRIES}) and a modest
   * shrinking budget. A mutant that is no bug on
   * the codec's format ({@link Mutant#exemptionFor}) aborts the test (reported as skipped) with the reason.
   *
   * @return the property's failure report
   * @throws AssertionError if the property passes: the kit missed the bug
   */
  public static PropertyFailure assertCaught(Mutant mutant, CodecProvider real, CodecOptions options) throws Throwable {
    // A hang costs the whole per-input budget on every evaluation, so it is reported unshrunk.
    Settings configured = Settings.fromSystemProperties();
    Settings settings = configured.withTries(Math.max(configured.tries(), MIN_TRIES)).onlyProperties().withShrinkBudget(
        mutant == Mutant.HANGS_ON_TRUNCATED_INPUT ? 0 : 400,
        5_000);
    String exemption = mutant.exemptionFor(real.create(RecordBinding.generic(PROBE), options).format());
    if (exemption != null) {
      System.out.println("polycodec.tck: " + mutant + " not expected to be caught: " + exemption);
      Assumptions.abort(mutant + " is not a bug here: " + exemption);
    }
    // The mutant must be caught for its bug, not because the kit drew a schema the format refuses.
    boolean stringMembers = accepts(real, options, STRING_MEMBER_PROBE);
    boolean longEnums = accepts(real, options, LONG_ENUM_PROBE);
    CodecProvider broken = mutant.wrap(real);
    CodecTck kit = new CodecTck() {
      @Override
      protected boolean supportsStringUnionMembers() {
        return stringMembers;
      }

      @Override
      protected boolean supportsLongEnumNumbers() {
        return longEnums;
      }

      @Override
      protected CodecProvider provider() {
        return broken;
      }

      @Override
      protected CodecOptions options() {
        return options;
      }

      @Override
      protected Settings settings() {
        return settings;
      }
    };
    for (DynamicTest t : kit.tests()) {
      if (t.getDisplayName().equals(mutant.caughtBy())) {
        try {
          t.getExecutable().execute();
        } catch (PropertyFailure caught) {
          System.out.println("polycodec.tck: " + mutant + " caught by " + caught.getMessage().lines().findFirst().orElse(""));
          return caught;
        }
        throw new AssertionError(mutant.caughtBy() + " passed on " + broken + " (" + settings + "): the kit missed " + mutant);
      }
    }
    throw new IllegalStateException("no property named " + mutant.caughtBy());
  }

  private static boolean accepts(CodecProvider real, CodecOptions options, RecordSchema schema) {
    try {
      real.create(RecordBinding.generic(schema), options);
      return true;
    } catch (SchemaException refused) {
      return false;
    } catch (RuntimeException refused) {
      // Refused another way than the SPI promises: still a schema the kit must not draw for this codec.
      return false;
    }
  }
}
