package io.polycodec.bench.msgpack;

import io.polycodec.bench.model.EmbeddingRecord;
import io.polycodec.bench.payload.Embeddings;
import io.polycodec.schema.Quantization;
import io.polycodec.vector.VectorBytes;
import java.io.IOException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/** An embedding with msgpack-core by hand: the vector as one bin in {@link VectorBytes}' layout. */
public final class EmbeddingMsgpack implements MsgpackMapping<EmbeddingRecord> {
  private final Quantization quantization;

  /** For embeddings stored as {@code quantization}. */
  public EmbeddingMsgpack(Quantization quantization) {
    this.quantization = quantization;
  }

  @Override
  public void write(MessagePacker p, EmbeddingRecord v) throws IOException {
    byte[] bytes = VectorBytes.encode(v.values(), quantization);
    p.packMapHeader(2);
    p.packString("id").packString(v.id());
    p.packString("values").packBinaryHeader(bytes.length).writePayload(bytes);
  }

  @Override
  public EmbeddingRecord read(MessageUnpacker u) throws IOException {
    String id = "";
    float[] values = new float[0];
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "id": id = u.unpackString(); break;
        case "values": {
          int n = u.unpackBinaryHeader();
          values = VectorBytes.decode(u.readPayload(n), 0, n, quantization);
          break;
        }
        default: u.skipValue(); break;
      }
    }
    return Embeddings.create(quantization, id, values);
  }
}
