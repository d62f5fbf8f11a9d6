package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.schema.Kind;

/**
 * bool (1 byte), int8 (1, FlatBuffers {@code byte}), int16 (2, {@code short}), int32 (4), int64 (8),
 * float32 (4) and float64 (8), inline in tables and vectors.
 */
final class ScalarLayout extends Layout {
  static final ScalarLayout BOOL = new ScalarLayout(Kind.BOOL, 1);
  static final ScalarLayout INT8 = new ScalarLayout(Kind.INT8, 1);
  static final ScalarLayout INT16 = new ScalarLayout(Kind.INT16, 2);
  static final ScalarLayout INT32 = new ScalarLayout(Kind.INT32, 4);
  static final ScalarLayout INT64 = new ScalarLayout(Kind.INT64, 8);
  static final ScalarLayout FLOAT32 = new ScalarLayout(Kind.FLOAT32, 4);
  static final ScalarLayout FLOAT64 = new ScalarLayout(Kind.FLOAT64, 8);

  private final Kind kind;
  private final int size;

  private ScalarLayout(Kind kind, int size) {
    this.kind = kind;
    this.size = size;
  }

  static ScalarLayout of(Kind kind) {
    switch (kind) {
      case BOOL: return BOOL;
      case INT8: return INT8;
      case INT16: return INT16;
      case INT32: return INT32;
      case INT64: return INT64;
      case FLOAT32: return FLOAT32;
      case FLOAT64: return FLOAT64;
      default: throw new AssertionError(kind);
    }
  }

  Kind kind() {
    return kind;
  }

  @Override
  int slotSize() {
    return size;
  }

  @Override
  boolean isOffset() {
    return false;
  }

  /** Whether {@code v} is the default, bit for bit (so -0.0 is not). */
  private boolean isDefault(Object v) {
    switch (kind) {
      case BOOL: return !(Boolean) v;
      case INT8:
      case INT16:
      case INT32: return (Integer) v == 0;
      case INT64: return (Long) v == 0L;
      case FLOAT32: return Float.floatToRawIntBits((Float) v) == 0;
      case FLOAT64: return Double.doubleToRawLongBits((Double) v) == 0L;
      default: throw new AssertionError(kind);
    }
  }

  @Override
  void addInline(FlatBufferBuilder b, int id, Object value, boolean force) {
    if (!force && isDefault(value)) {
      return;
    }
    putElementAligned(b, value);
    b.slot(id);
  }

  private void putElementAligned(FlatBufferBuilder b, Object value) {
    switch (kind) {
      case BOOL: b.addBoolean((Boolean) value); break;
      case INT8: b.addByte((byte) narrow((Integer) value)); break;
      case INT16: b.addShort((short) narrow((Integer) value)); break;
      case INT32: b.addInt((Integer) value); break;
      case INT64: b.addLong((Long) value); break;
      case FLOAT32: b.addFloat((Float) value); break;
      case FLOAT64: b.addDouble((Double) value); break;
      default: throw new AssertionError(kind);
    }
  }

  @Override
  void putElement(FlatBufferBuilder b, Object value) {
    putElementAligned(b, value);
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    switch (kind) {
      case BOOL: return r.bb.get(pos) != 0;
      case INT8: return (int) r.bb.get(pos);
      case INT16: return (int) r.bb.getShort(pos);
      case INT32: return r.bb.getInt(pos);
      case INT64: return r.bb.getLong(pos);
      case FLOAT32: return r.bb.getFloat(pos);
      case FLOAT64: return r.bb.getDouble(pos);
      default: throw new AssertionError(kind);
    }
  }

  @Override
  Object defaultValue() {
    switch (kind) {
      case BOOL: return Boolean.FALSE;
      case INT8:
      case INT16:
      case INT32: return 0;
      case INT64: return 0L;
      case FLOAT32: return 0f;
      case FLOAT64: return 0d;
      default: throw new AssertionError(kind);
    }
  }

  // A GenericRecord's int8/int16 is checked when it is built; this guards values from other bindings.
  private int narrow(int v) {
    if (v < kind.minValue() || v > kind.maxValue()) {
      throw new io.polycodec.EncodeException(v + " is outside the range of " + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    return v;
  }
}
