package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import java.io.IOException;
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
 *
 * <p>Strings are noted too ({@link ScalarValue#stringBytesSize}): a short one by its UTF-8 length (the
 * write pass writes it through a small scratch array, with no array of its own), a long one by its
 * encoded bytes. And spun encoders write some records whole in the size pass, into an
 * {@link AheadBuffer} ({@link #writeAhead}), for the write pass to copy ({@link #copyAhead}): those that
 * hold nothing a second walk would need measured first (see {@link CompiledBody}).
 *
 * <p>One instance serves one encode call at a time; not thread-safe. {@link #acquire} hands out the
 * calling thread's instance (allocating one and its arrays per call was a visible share of encoding a
 * small message) unless that one is in use: an adapter, or the caller's {@code OutputStream}, may encode
 * again on the same thread in the middle of an encode, and gets a fresh instance. {@link #release} drops
 * the references the encode noted (the caller's strings and map entries must not stay reachable from a
 * thread) and a sizes array grown past {@link #KEEP_BYTES} or an ahead buffer past
 * {@link #KEEP_AHEAD_BYTES}, so one huge message does not pin them. (The ahead buffer keeps the bytes of
 * the last encode, copies that hold no reference, until the thread's next encode overwrites them.)
 */
final class Sizes {
  /** Arrays larger than this (in bytes, about) are not kept for the thread's next encode. */
  static final int KEEP_BYTES = 64 * 1024;

  private static final int INITIAL = 16;
  private static final int INITIAL_AHEAD_BYTES = 1024;
  /** The most bytes of records written ahead kept for the thread's next encode. */
  static final int KEEP_AHEAD_BYTES = 256 * 1024;
  private static final ThreadLocal<Sizes> PER_THREAD = new ThreadLocal<>();

  private int[] sizes = new int[INITIAL];
  private int count;
  private int cursor;
  private Object[] refs;
  private final byte[] scratch = new byte[3 * ScalarValue.SHORT_STRING];
  /** Records the size pass wrote ahead, in pre-order; the write pass copies them from {@code aheadRead}. */
  private AheadBuffer ahead = new AheadBuffer(INITIAL_AHEAD_BYTES);
  private int aheadRead;
  private int refCount;
  private int refCursor;
  private int maxDepth;
  private Limits limits;
  private int depth;
  private boolean inUse;
  /**
   * Whether plans with a {@link CompiledBody} use it in this encode; both passes must take the same
   * path (the codec measures again with the interpreted plans when a spun one throws, for the error).
   */
  boolean spun;

  Sizes(Limits limits, boolean spun) {
    start(limits, spun);
  }

  /**
   * The calling thread's instance, emptied and set for one encode, or a fresh one if that instance is
   * in use (a nested encode on the same thread). Pair with {@link #release} in a {@code finally}.
   */
  static Sizes acquire(Limits limits, boolean spun) {
    Sizes s = PER_THREAD.get();
    if (s == null) {
      s = new Sizes(limits, spun);
      PER_THREAD.set(s);
    } else if (s.inUse) {
      return new Sizes(limits, spun); // not kept: the thread's instance is the outer encode's
    } else {
      s.start(limits, spun);
    }
    s.inUse = true;
    return s;
  }

  /** Starts over, for the interpreted measure after a spun one threw, or for the next encode. */
  void restart(boolean spun) {
    start(limits, spun);
  }

  private void start(Limits limits, boolean spun) {
    this.limits = limits;
    this.maxDepth = limits.maxDepth();
    this.spun = spun;
    count = 0;
    cursor = 0;
    depth = 0;
    ahead.pos = 0;
    aheadRead = 0;
    clearRefs();
  }

  /** Ends the encode that {@link #acquire} started: forgets what it noted, drops oversized arrays. */
  void release() {
    clearRefs();
    if (sizes.length > KEEP_BYTES / Integer.BYTES) {
      sizes = new int[INITIAL];
    }
    if (ahead.buf.length > KEEP_AHEAD_BYTES) {
      ahead = new AheadBuffer(INITIAL_AHEAD_BYTES);
    }
    limits = null;
    inUse = false;
  }

  // The refs array is not reused: the thread's instance soon lives in the old generation, and storing
  // each new string's bytes into an old array costs a GC write barrier per string (measured slower on
  // user and media than a fresh array per encode; see docs/benchmarks.md).
  private void clearRefs() {
    refs = null;
    refCount = 0;
    refCursor = 0;
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

  /** {@link Limits#maxStringBytes()} of this encode. */
  int maxStringBytes() {
    return limits.maxStringBytes();
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

  /** Notes, in the next size slot, a short string's UTF-8 length (see {@link ScalarValue#stringBytesSize}). */
  void noteShortString(int bytes) {
    int slot = reserve(); // before naming the array, which reserving may replace
    sizes[slot] = bytes;
  }

  /** Notes a long string's encoded bytes for the write pass (see {@link ScalarValue#stringBytesSize}). */
  void noteBytes(byte[] bytes) {
    int slot = reserve();
    sizes[slot] = -1;
    addRef(bytes);
  }

  /**
   * Writes the length and bytes of a short string whose UTF-8 length {@link #noteShortString} noted,
   * through a scratch array. An ASCII string (as many bytes as chars) is copied by the JDK
   * ({@code String.getBytes(int, int, byte[], int)}, deprecated because it keeps each char's low byte
   * only, which for ASCII is the whole char; a copy of a Latin-1 string's array); any other is encoded.
   */
  @SuppressWarnings("deprecation")
  void writeShortString(CodedOutputStream out, String s, int bytes) throws IOException {
    int chars = s.length();
    if (bytes == chars) {
      s.getBytes(0, chars, scratch, 0);
    } else {
      Utf8.encode(s, scratch, 0);
    }
    out.writeUInt32NoTag(bytes);
    out.writeRawBytes(scratch, 0, bytes);
  }

  /**
   * The size pass of a record written ahead: writes it ({@link CompiledBody#writeDirect}) after those
   * written before it, notes its length in the next slot for {@link #copyAhead}, and returns it.
   */
  long writeAhead(CompiledBody body, Object record) {
    int slot = reserve();
    int start = ahead.pos;
    body.writeDirect(ahead, record, this);
    int n = ahead.pos - start;
    sizes[slot] = n;
    return n;
  }

  /** The write pass of a record written ahead: copies what {@link #writeAhead} wrote. */
  void copyAhead(CodedOutputStream out) throws IOException {
    int n = next();
    out.writeRawBytes(ahead.buf, aheadRead, n);
    aheadRead += n;
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
