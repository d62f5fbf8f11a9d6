package io.polycodec;

/** What a codec promises beyond exact round trips; the TCK checks each promise a codec makes. */
public enum Capability {
  /** Equal values always encode to identical bytes (maps are written in sorted key order). */
  DETERMINISTIC,
  /** {@code decode(ByteBuffer)} or a view may read the caller's buffer in place; see the codec's documentation for how long. */
  ZERO_COPY,
  /** Data can be decoded without a schema, into plain Java values ({@link Codecs#schemaless}). */
  SELF_DESCRIBING,
  /** Fields unknown to the schema survive a decode and re-encode of a {@link GenericRecord}. */
  PRESERVES_UNKNOWN_FIELDS
}
