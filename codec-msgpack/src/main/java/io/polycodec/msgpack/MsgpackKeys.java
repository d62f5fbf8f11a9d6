package io.polycodec.msgpack;

/**
 * How record fields and union members are keyed in MessagePack maps ({@link MsgpackOptions#KEYS}).
 * The choice decides which schema changes are safe: with {@link #NAMES} a rename breaks old data and a
 * tag change does not; with {@link #TAGS} it is the other way round.
 */
public enum MsgpackKeys {
  /**
   * Keys are field and member names as strings, so any MessagePack consumer can read records without
   * knowing the schema. The default.
   */
  NAMES,
  /**
   * Keys are field and member tag numbers as integers: smaller, and safe under renames. The codec's
   * {@link io.polycodec.Format#keying()} is then {@link io.polycodec.FieldKeying#NUMBER}.
   */
  TAGS
}
