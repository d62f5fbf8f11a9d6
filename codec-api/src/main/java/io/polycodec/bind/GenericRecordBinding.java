package io.polycodec.bind;

import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;

/** Reads and builds {@link GenericRecord}s. */
final class GenericRecordBinding extends RecordBinding<GenericRecord> {
  private final Kind[] kinds;
  private final boolean[] optional;

  GenericRecordBinding(RecordSchema schema) {
    super(schema);
    int n = schema.size();
    kinds = new Kind[n];
    optional = new boolean[n];
    for (int i = 0; i < n; i++) {
      kinds[i] = schema.field(i).type().kind();
      optional[i] = schema.field(i).optional();
    }
  }

  @Override
  public Class<GenericRecord> javaType() {
    return GenericRecord.class;
  }

  @Override
  public boolean isGeneric() {
    return true;
  }

  private Object value(Object record, int field) {
    Object v = GenericAccess.value((GenericRecord) record, field);
    if (v == null && !optional[field]) {
      throw new EncodeException("null in a non-optional field");
    }
    return v;
  }

  @Override
  public boolean getBoolean(Object record, int field) {
    return (Boolean) value(record, field);
  }

  @Override
  public int getInt(Object record, int field) {
    return (Integer) value(record, field);
  }

  @Override
  public long getLong(Object record, int field) {
    return (Long) value(record, field);
  }

  @Override
  public float getFloat(Object record, int field) {
    return (Float) value(record, field);
  }

  @Override
  public double getDouble(Object record, int field) {
    return (Double) value(record, field);
  }

  @Override
  public Object get(Object record, int field) {
    return value(record, field);
  }

  @Override
  public GenericRecord build(FieldSlots slots) {
    applyDefaults(slots);
    Object[] values = new Object[kinds.length];
    SlotLayout layout = layout();
    for (int i = 0; i < values.length; i++) {
      int k = layout.slot[i];
      if (layout.primitive[i]) {
        // An unset non-optional primitive holds 0 bits: its default.
        if (!optional[i] || slots.isPrimSet(k)) {
          values[i] = Defaults.box(kinds[i], slots.prims[k]);
        }
        continue;
      }
      Object ref = slots.refs[k];
      if (ref != null) {
        values[i] = ref;
      } else if (!optional[i]) {
        Field f = field(i);
        values[i] = Defaults.of(f, children[i]);
      }
    }
    return GenericAccess.create(schema(), values, slots.unknown);
  }
}
