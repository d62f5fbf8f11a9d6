package io.polycodec;

/**
 * The root of Polycodec's unchecked errors. It names the format, the field path where the problem was
 * found ({@code UserProfile.addresses[2].zip}) and, for decoding, the byte offset where known.
 *
 * <p>Codecs build the path while the stack unwinds: the innermost code that detects a problem throws
 * with what it knows, and each enclosing record, list or map adds its own segment with
 * {@link #prependField}, {@link #prependIndex} or {@link #prependKey}. That keeps the happy path free of
 * any path bookkeeping. These methods mutate the exception and are meant only for that unwinding.
 */
public class CodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private String format;
  private String path = "";
  private long offset = -1;

  /** An error with a description of the problem. */
  public CodecException(String problem) {
    super(problem);
    this.problem = problem;
  }

  /** An error with a description of the problem and its cause. */
  public CodecException(String problem, Throwable cause) {
    super(problem, cause);
    this.problem = problem;
  }

  /** The format's name ({@code json}, {@code protobuf}…), or null if not known. */
  public String format() {
    return format;
  }

  /** The field path, such as {@code UserProfile.addresses[2].zip}; empty if not known. */
  public String path() {
    return path;
  }

  /** The byte offset in the input where the problem was found, or -1 if not known. */
  public long offset() {
    return offset;
  }

  /** The description of the problem alone, without format, offset or path. */
  public String problem() {
    return problem;
  }

  /** Sets the format if not yet set; returns this. */
  public CodecException withFormat(String formatName) {
    if (this.format == null) {
      this.format = formatName;
    }
    return this;
  }

  /** Sets the offset if not yet set; returns this. */
  public CodecException withOffset(long byteOffset) {
    if (this.offset < 0) {
      this.offset = byteOffset;
    }
    return this;
  }

  /** Prepends a field or type name to the path; returns this. */
  public CodecException prependField(String name) {
    path = path.isEmpty() ? name : (path.charAt(0) == '[' ? name + path : name + "." + path);
    return this;
  }

  /** Prepends a list index to the path; returns this. */
  public CodecException prependIndex(int index) {
    String seg = "[" + index + "]";
    path = path.isEmpty() || path.charAt(0) == '[' ? seg + path : seg + "." + path;
    return this;
  }

  /** Prepends a map key to the path; returns this. */
  public CodecException prependKey(Object key) {
    String k = key instanceof String ? "\"" + abbreviate((String) key) + "\"" : String.valueOf(key);
    String seg = "[" + k + "]";
    path = path.isEmpty() || path.charAt(0) == '[' ? seg + path : seg + "." + path;
    return this;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder();
    if (format != null) {
      sb.append(format).append(": ");
    }
    if (offset >= 0) {
      sb.append("at offset ").append(offset).append(": ");
    }
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(problem).toString();
  }
}
