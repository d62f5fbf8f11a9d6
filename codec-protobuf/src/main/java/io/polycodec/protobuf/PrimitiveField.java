package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;

/**
 * A non-optional bool, integer or floating-point field, read and written through the binding's
 * primitive getters and the slots' primitive setters, so neither direction boxes. Left out when its
 * bits are its default's (zero, proto3's rule: -0.0 is written; or the field's own default).
 */
final class PrimitiveField extends FieldCodec {
  final ScalarType type;
  private final int tag;
  private final int tagSize;
  /** The default's bits: 0, or the field's own default (an int's in the low 32 bits). */
  final long defaultBits;

  PrimitiveField(RecordBinding<?> binding, int index, ScalarType type, long defaultBits) {
    super(binding, index);
    this.type = type;
    this.defaultBits = defaultBits;
    this.tag = tag(type.wireType);
    this.tagSize = tagSize();
  }

  private int intBits(Object record) {
    switch (type) {
      case BOOL: return binding.getBoolean(record, index) ? 1 : 0;
      case FLOAT: return Float.floatToRawIntBits(binding.getFloat(record, index));
      default: return binding.getInt(record, index);
    }
  }

  private long longBits(Object record) {
    return type == ScalarType.DOUBLE
        ? Double.doubleToRawLongBits(binding.getDouble(record, index))
        : binding.getLong(record, index);
  }

  @Override
  long size(Object record, Sizes sizes) {
    if (type.isWide()) {
      long v = longBits(record);
      return v == defaultBits ? 0 : tagSize + type.sizeLong(v);
    }
    int v = intBits(record);
    return v == (int) defaultBits ? 0 : tagSize + type.sizeInt(v);
  }

  @Override
  void write(CodedOutputStream out, Object record, Sizes sizes) throws IOException {
    if (type.isWide()) {
      long v = longBits(record);
      if (v != defaultBits) {
        out.writeUInt32NoTag(tag);
        type.writeLong(out, v);
      }
    } else {
      int v = intBits(record);
      if (v != (int) defaultBits) {
        out.writeUInt32NoTag(tag);
        type.writeInt(out, v);
      }
    }
  }

  @Override
  void read(ProtoReader r, int wireType, FieldSlots slots) throws IOException {
    if (wireType != type.wireType) {
      throw r.wrongWireType(wireType, type.protoName);
    }
    switch (type) {
      case BOOL: slots.setBoolean(index, r.in.readBool()); return;
      case FLOAT: slots.setFloat(index, r.in.readFloat()); return;
      case DOUBLE: slots.setDouble(index, r.in.readDouble()); return;
      default:
        if (type.isWide()) {
          slots.setLong(index, type.readLong(r.in));
        } else {
          slots.setInt(index, type.readInt(r.in));
        }
    }
  }
}
