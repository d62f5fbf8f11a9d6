package io.polycodec.flatbuffers;

import io.polycodec.DecodeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The buffer a decode or a view reads: a read-only, little-endian slice indexed from the message's first
 * byte, so that nothing handed out (slices, FloatBuffers) can write to the caller's bytes. Immutable:
 * only absolute reads are used, so one context may serve several threads' views.
 */
final class ReadContext {
  final ByteBuffer bb;
  private final byte[] array;
  private final int arrayOffset;

  private ReadContext(ByteBuffer slice) {
    // The array is kept (when accessible) only to decode strings without copying them first.
    if (slice.hasArray()) {
      this.array = slice.array();
      this.arrayOffset = slice.arrayOffset();
    } else {
      this.array = null;
      this.arrayOffset = 0;
    }
    this.bb = slice.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A context over the bytes between {@code buffer}'s position and limit; the buffer is not changed. */
  static ReadContext of(ByteBuffer buffer) {
    return new ReadContext(buffer.slice());
  }

  static ReadContext of(byte[] bytes, int offset, int length) {
    return new ReadContext(ByteBuffer.wrap(bytes, offset, length).slice());
  }

  /** The message's length in bytes. */
  int length() {
    return bb.limit();
  }

  /**
   * The target of the uoffset at {@code pos}. uoffsets are unsigned and point forward; read as signed
   * (as flatbuffers-java does), a huge one would point backwards and could send an unverified read
   * round in circles, so it is sent past the end of any buffer instead.
   */
  int target(int pos) {
    int u = bb.getInt(pos);
    return u >= 0 ? pos + u : Integer.MAX_VALUE;
  }

  /** The position of field slot {@code vtOffset} of the table at {@code table}, or 0 if absent. */
  int field(int table, int vtOffset) {
    int vt = table - bb.getInt(table);
    if (vtOffset >= (bb.getShort(vt) & 0xFFFF)) {
      return 0;
    }
    int fo = bb.getShort(vt + vtOffset) & 0xFFFF;
    return fo == 0 ? 0 : table + fo;
  }

  /** Copies {@code length} bytes at {@code pos}. */
  byte[] bytes(int pos, int length) {
    byte[] out = new byte[length];
    bb.get(pos, out);
    return out;
  }

  /**
   * The string whose length prefix is at {@code pos}.
   *
   * @throws DecodeException if its bytes are not well-formed UTF-8
   */
  String string(int pos) {
    int n = bb.getInt(pos);
    String s;
    if (array != null) {
      s = new String(array, arrayOffset + pos + 4, n, StandardCharsets.UTF_8);
    } else {
      s = new String(bytes(pos + 4, n), StandardCharsets.UTF_8);
    }
    // The JDK's decoder replaces malformed input with U+FFFD; only then is a strict check worth its cost.
    if (s.indexOf('\uFFFD') >= 0) {
      checkUtf8(pos + 4, n);
    }
    return s;
  }

  private void checkUtf8(int pos, int n) {
    ByteBuffer slice = bb.slice(pos, n);
    try {
      StandardCharsets.UTF_8.newDecoder().decode(slice);
    } catch (CharacterCodingException e) {
      throw new DecodeException("string is not well-formed UTF-8").withOffset(pos);
    }
  }
}
