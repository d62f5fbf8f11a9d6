package io.polycodec.protobuf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.polycodec.DecodeException;
import io.polycodec.Limits;
import java.io.IOException;

/**
 * One decode in progress: protobuf-java's {@link CodedInputStream} over the caller's array, plus what
 * Polycodec adds around it: lengths checked against the bytes present and the limits before anything is
 * allocated, nesting depth, byte offsets for errors, and access to the raw bytes of unknown fields.
 * Not thread-safe; one per decode call.
 */
final class ProtoReader {
  final CodedInputStream in;
  private final byte[] source;
  private final int base;
  private final int end;
  final Limits limits;
  private int depth;

  ProtoReader(byte[] source, int offset, int length, Limits limits) {
    this.source = source;
    this.base = offset;
    this.end = offset + length;
    this.limits = limits;
    this.in = CodedInputStream.newInstance(source, offset, length);
    // Unknown groups are skipped by protobuf-java, which counts their nesting against this limit.
    in.setRecursionLimit(limits.maxDepth());
    try {
      in.pushLimit(length);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Bytes read so far, counted from the start of the input. */
  int offset() {
    return in.getTotalBytesRead();
  }

  /** A decode error at the current offset. */
  DecodeException error(String problem) {
    return DecodeException.at(ProtobufProvider.NAME, offset(), problem);
  }

  /** protobuf-java's complaint (truncated input, malformed varint, invalid UTF-8…) as a DecodeException. */
  DecodeException wrap(IOException e) {
    DecodeException d = new DecodeException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    d.withFormat(ProtobufProvider.NAME);
    d.withOffset(offset());
    return d;
  }

  /** Enters a nested record, union, list or map, enforcing {@link Limits#maxDepth()}. */
  void enter() {
    if (++depth > limits.maxDepth()) {
      throw error("nesting deeper than the limit of " + limits.maxDepth() + " levels");
    }
  }

  /** Leaves what {@link #enter} entered. */
  void exit() {
    depth--;
  }

  /**
   * Reads the length of a length-delimited value and checks it against the bytes left in the enclosing
   * message before the caller allocates or pushes a limit.
   */
  int readLength() throws IOException {
    long length = in.readRawVarint64();
    int left = in.getBytesUntilLimit();
    if (length < 0 || length > left) {
      throw error("length " + Long.toUnsignedString(length) + " exceeds the " + left + " bytes left");
    }
    return (int) length;
  }

  /**
   * Checks the length prefix of the string or bytes value at the current position, without consuming
   * it, against the bytes left and {@link Limits#maxStringBytes()}; protobuf-java then reads the value
   * (and for strings validates UTF-8) in one pass.
   */
  void checkStringLength() throws IOException {
    int pos = base + in.getTotalBytesRead();
    long length = 0;
    int shift = 0;
    int i = pos;
    while (true) {
      if (i >= end || shift > 63) {
        return; // truncated or malformed: protobuf-java reports it
      }
      byte b = source[i++];
      length |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        break;
      }
      shift += 7;
    }
    int left = in.getBytesUntilLimit() - (i - pos);
    if (length < 0 || length > left) {
      throw error("length " + Long.toUnsignedString(length) + " exceeds the " + Math.max(left, 0) + " bytes left");
    }
    if (length > limits.maxStringBytes()) {
      throw error("string or bytes of " + length + " bytes exceeds the limit of " + limits.maxStringBytes());
    }
  }

  /** Checks that a collection may grow to {@code size} elements. */
  void checkCollectionSize(int size) {
    if (size > limits.maxCollectionSize()) {
      throw error("more than " + limits.maxCollectionSize() + " elements");
    }
  }

  /** The position in the source array of the current offset (for unknown fields). */
  int position() {
    return base + in.getTotalBytesRead();
  }

  /** The source array (for copying unknown fields). */
  byte[] source() {
    return source;
  }

  /** A complaint about a field arriving with a wire type its schema type does not use. */
  DecodeException wrongWireType(int wireType, String expected) {
    return error("wire type " + wireTypeName(wireType) + " where " + expected + " was expected");
  }

  static String wireTypeName(int wireType) {
    switch (wireType) {
      case WireFormat.WIRETYPE_VARINT: return "0 (varint)";
      case WireFormat.WIRETYPE_FIXED64: return "1 (64-bit)";
      case WireFormat.WIRETYPE_LENGTH_DELIMITED: return "2 (length-delimited)";
      case WireFormat.WIRETYPE_START_GROUP: return "3 (start group)";
      case WireFormat.WIRETYPE_END_GROUP: return "4 (end group)";
      case WireFormat.WIRETYPE_FIXED32: return "5 (32-bit)";
      default: return wireType + " (invalid)";
    }
  }
}
