package io.polycodec;

/**
 * Bounds on what a decoder accepts, so that hostile input costs at most what the limits allow. A
 * declared length is always checked against the bytes actually present before anything is allocated;
 * these limits bound what remains (deep nesting, huge but present collections).
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

  /** The largest message, in bytes, that a decoder reads or an encoder writes. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** The deepest nesting of records, unions, lists and maps (the root record is depth 1). */
  public int maxDepth() {
    return maxDepth;
  }

  /** The most elements in one list, map or vector. */
  public int maxCollectionSize() {
    return maxCollectionSize;
  }

  /** The longest string or byte array, in bytes. */
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
