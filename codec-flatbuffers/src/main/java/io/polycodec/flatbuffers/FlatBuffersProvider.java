package io.polycodec.flatbuffers;

import io.polycodec.Codec;
import io.polycodec.CodecOption;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Format;
import io.polycodec.bind.RecordBinding;
import java.util.List;

/**
 * The FlatBuffers backend as {@link io.polycodec.Codecs} finds it ({@code Codecs.get("flatbuffers", T.class)}
 * or media type {@code application/x-flatbuffers}). Codecs it creates are {@link FlatBuffersCodec}s;
 * cast to reach {@link FlatBuffersCodec#view views}.
 */
public final class FlatBuffersProvider implements CodecProvider {

  /** For {@link java.util.ServiceLoader}. */
  public FlatBuffersProvider() {}

  @Override
  public Format format() {
    return FlatBuffersFormat.FORMAT;
  }

  @Override
  public List<CodecOption<?>> options() {
    return List.of(FlatBuffersOptions.VERIFY, FlatBuffersOptions.MAX_SHARED_VISITS);
  }

  @Override
  public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
    return FlatBuffersCodec.of(binding, options);
  }
}
