package io.polycodec.msgpack;

import io.polycodec.EncodeException;
import java.util.Arrays;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.MessageBufferOutput;

/**
 * Where msgpack-core's packer writes: one growable array that the packer fills in place (each
 * {@link #next} hands out the free tail of the array), reused from message to message by an
 * {@link EncodeContext}. msgpack-core's own {@code ArrayBufferOutput} keeps a list of chunks and
 * allocates 8 KiB per packer; this keeps a single array, so a finished message is one copy away from the
 * caller's {@code byte[]} or stream. Refuses to grow past the message size limit.
 */
final class ArrayOutput implements MessageBufferOutput {
  static final int INITIAL = 1024;
  private static final int MIN_REGION = 256;

  byte[] buf = new byte[INITIAL];
  int count;
  private int maxBytes = Integer.MAX_VALUE;

  void reset(int maxMessageBytes) {
    count = 0;
    maxBytes = maxMessageBytes;
  }

  /** Makes room for {@code n} more bytes at {@link #count}, which will be written: checks the limit. */
  void reserve(int n) {
    if ((long) count + n > maxBytes) {
      throw tooLarge((long) count + n);
    }
    grow(n);
  }

  /** Makes room for {@code n} more bytes at {@link #count} without checking the message limit. */
  private void grow(int n) {
    if ((long) count + n > Integer.MAX_VALUE - 16) {
      throw tooLarge((long) count + n);
    }
    if (buf.length - count < n) {
      long want = Math.max((long) buf.length * 2, (long) count + n);
      buf = Arrays.copyOf(buf, (int) Math.min(want, Integer.MAX_VALUE - 16));
    }
  }

  /** Marks {@code n} bytes written directly into {@link #buf} at {@link #count}. */
  void advance(int n) {
    count += n;
  }

  private EncodeException tooLarge(long size) {
    return new EncodeException("the encoding needs at least " + size + " bytes, over the limit of " + maxBytes);
  }

  /**
   * A region to write into. The packer asks for the most it might write, not what it will (six bytes
   * per char for strings of 512 chars and more), so only {@link #writeBuffer}, which learns the bytes
   * actually written, holds them to the message limit: a 1,026-char ASCII string fits 4,096 bytes.
   */
  @Override
  public MessageBuffer next(int minimumSize) {
    grow(minimumSize);
    if (buf.length - count < MIN_REGION && (long) count + MIN_REGION <= maxBytes) {
      grow(MIN_REGION);
    }
    return MessageBuffer.wrap(buf, count, buf.length - count);
  }

  @Override
  public void writeBuffer(int length) {
    if ((long) count + length > maxBytes) {
      throw tooLarge((long) count + length);
    }
    count += length;
  }

  @Override
  public void write(byte[] src, int offset, int length) {
    reserve(length);
    System.arraycopy(src, offset, buf, count, length);
    count += length;
  }

  @Override
  public void add(byte[] src, int offset, int length) {
    write(src, offset, length);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
