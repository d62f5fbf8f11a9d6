package io.polycodec;

/**
 * Bounds on what a codec reads and writes, so that hostile input costs at most what the limits allow. A
 * declared length is always checked against the bytes actually present before anything is allocated;
 * these limits bound what remains (deep nesting, huge but present collections).
 *
 * <p><b>Symmetric.</b> Encoders hold values to the same limits, counted the same way: whatever a codec
 * encodes under some limits, the same codec decodes under the same limits (an encoder refuses with an
 * {@link EncodeException} what its decoder would refuse).
 *
 * <p><b>Units.</b> {@link #maxMessageBytes()} counts encoded bytes; {@link #maxStringBytes()} counts the
 * UTF-8 bytes of a string (never Java chars: {@code "€"} is three bytes) and the bytes of a byte array
 * (its decoded size, not the length of a text format's base64); {@link #maxCollectionSize()} counts the
 * elements of a list, the entries of a map and the elements of a vector (not the bytes that carry them);
 * {@link #maxDepth()} counts levels by the depth rule below.
 *
 * <p><b>The depth rule</b>, the same for every format: the root record is at depth 1; a record, list or
 * map held by a field, a list element or a map value is one level deeper than what holds it. A union
 * adds no level of its own (its member record is the level: a union value is a record of the model);
 * scalars, strings, byte arrays, timestamps, enums and vectors add none. An empty list or map counts as
 * much as a full one. So a record field holding a record is depth 2, a list of records is depth 2 for the
 * list and 3 for its records, a chain of n records through optional fields or unions is depth n. A
 * format that leaves empty collections off the wire may see less depth than the rule counts on
 * decode, never more.
 *
 * <p>Immutable; change one bound with the {@code with…} methods.
 */
public final class Limits {
  private static final Limits DEFAULTS = new Limits(64 << 20, 100, 1 << 24, 1 << 24);

  private final int maxMessageBytes;
  private final int maxDepth;
  private final int maxCollectionSize;
  private final int maxStringBytes;

  private Limits(int maxMessageBytes, int maxDepth, int maxCollectionSize, int maxStringBytes) {
    this.maxMessageBytes = positive(maxMessageBytes, "maxMessageBytes");
    this.maxDepth = positive(maxDepth, "maxDepth");
    this.maxCollectionSize = positive(maxCollectionSize, "maxCollectionSize");
    this.maxStringBytes = positive(maxStringBytes, "maxStringBytes");
  }

  private static int positive(int v, String name) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + v);
    }
    return v;
  }

  /**
   * The defaults: messages up to 64 MiB, nesting up to 100 levels (Protobuf's own limit), collections up
   * to 16,777,216 elements, strings and byte arrays up to 16 MiB.
   */
  public static Limits defaults() {
    return DEFAULTS;
  }

  /**
   * Refuses nesting level {@code depth}, counted by the depth rule above, when it is past
   * {@link #maxDepth()}: the one wording every codec uses ("nesting deeper than the limit of N").
   *
   * @param depth the level reached
   * @param encoding whether an encoder (an {@link EncodeException}) or a decoder (a
   *     {@link DecodeException}, without an offset: the caller's codec adds it) is asking
   * @throws CodecException if {@code depth > maxDepth()}
   */
  public void checkDepth(int depth, boolean encoding) {
    if (depth > maxDepth) {
      String problem = "nesting deeper than the limit of " + maxDepth;
      throw encoding ? new EncodeException(problem) : new DecodeException(problem);
    }
  }

  /**
   * Refuses, when encoding, a list, map or vector of {@code n} elements over {@link #maxCollectionSize()}.
   *
   * @param n the elements or entries
   * @throws EncodeException if {@code n > maxCollectionSize()}
   */
  public void checkEncodedCollection(long n) {
    if (n > maxCollectionSize) {
      throw new EncodeException(n + " elements exceed the limit of " + maxCollectionSize);
    }
  }

  /**
   * Refuses a byte array of {@code n} bytes over {@link #maxStringBytes()} (its decoded size, whatever
   * the format carries it as).
   *
   * @param n the bytes
   * @param encoding whether an encoder or a decoder is asking
   * @throws CodecException if {@code n > maxStringBytes()}, as {@link Utf8#tooLong} words it
   */
  public void checkByteArray(long n, boolean encoding) {
    if (n > maxStringBytes) {
      throw Utf8.tooLong(n, "", this, encoding);
    }
  }

  /** The largest message, in encoded bytes, that a decoder reads or an encoder writes. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** The deepest nesting, counted by the depth rule in the class description (the root record is depth 1). */
  public int maxDepth() {
    return maxDepth;
  }

  /** The most elements in one list, entries in one map, or elements in one vector. */
  public int maxCollectionSize() {
    return maxCollectionSize;
  }

  /** The longest string, in UTF-8 bytes, or byte array, in bytes; map keys and list elements included. */
  public int maxStringBytes() {
    return maxStringBytes;
  }

  /** A copy with another message size bound. */
  public Limits withMaxMessageBytes(int bytes) {
    return new Limits(bytes, maxDepth, maxCollectionSize, maxStringBytes);
  }

  /** A copy with another depth bound. */
  public Limits withMaxDepth(int depth) {
    return new Limits(maxMessageBytes, depth, maxCollectionSize, maxStringBytes);
  }

  /** A copy with another collection size bound. */
  public Limits withMaxCollectionSize(int size) {
    return new Limits(maxMessageBytes, maxDepth, size, maxStringBytes);
  }

  /** A copy with another string length bound. */
  public Limits withMaxStringBytes(int bytes) {
    return new Limits(maxMessageBytes, maxDepth, maxCollectionSize, bytes);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Limits)) {
      return false;
    }
    Limits l = (Limits) o;
    return maxMessageBytes == l.maxMessageBytes && maxDepth == l.maxDepth
        && maxCollectionSize == l.maxCollectionSize && maxStringBytes == l.maxStringBytes;
  }

  @Override
  public int hashCode() {
    return ((maxMessageBytes * 31 + maxDepth) * 31 + maxCollectionSize) * 31 + maxStringBytes;
  }

  @Override
  public String toString() {
    return "Limits{maxMessageBytes=" + maxMessageBytes + ", maxDepth=" + maxDepth + ", maxCollectionSize="
        + maxCollectionSize + ", maxStringBytes=" + maxStringBytes + "}";
  }
}
