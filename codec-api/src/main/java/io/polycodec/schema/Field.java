package io.polycodec.schema;

import io.polycodec.SchemaException;
import java.util.Objects;

/**
 * One field of a record: a name (the key in name-keyed formats), a stable tag number (the key in
 * number-keyed formats), a type, and whether it may be absent.
 *
 * <p>A non-optional field always has a value; when it is missing on the wire it decodes to its
 * default (zero, false, empty string, bytes, list, map or vector, the epoch, the enum's default
 * constant, a record of defaults). A non-optional union has no default: missing, it fails to decode.
 * An optional field may be absent, which every format distinguishes from its default value.
 * Collections (list, map, vector) cannot be optional: an empty one already means "nothing".
 *
 * <p>Fields sharing a {@link #oneof()} group are mutually exclusive optional fields, the shape of a
 * Protobuf {@code oneof} written inline in its message. Java records express alternatives with sealed
 * interfaces instead; oneof groups arise from imported schemas and {@link io.polycodec.GenericRecord}-only use.
 *
 * <p>A non-optional field may carry a {@link #defaultValue() default value} other than its kind's zero
 * (proto2 {@code [default = 5]}, FlatBuffers {@code = 5}): missing on the wire, it decodes to that value.
 * A non-optional field may be {@link #required() required} (proto2 {@code required}, FlatBuffers
 * {@code (required)}, {@code [T] (required)}): encoders always write it (an empty list too), and decoders
 * refuse data that lacks it where the format can tell (see docs/defaults.md: Protobuf cannot for lists,
 * maps and vectors, whose empty value is not on the wire). Optional fields have neither; collections may be
 * required but have no default.
 */
public final class Field {
  private final String name;
  private final int tag;
  private final Schema type;
  private final boolean optional;
  private final String oneof;
  private final boolean deprecated;
  private final boolean required;
  /** Canonical form ({@link DefaultValues}); null when the field has no default of its own. */
  private final Object defaultValue;

  private Field(String name, int tag, Schema type, boolean optional, String oneof, boolean deprecated) {
    this(name, tag, type, optional, oneof, deprecated, false, null);
  }

  private Field(String name, int tag, Schema type, boolean optional, String oneof, boolean deprecated,
      boolean required, Object defaultValue) {
    this.name = Names.checkIdentifier(name, "field");
    if (tag < 1) {
      throw new IllegalArgumentException("field " + name + ": tag must be positive, was " + tag);
    }
    this.tag = tag;
    this.type = Objects.requireNonNull(type, "type");
    if (optional && type.kind().isCollection()) {
      throw new IllegalArgumentException(
          "field " + name + ": a " + type.describe() + " cannot be optional; an empty one already means absent");
    }
    if (oneof != null) {
      Names.checkIdentifier(oneof, "oneof");
      if (!optional) {
        throw new IllegalArgumentException("field " + name + ": members of oneof " + oneof + " must be optional");
      }
    }
    this.optional = optional;
    this.oneof = oneof;
    this.deprecated = deprecated;
    if (required && optional) {
      throw new SchemaException("field " + name + ": an optional field cannot be required");
    }
    this.required = required;
    if (defaultValue != null && optional) {
      throw new SchemaException("field " + name + ": an optional field cannot have a default (absent means null)");
    }
    this.defaultValue = defaultValue == null ? null : DefaultValues.check(name, type, defaultValue);
  }

  /** A non-optional field (always has a value; missing on the wire, it decodes to its default). */
  public static Field of(String name, int tag, Schema type) {
    return new Field(name, tag, type, false, null, false);
  }

  /** An optional field. */
  public static Field optional(String name, int tag, Schema type) {
    return new Field(name, tag, type, true, null, false);
  }

  /**
   * A copy that is optional (or not). Making a field optional drops its {@link #required()} flag and
   * its default value, which optional fields do not have.
   */
  public Field withOptional(boolean isOptional) {
    return new Field(name, tag, type, isOptional, isOptional ? oneof : null, deprecated,
        !isOptional && required, isOptional ? null : defaultValue);
  }

  /** A copy in the given oneof group (implies optional, so it drops required and the default); null removes it from any group. */
  public Field withOneof(String group) {
    boolean opt = optional || group != null;
    return new Field(name, tag, type, opt, group, deprecated, !opt && required, opt ? null : defaultValue);
  }

