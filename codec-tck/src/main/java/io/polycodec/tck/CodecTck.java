package io.polycodec.tck;

import io.polycodec.Capability;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Format;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.schema.RecordSchema;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.engine.Settings;
import io.polycodec.tck.gen.EvolutionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The technology compatibility kit for one codec. A backend's test extends it with one method:
 *
 * <pre>{@code
 * class JsonCodecTck extends CodecTck {
 *   @Override
 *   protected CodecProvider provider() {
 *     return new JsonCodecProvider();
 *   }
 * }
 * }</pre>
 *
 * and JUnit runs every property as a named dynamic test: {@value #ROUND_TRIP_GENERIC},
 * {@value #ROUND_TRIP_ZOO}, {@value #ENTRY_POINTS}, {@value #FRAMED_SEQUENCES}, {@value #NO_MUTATION},
 * {@value #DETERMINISM}, {@value #CONCURRENCY}, {@value #GARBAGE_INPUT}, {@value #TRUNCATED_INPUT},
 * {@value #BIT_FLIPS}, {@value #LIMITS}, {@value #INVALID_VALUES}, {@value #EVOLUTION},
 * {@value #UNKNOWN_FIELDS}. A property that checks a {@link Capability} the codec does not declare is
 * skipped, and the skip is printed and reported as an aborted test.
 *
 * <p>Each property runs a number of seeded tries ({@code -Dpolycodec.tck.tries=N} scales them, default
 * 100); a failure prints the seed ({@code -Dpolycodec.tck.seed=S} replays it first) and a shrunk
 * counterexample. Override {@link #options()} to test a codec mode, and {@link #evolutionRules} to
 * declare what a new format promises about type changes. The evolution property also holds Polycodec's
 * compatibility checker ({@link #compatibility}) to its word: what it calls compatible must decode.
 */
public abstract class CodecTck {
  /** Exact round trip of generated schemas' {@code GenericRecord}s. */
  public static final String ROUND_TRIP_GENERIC = "roundTrip.generic";
  /** Exact round trip of the zoo's Java records (the typed path). */
  public static final String ROUND_TRIP_ZOO = "roundTrip.zoo";
  /** Every decode and encode entry point gives the same value. */
  public static final String ENTRY_POINTS = "entryPoints";
  /** Length-delimited streams of many messages, whole and cut. */
  public static final String FRAMED_SEQUENCES = "framedSequences";
  /** Neither the value nor the input is modified or retained. */
  public static final String NO_MUTATION = "noMutation";
  /** Equal values encode to identical bytes (codecs declaring {@link Capability#DETERMINISTIC}). */
  public static final String DETERMINISM = "determinism";
  /** One codec shared by 16 threads. */
  public static final String CONCURRENCY = "concurrency";
  /** Garbage input yields only DecodeException. */
  public static final String GARBAGE_INPUT = "garbageInput";
  /** Truncated input yields only DecodeException. */
  public static final String TRUNCATED_INPUT = "truncatedInput";
  /** Bit-flipped input yields only DecodeException. */
  public static final String BIT_FLIPS = "bitFlips";
  /** Depth, collection, string and message limits are enforced. */
  public static final String LIMITS = "limits";
  /** Invalid values are EncodeExceptions naming the field. */
  public static final String INVALID_VALUES = "invalidValues";
  /** Schema evolution decodes as the rules (and the compatibility checker) say. */
  public static final String EVOLUTION = "evolution";
  /** Unknown fields survive a decode and re-encode ({@link Capability#PRESERVES_UNKNOWN_FIELDS}). */
  public static final String UNKNOWN_FIELDS = "unknownFields";

  /** What an encoder writes under some {@link io.polycodec.Limits}, its decoder reads under the same ones. */
  public static final String LIMIT_SYMMETRY = "limitSymmetry";

  /** Decoding n bytes, however repetitive, allocates at most max(1 MiB, 64·n) bytes ({@link AllocationBound}). */
  public static final String ALLOCATION_BOUND = "allocationBound";

  /** The provider under test. */
  protected abstract CodecProvider provider();

  /** The options codecs are built with (default: {@link CodecOptions#defaults()}); override to test a mode. */
  protected CodecOptions options() {
    return CodecOptions.defaults();
  }

  /** Tries and seed (default: from {@code -Dpolycodec.tck.tries} and {@code -Dpolycodec.tck.seed}). */
  protected Settings settings() {
    return Settings.fromSystemProperties();
  }

  /**
   * What the format promises when schemas evolve (default: {@link EvolutionRules#forFormat}, which knows
   * Polycodec's formats and assumes no type change is compatible for others).
   */
  protected EvolutionRules evolutionRules(Format format) {
    return EvolutionRules.forFormat(format);
  }

  /**
   * The compatibility checker's verdict on reading data written with {@code writer} through
   * {@code reader} in {@code format}, or null to consult none. The evolution property checks that
   * whatever it calls compatible decodes, and decodes as the rules project. Default:
   * {@link Compatibility#check(RecordSchema, RecordSchema, Format)}.
   */
  protected CompatibilityResult compatibility(RecordSchema writer, RecordSchema reader, Format format) {
    return Compatibility.check(writer, reader, format);
  }

  /** Properties to leave out, each reported as skipped (default: none). Prefer fixing the codec. */
  protected Set<String> excludedProperties() {
    return Set.of();
  }

  /** Every property, as a JUnit dynamic test named after it. */
  @TestFactory
  public Stream<DynamicTest> tck() {
    return tests().stream();
  }

  /** The names of all properties, in the order they run. */
  public static List<String> propertyNames() {
    List<String> names = new ArrayList<>();
    for (Entry e : ENTRIES) {
      names.add(e.name);
    }
    return names;
  }

  /** Every property as a dynamic test, for running the kit programmatically. */
  public final List<DynamicTest> tests() {
    Settings settings = settings();
    Kit kit = new Kit(provider(), options(), settings, this::evolutionRules, this::compatibility);
    System.out.println("polycodec.tck: " + kit.format + " from " + kit.provider.getClass().getName() + ", " + settings);
    Set<String> excluded = excludedProperties();
    List<DynamicTest> tests = new ArrayList<>();
    for (Entry e : ENTRIES) {
      String skip = null;
      if (excluded.contains(e.name)) {
        skip = "excluded by " + getClass().getSimpleName();
      } else if (e.requires != null && !kit.format.has(e.requires)) {
        skip = "the codec does not declare " + e.requires;
      }
      if (skip != null) {
        String reason = skip;
        tests.add(DynamicTest.dynamicTest(e.name, () -> {
          System.out.println("polycodec.tck: SKIPPED " + e.name + ": " + reason);
          Assumptions.abort(e.name + " skipped: " + reason);
        }));
      } else {
        tests.add(e.property.apply(kit).toDynamicTest(settings));
      }
    }
    return tests;
  }

  /** One property of the kit, and the capability it checks, if any. */
  private static final class Entry {
    final String name;
    final Capability requires;
    final Function<Kit, Property<?>> property;

    Entry(String name, Capability requires, Function<Kit, Property<?>> property) {
      this.name = name;
      this.requires = requires;
      this.property = property;
    }
  }

  private static final List<Entry> ENTRIES = List.of(
      new Entry(ROUND_TRIP_GENERIC, null, RoundTripProperties::generic),
      new Entry(ROUND_TRIP_ZOO, null, RoundTripProperties::zoo),
      new Entry(ENTRY_POINTS, null, StreamProperties::entryPoints),
      new Entry(FRAMED_SEQUENCES, null, StreamProperties::framedSequences),
      new Entry(NO_MUTATION, null, StreamProperties::noMutation),
      new Entry(DETERMINISM, Capability.DETERMINISTIC, StreamProperties::determinism),
      new Entry(CONCURRENCY, null, ConcurrencyProperty::property),
      new Entry(GARBAGE_INPUT, null, HostileInputProperties::garbage),
      new Entry(TRUNCATED_INPUT, null, HostileInputProperties::truncated),
      new Entry(BIT_FLIPS, null, HostileInputProperties::bitFlips),
      new Entry(LIMITS, null, LimitsProperty::property),
      new Entry(INVALID_VALUES, null, InvalidValuesProperty::property),
      new Entry(EVOLUTION, null, EvolutionProperty::property),
      new Entry(UNKNOWN_FIELDS, Capability.PRESERVES_UNKNOWN_FIELDS, UnknownFieldsProperty::property),
      new Entry(LIMIT_SYMMETRY, null, LimitSymmetryProperty::property),
      new Entry(ALLOCATION_BOUND, null, AllocationProperty::property));
}
