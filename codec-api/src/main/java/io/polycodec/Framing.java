package io.polycodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Length-delimited frames: an unsigned LEB128 varint length (as Protobuf's {@code writeDelimitedTo}),
 * then the message. Shared by every codec so that framed streams look the same in every format.
 */
final class Framing {
  private Framing() {}

  static void writeLength(OutputStream out, int length) throws IOException {
    int v = length;
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  /**
   * The next frame's bytes, or null at a clean end of stream (no byte of a new frame read).
   *
   * @throws DecodeException if the stream ends inside a frame or a length exceeds {@code maxBytes}
   */
  static byte[] readFrame(InputStream in, String format, int maxBytes) throws IOException {
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

  static byte[] readAll(InputStream in, String format, int maxBytes) throws IOException {
    byte[] all = in.readNBytes(maxBytes);
    if (all.length == maxBytes && in.read() >= 0) {
      throw DecodeException.at(format, maxBytes, "message exceeds the limit of " + maxBytes + " bytes");
    }
    return all;
  }

}
