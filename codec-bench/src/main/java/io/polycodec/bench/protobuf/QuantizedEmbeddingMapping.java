package io.polycodec.bench.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
import io.polycodec.bench.model.EmbeddingRecord;
import io.polycodec.bench.payload.Embeddings;
import io.polycodec.schema.Quantization;
import io.polycodec.vector.VectorBytes;
import io.polycodec.bench.protobuf.gen.QuantizedEmbedding;

/**
 * A quantized embedding ↔ {@code polycodec.bench.QuantizedEmbedding}: the user quantizes with
 * {@link VectorBytes} and stores the bytes (wrapped without a copy, as a careful user would).
 */
public final class QuantizedEmbeddingMapping implements ProtoMapping<EmbeddingRecord, QuantizedEmbedding> {
  private final Quantization quantization;

  /** A mapping for embeddings stored as {@code quantization}. */
  public QuantizedEmbeddingMapping(Quantization quantization) {
    this.quantization = quantization;
  }

  @Override
  public QuantizedEmbedding toProto(EmbeddingRecord v) {
    ByteString bytes = UnsafeByteOperations.unsafeWrap(VectorBytes.encode(v.values(), quantization));
    return QuantizedEmbedding.newBuilder().setId(v.id()).setValues(bytes).build();
  }

  @Override
  public EmbeddingRecord fromProto(QuantizedEmbedding m) {
    byte[] bytes = m.getValues().toByteArray();
    return Embeddings.create(quantization, m.getId(), VectorBytes.decode(bytes, 0, bytes.length, quantization));
  }

  @Override
  public Parser<QuantizedEmbedding> parser() {
    return QuantizedEmbedding.parser();
  }

  @Override
  public Descriptors.Descriptor descriptor() {
    return QuantizedEmbedding.getDescriptor();
  }
}
