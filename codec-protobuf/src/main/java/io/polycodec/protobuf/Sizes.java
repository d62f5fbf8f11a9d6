package io.polycodec.protobuf;

import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import java.util.Arrays;

/**
 * What the size pass of one encode learns, for the write pass that follows: the body size of every
 * nested message and packed payload (so that no message is encoded, or measured, twice) and the sorted
 * entries of every map (so that keys are sorted once). Both passes walk the value in the same order,
 * so the size pass appends in pre-order ({@link #reserve} before measuring what is inside, filled in
 * after) and the write pass consumes in the same order with {@link #next}.
 *
 * <p>The size pass also bounds the nesting depth, so that a value nested deeper than the limit is an
 * {@link EncodeException} rather than a stack overflow, and so is one whose size exceeds 2 GiB.
 * One instance per encode call; not thread-safe.
 */
final class Sizes {
  private int[] sizes = new int[16];
  private int count;
  private int cursor;
  private Object[] refs;
  private int refCount;
  private int refCursor;
  private final int maxDepth;
  private final Limits limits;
  private int depth;
  /**
   * Whether plans with a {@link CompiledBody} use it in this encode; both passes must take the same
   * path (the codec measures again with the interpreted plans when a spun one throws, for the error).
   */
  final boolean spun;

  Sizes(Limits limits, boolean spun) {
    this.limits = limits;
    this.maxDepth = limits.maxDepth();
    this.spun = spun;
  }

  /**
   * Checks a string's or byte array's length, in bytes, against {@link Limits#maxStringBytes()}, as the
   * decoder will: what the encoder writes, the decoder must read.
   */
  int checkString(long bytes) {
    if (bytes > limits.maxStringBytes()) {
      throw (EncodeException) Utf8.tooLong(bytes, "", limits, true);
    }
    return (int) bytes;
  }

  /** Checks a list's, map's or vector's element count against {@link Limits#maxCollectionSize()}. */
  void checkCollection(int elements) {
    if (elements > limits.maxCollectionSize()) {
      throw new EncodeException(elements + " elements exceed the limit of " + limits.maxCollectionSize());
    }
  }

  /** Reserves the next slot in pre-order; fill it with {@link #set} once the size is known. */
  int reserve() {
    if (count == sizes.length) {
      sizes = Arrays.copyOf(sizes, count * 2);
    }
    return count++;
  }

  /** Fills a reserved slot. */
  void set(int slot, long size) {
    sizes[slot] = checkedSize(size);
  }

  /** The next size in pre-order (write pass). */
  int next() {
    return sizes[cursor++];
  }

  /** Remembers an object the write pass needs again (sorted map entries). */
  void addRef(Object ref) {
    if (refs == null) {
      refs = new Object[16]; // spun encoders note every string (ScalarValue.stringBytesSize)
    } else if (refCount == refs.length) {
      refs = Arrays.copyOf(refs, refCount * 2);
    }
    refs[refCount++] = ref;
  }

  /** The next remembered object (write pass). */
  Object nextRef() {
    return refs[refCursor++];
  }

  /** Enters a nested record, union or collection; throws if that is deeper than the limit. */
  void enter() {
    if (++depth > maxDepth) {
      throw new EncodeException("value nests deeper than the limit of " + maxDepth + " levels");
    }
  }

  /** Leaves what {@link #enter} entered. */
  void exit() {
    depth--;
  }

  /** {@code size} as an int, if a protobuf message can be that long. */
  static int checkedSize(long size) {
    if (size > Integer.MAX_VALUE) {
      throw new EncodeException("encoding exceeds 2 GiB, the most a protobuf message can hold");
    }
    return (int) size;
  }
}
