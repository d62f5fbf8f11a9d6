package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.Utf8;
import io.polycodec.bind.FieldSlots;
import java.io.IOException;

/**
 * A scalar value in canonical (boxed) form: {@code Boolean}, {@code Integer}, {@code Long},
 * {@code Float}, {@code Double}, {@code String} or {@code byte[]}. Decoding into a field uses the
 * primitive setters, so optional primitive fields decode without boxing.
 */
final class ScalarValue extends ValueCodec {
  private static final byte[] NO_BYTES = new byte[0];

  final ScalarType type;

  ScalarValue(ScalarType type) {
    super(type.wireType);
    this.type = type;
  }

  @Override
  boolean packable() {
    return type.packable();
  }

  @Override
  int size(Object value, Sizes sizes) {
    switch (type) {
      case BOOL: return 1;
      case FLOAT: return 4;
      case DOUBLE: return 8;
      case STRING: return stringSize((String) value, sizes);
      case BYTES: {
        int n = sizes.checkString(((byte[]) value).length);
        return CodedOutputStream.computeUInt32SizeNoTag(n) + n;
      }
      default:
        return type.isWide() ? type.sizeLong((Long) value) : type.sizeInt((Integer) value);
    }
  }

  /** The size of a string value with its length prefix, checked against the string limit (spun encoders call it too). */
  static int stringSize(String value, Sizes sizes) {
    int n = sizes.checkString(Utf8.encodedLength(value));
    return CodedOutputStream.computeUInt32SizeNoTag(n) + n;
  }

  @Override
  void write(CodedOutputStream out, Object value, Sizes sizes) throws IOException {
    switch (type) {
      case BOOL: out.writeBoolNoTag((Boolean) value); return;
      case FLOAT: out.writeFloatNoTag((Float) value); return;
      case DOUBLE: out.writeDoubleNoTag((Double) value); return;
      case STRING: out.writeStringNoTag((String) value); return;
      case BYTES: out.writeByteArrayNoTag((byte[]) value); return;
      default:
        if (type.isWide()) {
          type.writeLong(out, (Long) value);
        } else {
          type.writeInt(out, (Integer) value);
        }
    }
  }

  @Override
  Object read(ProtoReader r, Object previous) throws IOException {
    switch (type) {
      case BOOL: return r.in.readBool();
      case FLOAT: return r.in.readFloat();
      case DOUBLE: return r.in.readDouble();
      case STRING:
        r.checkStringLength();
        return r.in.readStringRequireUtf8();
      case BYTES:
        r.checkStringLength();
        return r.in.readByteArray();
      default:
        return type.isWide() ? (Object) type.readLong(r.in) : (Object) type.readInt(r.in);
    }
  }

  @Override
  void readInto(ProtoReader r, FieldSlots slots, int index) throws IOException {
    switch (type) {
      case BOOL: slots.setBoolean(index, r.in.readBool()); return;
      case FLOAT: slots.setFloat(index, r.in.readFloat()); return;
      case DOUBLE: slots.setDouble(index, r.in.readDouble()); return;
      case STRING:
      case BYTES:
        slots.set(index, read(r, null));
        return;
      default:
        if (type.isWide()) {
          slots.setLong(index, type.readLong(r.in));
        } else {
          slots.setInt(index, type.readInt(r.in));
        }
    }
  }

  @Override
  boolean isDefault(Object value) {
    switch (type) {
      case BOOL: return !(Boolean) value;
      // By bits, as protobuf-java does: -0.0 is not the default and is written.
      case FLOAT: return Float.floatToRawIntBits((Float) value) == 0;
      case DOUBLE: return Double.doubleToRawLongBits((Double) value) == 0;
      case STRING: return ((String) value).isEmpty();
      case BYTES: return ((byte[]) value).length == 0;
      default: return type.isWide() ? (Long) value == 0L : (Integer) value == 0;
    }
  }

  @Override
  Object missingValue() {
    switch (type) {
      case BOOL: return Boolean.FALSE;
      case FLOAT: return 0f;
      case DOUBLE: return 0d;
      case STRING: return "";
      case BYTES: return NO_BYTES.clone();
      default: return type.isWide() ? (Object) 0L : (Object) 0;
    }
  }

  @Override
  String describe() {
    return type.protoName;
  }
}
