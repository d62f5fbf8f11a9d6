package io.polycodec;

import java.util.Arrays;
import java.util.Objects;

/**
 * Fields a decoder found on the wire but not in the schema, kept as the format's own bytes so that a
 * {@link GenericRecord} decoded and re-encoded by the same format loses nothing (a proxy, a newer
 * writer). Other formats ignore them. Immutable.
 */
public final class UnknownFields {
  /** No unknown fields. */
  public static final UnknownFields NONE = new UnknownFields("", new byte[0]);

  private final String format;
  private final byte[] bytes;

  private UnknownFields(String format, byte[] bytes) {
    this.format = format;
    this.bytes = bytes;
  }

  /** Unknown fields of {@code format}, as that format's wire bytes (copied). */
  public static UnknownFields of(String format, byte[] bytes) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(bytes, "bytes");
    return bytes.length == 0 ? NONE : new UnknownFields(format, bytes.clone());
  }

  /** The format whose wire bytes these are; empty for {@link #NONE}. */
  public String format() {
    return format;
  }

  /** A copy of the wire bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes. */
  public int size() {
    return bytes.length;
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** Whether these are bytes of {@code formatName}. */
  public boolean isFormat(String formatName) {
    return format.equals(formatName);
  }

  /** Writes the bytes to {@code out} without copying them first. */
  public void writeTo(java.io.OutputStream out) throws java.io.IOException {
    out.write(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownFields && format.equals(((UnknownFields) o).format)
        && Arrays.equals(bytes, ((UnknownFields) o).bytes);
  }

  @Override
  public int hashCode() {
    return format.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return isEmpty() ? "UnknownFields{}" : "UnknownFields{" + format + ", " + bytes.length + " bytes}";
  }
}
