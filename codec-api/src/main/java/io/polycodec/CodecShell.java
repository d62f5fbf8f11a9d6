package io.polycodec;

import java.util.Objects;

/**
 * What every backend's codec does around its format-specific work, in one place: refuse null, hold
 * messages to the {@link Limits}, and finish an error's description with the format name and the root
 * record's name. One per codec; immutable and thread-safe.
 *
 * <p>Backends build one in their codec's constructor and call it at the codec's entry points, so that
 * the same problem reads the same in every format ({@code protobuf: at offset 0: User: message of 70000
 * bytes exceeds the limit of 65536}).
 */
public final class CodecShell {
  private final String format;
  private final String root;
  private final Limits limits;

  private CodecShell(String format, String root, Limits limits) {
    this.format = format;
    this.root = root;
    this.limits = limits;
  }

  /**
   * The shell of a codec of {@code format} whose values are records named {@code root}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static CodecShell of(Format format, String root, Limits limits) {
    return new CodecShell(Objects.requireNonNull(format, "format").name(), Objects.requireNonNull(root, "root"),
        Objects.requireNonNull(limits, "limits"));
  }

  /** The format's name, as errors show it. */
  public String format() {
    return format;
  }

  /** The limits the codec works under. */
  public Limits limits() {
    return limits;
  }

  /**
   * Refuses a null value to encode.
   *
   * @throws EncodeException if {@code value} is null, naming the format and the root record
   */
  public void checkEncodable(Object value) {
    if (value == null) {
      throw decorate(new EncodeException("cannot encode null"));
    }
  }

  /**
   * Refuses an encoding longer than {@link Limits#maxMessageBytes()} (call it before allocating the output
   * if the length is known then, else after writing).
   *
   * @throws EncodeException if {@code length} is over the limit, naming the format and the root record
   */
  public void checkEncodedLength(long length) {
    if (length > limits.maxMessageBytes()) {
      throw decorate(new EncodeException("encoding of " + length + " bytes exceeds the limit of "
          + limits.maxMessageBytes()));
    }
  }

  /**
   * Refuses to decode a message longer than {@link Limits#maxMessageBytes()}, before reading any of it.
   *
   * @throws DecodeException if {@code length} is over the limit, at the offset of the first byte past it
   */
  public void checkMessageLength(long length) {
    if (length > limits.maxMessageBytes()) {
      throw decorate(new DecodeException("message of " + length + " bytes exceeds the limit of "
          + limits.maxMessageBytes())).withOffset(limits.maxMessageBytes());
    }
  }

  /**
   * Completes an error that reached the codec's entry point: the root record's name goes in front of the
   * path, and the format is set unless an inner codec already set its own.
   */
  public <E extends CodecException> E decorate(E e) {
    e.prependField(root);
    e.withFormat(format);
    return e;
  }

  /** {@link #decorate(CodecException)}, and the byte offset unless one is already known. */
  public <E extends CodecException> E decorate(E e, long offset) {
    decorate(e);
    e.withOffset(offset);
    return e;
  }

  @Override
  public String toString() {
    return "CodecShell[" + format + ", " + root + "]";
  }
}
