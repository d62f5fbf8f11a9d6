package io.polycodec.bench.model;

import io.polycodec.Quantized;
import io.polycodec.Tag;
import io.polycodec.schema.Quantization;
import java.util.Arrays;

/** An embedding stored as bfloat16 (2 bytes per element). */
public record Bf16Embedding(@Tag(1) String id, @Tag(2) @Quantized(Quantization.BF16) float[] values) implements EmbeddingRecord {

  @Override
  public Quantization quantization() {
    return Quantization.BF16;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bf16Embedding && id.equals(((Bf16Embedding) o).id) && Arrays.equals(values, ((Bf16Embedding) o).values);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Bf16Embedding[" + id + ", " + values.length + " floats]";
  }
}
