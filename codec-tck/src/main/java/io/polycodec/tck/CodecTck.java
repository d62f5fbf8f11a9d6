package io.polycodec.tck;

import io.polycodec.Capability;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Format;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.WireChoices;
import io.polycodec.schema.RecordSchema;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.engine.Settings;
import io.polycodec.tck.gen.EvolutionRules;
import io.polycodec.tck.gen.SchemaGen;
import java.net.URI;
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
 *     return new JsonProvider();
 *   }
 * }
 * }</pre>
 *
 * and JUnit runs every property as a named dynamic test: {@value #ROUND_TRIP_GENERIC},
 * {@value #ROUND_TRIP_ZOO}, {@value #ENTRY_POINTS}, {@value #TRAILING_BYTES}, {@value #FRAMED_SEQUENCES}, {@value #NO_MUTATION},
 * {@value #DETERMINISM}, {@value #CONCURRENCY}, {@value #GARBAGE_INPUT}, {@value #TRUNCATED_INPUT},
 * {@value #BIT_FLIPS}, {@value #LIMITS}, {@value #INVALID_VALUES}, {@value #EVOLUTION}, {@value #DEFAULTS},
 * {@value #UNKNOWN_FIELDS}. A property that checks a {@link Capability} the codec does not declare is
 * skipped, and the skip is printed and reported as an aborted test.
 *
 * <p>Each property runs a number of seeded tries ({@code -Dpolycodec.tck.tries=N} scales them, default
 * 100); a failure prints the seed ({@code -Dpolycodec.tck.seed=S} replays it first) and a shrunk
 * counterexample. {@code -Dpolycodec.tck.properties=name,…} runs only the properties named (see
 * {@link Settings}). Override {@link #options()} to test a codec mode, {@link #supportsJavaRecords()}
 * for a backend that binds only {@code GenericRecord}, and {@link #evolutionRules} to declare what a
 * new format promises about type changes. The evolution property also holds Polycodec's compatibility
 * checker ({@link #compatibility}) to its word: what it calls compatible must decode.
 */
public abstract class CodecTck {
  /** Field defaults and required fields on real bytes, and the checker's verdict on adding them (docs/defaults.md). */
  public static final String DEFAULTS = "defaults";

  /** Exact round trip of generated schemas' {@code GenericRecord}s. */
  public static final String ROUND_TRIP_GENERIC = "roundTrip.generic";
  /** Exact round trip of the zoo's Java records (the typed path). */
  public static final String ROUND_TRIP_ZOO = "roundTrip.zoo";
  /** Every decode and encode entry point gives the same value. */
  public static final String ENTRY_POINTS = "entryPoints";
  /** Length-delimited streams of many messages, whole and cut. */
  public static final String FRAMED_SEQUENCES = "framedSequences";
  /** Every decode entry point rejects bytes after the message: it consumes its whole input. */
  public static final String TRAILING_BYTES = "trailingBytes";
  /** Neither the value nor the input is modified or retained. */
  public static final String NO_MUTATION = "noMutation";
  /** Equal values encode to identical bytes (codecs declaring {@link Capability#DETERMINISTIC}). */
  public static final String DETERMINISM = "determinism";
  /** One codec shared by 16 threads, on the generic and the typed path. */
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

  /**
   * User types through {@link io.polycodec.TypeAdapter}s (a record-shaped and a string-shaped one, registered
   * and annotated, in every shape) round-trip typed and as GenericRecords; registries are independent;
   * adapter failures are codec exceptions naming the field and the adapter.
   */
  public static final String ADAPTERS = "adapters";

  /** The provider under test. */
  protected abstract CodecProvider provider();

  /** The options codecs are built with (default: {@link CodecOptions#defaults()}); override to test a mode. */
  protected CodecOptions options() {
    return CodecOptions.defaults();
  }

  /**
   * Tries, seed, the properties to run and the per-input time budget (default:
   * {@link Settings#fromSystemProperties()}: {@code -Dpolycodec.tck.tries}, {@code -Dpolycodec.tck.seed},
   * {@code -Dpolycodec.tck.properties}, {@code -Dpolycodec.tck.inputTimeoutSeconds}). Override to pin
   * them in code, e.g. {@code Settings.fromSystemProperties().withTries(20)} for a quick subclass.
   */
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

  /**
   * Whether the backend's bytes depend on wire choices the schema does not express (default false):
   * Protobuf's groups (delimited messages) and unpacked repeated numbers. If so, {@link #wireChoices}
   * makes its codecs honour them, and the evolution property also generates layout changes: writer and
   * reader choose independently, and whatever the compatibility checker
   * ({@link Compatibility#check(RecordSchema, WireChoices, RecordSchema, WireChoices, Format)}) calls
   * compatible must decode as the rules project.
   */
  protected boolean hasWireChoices() {
    return false;
  }

  /**
   * Options under which the backend's codecs write and read {@code schema} with {@code choices}; called
   * only if {@link #hasWireChoices()}. Default: the options unchanged.
   */
  protected CodecOptions wireChoices(CodecOptions options, RecordSchema schema, WireChoices choices) {
    return options;
  }

  /**
   * Whether the provider binds Java records (default true). A backend that so far supports only
   * {@code RecordBinding.generic(schema)} returns false: the kit then never asks it for a typed codec,
   * runs every property on generated schemas' {@code GenericRecord}s, and reports
   * {@value #ROUND_TRIP_ZOO} (the typed path) as skipped.
   */
  protected boolean supportsJavaRecords() {
    return true;
  }

  /**
   * Whether the format takes enum constants numbered beyond the int32 range (default true: FlatBuffers'
   * {@code ulong} {@code bit_flags} enums reach {@code 1 << 40}). A format whose enums are int32 on the
   * wire (protobuf, protobuf-json: a {@code SchemaException} when the codec is made) returns false, and
   * generated schemas then keep every enum number within int32.
   */
  protected boolean supportsLongEnumNumbers() {
    return true;
  }

  /**
   * Whether the format holds union members that are strings (default true: FlatBuffers'
   * {@code union U { A: Monster, s: string }}; Protobuf, MessagePack and protobuf-json hold them too). A
   * format that refuses them with a {@code SchemaException} when the codec is made ({@code json}, whose
   * union form is the member's fields beside {@code "@type"}) returns false, and generated unions then
   * hold record members only (the same seeds draw a record member named {@code m<n>} instead). Aliases,
   * one record under two member names, are drawn for every format.
   */
  protected boolean supportsStringUnionMembers() {
    return true;
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

  /**
   * Every property as a dynamic test, in the order of {@link #propertyNames()}, for running the kit
   * programmatically (JUnit runs them through {@link #tck()}). Each test's display name is the
   * property's name, and its test source is the URI {@code polycodec-tck:<class>/<property>} (not a
   * method source), so that reports without any reporter configuration (Surefire's defaults) show the
   * name rather than {@code tck()[N]}. Properties left out (excluded, not selected by {@code -Dpolycodec.tck.properties},
   * or needing a capability the codec lacks) are tests that abort with the reason.
   *
   * @throws IllegalArgumentException if {@code -Dpolycodec.tck.properties} names no property of the kit
   */
  public final List<DynamicTest> tests() {
    Settings settings = settings();
    for (String wanted : settings.selectedProperties()) {
      if (!propertyNames().contains(wanted)) {
        throw new IllegalArgumentException("-D" + Settings.PROPERTIES_PROPERTY + " names '" + wanted
            + "', which is not a property of the kit; the properties are " + propertyNames());
      }
    }
    boolean typed = supportsJavaRecords();
    Kit kit = new Kit(provider(), options(), settings, this::evolutionRules, this::compatibility, typed,
        hasWireChoices() ? this::wireChoices : null,
        SchemaGen.records().withLongEnumNumbers(supportsLongEnumNumbers())
            .withStringUnionMembers(supportsStringUnionMembers()), supportsStringUnionMembers());
    System.out.println("polycodec.tck: " + kit.format + " from " + kit.provider.getClass().getName() + ", " + settings
        + (typed ? "" : ", GenericRecord only"));
    Set<String> excluded = excludedProperties();
    List<DynamicTest> tests = new ArrayList<>();
    for (Entry e : ENTRIES) {
      String skip = null;
      if (excluded.contains(e.name)) {
        skip = "excluded by " + getClass().getSimpleName();
      } else if (!settings.selects(e.name)) {
        skip = "not selected by -D" + Settings.PROPERTIES_PROPERTY;
      } else if (e.requires != null && !kit.format.has(e.requires)) {
        skip = "the codec does not declare " + e.requires;
      } else if (e.typedOnly && !typed) {
        skip = "the backend binds only GenericRecord (supportsJavaRecords() is false)";
      }
      // Not a method: source, which Surefire would report by its legacy name tck()[N]: any other URI
      // makes it use the display name.
      URI source = URI.create("polycodec-tck:" + getClass().getName() + "/" + e.name);
      if (skip != null) {
        String reason = skip;
        tests.add(DynamicTest.dynamicTest(e.name, source, () -> {
          System.out.println("polycodec.tck: SKIPPED " + e.name + ": " + reason);
          Assumptions.abort(e.name + " skipped: " + reason);
        }));
      } else {
        Property<?> p = e.property.apply(kit);
        tests.add(DynamicTest.dynamicTest(e.name, source, () -> Guard.withSettings(settings, () -> p.run(settings))));
      }
    }
    return tests;
  }

  /** One property of the kit, the capability it checks, if any, and whether it needs Java records. */
  private static final class Entry {
    final String name;
    final Capability requires;
    final Function<Kit, Property<?>> property;
    final boolean typedOnly;

    Entry(String name, Capability requires, Function<Kit, Property<?>> property) {
      this(name, requires, property, false);
    }

    Entry(String name, Capability requires, Function<Kit, Property<?>> property, boolean typedOnly) {
      this.name = name;
      this.requires = requires;
      this.property = property;
      this.typedOnly = typedOnly;
    }
  }

  private static final List<Entry> ENTRIES = List.of(
      new Entry(ROUND_TRIP_GENERIC, null, RoundTripProperties::generic),
      new Entry(ROUND_TRIP_ZOO, null, RoundTripProperties::zoo, true),
      new Entry(ENTRY_POINTS, null, StreamProperties::entryPoints),
      new Entry(TRAILING_BYTES, null, StreamProperties::trailingBytes),
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
      new Entry(DEFAULTS, null, DefaultsProperty::property),
      new Entry(UNKNOWN_FIELDS, Capability.PRESERVES_UNKNOWN_FIELDS, UnknownFieldsProperty::property),
      new Entry(LIMIT_SYMMETRY, null, LimitSymmetryProperty::property),
      new Entry(ALLOCATION_BOUND, null, AllocationProperty::property),
      new Entry(ADAPTERS, null, AdapterProperty::property, true));
}
