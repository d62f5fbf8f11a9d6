package io.polycodec.tck.tlv;

import io.polycodec.CodecOptions;
import io.polycodec.FieldKeying;

/** The kit on the test-only TLV codec in its name-keyed mode, so that both keyings' evolution rules run. */
class TlvNameKeyedCodecTck extends TlvCodecTck {
  @Override
  protected CodecOptions options() {
    return CodecOptions.defaults().with(TlvProvider.KEYING, FieldKeying.NAME);
  }
}
