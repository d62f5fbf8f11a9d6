package io.polycodec.msgpack;

import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * The state of one encode: msgpack-core's packer writing into an {@link ArrayOutput}, the nesting depth,
 * and scratch arrays for record values. One per thread is cached and reused, so a steady stream of
 * encodes allocates only the result; a context that saw an exception, or is already in use (a record
 * accessor that itself encodes), is not shared. Buffers that grew past {@link #RETAIN_LIMIT} are dropped
 * after use so that one large message does not pin memory to the thread.
 */
final class EncodeContext {
  private static final int RETAIN_LIMIT = 1 << 20;
  /** msgpack-core's default {@code smallStringOptimizationThreshold}: shorter strings go through {@link #utf8}. */
  private static final int SCRATCH_STRING_CHARS = 512;
  private static final MessagePack.PackerConfig CONFIG = new MessagePack.PackerConfig();
  private static final ThreadLocal<EncodeContext> CACHE = new ThreadLocal<>();

  final ArrayOutput out = new ArrayOutput();
  final MessagePacker packer = CONFIG.newPacker(out);
  private Limits limits;
  private int depth;
  private Object[][] scratch = new Object[8][];
  /** UTF-8 of one string shorter than {@link #SCRATCH_STRING_CHARS} chars. */
  private final byte[] utf8 = new byte[3 * SCRATCH_STRING_CHARS];
  private boolean inUse;

  private EncodeContext() {}

  /** A context for one encode under {@code limits}; hand it back with {@link #release()} after success. */
  static EncodeContext acquire(Limits limits) {
    EncodeContext cx = CACHE.get();
    if (cx == null || cx.inUse) {
      cx = new EncodeContext();
      if (CACHE.get() == null) {
        CACHE.set(cx);
      }
    }
    cx.inUse = true;
    cx.limits = limits;
    cx.depth = 0;
    cx.out.reset(limits.maxMessageBytes());
    return cx;
  }

  /**
   * Returns the context to its thread's cache. Only after a successful encode: after an exception the
   * packer may hold a half-written buffer, so the caller calls {@link #discard()} instead.
   */
  void release() {
    if (out.buf.length > RETAIN_LIMIT) {
      out.buf = new byte[ArrayOutput.INITIAL];
    }
    inUse = false;
  }

  /** Forgets a context that failed mid-encode. */
  void discard() {
    if (CACHE.get() == this) {
      CACHE.remove();
    }
  }

  /** Moves what the packer buffered into {@link #out}; the message is then complete. */
  void finish() throws IOException {
    packer.flush();
  }

  /** A copy of the finished message. */
  byte[] toByteArray() {
    return Arrays.copyOf(out.buf, out.count);
  }

  /** Writes the finished message to {@code stream}. */
  void writeTo(OutputStream stream) throws IOException {
    stream.write(out.buf, 0, out.count);
  }

  /** Enters a nested record, union, list or map. */
  void enter() {
    if (++depth > limits.maxDepth()) {
      throw new EncodeException("nesting deeper than the limit of " + limits.maxDepth()
          + " (a cycle, or a value too deep for decoders to accept)");
    }
  }

  void exit() {
    depth--;
  }

  /** A scratch array of at least {@code n} slots for the record at the current depth; clear what you use. */
  Object[] scratch(int n) {
    if (depth >= scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(depth + 1, scratch.length * 2));
    }
    Object[] s = scratch[depth];
    if (s == null || s.length < n) {
      s = new Object[n];
      scratch[depth] = s;
    }
    return s;
  }

  /**
   * Writes a str. A lone surrogate has no UTF-8 form (String.getBytes would write '?'), so it is an error
   * rather than silent corruption.
   */
  void writeString(String s) throws IOException {
    int n = s.length();
    if (n >= SCRATCH_STRING_CHARS || n > limits.maxStringBytes()) {
      Utf8.checkEncodable(s, limits);
      packer.packString(s);
      return;
    }
    // Below msgpack-core's own small-string threshold it writes getBytes(UTF_8) after a minimal header;
    // encoding and checking in one pass into a reused array writes the same bytes without the separate
    // check pass and the array per string.
    int length = Utf8.encode(s, utf8, 0);
    if (length > limits.maxStringBytes()) {
      throw (EncodeException) Utf8.tooLong(length, "", limits, true);
    }
    packer.packRawStringHeader(length);
    packer.writePayload(utf8, 0, length);
  }

  /** Checks a byte array's length against {@link Limits#maxStringBytes()}, as the decoder will. */
  void checkBytes(int length) {
    if (length > limits.maxStringBytes()) {
      throw (EncodeException) Utf8.tooLong(length, "", limits, true);
    }
  }

  /** Checks a list's, map's or vector's element count against {@link Limits#maxCollectionSize()}. */
  void checkCollection(int elements) {
    if (elements > limits.maxCollectionSize()) {
      throw new EncodeException(elements + " elements exceed the limit of " + limits.maxCollectionSize());
    }
  }

  /**
   * Reserves {@code length} bytes to be written straight into {@code out.buf} at the returned offset
   * (after flushing the packer, so that its buffered bytes come first); then call {@link #endDirect}.
   */
  int beginDirect(int length) throws IOException {
    packer.flush();
    out.reserve(length);
    return out.count;
  }

  /** Marks the {@code length} bytes reserved by {@link #beginDirect} as written. */
  void endDirect(int length) {
    out.advance(length);
  }
}
