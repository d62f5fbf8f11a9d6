package io.polycodec;

/**
 * A type or schema cannot be used: an unsupported Java type, a raw or wildcard type, repeated or
 * non-positive tags, a record containing itself through required fields. Thrown when a codec is built,
 * never while encoding or decoding; the message names the type and the field path.
 */
public class SchemaException extends CodecException {
  private static final long serialVersionUID = 1L;

  /** An error describing the problem. */
  public SchemaException(String problem) {
    super(problem);
  }

  /** An error describing the problem, with the underlying cause. */
  public SchemaException(String problem, Throwable cause) {
    super(problem, cause);
  }
}
