package io.polycodec.examples.embeddings;

import io.polycodec.schema.Quantization;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 3: an embedding cache. Seeded 768-dimensional vectors stored as FP32, FP16, BF16 and INT8;
 * memory used, and recall@10 of brute-force search over what the cache returns, against the FP32 truth.
 */
public final class EmbeddingScenario {
  /** Dimensions of each vector, as in common sentence-embedding models. */
  public static final int DIM = 768;

  private EmbeddingScenario() {}

  /** One storage choice's results. */
  public record Row(Quantization quantization, long bytes, double bytesPerVector, double recallAt10) {}

  /** Fills one cache per quantization with {@code n} vectors and measures it; prints a table. */
  public static List<Row> run(PrintStream out, int n, int queries, String format) {
    float[][] truth = SyntheticEmbeddings.generate(n, DIM, 42);
    List<Row> rows = new ArrayList<>();
    for (Quantization q : Quantization.values()) {
      EmbeddingCache cache = new EmbeddingCache(q, format);
      for (int i = 0; i < n; i++) {
        cache.put(i, truth[i]);
      }
      float[][] back = new float[n][];
      for (int i = 0; i < n; i++) {
        back[i] = cache.get(i);
      }
      double recall = q == Quantization.NONE ? 1.0 : BruteForceSearch.recall(truth, back, 10, queries, 7);
      rows.add(new Row(q, cache.bytesUsed(), (double) cache.bytesUsed() / n, recall));
    }
    long fp32 = rows.get(0).bytes();
    out.printf(Locale.ROOT, "3. Embedding cache: %,d seeded %d-dimensional vectors in %s, recall@10 over %d queries%n",
        n, DIM, format, queries);
    out.printf(Locale.ROOT, "   %-8s %12s %14s %9s %11s%n", "storage", "bytes", "bytes/vector", "vs FP32", "recall@10");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "   %-8s %,12d %14.1f %8.2fx %11.4f%n", r.quantization() == Quantization.NONE ? "FP32"
          : r.quantization().name(), r.bytes(), r.bytesPerVector(), (double) r.bytes() / fp32, r.recallAt10());
    }
    return rows;
  }
}
