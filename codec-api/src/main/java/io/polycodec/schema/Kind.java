package io.polycodec.schema;

/**
 * The closed set of kinds in Polycodec's data model. Every backend maps exactly these kinds; see
 * docs/architecture.md for the mapping per format.
 */
public enum Kind {
  /** {@code boolean}. */
  BOOL,
  /** 8-bit signed integer ({@code byte}); held as an {@code int} in -128..127 by bindings. */
  INT8,
  /** 16-bit signed integer ({@code short}); held as an {@code int} in -32768..32767 by bindings. */
  INT16,
  /** 32-bit signed integer ({@code int}). */
  INT32,
  /** 64-bit signed integer ({@code long}). */
  INT64,
  /** IEEE 754 binary32 ({@code float}). */
  FLOAT32,
  /** IEEE 754 binary64 ({@code double}). */
  FLOAT64,
  /** Unicode text ({@code String}), UTF-8 on every binary wire. */
  STRING,
  /** Opaque bytes ({@code byte[]}). */
  BYTES,
  /** A point in time with nanosecond precision ({@code java.time.Instant}). */
  TIMESTAMP,
  /**
   * A signed span of time with nanosecond precision ({@code java.time.Duration}), within
   * {@link DurationRange} (the range of {@code google.protobuf.Duration}).
   */
  DURATION,
  /** A named set of constants with stable numbers ({@code enum}). */
  ENUM,
  /** An ordered sequence ({@code List<E>}). */
  LIST,
  /** A dense numeric vector ({@code float[]}, {@code double[]}), optionally quantized. */
  VECTOR,
  /** A map with string, bool, int32 or int64 keys ({@code Map<K, V>}). */
  MAP,
  /** A record of numbered, named fields ({@code record}). */
  RECORD,
  /** Exactly one of several records ({@code sealed interface}). */
  UNION;

  /** Whether values of this kind are Java primitives in typed records (bool, ints, floats). */
  public boolean isPrimitive() {
    return this == BOOL || this == INT8 || this == INT16 || this == INT32 || this == INT64 || this == FLOAT32
        || this == FLOAT64;
  }

  /**
   * The smallest value of an integer kind (int8 to int64). Decoders reject an int8 or int16 outside
   * {@code minValue()..maxValue()} with a {@link io.polycodec.DecodeException}, as a Java byte or short
   * could not hold it.
   *
   * @throws IllegalStateException for a kind that is not an integer
   */
  public long minValue() {
    return switch (this) {
      case INT8 -> Byte.MIN_VALUE;
      case INT16 -> Short.MIN_VALUE;
      case INT32 -> Integer.MIN_VALUE;
      case INT64 -> Long.MIN_VALUE;
      default -> throw new IllegalStateException(this + " is not an integer kind");
    };
  }

  /**
   * The largest value of an integer kind (int8 to int64).
   *
   * @throws IllegalStateException for a kind that is not an integer
   */
  public long maxValue() {
    return switch (this) {
      case INT8 -> Byte.MAX_VALUE;
      case INT16 -> Short.MAX_VALUE;
      case INT32 -> Integer.MAX_VALUE;
      case INT64 -> Long.MAX_VALUE;
      default -> throw new IllegalStateException(this + " is not an integer kind");
    };
  }

  /** Whether this is int8 or int16: held as an int, with a narrower range checked on decode. */
  public boolean isNarrowInt() {
    return this == INT8 || this == INT16;
  }

  /** For messages: {@code int8, a Java byte (-128 to 127)}, the same for int16; null for other kinds. */
  public String rangeText() {
    return this == INT8 ? "int8, a Java byte (-128 to 127)"
        : this == INT16 ? "int16, a Java short (-32768 to 32767)" : null;
  }

  /** Whether this kind is a collection (list, map, vector), which cannot be optional or nested. */
  public boolean isCollection() {
    return this == LIST || this == MAP || this == VECTOR;
  }

  /** Whether this kind names a type of its own (record, enum, union). */
  public boolean isNamed() {
    return this == RECORD || this == ENUM || this == UNION;
  }
}
