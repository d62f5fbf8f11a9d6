package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.EncodeException;
import io.polycodec.Utf8;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Where the size pass writes leaf records ahead ({@link CompiledBody#writeDirect}, {@link Sizes#measureLeaf}),
 * for the write pass to copy. A growable array with the {@code CodedOutputStream} writes that spun leaves
 * call, under the same names and with the same bytes: {@code CodedOutputStream} writes into an array
 * only up to a size fixed in advance, which a leaf's size is not (it is what the walk finds out).
 *
 * <p>One per {@link Sizes}: not thread-safe.
 */
final class LeafBuffer {
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  // The largest array the JVMs in use allocate; a larger leaf could not be encoded anyway (2 GiB).
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  byte[] buf;
  int pos;

  LeafBuffer(int capacity) {
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
   * byte only, which for ASCII is the whole char).
   */
  @SuppressWarnings("deprecation")
  void writeString(String value, Sizes sizes) {
    int chars = value.length();
    if (chars <= ScalarValue.SHORT_STRING) {
      if (ScalarValue.isAscii(value, chars)) {
        writeUInt32NoTag(sizes.checkString(chars));
        ensure(chars);
        value.getBytes(0, chars, buf, pos);
        pos += chars;
      } else {
        int bytes = sizes.checkString(Utf8.encodedLength(value));
        writeUInt32NoTag(bytes);
        ensure(3 * chars);
        pos += Utf8.encode(value, buf, pos);
      }
      return;
    }
    byte[] bytes = ScalarValue.longStringBytes(value, sizes);
    writeUInt32NoTag(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }
}
