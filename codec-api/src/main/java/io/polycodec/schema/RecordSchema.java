package io.polycodec.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A record: a named, ordered list of {@link Field}s with unique names and unique tags.
 *
 * <p>Record schemas may be recursive. A {@link Builder} hands out its record before it is built
 * ({@link Builder#ref()}), so a field can refer to the record being defined; the record becomes usable
 * once {@link Builder#build()} has run, and is immutable from then on.
 *
 * <p>Two record schemas are equal when their canonical snapshots ({@link SchemaSnapshot#toJson}) are
 * equal: same name, same fields, and the same for every type they reach.
 */
public final class RecordSchema implements Schema {
  private final String name;
  private volatile List<Field> fields;
  private Map<String, Integer> indexByName;
  private Map<Integer, Integer> indexByTag;
  private volatile String canonical;

  private RecordSchema(String name) {
    this.name = Names.checkTypeName(name, "record");
  }

  /** A builder for a record named {@code name} ({@code UserProfile}, {@code pkg.Message}). */
  public static Builder builder(String name) {
    return new Builder(new RecordSchema(name));
  }

  /** A record with the given fields. */
  public static RecordSchema of(String name, Field... fields) {
    Builder b = builder(name);
    for (Field f : fields) {
      b.field(f);
    }
    return b.build();
  }

  /** The record's name. */
  public String name() {
    return name;
  }

  /**
   * The fields in declaration order.
   *
   * @throws IllegalStateException if the record's builder has not been built yet
   */
  public List<Field> fields() {
    List<Field> f = fields;
    if (f == null) {
      throw new IllegalStateException("record " + name + " is referenced before its builder was built");
    }
    return f;
  }

  /** Whether {@link Builder#build()} has run. */
  public boolean isBuilt() {
    return fields != null;
  }

  /** The number of fields. */
  public int size() {
    return fields().size();
  }

  /** The field at {@code index} (declaration order). */
  public Field field(int index) {
    return fields().get(index);
  }

  /** The field named {@code fieldName}, or null. */
  public Field field(String fieldName) {
    int i = indexOf(fieldName);
    return i < 0 ? null : fields.get(i);
  }

  /** The index of the field named {@code fieldName}, or -1. */
  public int indexOf(String fieldName) {
    fields();
    Integer i = indexByName.get(fieldName);
    return i == null ? -1 : i;
  }

  /** The index of the field with tag {@code tag}, or -1. */
  public int indexOfTag(int tag) {
    fields();
    Integer i = indexByTag.get(tag);
    return i == null ? -1 : i;
  }

  /** The largest tag of any field, or 0 for an empty record. */
  public int maxTag() {
    int max = 0;
    for (Field f : fields()) {
      max = Math.max(max, f.tag());
    }
    return max;
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitRecord(this);
  }

  @Override
  public Kind kind() {
    return Kind.RECORD;
  }

  @Override
  public String describe() {
    return name;
  }

  /** The canonical snapshot text of this record and every type it reaches; cached. */
  String canonical() {
    String c = canonical;
    if (c == null) {
      c = SchemaSnapshot.toJson(this);
      canonical = c;
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RecordSchema)) {
      return false;
    }
    RecordSchema r = (RecordSchema) o;
    return name.equals(r.name) && isBuilt() && r.isBuilt() && canonical().equals(r.canonical());
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return isBuilt() ? "record " + name + fields : "record " + name + " (not built)";
  }

  /** Collects fields; not thread-safe; {@link #build()} once. */
  public static final class Builder {
    private final RecordSchema record;
    private final List<Field> fields = new ArrayList<>();
    private boolean built;

    private Builder(RecordSchema record) {
      this.record = record;
    }

    /**
     * The record this builder defines, usable as a field type before {@link #build()} (for recursive
     * schemas). Its fields cannot be read until the builder is built.
     */
    public RecordSchema ref() {
      return record;
    }

    /** Adds a field. */
    public Builder field(Field field) {
      fields.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    /** Adds a required field. */
    public Builder field(String name, int tag, Schema type) {
      return field(Field.of(name, tag, type));
    }

    /** Adds an optional field. */
    public Builder optionalField(String name, int tag, Schema type) {
      return field(Field.optional(name, tag, type));
    }

    /**
     * Defines the record.
     *
     * @throws IllegalArgumentException if names or tags repeat
     * @throws IllegalStateException if called twice
     */
    public RecordSchema build() {
      if (built) {
        throw new IllegalStateException("record " + record.name + " is already built");
      }
      Map<String, Integer> byName = new HashMap<>();
      Map<Integer, Integer> byTag = new HashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        Field f = fields.get(i);
        if (byName.put(f.name(), i) != null) {
          throw new IllegalArgumentException("record " + record.name + ": duplicate field name " + f.name());
        }
        Integer clash = byTag.put(f.tag(), i);
        if (clash != null) {
          throw new IllegalArgumentException("record " + record.name + ": fields " + fields.get(clash).name()
              + " and " + f.name() + " share tag " + f.tag());
        }
      }
      record.indexByName = Collections.unmodifiableMap(byName);
      record.indexByTag = Collections.unmodifiableMap(byTag);
      record.fields = List.copyOf(fields);
      built = true;
      return record;
    }
  }
}
