package io.polycodec.msgpack;

import io.polycodec.CodecProvider;
import io.polycodec.tck.CodecTck;

/** The TCK against the default mode: keyed by name, vectors as bin. */
class MsgpackCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    return new MsgpackProvider();
  }
}
