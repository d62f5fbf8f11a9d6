package io.polycodec.tck.mutant;

import io.polycodec.CodecProvider;
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
  DECODES_REMOVED_FIELD_INTO_WRONG_SLOT(CodecTck.EVOLUTION);

  private final String caughtBy;

  Mutant(String caughtBy) {
    this.caughtBy = caughtBy;
  }

  /** The property that must catch this mutant. */
  public String caughtBy() {
    return caughtBy;
  }

  /** {@code real}'s codecs with this bug. */
  public CodecProvider wrap(CodecProvider real) {
    return new MutantProvider(this, real);
  }
}
