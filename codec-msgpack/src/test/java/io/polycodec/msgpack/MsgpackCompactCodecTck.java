package io.polycodec.msgpack;

import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.tck.CodecTck;

/** The TCK against the compact mode: keyed by tag; vectors as arrays, so that both layouts are covered. */
class MsgpackCompactCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    return new MsgpackProvider();
  }

  @Override
  protected CodecOptions options() {
    return CodecOptions.defaults()
        .with(MsgpackOptions.KEYS, MsgpackKeys.TAGS)
        .with(MsgpackOptions.VECTORS, MsgpackVectors.ARRAY);
  }
}
