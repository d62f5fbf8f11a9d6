package io.polycodec.bench.flatbuffers;

import io.polycodec.bench.payload.Payload;
import io.polycodec.schema.Quantization;

/** The hand-written FlatBuffers code for each payload. */
public final class FlatMappings {
  private FlatMappings() {}

  /** The mapping of {@code payload}'s record, typed loosely for the benchmark's parameterized state. */
  @SuppressWarnings("unchecked")
  public static FlatMapping<Object> of(Payload payload) {
    FlatMapping<?> m;
    switch (payload) {
      case USER: m = new UserProfileFlat(); break;
      case MEDIA: m = new MediaContentFlat(); break;
      case TWITTER: m = new TwitterUsersFlat(); break;
      case TELEMETRY: m = new TelemetryBatchFlat(); break;
      case EMBEDDING: m = new EmbeddingFlat(Quantization.NONE); break;
      case FP16: m = new EmbeddingFlat(Quantization.FP16); break;
      case BF16: m = new EmbeddingFlat(Quantization.BF16); break;
      case INT8: m = new EmbeddingFlat(Quantization.INT8); break;
      default: throw new AssertionError(payload);
    }
    return (FlatMapping<Object>) m;
  }
}
