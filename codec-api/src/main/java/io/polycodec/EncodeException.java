package io.polycodec;

/**
 * A value could not be encoded: null in a non-optional field or collection, a value the format cannot
 * represent (NaN in an INT8-quantized vector), or an output over a {@link Limits limit}.
 */
public class EncodeException extends CodecException {
  private static final long serialVersionUID = 1L;

  /** An error describing the problem. */
  public EncodeException(String problem) {
    super(problem);
  }

  /** An error describing the problem, with the underlying cause. */
  public EncodeException(String problem, Throwable cause) {
    super(problem, cause);
  }

  /**
   * The error for a value nested deeper than the encoding thread's stack holds, although within
   * {@link Limits#maxDepth()}: every backend reports it in these words instead of letting a
   * {@link StackOverflowError} escape.
   */
  public static EncodeException stackExhausted(String format) {
    return new EncodeException("value nests too deep for the thread's stack; lower Limits.maxDepth").withFormat(format);
  }

  @Override
  public EncodeException withFormat(String formatName) {
    super.withFormat(formatName);
    return this;
  }

  @Override
  public EncodeException prependField(String name) {
    super.prependField(name);
    return this;
  }

  @Override
  public EncodeException prependIndex(int index) {
    super.prependIndex(index);
    return this;
  }

  @Override
  public EncodeException prependKey(Object key) {
    super.prependKey(key);
    return this;
  }
}
