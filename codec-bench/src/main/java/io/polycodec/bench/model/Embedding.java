package io.polycodec.bench.model;

import io.polycodec.Tag;
import io.polycodec.schema.Quantization;
import java.util.Arrays;

/** An embedding stored as raw float32s (4 bytes per element). */
public record Embedding(@Tag(1) String id, @Tag(2) float[] values) implements EmbeddingRecord {

  @Override
  public Quantization quantization() {
    return Quantization.NONE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding && id.equals(((Embedding) o).id) && Arrays.equals(values, ((Embedding) o).values);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Embedding[" + id + ", " + values.length + " floats]";
  }
}
