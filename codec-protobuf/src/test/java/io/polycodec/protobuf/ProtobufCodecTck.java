package io.polycodec.protobuf;

import io.polycodec.CodecProvider;
import io.polycodec.tck.CodecTck;

/** The compatibility kit on the protobuf codec: every property, none excluded. */
class ProtobufCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    return new ProtobufProvider();
  }
}
