package io.polycodec.bench.jackson;

/**
 * What a Jackson user stores for a quantized embedding: the vector already converted to bytes (Jackson
 * writes {@code byte[]} as base64 in JSON and as bin in MessagePack).
 */
public record EmbeddingBytes(String id, byte[] values) {}