  /** A copy marked deprecated (kept in the schema so its tag is not reused, but no longer meant to be set). */
  public Field withDeprecated(boolean isDeprecated) {
    return new Field(name, tag, type, optional, oneof, isDeprecated, required, defaultValue);
  }

  /**
   * A copy that is required (or not): encoders always write it, decoders refuse data lacking it where
   * the format says so.
   *
   * @throws SchemaException naming the field if it is optional
   */
  public Field withRequired(boolean isRequired) {
    return new Field(name, tag, type, optional, oneof, deprecated, isRequired, defaultValue);
  }

  /**
   * A copy whose missing value decodes to {@code value}, given in canonical form (see
   * {@link DefaultValues}: {@code Integer} for int32, {@code Long} for int64, an enum constant's name…);
   * null removes the default, leaving the kind's zero.
   *
   * @throws SchemaException naming the field if it is optional, its kind has no defaults, or the value
   *     does not fit the kind
   */
  public Field withDefault(Object value) {
    return new Field(name, tag, type, optional, oneof, deprecated, required, value);
  }

  /**
   * {@link #withDefault} with the value in its text form ({@code "1234"}, {@code "nan"}, {@code "-inf"},
   * {@code "true"}, a string's own text, Base64 for bytes, an enum constant's name).
   *
   * @throws SchemaException naming the field if the text is not a value of the field's kind
   */
  public Field withDefaultText(String text) {
    return withDefault(DefaultValues.parse(name, type, text));
  }

  /** A copy with another name. */
  public Field withName(String newName) {
    return new Field(newName, tag, type, optional, oneof, deprecated, required, defaultValue);
  }

  /** A copy with another tag. */
  public Field withTag(int newTag) {
    return new Field(name, newTag, type, optional, oneof, deprecated, required, defaultValue);
  }

  /**
   * A copy with another type. The default value is kept if it fits the new type and dropped if not.
   */
  public Field withType(Schema newType) {
    Objects.requireNonNull(newType, "type");
    Object kept = null;
    if (defaultValue != null && DefaultValues.allowed(newType)) {
      try {
        kept = DefaultValues.check(name, newType, defaultValue);
      } catch (SchemaException e) {
        kept = null;
      }
    }
    return new Field(name, tag, newType, optional, oneof, deprecated,
        required, kept);
  }

  /** The field's name. */
  public String name() {
    return name;
  }

  /** The field's tag number, at least 1. */
  public int tag() {
    return tag;
  }

  /** The field's type. */
  public Schema type() {
    return type;
  }

  /** Whether the field may be absent. */
  public boolean optional() {
    return optional;
  }

  /** The oneof group this field belongs to, or null. */
  public String oneof() {
    return oneof;
  }

  /** Whether the field is deprecated. */
  public boolean deprecated() {
    return deprecated;
  }

  /** Whether the field is required: always written, and its absence refused where the format says so. */
  public boolean required() {
    return required;
  }

  /** Whether the field has a default value of its own ({@link #defaultValue()}). */
  public boolean hasDefault() {
    return defaultValue != null;
  }

  /**
   * The field's own default value in canonical form (bytes are a copy), or null when it has none and a
   * missing value decodes to its kind's zero.
   */
  public Object defaultValue() {
    return defaultValue instanceof byte[] ? ((byte[]) defaultValue).clone() : defaultValue;
  }

  /** The default value's text form ({@link DefaultValues#text}), or null when the field has none. */
  public String defaultText() {
    return defaultValue == null ? null : DefaultValues.text(type, defaultValue);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Field)) {
      return false;
    }
    Field f = (Field) o;
    return name.equals(f.name) && tag == f.tag && optional == f.optional && deprecated == f.deprecated
        && required == f.required && DefaultValues.same(defaultValue, f.defaultValue)
        && Objects.equals(oneof, f.oneof) && type.equals(f.type);
  }

  @Override
  public int hashCode() {
    // Not the type: record types may be recursive, and name + tag spread well enough.
    return Objects.hash(name, tag, optional);
  }

  @Override
  public String toString() {
    return name + " = " + tag + ": " + (optional ? "optional " : "") + type.describe()
        + (oneof != null ? " (oneof " + oneof + ")" : "") + (deprecated ? " (deprecated)" : "")
        + (required ? " (required)" : "") + (defaultValue != null ? " = " + defaultText() : "");
  }
}
