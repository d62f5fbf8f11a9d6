package io.polycodec.schema;

/**
 * The closed set of kinds in Polycodec's data model. Every backend maps exactly these kinds; see
 * docs/architecture.md for the mapping per format.
 */
public enum Kind {
  /** {@code boolean}. */
  BOOL,
  /** 32-bit signed integer ({@code int}; {@code byte} and {@code short} widen to it). */
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
    return this == BOOL || this == INT32 || this == INT64 || this == FLOAT32 || this == FLOAT64;
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
