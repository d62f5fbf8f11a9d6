package io.polycodec.examples.embeddings;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import io.polycodec.schema.Field;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory embedding cache that keeps each entry encoded, as a remote cache (Redis, memcached)
 * would: the bytes are what it costs. The vector field's quantization is the one knob.
 */
public final class EmbeddingCache {
  private final Quantization quantization;
  private final Codec<GenericRecord> codec;
  private final RecordSchema schema;
  private final Map<Long, byte[]> entries = new HashMap<>();
  private long bytes;

  /** A cache storing vectors as {@code quantization} in {@code format}. */
  public EmbeddingCache(Quantization quantization, String format) {
    this.quantization = quantization;
    this.schema = RecordSchema.of("Embedding", Field.of("id", 1, Schema.int64()),
        Field.of("vector", 2, Schema.float32Vector(quantization)));
    this.codec = Codecs.generic(format, schema);
  }

  /** Stores a vector. */
  public void put(long id, float[] vector) {
    byte[] b = codec.encode(GenericRecord.builder(schema).set("id", id).set("vector", vector).build());
    byte[] prior = entries.put(id, b);
    bytes += b.length - (prior == null ? 0 : prior.length);
  }

  /** The vector stored under {@code id}, or null. */
  public float[] get(long id) {
    byte[] b = entries.get(id);
    return b == null ? null : (float[]) codec.decode(b).get("vector");
  }

  /** The encoded bytes held, payload only (no map overhead). */
  public long bytesUsed() {
    return bytes;
  }

  /** The number of entries. */
  public int size() {
    return entries.size();
  }

  /** How vectors are stored. */
  public Quantization quantization() {
    return quantization;
  }
}
