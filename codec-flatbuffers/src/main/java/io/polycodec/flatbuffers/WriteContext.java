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

  /** Writes a string, refusing text that has no UTF-8 form (an unpaired surrogate). */
  int string(String s) {
    Utf8.checkEncodable(s, limits);
    return builder.createString(s);
  }

  /** Whether this context is small enough to keep for the thread's next encode. */
  boolean retainable() {
    return builder.dataBuffer().capacity() <= MAX_RETAINED_BYTES;
  }
}
