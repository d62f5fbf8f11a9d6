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
  /** {@link SlotLayout#code}: per field, refs index k or prims index ~k. */
  private final int[] code;
  /** Primitive-kind fields by {@link SlotLayout#slot}: the value's bits. */
  final long[] prims;
  /** Other fields by {@link SlotLayout#slot}. */
  final Object[] refs;
  /** Which primitive slots are set: bit k for slot k below 64, then {@link #moreSet}. */
  private long set;
  private final long[] moreSet;
  UnknownFields unknown = UnknownFields.NONE;

  FieldSlots(SlotLayout layout) {
    this.code = layout.code;
    this.prims = layout.newPrims();
    this.refs = layout.newRefs();
    this.moreSet = layout.primCount > 64 ? new long[(layout.primCount - 1) >>> 6] : null;
  }

  private void setPrim(int field, long bits) {
    int k = ~code[field];
    prims[k] = bits;
    if (k < 64) {
      set |= 1L << k;
    } else {
      moreSet[(k - 64) >>> 6] |= 1L << k;
    }
  }

  /** Whether primitive slot {@code k} has been set. */
  boolean isPrimSet(int k) {
    return k < 64 ? (set & (1L << k)) != 0 : (moreSet[(k - 64) >>> 6] & (1L << k)) != 0;
  }

  /** Sets a bool field. */
  public void setBoolean(int field, boolean value) {
    setPrim(field, value ? 1 : 0);
  }

  /** Sets an int32 field. */
  public void setInt(int field, int value) {
    setPrim(field, value);
  }

  /** Sets an int64 field. */
  public void setLong(int field, long value) {
    setPrim(field, value);
  }

  /** Sets a float32 field (bits kept exactly, NaN payloads included). */
  public void setFloat(int field, float value) {
    setPrim(field, Float.floatToRawIntBits(value));
  }

  /** Sets a float64 field (bits kept exactly, NaN payloads included). */
  public void setDouble(int field, double value) {
    setPrim(field, Double.doubleToRawLongBits(value));
  }

  /**
   * Sets a field of a non-primitive kind; null clears it. (A boxed value for a primitive-kind field is
   * accepted too and stored as the primitive setter would.)
   */
  public void set(int field, Object value) {
    int k = code[field];
    if (k >= 0) {
      refs[k] = value;
    } else if (value == null) {
      clear(field);
    } else if (value instanceof Boolean) {
      setBoolean(field, (Boolean) value);
    } else if (value instanceof Float) {
      setFloat(field, (Float) value);
    } else if (value instanceof Double) {
      setDouble(field, (Double) value);
    } else {
      setLong(field, ((Number) value).longValue());
    }
  }

  /** The value set for a non-primitive field, or null (always null for a primitive-kind field); lets a decoder merge repeated occurrences. */
  public Object get(int field) {
    int k = code[field];
    return k >= 0 ? refs[k] : null;
  }

  /** Whether the field has been set. */
  public boolean isSet(int field) {
    int k = code[field];
    return k >= 0 ? refs[k] != null : isPrimSet(~k);
  }

  /** Clears a field (the oneof rule: setting one member clears the others). */
  public void clear(int field) {
    int k = code[field];
    if (k >= 0) {
      refs[k] = null;
      return;
    }
    k = ~k;
    prims[k] = 0;
    if (k < 64) {
      set &= ~(1L << k);
    } else {
      moreSet[(k - 64) >>> 6] &= ~(1L << k);
    }
  }

  /** Keeps fields the schema does not know; only {@link io.polycodec.GenericRecord} retains them. */
  public void setUnknownFields(UnknownFields fields) {
    this.unknown = fields == null ? UnknownFields.NONE : fields;
  }
}
