package io.polycodec.msgpack;

import io.polycodec.CodecOption;

/**
 * The options the MessagePack codec reads from {@link io.polycodec.CodecOptions}:
 *
 * <pre>{@code
 * CodecOptions compact = CodecOptions.defaults().with(MsgpackOptions.KEYS, MsgpackKeys.TAGS);
 * Codec<Reading> codec = Codecs.get("msgpack", Reading.class, compact);
 * }</pre>
 *
 * Decoding accepts vectors in either layout whatever {@link #VECTORS} says; {@link #KEYS} must match
 * the writer's, since a name-keyed reader rejects integer keys and a tag-keyed one string keys.
 */
public final class MsgpackOptions {
  /** How record fields and union members are keyed; default {@link MsgpackKeys#NAMES}. */
  public static final CodecOption<MsgpackKeys> KEYS =
      CodecOption.of("msgpack.keys", MsgpackKeys.class, MsgpackKeys.NAMES);

  /** How vectors are written; default {@link MsgpackVectors#BIN}. */
  public static final CodecOption<MsgpackVectors> VECTORS =
      CodecOption.of("msgpack.vectors", MsgpackVectors.class, MsgpackVectors.BIN);

  private MsgpackOptions() {}
}
