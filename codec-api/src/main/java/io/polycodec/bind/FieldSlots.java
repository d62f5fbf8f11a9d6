package io.polycodec.bind;

import io.polycodec.UnknownFields;

/**
 * The fields of one record while it is being decoded, before {@link RecordBinding#build} turns them into
 * a record or {@link io.polycodec.GenericRecord}. Not thread-safe; one per decode of one record.
 *
 * <p>Fields of primitive kinds (bool, int32, int64, float32, float64) are set with the primitive
 * setters, optional or not, so that decoding does not box. Every other kind is set with
 * {@link #set(int, Object)}; lists and maps must be unmodifiable by then. A field never set takes its
 * default, or is absent if optional. Setting a field twice keeps the last value.
 */
public final class FieldSlots {
  /** Marks a primitive slot as set; the value lives in {@code prims}. */
  static final Object SET = new Object() {
    @Override
    public String toString() {
      return "<set>";
    }
  };

  final long[] prims;
  final Object[] refs;
  UnknownFields unknown = UnknownFields.NONE;

  FieldSlots(int size) {
    this.prims = new long[size];
    this.refs = new Object[size];
  }

  /** Sets a bool field. */
  public void setBoolean(int field, boolean value) {
    prims[field] = value ? 1 : 0;
    refs[field] = SET;
  }

  /** Sets an int32 field. */
  public void setInt(int field, int value) {
    prims[field] = value;
    refs[field] = SET;
  }

  /** Sets an int64 field. */
  public void setLong(int field, long value) {
    prims[field] = value;
    refs[field] = SET;
  }

  /** Sets a float32 field (bits kept exactly, NaN payloads included). */
  public void setFloat(int field, float value) {
    prims[field] = Float.floatToRawIntBits(value);
    refs[field] = SET;
  }

  /** Sets a float64 field (bits kept exactly, NaN payloads included). */
  public void setDouble(int field, double value) {
    prims[field] = Double.doubleToRawLongBits(value);
    refs[field] = SET;
  }

  /** Sets a field of a non-primitive kind; null clears it. */
  public void set(int field, Object value) {
    refs[field] = value;
  }

  /** The value set for a non-primitive field, or null; lets a decoder merge repeated occurrences. */
  public Object get(int field) {
    Object v = refs[field];
    return v == SET ? null : v;
  }

  /** Whether the field has been set. */
  public boolean isSet(int field) {
    return refs[field] != null;
  }

  /** Clears a field (the oneof rule: setting one member clears the others). */
  public void clear(int field) {
    refs[field] = null;
    prims[field] = 0;
  }

  /** Keeps fields the schema does not know; only {@link io.polycodec.GenericRecord} retains them. */
  public void setUnknownFields(UnknownFields fields) {
    this.unknown = fields == null ? UnknownFields.NONE : fields;
  }
}
