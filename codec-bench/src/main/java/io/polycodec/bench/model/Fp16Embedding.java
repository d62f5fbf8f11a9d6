package io.polycodec.bench.model;

import io.polycodec.Quantized;
import io.polycodec.Tag;
import io.polycodec.schema.Quantization;
import java.util.Arrays;

/** An embedding stored as IEEE binary16 (2 bytes per element). */
public record Fp16Embedding(@Tag(1) String id, @Tag(2) @Quantized(Quantization.FP16) float[] values) implements EmbeddingRecord {

  @Override
  public Quantization quantization() {
    return Quantization.FP16;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp16Embedding && id.equals(((Fp16Embedding) o).id) && Arrays.equals(values, ((Fp16Embedding) o).values);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Fp16Embedding[" + id + ", " + values.length + " floats]";
  }
}
