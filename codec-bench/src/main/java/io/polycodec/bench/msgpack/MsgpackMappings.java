package io.polycodec.bench.msgpack;

import io.polycodec.bench.payload.Payload;
import io.polycodec.schema.Quantization;

/** The hand-written msgpack-core code for each payload. */
public final class MsgpackMappings {
  private MsgpackMappings() {}

  /** The mapping of {@code payload}'s record, typed loosely for the benchmark's parameterized state. */
  @SuppressWarnings("unchecked")
  public static MsgpackMapping<Object> of(Payload payload) {
    MsgpackMapping<?> m;
    switch (payload) {
      case USER: m = new UserProfileMsgpack(); break;
      case MEDIA: m = new MediaContentMsgpack(); break;
      case TWITTER: m = new TwitterUsersMsgpack(); break;
      case TELEMETRY: m = new TelemetryBatchMsgpack(); break;
      case EMBEDDING: m = new EmbeddingMsgpack(Quantization.NONE); break;
      case FP16: m = new EmbeddingMsgpack(Quantization.FP16); break;
      case BF16: m = new EmbeddingMsgpack(Quantization.BF16); break;
      case INT8: m = new EmbeddingMsgpack(Quantization.INT8); break;
      default: throw new AssertionError(payload);
    }
    return (MsgpackMapping<Object>) m;
  }
}
