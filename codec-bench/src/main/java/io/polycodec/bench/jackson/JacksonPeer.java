package io.polycodec.bench.jackson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.polycodec.bench.model.EmbeddingRecord;
import io.polycodec.bench.payload.Embeddings;
import io.polycodec.bench.payload.Payload;
import io.polycodec.schema.Quantization;
import io.polycodec.vector.VectorBytes;
import java.io.IOException;

/**
 * A payload through Jackson databind the way an application does it: an {@link ObjectWriter} and an
 * {@link ObjectReader} made once for the type and reused. Quantized embeddings are converted to bytes
 * first ({@link EmbeddingBytes}), since Jackson has no notion of quantization.
 */
public abstract class JacksonPeer {
  /** The encoding of {@code value}. */
  public abstract byte[] encode(Object value) throws IOException;

  /** The value {@code bytes} hold. */
  public abstract Object decode(byte[] bytes) throws IOException;

  /** A peer for {@code payload} through {@code mapper}. */
  public static JacksonPeer of(ObjectMapper mapper, Payload payload) {
    Object sample = payload.sample();
    if (sample instanceof EmbeddingRecord && ((EmbeddingRecord) sample).quantization() != Quantization.NONE) {
      return new QuantizedBytes(mapper, ((EmbeddingRecord) sample).quantization());
    }
    return new Direct(mapper, payload.type());
  }

  private static final class Direct extends JacksonPeer {
    private final ObjectWriter writer;
    private final ObjectReader reader;

    Direct(ObjectMapper mapper, Class<?> type) {
      this.writer = mapper.writerFor(type);
      this.reader = mapper.readerFor(type);
    }

    @Override
    public byte[] encode(Object value) throws IOException {
      return writer.writeValueAsBytes(value);
    }

    @Override
    public Object decode(byte[] bytes) throws IOException {
      return reader.readValue(bytes);
    }
  }

  private static final class QuantizedBytes extends JacksonPeer {
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final Quantization quantization;

    QuantizedBytes(ObjectMapper mapper, Quantization quantization) {
      this.writer = mapper.writerFor(EmbeddingBytes.class);
      this.reader = mapper.readerFor(EmbeddingBytes.class);
      this.quantization = quantization;
    }

    @Override
    public byte[] encode(Object value) throws IOException {
      EmbeddingRecord e = (EmbeddingRecord) value;
      return writer.writeValueAsBytes(new EmbeddingBytes(e.id(), VectorBytes.encode(e.values(), quantization)));
    }

    @Override
    public Object decode(byte[] bytes) throws IOException {
      EmbeddingBytes e = reader.readValue(bytes);
      return Embeddings.create(quantization, e.id(),
          VectorBytes.decode(e.values(), 0, e.values().length, quantization));
    }
  }
}
