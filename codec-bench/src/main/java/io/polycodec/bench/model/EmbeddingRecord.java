package io.polycodec.bench.model;

import io.polycodec.schema.Quantization;

/**
 * What the four embedding records share, so that peers and checks can treat them alike. Each record
 * stores its vector with a different {@link Quantization}; equality compares vectors by content.
 */
public interface EmbeddingRecord {
  /** The vector's key. */
  String id();

  /** The vector. */
  float[] values();

  /** How the record's codec stores {@link #values()}. */
  Quantization quantization();
}
