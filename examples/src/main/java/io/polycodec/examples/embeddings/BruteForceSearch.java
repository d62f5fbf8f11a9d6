package io.polycodec.examples.embeddings;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Exact top-k inner-product search, and recall@k of one vector set against another. */
public final class BruteForceSearch {
  private BruteForceSearch() {}

  /** The indexes of the {@code k} vectors with the largest inner product with {@code q}, best first. */
  public static int[] topK(float[][] data, float[] q, int k) {
    int[] best = new int[k];
    float[] score = new float[k];
    Arrays.fill(score, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < data.length; i++) {
      float s = 0;
      float[] x = data[i];
      for (int d = 0; d < x.length; d++) {
        s += x[d] * q[d];
      }
      if (s > score[k - 1]) {
        int j = k - 1;
        while (j > 0 && score[j - 1] < s) {
          score[j] = score[j - 1];
          best[j] = best[j - 1];
          j--;
        }
        score[j] = s;
        best[j] = i;
      }
    }
    return best;
  }

  /**
   * Mean recall@k over {@code queries} queries drawn (seeded) from {@code exact}: the share of the true
   * top-k (searched in {@code exact}) that a search in {@code approx} finds.
   */
  public static double recall(float[][] exact, float[][] approx, int k, int queries, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double hits = 0;
    for (int q = 0; q < queries; q++) {
      float[] query = exact[r.nextInt(exact.length)];
      int[] truth = topK(exact, query, k);
      int[] found = topK(approx, query, k);
      for (int t : truth) {
        for (int f : found) {
          if (t == f) {
            hits++;
            break;
          }
        }
      }
    }
    return hits / (queries * (double) k);
  }
}
