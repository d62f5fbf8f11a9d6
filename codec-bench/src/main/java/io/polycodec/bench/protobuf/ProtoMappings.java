package io.polycodec.bench.protobuf;

import com.google.protobuf.Message;
import io.polycodec.bench.payload.Payload;
import io.polycodec.schema.Quantization;

/** The hand-written mapping for each payload. */
public final class ProtoMappings {
  private ProtoMappings() {}

  /** The mapping of {@code payload}'s record, typed loosely for the benchmark's parameterized state. */
  @SuppressWarnings("unchecked")
  public static ProtoMapping<Object, Message> of(Payload payload) {
    ProtoMapping<?, ?> m;
    switch (payload) {
      case USER: m = new UserProfileMapping(); break;
      case MEDIA: m = new MediaContentMapping(); break;
      case TWITTER: m = new TwitterUsersMapping(); break;
      case TELEMETRY: m = new TelemetryBatchMapping(); break;
      case EMBEDDING: m = new EmbeddingMapping(); break;
      case FP16: m = new QuantizedEmbeddingMapping(Quantization.FP16); break;
      case BF16: m = new QuantizedEmbeddingMapping(Quantization.BF16); break;
      case INT8: m = new QuantizedEmbeddingMapping(Quantization.INT8); break;
      default: throw new AssertionError(payload);
    }
    return (ProtoMapping<Object, Message>) m;
  }
}
