package io.polycodec.schema;

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
 */
public final class Field {
  private final String name;
  private final int tag;
  private final Schema type;
  private final boolean optional;
  private final String oneof;
  private final boolean deprecated;

  private Field(String name, int tag, Schema type, boolean optional, String oneof, boolean deprecated) {
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
  }

  /** A required field. */
  public static Field of(String name, int tag, Schema type) {
    return new Field(name, tag, type, false, null, false);
  }

  /** An optional field. */
  public static Field optional(String name, int tag, Schema type) {
    return new Field(name, tag, type, true, null, false);
  }

  /** A copy that is optional (or not). */
  public Field withOptional(boolean isOptional) {
    return new Field(name, tag, type, isOptional, isOptional ? oneof : null, deprecated);
  }

  /** A copy in the given oneof group (implies optional); null removes it from any group. */
  public Field withOneof(String group) {
    return new Field(name, tag, type, optional || group != null, group, deprecated);
  }

  /** A copy marked deprecated (kept in the schema so its tag is not reused, but no longer meant to be set). */
  public Field withDeprecated(boolean isDeprecated) {
    return new Field(name, tag, type, optional, oneof, isDeprecated);
  }

  /** A copy with another name. */
  public Field withName(String newName) {
    return new Field(newName, tag, type, optional, oneof, deprecated);
  }

  /** A copy with another tag. */
  public Field withTag(int newTag) {
    return new Field(name, newTag, type, optional, oneof, deprecated);
  }

  /** A copy with another type. */
  public Field withType(Schema newType) {
    return new Field(name, tag, newType, optional, oneof, deprecated);
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

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Field)) {
      return false;
    }
    Field f = (Field) o;
    return name.equals(f.name) && tag == f.tag && optional == f.optional && deprecated == f.deprecated
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
        + (oneof != null ? " (oneof " + oneof + ")" : "") + (deprecated ? " (deprecated)" : "");
  }
}
