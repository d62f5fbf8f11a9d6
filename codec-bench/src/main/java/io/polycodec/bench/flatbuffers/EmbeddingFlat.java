package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.bench.flatbuffers.gen.Embedding;
import io.polycodec.bench.flatbuffers.gen.QuantizedEmbedding;
import io.polycodec.bench.model.EmbeddingRecord;
import io.polycodec.bench.payload.Embeddings;
import io.polycodec.schema.Quantization;
import io.polycodec.vector.VectorBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An embedding with flatc's generated classes by hand: {@code [float]} for raw vectors, a {@code [ubyte]}
 * in {@link VectorBytes}' layout for quantized ones.
 */
public final class EmbeddingFlat implements FlatMapping<EmbeddingRecord> {
  private final Quantization quantization;

  /** For embeddings stored as {@code quantization}. */
  public EmbeddingFlat(Quantization quantization) {
    this.quantization = quantization;
  }

  @Override
  public int build(FlatBufferBuilder b, EmbeddingRecord v) {
    int id = b.createString(v.id());
    if (quantization == Quantization.NONE) {
      return Embedding.createEmbedding(b, id, Embedding.createValuesVector(b, v.values()));
    }
    int values = QuantizedEmbedding.createValuesVector(b, VectorBytes.encode(v.values(), quantization));
    return QuantizedEmbedding.createQuantizedEmbedding(b, id, values);
  }

  @Override
  public EmbeddingRecord read(ByteBuffer buffer) {
    if (quantization == Quantization.NONE) {
      Embedding m = Embedding.getRootAsEmbedding(buffer);
      float[] values = new float[m.valuesLength()];
      ByteBuffer raw = m.valuesAsByteBuffer();
      if (raw != null) {
        raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      }
      return Embeddings.create(quantization, FlatFields.orEmpty(m.id()), values);
    }
    QuantizedEmbedding m = QuantizedEmbedding.getRootAsQuantizedEmbedding(buffer);
    ByteBuffer raw = m.valuesAsByteBuffer();
    byte[] bytes = new byte[raw == null ? 0 : raw.remaining()];
    if (raw != null) {
      raw.get(bytes);
    }
    return Embeddings.create(quantization, FlatFields.orEmpty(m.id()),
        VectorBytes.decode(bytes, 0, bytes.length, quantization));
  }
}
