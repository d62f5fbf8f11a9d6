package io.polycodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Length-delimited frames, the one framing every Polycodec codec uses: an unsigned LEB128 varint length
 * (as Protobuf's {@code writeDelimitedTo}), then the message. {@link Codec}'s default
 * {@code encodeDelimited}, {@code decodeDelimited}, {@code encodeAll}, {@code decodeAll} and
 * {@code decode(InputStream)} are built on these helpers; a backend that overrides one of those methods
 * (to decode straight from the stream, say) uses them to keep framed streams identical in every format.
 * Stateless and thread-safe.
 */
public final class Framing {
  private Framing() {}

  /**
   * Writes {@code length} as an unsigned LEB128 varint (1 to 5 bytes).
   *
   * @throws IllegalArgumentException if {@code length} is negative
   * @throws IOException if {@code out} throws
   */
  public static void writeLength(OutputStream out, int length) throws IOException {
    if (length < 0) {
      throw new IllegalArgumentException("a frame length cannot be negative: " + length);
    }
    int v = length;
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  /**
   * Reads the next frame: its varint length, then exactly that many bytes, and nothing more. A length
   * the stream does not back costs no allocation beyond the bytes actually present (the frame is read
   * as it arrives, never allocated from the declared length up front).
   *
   * @param format the format's name, for the exception
   * @param maxBytes the largest frame accepted ({@link Limits#maxMessageBytes()})
   * @return the frame's bytes, or null at a clean end of stream (no byte of a new frame read)
   * @throws DecodeException if the stream ends inside a frame or its length, the length varint is longer
   *     than 5 bytes, or the length exceeds {@code maxBytes}
   * @throws IOException if {@code in} throws
   */
  public static byte[] readFrame(InputStream in, String format, int maxBytes) throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    long length = first & 0x7F;
    int shift = 7;
    int b = first;
    while ((b & 0x80) != 0) {
      b = in.read();
      if (b < 0) {
        throw DecodeException.at(format, -1, "stream ends inside a frame length");
      }
      if (shift >= 35) {
        throw DecodeException.at(format, -1, "frame length varint is longer than 5 bytes");
      }
      length |= (long) (b & 0x7F) << shift;
      shift += 7;
    }
    if (length > maxBytes) {
      throw DecodeException.at(format, -1, "frame of " + length + " bytes exceeds the limit of " + maxBytes);
    }
    // readNBytes grows its buffer as bytes arrive, so a false length on a short stream costs nothing.
    byte[] frame = in.readNBytes((int) length);
    if (frame.length != length) {
      throw DecodeException.at(format, -1, "stream ends inside a frame: " + frame.length + " of " + length + " bytes");
    }
    return frame;
  }

  /**
   * Reads {@code in} to its end, as one message of at most {@code maxBytes} bytes.
   *
   * @param format the format's name, for the exception
   * @param maxBytes the largest message accepted ({@link Limits#maxMessageBytes()})
   * @return every byte the stream held (the stream is not closed)
   * @throws DecodeException if the stream holds more than {@code maxBytes} bytes (reading stops there)
   * @throws IOException if {@code in} throws
   */
  public static byte[] readAll(InputStream in, String format, int maxBytes) throws IOException {
    byte[] all = in.readNBytes(maxBytes);
    if (all.length == maxBytes && in.read() >= 0) {
      throw DecodeException.at(format, maxBytes, "message exceeds the limit of " + maxBytes + " bytes");
    }
    return all;
  }
}
