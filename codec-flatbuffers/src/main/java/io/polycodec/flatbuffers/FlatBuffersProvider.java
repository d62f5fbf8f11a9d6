package io.polycodec.flatbuffers;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecOption;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.bind.RecordBinding;
import java.util.List;

/**
 * The FlatBuffers backend as {@link io.polycodec.Codecs} finds it ({@code Codecs.get("flatbuffers", T.class)}
 * or media type {@code application/x-flatbuffers}). Codecs it creates are {@link FlatBuffersCodec}s;
 * cast to reach {@link FlatBuffersCodec#view views}.
 */
public final class FlatBuffersProvider implements CodecProvider {
  /** The format's name, {@code flatbuffers}. */
  public static final String NAME = "flatbuffers";

  /**
   * {@code flatbuffers}, {@code application/x-flatbuffers}, binary, keyed by number (field ids derived from tags, see
   * {@link io.polycodec.schema.FlatBuffersFieldIds}),
   * {@link Capability#ZERO_COPY} (views read the caller's buffer in place) and
   * {@link Capability#DETERMINISTIC} (maps are written in key order).
   */
  public static final Format FORMAT = Format.builder(NAME)
      .mediaType("application/x-flatbuffers")
      .binary(true)
      .keying(FieldKeying.NUMBER)
      .capabilities(Capability.ZERO_COPY, Capability.DETERMINISTIC)
      .build();

  /**
   * The largest field tag a FlatBuffers codec accepts. A table's vtable has one 2-byte entry per field id
   * up to the largest present, so tag 1024 already costs a 2 KiB vtable per distinct table shape; larger
   * tags are a {@link io.polycodec.SchemaException} naming the field.
   */
  public static final int MAX_TAG = 1024;

  /** The largest union member tag: a FlatBuffers union's type is one unsigned byte, and 0 means none. */
  public static final int MAX_UNION_TAG = 255;

  /** For {@link java.util.ServiceLoader}. */
  public FlatBuffersProvider() {}

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public List<CodecOption<?>> options() {
    return List.of(FlatBuffersOptions.VERIFY, FlatBuffersOptions.MAX_SHARED_VISITS, FlatBuffersOptions.LAYOUT);
  }

  @Override
  public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
    return FlatBuffersCodec.of(binding, options);
  }
}
