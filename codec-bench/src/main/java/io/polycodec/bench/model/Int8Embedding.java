package io.polycodec.bench.model;

import io.polycodec.Quantized;
import io.polycodec.Tag;
import io.polycodec.schema.Quantization;
import java.util.Arrays;

/** An embedding stored as symmetric INT8 with a float scale (1 byte per element, plus 4). */
public record Int8Embedding(@Tag(1) String id, @Tag(2) @Quantized(Quantization.INT8) float[] values) implements EmbeddingRecord {

  @Override
  public Quantization quantization() {
    return Quantization.INT8;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Int8Embedding && id.equals(((Int8Embedding) o).id) && Arrays.equals(values, ((Int8Embedding) o).values);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Int8Embedding[" + id + ", " + values.length + " floats]";
  }
}
