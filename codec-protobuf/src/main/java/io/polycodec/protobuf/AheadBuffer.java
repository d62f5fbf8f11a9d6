package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.EncodeException;
import io.polycodec.Utf8;
import io.polycodec.schema.Quantization;
import io.polycodec.vector.VectorBytes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Where the size pass writes records ahead ({@link CompiledBody#writeDirect}, {@link Sizes#writeAhead}),
 * for the write pass to copy. A growable array with the {@code CodedOutputStream} writes that spun code
 * calls, under the same names and with the same bytes, and length prefixes written after what they
 * prefix ({@link #beginLength}, {@link #endLength}): {@code CodedOutputStream} writes into an array only
 * up to a size fixed in advance, and only forwards, where here the size is what the walk finds out.
 *
 * <p>One per {@link Sizes}: not thread-safe.
 */
final class AheadBuffer {
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  // The largest array the JVMs in use allocate; a larger message could not be encoded anyway (2 GiB).
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  byte[] buf;
  int pos;

  AheadBuffer(int capacity) {
    buf = new byte[capacity];
  }

  private void ensure(int bytes) {
    if (buf.length - pos < bytes) {
      long want = Math.max(2L * buf.length, (long) pos + bytes);
      if ((long) pos + bytes > MAX_ARRAY) {
        throw new EncodeException("encoding exceeds 2 GiB, the most a protobuf message can hold");
      }
      buf = Arrays.copyOf(buf, (int) Math.min(want, MAX_ARRAY));
    }
  }

  /**
   * Reserves one byte for the length of what is written next, and returns where that starts; pass it to
   * {@link #endLength} once it is written. Most nested messages are under 128 bytes, so one byte is
   * usually the length's whole size.
   */
  int beginLength() {
    ensure(1);
    return ++pos;
  }

  /**
   * Writes the length of what was written since {@link #beginLength} returned {@code start}, in the byte
   * reserved before it, first moving it up by the bytes a longer length needs.
   */
  void endLength(int start) {
    int length = pos - start;
    if (length < 0x80) {
      buf[start - 1] = (byte) length;
      return;
    }
    int extra = CodedOutputStream.computeUInt32SizeNoTag(length) - 1;
    ensure(extra);
    System.arraycopy(buf, start, buf, start + extra, length);
    pos += extra;
    int at = start - 1;
    int v = length;
    while ((v & ~0x7F) != 0) {
      buf[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[at] = (byte) v;
  }

  /** Writes an int-valued scalar as {@link ScalarType#writeInt} writes it. */
  void writeInt(ScalarType type, int v) {
    switch (type) {
      case BOOL: writeBoolNoTag(v != 0); return;
      case INT8: case INT16: case INT32: writeInt32NoTag(v); return;
      case SINT32: writeSInt32NoTag(v); return;
      case UINT32: writeUInt32NoTag(v); return;
      case SFIXED32: case FIXED32: case FLOAT: writeFixed32NoTag(v); return;
      default: throw new AssertionError(type);
    }
  }

  /** Writes a long-valued scalar as {@link ScalarType#writeLong} writes it. */
  void writeLong(ScalarType type, long v) {
    switch (type) {
      case INT64: writeInt64NoTag(v); return;
      case SINT64: writeSInt64NoTag(v); return;
      case UINT64: writeUInt64NoTag(v); return;
      case SFIXED64: case FIXED64: case DOUBLE: writeFixed64NoTag(v); return;
      default: throw new AssertionError(type);
    }
  }

  /** Writes a float vector with its length, as {@link VectorBytes} lays it out for {@code q}. */
  void writeVector(float[] v, Quantization q) {
    if ((long) v.length * 4 > MAX_ARRAY) {
      throw new EncodeException("encoding exceeds 2 GiB, the most a protobuf message can hold");
    }
    int length = VectorBytes.length(v.length, q);
    writeUInt32NoTag(length);
    ensure(length);
    pos += VectorBytes.encode(v, q, buf, pos);
  }

  /** Writes a float64 vector with its length, as packed {@code repeated double}. */
  void writeDoubles(double[] v) {
    long length = 8L * v.length;
    if (length > MAX_ARRAY) {
      throw new EncodeException("encoding exceeds 2 GiB, the most a protobuf message can hold");
    }
    writeUInt32NoTag((int) length);
    ensure((int) length);
    for (double x : v) {
      LONGS.set(buf, pos, Double.doubleToRawLongBits(x));
      pos += 8;
    }
  }

  /** Writes a byte array with its length, checked against the string limit as the size pass checks it. */
  void writeBytes(byte[] value, Sizes sizes) {
    int n = sizes.checkString(value.length);
    writeUInt32NoTag(n);
    ensure(n);
    System.arraycopy(value, 0, buf, pos, n);
    pos += n;
  }

  // The int and long varint loops stay apart: one 64-bit loop for both (the int widened unsigned) made
  // telemetry encode, a run of small varints, 16 -> 21 us in a quick run (docs/benchmarks.md, issue 23).
  void writeUInt32NoTag(int value) {
    ensure(5);
    int v = value;
    while ((v & ~0x7F) != 0) {
      buf[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
  }

  /** A negative int32 is written as its 64-bit sign extension (ten bytes), as protobuf does. */
  void writeInt32NoTag(int value) {
    if (value >= 0) {
      writeUInt32NoTag(value);
    } else {
      writeUInt64NoTag(value);
    }
  }

  void writeSInt32NoTag(int value) {
    writeUInt32NoTag(CodedOutputStream.encodeZigZag32(value));
  }

  void writeFixed32NoTag(int value) {
    ensure(4);
    INTS.set(buf, pos, value);
    pos += 4;
  }

  void writeUInt64NoTag(long value) {
    ensure(10);
    long v = value;
    while ((v & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
  }

  void writeInt64NoTag(long value) {
    writeUInt64NoTag(value);
  }

  void writeSInt64NoTag(long value) {
    writeUInt64NoTag(CodedOutputStream.encodeZigZag64(value));
  }

  void writeFixed64NoTag(long value) {
    ensure(8);
    LONGS.set(buf, pos, value);
    pos += 8;
  }

  void writeBoolNoTag(boolean value) {
    ensure(1);
    buf[pos++] = value ? (byte) 1 : 0;
  }

  /**
   * Writes a string with its length, checked as {@link ScalarValue#stringBytesSize} checks one (string
   * limit, unpaired surrogates). A short ASCII string is copied by the JDK straight from its Latin-1
   * array ({@code String.getBytes(int, int, byte[], int)}, deprecated because it keeps each char's low
   * byte only, which for ASCII is the whole char); any other is encoded in place by {@link Utf8#encode}.
   */
  @SuppressWarnings("deprecation")
  void writeString(String value, Sizes sizes) {
    int chars = value.length();
    if (chars <= ScalarValue.SHORT_STRING && ScalarValue.isAscii(value, chars)) {
      writeUInt32NoTag(sizes.checkString(chars));
      ensure(chars);
      value.getBytes(0, chars, buf, pos);
      pos += chars;
      return;
    }
    // Any other string is encoded once, straight in, its length put before it afterwards: no array of its
    // own, one walk over its chars (String.getBytes walks a non-Latin-1 string, then copies it twice).
    long most = 3L * chars;
    if (chars > sizes.maxStringBytes() || pos + 5 + most > MAX_ARRAY) {
      most = sizes.checkString(Utf8.encodedLength(value)); // the exact length: too long, or room for no more
    }
    int start = beginLength();
    ensure((int) most);
    pos += Utf8.encode(value, buf, pos);
    sizes.checkString(pos - start);
    endLength(start);
  }
}
