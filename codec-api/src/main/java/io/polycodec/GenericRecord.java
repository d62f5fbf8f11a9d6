package io.polycodec;

import io.polycodec.bind.Defaults;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A record whose schema exists only at run time: a {@link RecordSchema} and one value per field, usable
 * with every codec ({@link Codecs#generic}). Immutable and thread-safe.
 *
 * <p>Values use the canonical Java forms: {@code Boolean}, {@code Integer} (int8, int16 and int32 alike; int8 and int16 checked against their range), {@code Long}, {@code Float},
 * {@code Double}, {@code String}, {@code byte[]}, {@code Instant}, {@code Duration}, {@link GenericEnum},
 * {@code List}, {@code Map} (keys {@code String}, {@code Boolean}, {@code Integer} or {@code Long}),
 * {@code float[]}/{@code double[]} for vectors, and {@code GenericRecord} for records and for union
 * values (the member is the one whose record schema the value has). An absent optional field is null.
 *
 * <p>Equality compares schemas and values (arrays by content, floats as {@link Double#equals} does:
 * {@code -0.0 != 0.0}, NaN equals NaN); {@link #unknownFields()} take no part in it.
 * Byte arrays and vectors returned by {@link #get} are the record's own; do not modify them.
 */
public final class GenericRecord {
  private final RecordSchema schema;
  private final Object[] values;
  private final UnknownFields unknown;

  // Also called by io.polycodec.bind.GenericAccess (through a private lookup), for decoders.
  private GenericRecord(RecordSchema schema, Object[] values, UnknownFields unknown) {
    this.schema = schema;
    this.values = values;
    this.unknown = unknown;
  }

  /** A builder for a record of {@code schema}; unset fields take their defaults (or stay absent if optional). */
  public static Builder builder(RecordSchema schema) {
    return new Builder(Objects.requireNonNull(schema, "schema"));
  }

  /** The record's schema. */
  public RecordSchema schema() {
    return schema;
  }

  /**
   * The value of the field named {@code field}; null for an absent optional field.
   *
   * @throws IllegalArgumentException if the schema has no such field
   */
  public Object get(String field) {
    int i = schema.indexOf(field);
    if (i < 0) {
      throw new IllegalArgumentException(schema.name() + " has no field " + field + "; fields: " + fieldNames());
    }
    return values[i];
  }

  /** The value of the field at {@code index} (schema order). */
  public Object get(int index) {
    return values[Objects.checkIndex(index, values.length)];
  }

  /** Fields a decoder read but the schema does not know, kept for re-encoding in the same format. */
  public UnknownFields unknownFields() {
    return unknown;
  }

  /** A copy with other unknown fields. */
  public GenericRecord withUnknownFields(UnknownFields fields) {
    return new GenericRecord(schema, values, Objects.requireNonNull(fields, "fields"));
  }

  /** A builder holding this record's values. */
  public Builder toBuilder() {
    Builder b = new Builder(schema);
    System.arraycopy(values, 0, b.values, 0, values.length);
    Arrays.fill(b.set, true);
    b.unknown = unknown;
    return b;
  }

  private List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    for (Field f : schema.fields()) {
      names.add(f.name());
    }
    return names;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GenericRecord)) {
      return false;
    }
    GenericRecord r = (GenericRecord) o;
    if (!schema.equals(r.schema)) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (!valueEquals(values[i], r.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = schema.name().hashCode();
    for (Object v : values) {
      h = h * 31 + valueHash(v);
    }
    return h;
  }

  // List.equals and Map.equals would compare byte[] and float[] elements by identity.
  private static boolean valueEquals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof byte[] && b instanceof byte[]) {
      return Arrays.equals((byte[]) a, (byte[]) b);
    }
    if (a instanceof float[] && b instanceof float[]) {
      return Arrays.equals((float[]) a, (float[]) b);
    }
    if (a instanceof double[] && b instanceof double[]) {
      return Arrays.equals((double[]) a, (double[]) b);
    }
    if (a instanceof List && b instanceof List) {
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!valueEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !valueEquals(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static int valueHash(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof byte[]) {
      return Arrays.hashCode((byte[]) v);
    }
    if (v instanceof float[]) {
      return Arrays.hashCode((float[]) v);
    }
    if (v instanceof double[]) {
      return Arrays.hashCode((double[]) v);
    }
    if (v instanceof List) {
      int h = 1;
      for (Object e : (List<?>) v) {
        h = h * 31 + valueHash(e);
      }
      return h;
    }
    if (v instanceof Map) {
      int h = 0;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        h += e.getKey().hashCode() ^ valueHash(e.getValue());
      }
      return h;
    }
    return v.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(schema.name()).append('{');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(schema.field(i).name()).append('=');
      Object v = values[i];
      if (v instanceof byte[]) {
        sb.append("bytes[").append(((byte[]) v).length).append(']');
      } else if (v instanceof float[]) {
        sb.append(Arrays.toString((float[]) v));
      } else if (v instanceof double[]) {
        sb.append(Arrays.toString((double[]) v));
      } else if (v instanceof String) {
        sb.append('"').append(v).append('"');
      } else {
        sb.append(v);
      }
    }
    return sb.append('}').toString();
  }

  /** Builds a {@link GenericRecord}, checking each value against its field's type. Not thread-safe. */
  public static final class Builder {
    private final RecordSchema schema;
    private final Object[] values;
    private final boolean[] set;
    private UnknownFields unknown = UnknownFields.NONE;

    private Builder(RecordSchema schema) {
      this.schema = schema;
      this.values = new Object[schema.size()];
      this.set = new boolean[schema.size()];
    }

    /**
     * Sets a field. Enum values may be given as {@link GenericEnum} or as the constant's name; lists,
     * maps and arrays are copied. Null clears an optional field.
     *
     * @throws IllegalArgumentException if there is no such field or the value does not fit its type
     */
    public Builder set(String field, Object value) {
      int i = schema.indexOf(field);
      if (i < 0) {
        throw new IllegalArgumentException(schema.name() + " has no field " + field);
      }
      return set(i, value);
    }

    /** Sets the field at {@code index}; see {@link #set(String, Object)}. */
    public Builder set(int index, Object value) {
      Field f = schema.field(index);
      String path = schema.name() + "." + f.name();
      if (value == null) {
        if (!f.optional()) {
          throw new IllegalArgumentException(path + ": null in a non-optional field");
        }
        values[index] = null;
        set[index] = true;
        return this;
      }
      values[index] = check(f.type(), value, path);
      set[index] = true;
      if (f.oneof() != null) {
        for (int j = 0; j < values.length; j++) {
          Field other = schema.field(j);
          if (j != index && f.oneof().equals(other.oneof())) {
            values[j] = null;
          }
        }
      }
      return this;
    }

    /** Sets the unknown fields to carry. */
    public Builder unknownFields(UnknownFields fields) {
      this.unknown = Objects.requireNonNull(fields, "fields");
      return this;
    }

    /**
     * The record; unset non-optional fields take their defaults (the field's own
     * {@link Field#defaultValue()} if it has one).
     *
     * @throws IllegalStateException if a {@link Field#required() required} field or a non-optional
     *     union field (which has no default) was not set; the message names it
     */
    public GenericRecord build() {
      Object[] out = values.clone();
      for (int i = 0; i < out.length; i++) {
        Field f = schema.field(i);
        if (out[i] == null && !f.optional()) {
          if (f.required()) {
            throw new IllegalStateException(schema.name() + "." + f.name() + ": the field is required; set it");
          }
          if (f.type().kind() == Kind.UNION) {
            throw new IllegalStateException(schema.name() + "." + f.name() + ": a required union has no default; set it");
          }
          out[i] = !f.hasDefault() ? defaultOf(f.type())
              : f.type().kind() == Kind.ENUM && f.defaultValue() instanceof Long
                  ? GenericEnum.unknown((Long) f.defaultValue()) // an enum number without a constant
              : check(f.type(), f.defaultValue(), schema.name() + "." + f.name());
        }
      }
      return new GenericRecord(schema, out, unknown);
    }

    private static Object defaultOf(Schema type) {
      if (type.kind() == Kind.ENUM) {
        EnumSchema.Constant c = ((EnumSchema) type).defaultConstant();
        return GenericEnum.of(c.name(), c.number());
      }
      if (type.kind() == Kind.RECORD) {
        return builder((RecordSchema) type).build();
      }
      return Defaults.of(type);
    }

    private static Object check(Schema type, Object v, String path) {
      if (v == null) {
        throw new IllegalArgumentException(path + ": null element");
      }
      switch (type.kind()) {
        case BOOL: return expect(v, Boolean.class, type, path);
        case INT8:
        case INT16: {
          int n = expect(v, Integer.class, type, path);
          if (n < type.kind().minValue() || n > type.kind().maxValue()) {
            throw new IllegalArgumentException(path + ": " + n + " is outside the range of " + type.kind().rangeText());
          }
          return v;
        }
        case INT32: return expect(v, Integer.class, type, path);
        case INT64: return expect(v, Long.class, type, path);
        case FLOAT32: return expect(v, Float.class, type, path);
        case FLOAT64: return expect(v, Double.class, type, path);
        case STRING: return expect(v, String.class, type, path);
        case BYTES: return expect(v, byte[].class, type, path).clone();
        case TIMESTAMP: return expect(v, Instant.class, type, path);
        // Like a timestamp, a duration out of range is refused by the codec that encodes it (EncodeException).
        case DURATION: return expect(v, java.time.Duration.class, type, path);
        case VECTOR:
          return ((VectorSchema) type).element() == Kind.FLOAT64
              ? expect(v, double[].class, type, path).clone()
              : expect(v, float[].class, type, path).clone();
        case ENUM: {
          EnumSchema e = (EnumSchema) type;
          if (v instanceof String) {
            EnumSchema.Constant c = e.byName((String) v);
            if (c == null) {
              throw new IllegalArgumentException(path + ": " + e.name() + " has no constant " + v);
            }
            return GenericEnum.of(c.name(), c.number());
          }
          GenericEnum g = expect(v, GenericEnum.class, type, path);
          if (g.isKnown()) {
            EnumSchema.Constant c = e.byName(g.name());
            if (c == null || c.number() != g.number()) {
              throw new IllegalArgumentException(path + ": " + g + "(" + g.number() + ") is not a constant of " + e.name());
            }
          }
          return g;
        }
        case RECORD: {
          GenericRecord r = expect(v, GenericRecord.class, type, path);
          if (!r.schema.equals(type)) {
            throw new IllegalArgumentException(path + ": expected a " + type.describe() + " record, got " + r.schema.name());
          }
          return r;
        }
        case UNION: {
          GenericRecord r = expect(v, GenericRecord.class, type, path);
          UnionSchema u = (UnionSchema) type;
          int m = u.indexOfType(r.schema);
          if (m < 0 || !u.members().get(m).type().equals(r.schema)) {
            throw new IllegalArgumentException(path + ": " + r.schema.name() + " is not a member of " + u.name());
          }
          return r;
        }
        case LIST: {
          List<?> list = expect(v, List.class, type, path);
          Schema element = ((ListSchema) type).element();
          List<Object> copy = new ArrayList<>(list.size());
          for (int i = 0; i < list.size(); i++) {
            copy.add(check(element, list.get(i), path + "[" + i + "]"));
          }
          return Collections.unmodifiableList(copy);
        }
        case MAP: {
          Map<?, ?> map = expect(v, Map.class, type, path);
          MapSchema ms = (MapSchema) type;
          Map<Object, Object> copy = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : map.entrySet()) {
            Object key = check(ms.key(), e.getKey(), path + "[key]");
            copy.put(key, check(ms.value(), e.getValue(), path + "[" + key + "]"));
          }
          return Collections.unmodifiableMap(copy);
        }
        default:
          throw new AssertionError(type.kind());
      }
    }

    private static <V> V expect(Object v, Class<V> c, Schema type, String path) {
      if (!c.isInstance(v)) {
        throw new IllegalArgumentException(path + ": a " + type.describe() + " needs a " + c.getSimpleName() + ", got "
            + v.getClass().getSimpleName());
      }
      return c.cast(v);
    }
  }
}
