package io.polycodec;

/**
 * How a format identifies a record's fields on the wire, which decides what schema changes are safe: a
 * rename is harmless where fields are keyed by number and breaking where they are keyed by name; a
 * changed tag is the reverse.
 */
public enum FieldKeying {
  /** By field name (JSON, MessagePack in its default mode). */
  NAME,
  /** By field tag number (Protobuf, FlatBuffers, MessagePack in compact mode). */
  NUMBER
}
