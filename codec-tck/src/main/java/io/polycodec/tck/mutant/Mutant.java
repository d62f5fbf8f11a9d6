package io.polycodec.tck.mutant;

import io.polycodec.CodecProvider;
import io.polycodec.Format;
import io.polycodec.tck.CodecTck;

/**
 * A deliberately broken codec: a real provider's codecs with one realistic bug added. The kit must
 * catch each with default settings; {@link MutantCheck} proves it for any real codec. The bugs that
 * change decoded values act on {@link io.polycodec.GenericRecord}s (what the generic properties decode).
 */
public enum Mutant {
  /** Decoding drops empty strings: from lists and maps, and optional "" becomes absent. */
  DROPS_EMPTY_STRINGS(CodecTck.ROUND_TRIP_GENERIC),
  /** Decoding rounds float64 values to float32 precision. */
  ROUNDS_DOUBLES_TO_FLOATS(CodecTck.ROUND_TRIP_GENERIC),
  /** Decoding turns -0.0 into 0.0. */
  LOSES_NEGATIVE_ZERO(CodecTck.ROUND_TRIP_GENERIC),
  /** Decoding reverses every list. */
  REVERSES_LISTS(CodecTck.ROUND_TRIP_GENERIC),
  /** Input that ends too early throws IndexOutOfBoundsException instead of DecodeException. */
  THROWS_INDEX_OUT_OF_BOUNDS_ON_TRUNCATION(CodecTck.TRUNCATED_INPUT),
  /** {@code decode(ByteBuffer)} reads from index 0 instead of the buffer's position. */
  IGNORES_BUFFER_POSITION(CodecTck.ENTRY_POINTS),
  /** Encoding and decoding share a scratch buffer between calls, unsynchronized. */
  NOT_THREAD_SAFE(CodecTck.CONCURRENCY),
  /** A field the data holds but the reader's schema lacks is decoded into another field of the same type. */
  DECODES_REMOVED_FIELD_INTO_WRONG_SLOT(CodecTck.EVOLUTION),
  /** Encoding writes every NaN as the canonical NaN, losing signalling bits, sign and payload (binary formats only). */
  CANONICALISES_NAN_ON_ENCODE(CodecTck.ROUND_TRIP_GENERIC),
  /** Decoding ignores up to 8 bytes after the message instead of rejecting them. */
  ACCEPTS_TRAILING_BYTES(CodecTck.TRAILING_BYTES),
  /** {@code decode(byte[])} returns lists that still read the caller's array (lazily), typed and generic. */
  RETAINS_INPUT(CodecTck.NO_MUTATION),
  /**
   * Truncated input throws IndexOutOfBoundsException, but only through {@code decode(byte[], offset, length)}
   * and heap {@code ByteBuffer}s: {@code decode(byte[])} is correct.
   */
  THROWS_INDEX_OUT_OF_BOUNDS_ON_TRUNCATED_SLICE(CodecTck.TRUNCATED_INPUT),
  /** {@code decodeDelimited} allocates the frame length the stream declares before reading the frame. */
  ALLOCATES_DECLARED_FRAME_LENGTH(CodecTck.GARBAGE_INPUT),
  /** maxDepth does not count what sits inside map values. */
  IGNORES_DEPTH_THROUGH_MAP_VALUES(CodecTck.LIMITS),
  /** The typed (Java record) path shares a scratch buffer between calls, unsynchronized; the generic path is fine. */
  TYPED_PATH_NOT_THREAD_SAFE(CodecTck.CONCURRENCY),
  /** Decoding input that ends early never returns (it ignores interrupts too). */
  HANGS_ON_TRUNCATED_INPUT(CodecTck.TRUNCATED_INPUT);

  private final String caughtBy;

  Mutant(String caughtBy) {
    this.caughtBy = caughtBy;
  }

  /** The property that must catch this mutant. */
  public String caughtBy() {
    return caughtBy;
  }

  /**
   * Why the kit cannot be expected to catch this mutant on {@code format}, or null if it must: a text
   * format need not keep NaN payloads, so a codec that canonicalises them is not wrong there.
   */
  public String exemptionFor(Format format) {
    if (this == CANONICALISES_NAN_ON_ENCODE && !format.isBinary()) {
      return format.name() + " is a text format, which may write every NaN as one token";
    }
    return null;
  }

  /** {@code real}'s codecs with this bug. */
  public CodecProvider wrap(CodecProvider real) {
    return new MutantProvider(this, real);
  }
}
