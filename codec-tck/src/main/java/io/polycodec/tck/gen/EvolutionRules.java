package io.polycodec.tck.gen;

import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.schema.FlatBuffersFieldIds;
import io.polycodec.schema.ProtoJsonNames;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a format promises when data written with one schema is read with another, as the kit checks it.
 * Field matching follows {@link Format#keying()}: by name or by tag; unknown fields are skipped; a
 * field the data lacks takes its default (absent if optional; a required union fails; a required field
 * fails where the format enforces required fields of its kind: protobuf reads an absent required list,
 * map or vector as empty, FlatBuffers an absent required scalar or enum as its default). Enum constants
 * and union members are matched the same way; an unknown enum number is kept (generic values) where
 * fields are keyed by number, and fails where they are keyed by name; an unknown union member fails.
 * Type changes are per format: {@link #forFormat} knows Polycodec's own backends, and conservative
 * defaults (no type change compatible) apply to others until they say otherwise. Immutable.
 */
public final class EvolutionRules {
  /** Whether non-optional fields are always written, never written when equal to their default, or not known. */
  public enum Defaults { ALWAYS_WRITTEN, OMITTED, UNKNOWN }

  private final FieldKeying keying;
  private final boolean widensInts;
  private final boolean widensFloats;
  private final boolean checksNarrowing;
  private final Defaults defaults;
  private final boolean decimalFloats;
  private final boolean requiredScalars;
  private final boolean unionIds;
  private final boolean jsonKeys;
  private final boolean requiredCollections;

  private EvolutionRules(FieldKeying keying, boolean widensInts, boolean widensFloats, boolean checksNarrowing,
      Defaults defaults, boolean decimalFloats) {
    this(keying, widensInts, widensFloats, checksNarrowing, defaults, decimalFloats, true, false, false, true);
  }

  private EvolutionRules(FieldKeying keying, boolean widensInts, boolean widensFloats, boolean checksNarrowing,
      Defaults defaults, boolean decimalFloats, boolean requiredScalars, boolean unionIds, boolean jsonKeys,
      boolean requiredCollections) {
    this.requiredCollections = requiredCollections;
    this.requiredScalars = requiredScalars;
    this.unionIds = unionIds;
    this.jsonKeys = jsonKeys;
    this.keying = Objects.requireNonNull(keying, "keying");
    this.widensInts = widensInts;
    this.widensFloats = widensFloats;
    this.checksNarrowing = checksNarrowing;
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.decimalFloats = decimalFloats;
  }

  /**
   * The rules of {@code format}: for {@code json} and {@code msgpack}, int32 data reads as int64 and
   * float32 as float64, a narrowed integer reads if it fits and fails if not, every non-optional field is
   * written (and {@code json} writes floats as decimals); for {@code protobuf}, int32 reads as int64 and
   * defaults are omitted; for {@code flatbuffers}, no type change and defaults omitted; for other
   * formats, no type change and nothing assumed about defaults.
   */
  public static EvolutionRules forFormat(Format format) {
    FieldKeying k = format.keying();
    switch (format.name()) {
      case "json":
        return new EvolutionRules(k, true, true, true, Defaults.ALWAYS_WRITTEN, true);
      case "msgpack":
        return new EvolutionRules(k, true, true, true, Defaults.ALWAYS_WRITTEN, false);
      case "protobuf":
        // An empty repeated field or map is not on the wire: an absent required collection reads as empty.
        return new EvolutionRules(k, true, false, false, Defaults.OMITTED, false, true, false, false, false);
      case "flatbuffers":
        // FlatBuffers cannot mark a scalar required: an absent one reads as its default.
        // Field ids follow tags, a union field taking two (FlatBuffersFieldIds).
        return new EvolutionRules(k, false, false, false, Defaults.OMITTED, false, false, true, false, true);
      case "protobuf-json":
        // Keys are JSON names, or proto names where JSON names clash (ProtoJsonNames).
        return new EvolutionRules(k, false, false, false, Defaults.UNKNOWN, false, true, false, true, true);
      default:
        return new EvolutionRules(k, false, false, false, Defaults.UNKNOWN, false);
    }
  }

  /** A copy declaring that int32 data reads as int64 (varint and zigzag encodings). */
  public EvolutionRules withIntWidening(boolean widens) {
    return new EvolutionRules(keying, widens, widensFloats, checksNarrowing, defaults, decimalFloats, requiredScalars, unionIds, jsonKeys, requiredCollections);
  }

  /** A copy declaring that float32 data reads as float64. */
  public EvolutionRules withFloatWidening(boolean widens) {
    return new EvolutionRules(keying, widensInts, widens, checksNarrowing, defaults, decimalFloats, requiredScalars, unionIds, jsonKeys, requiredCollections);
  }

  /** A copy declaring that int64 data read as int32 decodes when it fits and fails when it does not. */
  public EvolutionRules withCheckedNarrowing(boolean checked) {
    return new EvolutionRules(keying, widensInts, widensFloats, checked, defaults, decimalFloats, requiredScalars, unionIds, jsonKeys, requiredCollections);
  }

  /** A copy declaring how non-optional fields equal to their default are written. */
  public EvolutionRules withDefaults(Defaults how) {
    return new EvolutionRules(keying, widensInts, widensFloats, checksNarrowing, how, decimalFloats, requiredScalars, unionIds, jsonKeys, requiredCollections);
  }

  /**
   * A copy declaring whether float32 values are written as their shortest decimal (text formats). A
   * float64 reader then gets the double nearest that decimal, which is not {@code (double) f} but rounds
   * back to {@code f}: 1.4E-45f reads as 1.4E-45, not 1.401298464324817E-45.
   */
  public EvolutionRules withDecimalFloats(boolean decimal) {
    return new EvolutionRules(keying, widensInts, widensFloats, checksNarrowing, defaults, decimal, requiredScalars, unionIds, jsonKeys, requiredCollections);
  }

  /** Whether float32 values are written as decimals, so that widening to float64 is exact only to float32 precision. */
  public boolean decimalFloats() {
    return decimalFloats;
  }

  /**
   * A copy declaring whether data lacking a required bool, number or enum field is refused (true, the
   * default) or reads as the field's default (false: FlatBuffers, which cannot mark scalars required).
   */
  public EvolutionRules withRequiredScalars(boolean refused) {
    return new EvolutionRules(keying, widensInts, widensFloats, checksNarrowing, defaults, decimalFloats, refused, unionIds, jsonKeys, requiredCollections);
  }

  /**
   * A copy declaring whether fields are found by FlatBuffers field ids derived from tags, where a union
   * field (or list of unions) takes two ids ({@link FlatBuffersFieldIds}): then a step that moves a
   * field's id (a union added below it, removed, or made from or into another type) is not compatible,
   * and what the reader gets is unspecified (a value or a DecodeException, nothing else).
   */
  public EvolutionRules withUnionFieldIds(boolean twoIds) {
    return new EvolutionRules(keying, widensInts, widensFloats, checksNarrowing, defaults, decimalFloats, requiredScalars,
        twoIds, jsonKeys, requiredCollections);
  }

  /**
   * Whether, under these rules, some field that {@code writer} and {@code reader} share (same record
   * name, same tag) sits at another field id in each: always false unless {@link #withUnionFieldIds}.
   */
  public boolean movesFieldIds(RecordSchema writer, RecordSchema reader) {
    return unionIds && anySharedRecord(writer, reader, (w, r) -> {
      int[] wi = FlatBuffersFieldIds.of(w);
      int[] ri = FlatBuffersFieldIds.of(r);
      for (int i = 0; i < r.size(); i++) {
        int j = w.indexOfTag(r.field(i).tag());
        if (j >= 0 && wi[j] != ri[i]) {
          return true;
        }
      }
      return false;
    });
  }

  /**
   * Whether, under these rules, the reader puts some field's data into another field than the one of
   * the same name: in {@code protobuf-json}, where keys are JSON names except where two clash
   * ({@link ProtoJsonNames}), a rename ({@code a_b} → {@code aB}) or a clash that appears or disappears
   * ({@code f2} removed beside {@code f__2}) changes which key names which field. Always false for other
   * formats.
   */
  public boolean movesJsonKeys(RecordSchema writer, RecordSchema reader) {
    return jsonKeys && anySharedRecord(writer, reader, (w, r) -> {
      for (int i = 0; i < r.size(); i++) {
        if (ProtoJsonNames.writerFieldFor(w, r, i) != w.indexOf(r.field(i).name())) {
          return true;
        }
      }
      return false;
    });
  }

  /** Whether {@code test} holds for some record type of {@code writer} and the reader's record of the same name. */
  private static boolean anySharedRecord(RecordSchema writer, RecordSchema reader,
      java.util.function.BiPredicate<RecordSchema, RecordSchema> test) {
    Map<String, RecordSchema> readers = new HashMap<>();
    for (Schema t : SchemaGraph.of(reader).namedTypes()) {
      if (t instanceof RecordSchema) {
        readers.put(((RecordSchema) t).name(), (RecordSchema) t);
      }
    }
    for (Schema t : SchemaGraph.of(writer).namedTypes()) {
      RecordSchema w = t instanceof RecordSchema ? (RecordSchema) t : null;
      RecordSchema r = w == null ? null : readers.get(w.name());
      if (r == null) {
        continue;
      }
      if (test.test(w, r)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A copy declaring whether data lacking a required list, map or vector is refused (true, the default)
   * or reads as empty (false: protobuf, where an empty repeated field is not on the wire).
   */
  public EvolutionRules withRequiredCollections(boolean refused) {
    return new EvolutionRules(keying, widensInts, widensFloats, checksNarrowing, defaults, decimalFloats, requiredScalars,
        unionIds, jsonKeys, refused);
  }

  /** Whether data lacking a required field of {@code kind} fails to decode. */
  public boolean refusesMissingRequired(Kind kind) {
    if (kind.isCollection()) {
      return requiredCollections;
    }
    return requiredScalars || !(kind.isPrimitive() || kind == Kind.ENUM);
  }

  /** How fields, enum constants and union members are matched. */
  public FieldKeying keying() {
    return keying;
  }

  /** Whether int32 data reads as int64. */
  public boolean widensInts() {
    return widensInts;
  }

  /** Whether float32 data reads as float64. */
  public boolean widensFloats() {
    return widensFloats;
  }

  /** Whether int64 data read as int32 decodes exactly when it fits. */
  public boolean checksNarrowing() {
    return checksNarrowing;
  }

  /** How non-optional fields equal to their default are written. */
  public Defaults defaults() {
    return defaults;
  }

  /**
   * Whether these rules call reading {@code step}'s data compatible: in the {@code backward} direction
   * new readers read data written before the step, otherwise old readers read data written after it.
   * "Compatible" promises that every value decodes, as {@link Projection} projects it.
   */
  public boolean compatible(EvolutionStep step, boolean backward) {
    if (movesFieldIds(step.before(), step.after()) || movesJsonKeys(step.before(), step.after())) {
      return false;
    }
    boolean byName = keying == FieldKeying.NAME;
    boolean requiredUnion = step.field() != null && !step.field().optional()
        && step.field().type().kind() == Kind.UNION;
    // A required union, or a required record holding one, has no default to fall back on.
    boolean noDefault = step.field() != null && !step.field().optional()
        && (!Projection.hasDefault(step.field().type())
            || step.field().required() && refusesMissingRequired(step.field().type().kind()));
    switch (step.kind()) {
      case ADD_OPTIONAL_FIELD:
      case REORDER_FIELDS:
        return true;
      case REMOVE_FIELD:
        return backward || !noDefault;
      case RENAME_FIELD:
        return !byName;
      case CHANGE_TAG:
        return byName;
      case WIDEN_INT32_TO_INT64:
        return backward && widensInts;
      case WIDEN_FLOAT32_TO_FLOAT64:
        return backward && widensFloats;
      case ADD_ENUM_CONSTANT:
        return backward || !byName;
      case REMOVE_ENUM_CONSTANT:
        return !backward || !byName;
      case ADD_UNION_MEMBER:
        return backward;
      case MAKE_OPTIONAL:
        // A required value equal to its default may be left off the wire and then read as absent;
        // the other way, absent reads as the default: both change the data, so neither is compatible.
        return backward && (requiredUnion || defaults == Defaults.ALWAYS_WRITTEN);
      case CHANGE_TYPE_INCOMPATIBLY:
        return false;
      case MAKE_REQUIRED:
        // Old data may lack the field where the writer leaves a default value off the wire.
        return !backward || defaults == Defaults.ALWAYS_WRITTEN || !refusesMissingRequired(step.field().type().kind());
      case DROP_REQUIRED:
        return backward || defaults == Defaults.ALWAYS_WRITTEN || !refusesMissingRequired(step.field().type().kind());
      case CHANGE_DEFAULT:
        // Where a value equal to the default is left off, the other side reads its own default instead.
        return defaults == Defaults.ALWAYS_WRITTEN;
      default:
        throw new AssertionError(step.kind());
    }
  }

  @Override
  public String toString() {
    return "EvolutionRules{keyed by " + keying + ", int32->int64 " + widensInts + ", float32->float64 " + widensFloats
        + ", checked narrowing " + checksNarrowing + ", defaults " + defaults + (decimalFloats ? ", decimal floats" : "")
        + (requiredScalars ? "" : ", required scalars not enforced") + (unionIds ? ", unions take two field ids" : "") + (jsonKeys ? ", keys are protobuf JSON names" : "")
        + (requiredCollections ? "" : ", absent required collections read as empty") + "}";
  }
}
