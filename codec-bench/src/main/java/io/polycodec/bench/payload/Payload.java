package io.polycodec.bench.payload;

import io.polycodec.bench.model.Bf16Embedding;
import io.polycodec.bench.model.Embedding;
import io.polycodec.bench.model.EmbeddingRecord;
import io.polycodec.bench.model.Fp16Embedding;
import io.polycodec.bench.model.Int8Embedding;
import io.polycodec.bench.model.MediaContent;
import io.polycodec.bench.model.TelemetryBatch;
import io.polycodec.bench.model.TwitterUsers;
import io.polycodec.bench.model.UserProfile;
import io.polycodec.schema.Quantization;
import io.polycodec.vector.VectorBytes;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The payloads every format benchmark runs on, named as in the benchmarks' {@code payload} parameter.
 * The four embeddings hold the same 768 floats, stored raw, FP16, BF16 and INT8.
 */
public enum Payload {
  /** {@link UserProfile}. */
  USER(UserProfile.class, Samples::userProfile),
  /** {@link MediaContent}. */
  MEDIA(MediaContent.class, Samples::mediaContent),
  /** {@link TwitterUsers}: the 100 users of twitter.json. */
  TWITTER(TwitterUsers.class, TwitterData::users),
  /** {@link TelemetryBatch}: 1,000 readings. */
  TELEMETRY(TelemetryBatch.class, Samples::telemetryBatch),
  /** {@link Embedding}: 768 raw float32s. */
  EMBEDDING(Embedding.class, () -> new Embedding("doc-42#p3", Samples.embeddingValues())),
  /** {@link Fp16Embedding}. */
  FP16(Fp16Embedding.class, () -> new Fp16Embedding("doc-42#p3", Samples.embeddingValues())),
  /** {@link Bf16Embedding}. */
  BF16(Bf16Embedding.class, () -> new Bf16Embedding("doc-42#p3", Samples.embeddingValues())),
  /** {@link Int8Embedding}. */
  INT8(Int8Embedding.class, () -> new Int8Embedding("doc-42#p3", Samples.embeddingValues()));

  private final Class<?> type;
  private final Supplier<Object> sample;

  Payload(Class<?> type, Supplier<Object> sample) {
    this.type = type;
    this.sample = sample;
  }

  /** The payload named {@code name} (case-insensitive), as a benchmark's {@code @Param} holds it. */
  public static Payload of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** The record type. */
  public Class<?> type() {
    return type;
  }

  /** The sample value. */
  public Object sample() {
    return sample.get();
  }

  /** Whether the payload is an embedding (of any quantization). */
  public boolean isEmbedding() {
    return EmbeddingRecord.class.isAssignableFrom(type);
  }

  /**
   * What decoding {@code sample}'s encoding must give: the sample itself, except that a quantized
   * vector comes back as {@link VectorBytes#roundTrip} gives it.
   */
  public Object expectedAfterRoundTrip(Object sample) {
    if (!(sample instanceof EmbeddingRecord)) {
      return sample;
    }
    EmbeddingRecord e = (EmbeddingRecord) sample;
    return Embeddings.create(e.quantization(), e.id(), VectorBytes.roundTrip(e.values(), e.quantization()));
  }
}
