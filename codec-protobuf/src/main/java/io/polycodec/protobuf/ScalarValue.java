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
      case STRING: return stringBytesSize((String) value, sizes);
      case BYTES: {
        int n = sizes.checkString(((byte[]) value).length);
        return CodedOutputStream.computeUInt32SizeNoTag(n) + n;
      }
      default:
        return type.isWide() ? type.sizeLong((Long) value) : type.sizeInt((Integer) value);
    }
  }

  /**
   * The size of a string value with its length prefix, checked against the string limit, for
   * {@link #writeMeasuredString} to write it (spun encoders call both too).
   * A string of at most {@value #SHORT_STRING} chars is measured (its UTF-8 length noted in the next size
   * slot) and written by the write pass through a scratch array, with no array of its own; a longer one is
   * encoded now and its bytes noted ({@link Sizes#nextRef}) for the write pass to copy. Why: for a long
   * string {@code String.getBytes} (the JDK's intrinsic, a vectorised copy for Latin-1 strings) beats any
   * walk over its chars, but for short ones an array per string, and noting it, cost more than a walk
   * (docs/benchmarks.md, issue 23).
   */
  static int stringBytesSize(String value, Sizes sizes) {
    int chars = value.length();
    if (chars <= SHORT_STRING) {
      int n = sizes.checkString(isAscii(value, chars) ? chars : Utf8.encodedLength(value));
      sizes.noteShortString(n);
      return CodedOutputStream.computeUInt32SizeNoTag(n) + n;
    }
    byte[] bytes = longStringBytes(value, sizes);
    sizes.noteBytes(bytes);
    return CodedOutputStream.computeUInt32SizeNoTag(bytes.length) + bytes.length;
  }

  /** The UTF-8 bytes of a string longer than {@value #SHORT_STRING} chars, checked. */
  static byte[] longStringBytes(String value, Sizes sizes) {
    int chars = value.length();
    if (chars > sizes.maxStringBytes()) { // too long whatever its bytes (at least one a char): say how long
      sizes.checkString(Utf8.encodedLength(value)); // without encoding it
    }
    byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // getBytes writes '?' for an unpaired surrogate, where we refuse it (Utf8.encodedLength throws): check
    // every string but those of one byte per char (ASCII) without a '?' (then it had no surrogate).
    if (bytes.length != chars || hasQuestionMark(bytes)) {
      Utf8.encodedLength(value);
    }
    sizes.checkString(bytes.length);
    return bytes;
  }

  /** Writes, with its length, a string that {@link #stringBytesSize} measured (in this write pass, in the same order). */
  static void writeMeasuredString(CodedOutputStream out, String value, Sizes sizes) throws IOException {
    int bytes = sizes.next();
    if (bytes >= 0) {
      sizes.writeShortString(out, value, bytes);
    } else {
      out.writeByteArrayNoTag((byte[]) sizes.nextRef());
    }
  }

  /** The longest string {@link #stringBytesSize} checks for ASCII char by char rather than encoding it. */
  static final int SHORT_STRING = 64;

  static boolean isAscii(String s, int chars) {
    for (int i = 0; i < chars; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
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
      case STRING: writeMeasuredString(out, (String) value, sizes); return;
      case BYTES: out.writeByteArrayNoTag((byte[]) value); return;
      default:
        if (type.isWide()) {
          type.writeLong(out, (Long) value);
        } else {
          type.writeInt(out, (Integer) value);
        }
    }
  }

  /** As {@link #write}, into a buffer written ahead, checked as {@link #size} checks (map entries). */
  void writeDirect(AheadBuffer out, Object value, Sizes sizes) {
    switch (type) {
      case BOOL: out.writeBoolNoTag((Boolean) value); return;
      case FLOAT: out.writeFixed32NoTag(Float.floatToRawIntBits((Float) value)); return;
      case DOUBLE: out.writeFixed64NoTag(Double.doubleToRawLongBits((Double) value)); return;
      case STRING: out.writeString((String) value, sizes); return;
      case BYTES: out.writeBytes((byte[]) value, sizes); return;
      default:
        if (type.isWide()) {
          out.writeLong(type, (Long) value);
        } else {
          out.writeInt(type, (Integer) value);
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
