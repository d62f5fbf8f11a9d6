package io.polycodec.bench.payload;

import io.polycodec.bench.model.Bf16Embedding;
import io.polycodec.bench.model.Embedding;
import io.polycodec.bench.model.EmbeddingRecord;
import io.polycodec.bench.model.Fp16Embedding;
import io.polycodec.bench.model.Int8Embedding;
import io.polycodec.schema.Quantization;

/** Creates the embedding record that stores vectors with a given quantization. */
public final class Embeddings {
  private Embeddings() {}

  /** The record of {@code q} holding {@code id} and {@code values}. */
  public static EmbeddingRecord create(Quantization q, String id, float[] values) {
    switch (q) {
      case NONE: return new Embedding(id, values);
      case FP16: return new Fp16Embedding(id, values);
      case BF16: return new Bf16Embedding(id, values);
      case INT8: return new Int8Embedding(id, values);
      default: throw new AssertionError(q);
    }
  }
}
