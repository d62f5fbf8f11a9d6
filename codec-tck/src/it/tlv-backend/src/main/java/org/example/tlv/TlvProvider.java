package org.example.tlv;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecOption;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.bind.RecordBinding;

/**
 * An outside project's backend, written against docs/backend-author.md: a small length-prefixed
 * tag-length-value format. Fields are keyed by tag or (option {@link #KEYING}) by name.
 */
public final class TlvProvider implements CodecProvider {
  /** Field keying: by tag (default) or by name. */
  public static final CodecOption<FieldKeying> KEYING = CodecOption.of("tlv.keying", FieldKeying.class, FieldKeying.NUMBER);

  static final Format FORMAT = Format.builder("tlv").mediaType("application/x-example-tlv")
      .keying(FieldKeying.NUMBER).capabilities(Capability.DETERMINISTIC, Capability.PRESERVES_UNKNOWN_FIELDS).build();

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
    return new TlvCodec<>(binding, options.limits(), FORMAT.withKeying(options.get(KEYING)));
  }
}
