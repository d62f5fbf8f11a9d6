package io.polycodec.tck.gen;

import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.SchemaSnapshot;
import java.util.Objects;

/**
 * One change to a schema, as a pair of schemas: {@link #before()} and {@link #after()}. Data written
 * with either is read with the other by the evolution property.
 *
 * @param kind what changed
 * @param type the name of the record, enum or union changed
 * @param field the field changed, as it was before (null for enum and union steps and for added fields)
 * @param description what changed, for reports
 * @param before the schema before the step
 * @param after the schema after the step
 */
public record EvolutionStep(Kind kind, String type, Field field, String description, RecordSchema before,
    RecordSchema after) {

  /** The kinds of change the generator makes. */
  public enum Kind {
    /** A new optional field. */
    ADD_OPTIONAL_FIELD,
    /** A field removed. */
    REMOVE_FIELD,
    /** A field renamed, keeping its tag. */
    RENAME_FIELD,
    /** A field's tag changed, keeping its name. */
    CHANGE_TAG,
    /** Fields declared in another order, with names and tags kept. */
    REORDER_FIELDS,
    /** An int32 (varint or zigzag) field, list element or map value becomes int64. */
    WIDEN_INT32_TO_INT64,
    /** A float32 field, list element or map value becomes float64. */
    WIDEN_FLOAT32_TO_FLOAT64,
    /** An enum constant added (with a new, non-zero number, after the others). */
    ADD_ENUM_CONSTANT,
    /** An enum constant other than the default removed. */
    REMOVE_ENUM_CONSTANT,
    /** A union member added. */
    ADD_UNION_MEMBER,
    /** A required (non-collection) field made optional. */
    MAKE_OPTIONAL,
    /** A field's type changed to an unrelated kind. */
    CHANGE_TYPE_INCOMPATIBLY,
    /** A non-optional, non-collection field made {@code required}. */
    MAKE_REQUIRED,
    /** A required field no longer required. */
    DROP_REQUIRED,
    /** A field's default value set, changed or removed (docs/defaults.md). */
    CHANGE_DEFAULT
  }

  /** Checks the parts. */
  public EvolutionStep {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  @Override
  public String toString() {
    return kind + " (" + description + ")\nbefore " + SchemaSnapshot.toJson(before).strip() + "\nafter "
        + SchemaSnapshot.toJson(after).strip();
  }
}
