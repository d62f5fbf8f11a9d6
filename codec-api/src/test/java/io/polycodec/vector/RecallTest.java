package io.polycodec.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.schema.Quantization;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Search quality of quantized embeddings (issue 10): 10,000 seeded, clustered 768-dimensional vectors;
 * recall@10 of brute-force inner-product search over the dequantized vectors against the FP32 truth,
 * averaged over 50 queries: at least 0.99 for FP16 and BF16, at least 0.95 for INT8.
 */
class RecallTest {
  static final int N = 10_000;
  static final int DIM = 768;
  static final int QUERIES = 50;
  static final int K = 10;

  /** Clustered unit vectors: 100 random centres, each vector a centre plus noise. */
  static float[][] corpus(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] centres = new float[100][DIM];
    for (float[] c : centres) {
      for (int d = 0; d < DIM; d++) {
        c[d] = (float) r.nextGaussian();
      }
    }
    float[][] v = new float[N][DIM];
    for (int i = 0; i < N; i++) {
      float[] c = centres[r.nextInt(centres.length)];
      double norm = 0;
      for (int d = 0; d < DIM; d++) {
        v[i][d] = c[d] + 0.7f * (float) r.nextGaussian();
        norm += v[i][d] * v[i][d];
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int d = 0; d < DIM; d++) {
        v[i][d] *= inv;
      }
    }
    return v;
  }

  static int[] topK(float[][] data, float[] q, int k) {
    int[] best = new int[k];
    float[] score = new float[k];
    java.util.Arrays.fill(score, Float.NEGATIVE_INFINITY);
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

  /** Mean recall@K of searching {@code approx} against the truth from {@code exact}. */
  static double recall(float[][] exact, float[][] approx, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double hits = 0;
    for (int q = 0; q < QUERIES; q++) {
      float[] query = exact[r.nextInt(N)];
      int[] truth = topK(exact, query, K);
      int[] found = topK(approx, query, K);
      for (int t : truth) {
        for (int f : found) {
          if (t == f) {
            hits++;
            break;
          }
        }
      }
    }
    return hits / (QUERIES * K);
  }

  @Test
  void recallAtTenMeetsTheStatedFloors() {
    float[][] exact = corpus(42);
    for (Quantization q : new Quantization[] {Quantization.FP16, Quantization.BF16, Quantization.INT8}) {
      float[][] approx = new float[N][];
      for (int i = 0; i < N; i++) {
        approx[i] = VectorBytes.roundTrip(exact[i], q);
      }
      double recall = recall(exact, approx, 7);
      double floor = q == Quantization.INT8 ? 0.95 : 0.99;
      System.out.printf("recall@%d %s = %.4f (floor %.2f)%n", K, q, recall, floor);
      assertTrue(recall >= floor, q + " recall@10 " + recall + " < " + floor);
    }
  }
}
