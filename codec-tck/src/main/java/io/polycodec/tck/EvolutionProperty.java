package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.WireChoices;
import io.polycodec.schema.RecordSchema;
import io.polycodec.tck.engine.Describe;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.gen.EvolutionGen;
import io.polycodec.tck.gen.SchemaGen;
import io.polycodec.tck.gen.EvolutionStep;
import io.polycodec.tck.gen.Expectation;
import io.polycodec.tck.gen.Projection;
import io.polycodec.tck.gen.ValueGen;

/**
 * Schema evolution: for a generated step, data written with the schema on one side is read with the
 * schema on the other (both directions), and decoding must do what the rules project: the projected
 * value (removed fields dropped, added ones at their defaults, renamed ones matched per keying, numbers
 * widened), a DecodeException where the rules say it fails, and never anything else. When the format's
 * declared rules, or the compatibility checker, call the step compatible, decoding must succeed.
 */
final class EvolutionProperty {
  private EvolutionProperty() {}

  /**
   * A step, a direction, a value written with the writer's schema, and the writer's and reader's wire
   * choices (NONE unless the backend has them).
   */
  record Case(EvolutionStep step, boolean backward, GenericRecord written, WireChoices writerChoices,
      WireChoices readerChoices) {
    Case(EvolutionStep step, boolean backward, GenericRecord written) {
      this(step, backward, written, WireChoices.NONE, WireChoices.NONE);
    }

    RecordSchema writer() {
      return backward ? step.before() : step.after();
    }

    RecordSchema reader() {
      return backward ? step.after() : step.before();
    }

    String direction() {
      return backward ? "data written before the step, read after it" : "data written after the step, read before it";
    }

    @Override
    public String toString() {
      String layouts = writerChoices == WireChoices.NONE && readerChoices == WireChoices.NONE ? ""
          : "\nwriter's wire choices: " + writerChoices + "\nreader's wire choices: " + readerChoices;
      return step + "\n" + direction() + "\nwritten " + Describe.of(written) + layouts;
    }
  }

  static Gen<Case> cases() {
    return cases(false, SchemaGen.records());
  }

  /**
   * Cases; with {@code layouts}, half of them also draw wire choices: the writer's, and the reader's
   * either the same (for the same record names) or drawn on their own, so that layouts both agree and
   * differ. Without, no extra choice is drawn, so other backends' seeds replay as before.
   */
  static Gen<Case> cases(boolean layouts, Gen<RecordSchema> schemas) {
    return s -> {
      EvolutionStep step = s.draw(EvolutionGen.steps(schemas));
      boolean backward = s.choose(1) == 0;
      RecordSchema writer = backward ? step.before() : step.after();
      RecordSchema reader = backward ? step.after() : step.before();
      GenericRecord value = s.draw(ValueGen.of(writer));
      if (!layouts || !s.chance(50)) {
        return new Case(step, backward, value);
      }
      WireChoices w = DrawnLayout.draw(s, writer);
      WireChoices r = s.chance(50) ? w : DrawnLayout.draw(s, reader);
      return new Case(step, backward, value, w, r);
    };
  }

  static Property<Case> property(Kit kit) {
    return Property.of("evolution", 200, cases(kit.layouts != null, kit.schemas), c -> check(kit, c));
  }

  static void check(Kit kit, Case c) {
    Codec<GenericRecord> writer = kit.generic(c.writer(), c.writerChoices());
    Codec<GenericRecord> reader = kit.generic(c.reader(), c.readerChoices());
    byte[] bytes = writer.encode(c.written());
    Expectation expected = Projection.of(c.written(), c.reader(), kit.rules);
    boolean declared = kit.rules.compatible(c.step(), c.backward());
    CompatibilityResult checker = kit.oracle.verdict(c.writer(), c.reader(), kit.format);
    // The rules know nothing of layouts: where the checker finds the layouts alone breaking, the data
    // may fail to decode (a group where a message is expected), and only that is allowed besides the
    // projected value. Where it does not, the projection must hold: a layout change it misses is a lie.
    boolean layoutBreaks = false;
    if (checker != null && (c.writerChoices() != WireChoices.NONE || c.readerChoices() != WireChoices.NONE)) {
      CompatibilityResult withLayouts = Compatibility.check(c.writer(), c.writerChoices(), c.reader(),
          c.readerChoices(), kit.format);
      layoutBreaks = withLayouts.reasons().size() > checker.reasons().size();
      checker = withLayouts;
    }
    boolean checkerSaysCompatible = checker != null && checker.isCompatible();

    GenericRecord got = null;
    DecodeException failed = null;
    try {
      got = reader.decode(bytes.clone());
    } catch (DecodeException e) {
      failed = e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(c.direction() + ": decoding threw " + e + "; only DecodeException is allowed", e);
    }

    if (layoutBreaks && failed != null) {
      return;
    }
    if (declared && expected.outcome() != Expectation.Outcome.VALUE) {
      throw new AssertionError("the kit's rules " + kit.rules + " call this step compatible, but project: " + expected);
    }
    if (checkerSaysCompatible && failed != null) {
      throw new AssertionError(c.direction() + ": the compatibility checker says " + checker.report()
          + "\nbut decoding failed: " + failed.getMessage() + "\n(the rules project: " + expected + ")", failed);
    }
    switch (expected.outcome()) {
      case VALUE:
        if (failed != null) {
          throw new AssertionError(c.direction() + ": decoding failed with \"" + failed.getMessage() + "\", but the rules "
              + kit.rules + " project " + expected, failed);
        }
        String diff = Values.firstDifference(expected.normalize(expected.value()), expected.normalize(got));
        if (diff != null) {
          throw new AssertionError(c.direction() + ": " + diff + "\n(the rules " + kit.rules + " project removed fields"
              + " dropped and missing ones at their defaults; " + (declared ? "" : "not ") + "declared compatible"
              + (checker == null ? "" : "; the checker says " + checker.report()) + ")");
        }
        break;
      case FAILS:
        if (got != null) {
          throw new AssertionError(c.direction() + ": decoded to " + Describe.of(got) + ", but must fail with a "
              + "DecodeException: " + expected.reason()
              + (checkerSaysCompatible ? "\n(and the compatibility checker says " + checker.report() + ")" : ""));
        }
        break;
      default:
        if (got != null) {
          Values.assertConforms(got);
        }
        break;
    }
  }
}
