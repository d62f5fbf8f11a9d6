package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import java.util.Arrays;

/**
 * The state of one encode: the builder, a stack of child offsets (FlatBuffers writes children before
 * the table that points to them, so each table parks its children's offsets here until it is built),
 * and the nesting depth. One per thread, reset before each encode; never shared.
 */
final class WriteContext {
  /** A builder that grew beyond this is dropped after use rather than kept for the thread. */
  static final int MAX_RETAINED_BYTES = 1 << 20;
  /** Strings longer than this (in chars) are not encoded through {@link #utf8}. */
  static final int MAX_SCRATCH_CHARS = 4096;

  final FlatBufferBuilder builder;
  /** Set while an encode uses this context, so that a reentrant encode on the same thread gets its own. */
  boolean inUse;
  int[] stack = new int[64];
  /** A second offset a layout's prepare leaves for its table (a vector of unions' type vector). */
  int sideOffset;
  private int sp;
  private int depth;
  private int maxDepth;
  private Limits limits = Limits.defaults();
  /** Scratch for one string's UTF-8 bytes. */
  private byte[] utf8 = new byte[256];

  WriteContext() {
    this.builder = new FlatBufferBuilder(1024);
  }

  void reset(Limits encodeLimits) {
    builder.clear();
    sp = 0;
    depth = 0;
    limits = encodeLimits;
    maxDepth = encodeLimits.maxDepth();
  }

  /** Checks a byte array's length against {@link Limits#maxStringBytes()}, as the verifier will. */
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
   * Reserves {@code n} stack entries and returns the index of the first. The stack may be reallocated
   * by nested calls, so read {@link #stack} afresh after any call that can write a child.
   */
  int reserve(int n) {
    int base = sp;
    if (base + n > stack.length) {
      stack = Arrays.copyOf(stack, Math.max(stack.length * 2, base + n));
    }
    sp = base + n;
    return base;
  }

  void release(int base) {
    sp = base;
  }

  /** Enters one level of nesting (a table or vector). */
  void enter() {
    if (++depth > maxDepth) {
      throw new EncodeException("value nests deeper than the limit of " + maxDepth + " tables and vectors");
    }
  }

  void exit() {
    depth--;
  }

  /**
   * Writes a string, refusing text that has no UTF-8 form (an unpaired surrogate) or too many bytes.
   * Strings of up to {@link #MAX_SCRATCH_CHARS} chars are encoded and checked in one pass into
   * {@link #utf8}, then copied into the builder: checking first and letting the builder measure and encode
   * walked every string three times, the largest cost of encoding text-heavy records. Longer strings
   * take that old way, so that the scratch array stays small.
   */
  int string(String s) {
    int n = s.length();
    if (n > MAX_SCRATCH_CHARS || n > limits.maxStringBytes()) {
      Utf8.checkEncodable(s, limits);
      return builder.createString(s);
    }
    if (utf8.length < 3 * n) {
      utf8 = new byte[Math.max(3 * n, 2 * utf8.length)];
    }
    int length = Utf8.encode(s, utf8, 0);
    if (length > limits.maxStringBytes()) {
      throw (EncodeException) Utf8.tooLong(length, "", limits, true);
    }
    // What createString does: the terminating zero, then the bytes as a vector (an array copy here,
    // where createString(ByteBuffer) would pay a buffer-to-buffer copy and two position changes).
    builder.addByte((byte) 0);
    return builder.createByteVector(utf8, 0, length);
  }

  /** Whether this context is small enough to keep for the thread's next encode. */
  boolean retainable() {
    return builder.dataBuffer().capacity() <= MAX_RETAINED_BYTES;
  }
}
