package io.polycodec.bench.protobuf;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Parser;
import io.polycodec.bench.model.Embedding;

/** {@link Embedding} ↔ the generated {@code polycodec.bench.Embedding} (packed repeated float). */
public final class EmbeddingMapping implements ProtoMapping<Embedding, io.polycodec.bench.protobuf.gen.Embedding> {

  @Override
  public io.polycodec.bench.protobuf.gen.Embedding toProto(Embedding v) {
    io.polycodec.bench.protobuf.gen.Embedding.Builder b =
        io.polycodec.bench.protobuf.gen.Embedding.newBuilder().setId(v.id());
    for (float f : v.values()) {
      b.addValues(f);
    }
    return b.build();
  }

  @Override
  public Embedding fromProto(io.polycodec.bench.protobuf.gen.Embedding m) {
    float[] values = new float[m.getValuesCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = m.getValues(i);
    }
    return new Embedding(m.getId(), values);
  }

  @Override
  public Parser<io.polycodec.bench.protobuf.gen.Embedding> parser() {
    return io.polycodec.bench.protobuf.gen.Embedding.parser();
  }

  @Override
  public Descriptors.Descriptor descriptor() {
    return io.polycodec.bench.protobuf.gen.Embedding.getDescriptor();
  }
}
