package io.polycodec.msgpack;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A MessagePack extension value other than a timestamp, as the schema-less codec decodes it and encodes
 * it back: an application-defined type (-128 to 127) and its payload bytes. Timestamps (type -1) are
 * decoded to {@link java.time.Instant} instead, so -1 is refused here. Immutable: the payload is copied
 * in and out; equality compares type and payload contents.
 */
public final class ExtensionValue {
  private final byte type;
  private final byte[] data;

  private ExtensionValue(byte type, byte[] data) {
    this.type = type;
    this.data = data;
  }

  /**
   * An extension value of {@code type} holding a copy of {@code data}.
   *
   * @throws IllegalArgumentException if {@code type} is -1, the timestamp type (use an {@code Instant})
   */
  public static ExtensionValue of(byte type, byte[] data) {
    Objects.requireNonNull(data, "data");
    if (type == -1) {
      throw new IllegalArgumentException("extension type -1 is the timestamp type; use a java.time.Instant");
    }
    return new ExtensionValue(type, data.clone());
  }

  /** For the decoder: takes ownership of {@code data}. */
  static ExtensionValue owning(byte type, byte[] data) {
    return new ExtensionValue(type, data);
  }

  /** The extension type. */
  public byte type() {
    return type;
  }

  /** A copy of the payload. */
  public byte[] data() {
    return data.clone();
  }

  /** The payload's length in bytes. */
  public int length() {
    return data.length;
  }

  /** The payload without copying, for the encoder. */
  byte[] dataUnsafe() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtensionValue && type == ((ExtensionValue) o).type
        && Arrays.equals(data, ((ExtensionValue) o).data);
  }

  @Override
  public int hashCode() {
    return type * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "ExtensionValue{type=" + type + ", data=" + HexFormat.of().formatHex(data) + "}";
  }
}
