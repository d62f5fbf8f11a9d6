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

  /**
   * As {@link #stringSize}, but encodes the string now and notes its bytes in {@code sizes} for the write
   * pass ({@link Sizes#nextRef}), which copies them (spun encoders). Why: {@code String.getBytes} is the
   * JDK's intrinsic (a vectorised copy for Latin-1 strings), where measuring in Java and then encoding
   * with {@code writeStringNoTag} walked every string two or three times (it measures again strings of 43
   * chars or more); the price is one array per string.
   */
  static int stringBytesSize(String value, Sizes sizes) {
    byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // getBytes writes '?' for an unpaired surrogate, where we refuse it (Utf8.encodedLength throws): check
    // every string but those of one byte per char (ASCII) without a '?' (then it had no surrogate).
    if (bytes.length != value.length() || hasQuestionMark(bytes)) {
      Utf8.encodedLength(value);
    }
    int n = sizes.checkString(bytes.length);
    sizes.addRef(bytes);
    return CodedOutputStream.computeUInt32SizeNoTag(n) + n;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** Whether {@code bytes} holds a '?', eight bytes at a time (a zero byte of bytes ^ '?'...: SWAR). */
  static boolean hasQuestionMark(byte[] bytes) {
    int i = 0;
    for (; i + 8 <= bytes.length; i += 8) {
      long x = (long) LONGS.get(bytes, i) ^ QUESTION_MARKS;
      if (((x - ONES) & ~x & HIGHS) != 0) {
        return true;
      }
    }
    for (; i < bytes.length; i++) {
      if (bytes[i] == '?') {
        return true;
      }
    }
    return false;
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
