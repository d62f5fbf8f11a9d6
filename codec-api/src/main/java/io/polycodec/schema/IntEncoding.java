package io.polycodec.schema;

/**
 * How an integer is laid out on wires that offer a choice (Protobuf; FlatBuffers and the text formats
 * ignore it except where noted). It never changes the Java value: an {@code int} holding
 * {@code UNSIGNED} data simply carries the unsigned bit pattern, as in protobuf-java.
 */
public enum IntEncoding {
  /** Two's-complement varint ({@code int32}, {@code int64}); negative numbers take 10 bytes. */
  VARINT,
  /** ZigZag varint ({@code sint32}, {@code sint64}): small magnitudes of either sign stay short. */
  ZIGZAG,
  /** Signed fixed width ({@code sfixed32}, {@code sfixed64}). */
  FIXED,
  /** Unsigned varint ({@code uint32}, {@code uint64}). */
  UNSIGNED,
  /** Unsigned fixed width ({@code fixed32}, {@code fixed64}). */
  UNSIGNED_FIXED;

  /** Whether the bit pattern is read as unsigned (uint32, uint64, fixed32, fixed64). */
  public boolean isUnsigned() {
    return this == UNSIGNED || this == UNSIGNED_FIXED;
  }
}
