package io.polycodec;

/**
 * Input could not be decoded: malformed, truncated, hostile, over a {@link Limits limit}, or not
 * readable as the target schema. Codecs throw this and nothing else for bad input.
 */
public class DecodeException extends CodecException {
  private static final long serialVersionUID = 1L;

  /** An error describing the problem. */
  public DecodeException(String problem) {
    super(problem);
  }

  /** An error describing the problem, with the underlying cause. */
  public DecodeException(String problem, Throwable cause) {
    super(problem, cause);
  }

  /** An error for {@code format} at {@code offset} (or -1). */
  public static DecodeException at(String format, long offset, String problem) {
    DecodeException e = new DecodeException(problem);
    e.withFormat(format);
    e.withOffset(offset);
    return e;
  }

  /**
   * The error for input nested deeper than the decoding thread's stack holds, although within
   * {@link Limits#maxDepth()}: every backend reports it in these words instead of letting a
   * {@link StackOverflowError} escape.
   */
  public static DecodeException stackExhausted(String format, long offset) {
    return at(format, offset, "nesting too deep for the thread's stack; lower Limits.maxDepth");
  }

  @Override
  public DecodeException withFormat(String formatName) {
    super.withFormat(formatName);
    return this;
  }

  @Override
  public DecodeException withOffset(long byteOffset) {
    super.withOffset(byteOffset);
    return this;
  }

  @Override
  public DecodeException prependField(String name) {
    super.prependField(name);
    return this;
  }

  @Override
  public DecodeException prependIndex(int index) {
    super.prependIndex(index);
    return this;
  }

  @Override
  public DecodeException prependKey(Object key) {
    super.prependKey(key);
    return this;
  }
}
