package io.polycodec.bind;

import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import java.util.Objects;

/**
 * Reads the fields of records of one schema and builds new ones, for Java records
 * ({@link #of(Class)}) or {@link GenericRecord}s ({@link #generic(RecordSchema)}). Immutable and
 * thread-safe; typed bindings are derived once per class and cached.
 *
 * <p>Reading: for a non-optional field of a primitive kind use the primitive getter of that kind
 * ({@link #getInt} for int32…); for every other field use {@link #get}, which returns the field's value
 * in its canonical Java form (boxed primitives, {@code String}, {@code byte[]}, {@code Instant},
 * {@code List}, {@code Map}, {@code float[]}/{@code double[]}, an enum or union or record value as its
 * binding represents it) or null when an optional field is absent. A null in a non-optional field is an
 * {@link io.polycodec.EncodeException}; getters do not add the field to its path, the codec does while
 * unwinding (so that the path is complete: {@code Record.list[2].field}).
 *
 * <p>Building: {@link #newSlots()}, set what was decoded, then {@link #build(FieldSlots)}.
 *
 * @param <T> the Java type of the records
 */
public abstract class RecordBinding<T> implements TypeBinding {
  private final RecordSchema schema;
  // Made on first use: a binding may exist before its (recursive) schema is built. SlotLayout is
  // immutable with final fields, so a racing second computation is harmless.
  private SlotLayout layout;
  /** The fields that are required or have a default of their own; made on first use, like layout. */
  private int[] presenceChecked;
  TypeBinding[] children;

  RecordBinding(RecordSchema schema) {
    this.schema = schema;
  }

  /** Where each field lives in this binding's {@link FieldSlots}. */
  final SlotLayout layout() {
    SlotLayout l = layout;
    if (l == null) {
      l = new SlotLayout(schema);
      layout = l;
    }
    return l;
  }

  /**
   * The binding of a Java record type, deriving its schema on first use.
   *
   * @throws io.polycodec.SchemaException if the type or a type it reaches cannot be mapped; the message
   *     names the type and field path
   */
  public static <T> RecordBinding<T> of(Class<T> recordType) {
    return of(recordType, Adapters.builtIn());
  }

  /**
   * The binding of a Java record type under {@code adapters}, deriving its schema on first use and caching
   * it in {@code adapters} (types its adapters map are written as their model types).
   *
   * @throws io.polycodec.SchemaException if the type or a type it reaches cannot be mapped, or an adapter
   *     does not fit where it is used; the message names the type and field path
   */
  public static <T> RecordBinding<T> of(Class<T> recordType, Adapters adapters) {
    return JavaDerivation.binding(Objects.requireNonNull(recordType, "recordType"),
        Objects.requireNonNull(adapters, "adapters"));
  }

  /**
   * A binding for {@link GenericRecord}s of {@code schema} (and of every record it reaches).
   *
   * @throws io.polycodec.SchemaException if the schema graph is invalid (see
   *     {@link io.polycodec.schema.SchemaGraph#of})
   */
  public static RecordBinding<GenericRecord> generic(RecordSchema schema) {
    return GenericBindings.of(Objects.requireNonNull(schema, "schema"));
  }

  @Override
  public final RecordSchema schema() {
    return schema;
  }

  @Override
  public abstract Class<T> javaType();

  /** Whether this binding builds {@link GenericRecord}s. */
  public abstract boolean isGeneric();

  /**
   * The binding of the record, union or enum inside field {@code field}'s type (the type itself, a
   * list's element or a map's value), or null if the field's type has none.
   */
  public final TypeBinding child(int field) {
    return children[field];
  }

  /** {@link #child} for a field whose named part is a record. */
  public final RecordBinding<?> recordChild(int field) {
    return (RecordBinding<?>) children[field];
  }

  /** {@link #child} for a field whose named part is a union. */
  public final UnionBinding unionChild(int field) {
    return (UnionBinding) children[field];
  }

  /** {@link #child} for a field whose named part is an enum. */
  public final EnumBinding enumChild(int field) {
    return (EnumBinding) children[field];
  }

  /** A non-optional bool field. */
  public abstract boolean getBoolean(Object record, int field);

  /** A non-optional int32 field. */
  public abstract int getInt(Object record, int field);

  /** A non-optional int64 field. */
  public abstract long getLong(Object record, int field);

  /** A non-optional float32 field. */
  public abstract float getFloat(Object record, int field);

  /** A non-optional float64 field. */
  public abstract double getDouble(Object record, int field);

  /** Any field, in canonical form; null only for an absent optional field. */
  public abstract Object get(Object record, int field);

  /** Fresh slots for decoding one record of this schema. */
  public final FieldSlots newSlots() {
    return new FieldSlots(layout());
  }

  /**
   * The record holding what was set in {@code slots}; unset non-optional fields take their defaults.
   *
   * @throws io.polycodec.DecodeException if a required field or a non-optional union was never set, or an int32 does not fit
   *     the Java field ({@code byte}, {@code short}); the path names the field
   */
  public abstract T build(FieldSlots slots);

  /** A record with every field at its default (what an empty message decodes to). */
  public final T defaultValue() {
    return build(newSlots());
  }

  /**
   * Gives every unset field with a default of its own ({@link Field#defaultValue()}) that value, and
   * refuses a record that lacks a required field. Both subclasses call it first in {@link #build}; for
   * schemas with neither (nearly all) it costs one length check.
   *
   * @throws DecodeException naming the first required field that was never set
   */
  final void applyDefaults(FieldSlots slots) {
    int[] checked = presenceChecked;
    if (checked == null) {
      checked = presenceChecked();
      presenceChecked = checked;
    }
    for (int i : checked) {
      if (slots.isSet(i)) {
        continue;
      }
      Field f = field(i);
      if (f.required()) {
        throw new DecodeException("required, but missing").prependField(f.name());
      }
      Object def = f.defaultValue();
      slots.set(i, f.type() instanceof io.polycodec.schema.EnumSchema ? ((EnumBinding) children[i]).forDefault(def)
          : def);
    }
  }

  private int[] presenceChecked() {
    int n = 0;
    for (Field f : schema.fields()) {
      if (f.required() || f.hasDefault()) {
        n++;
      }
    }
    int[] out = new int[n];
    n = 0;
    for (int i = 0; i < schema.size(); i++) {
      if (field(i).required() || field(i).hasDefault()) {
        out[n++] = i;
      }
    }
    return out;
  }

  /** The field at {@code index}, for messages. */
  final Field field(int index) {
    return schema.field(index);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + schema.name() + " as " + javaType().getName() + "]";
  }
}
