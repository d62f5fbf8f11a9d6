package io.polycodec.examples.embeddings;

import java.util.SplittableRandom;

/**
 * Seeded, clustered unit vectors standing in for sentence embeddings: 100 random centres, each vector a
 * centre plus Gaussian noise, normalised. Clustering matters: it puts many near neighbours close
 * together, which is where quantization error can reorder a top-10.
 */
public final class SyntheticEmbeddings {
  private SyntheticEmbeddings() {}

  /** {@code n} vectors of {@code dim} dimensions from {@code seed}. */
  public static float[][] generate(int n, int dim, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] centres = new float[100][dim];
    for (float[] c : centres) {
      for (int d = 0; d < dim; d++) {
        c[d] = (float) r.nextGaussian();
      }
    }
    float[][] v = new float[n][dim];
    for (int i = 0; i < n; i++) {
      float[] c = centres[r.nextInt(centres.length)];
      double norm = 0;
      for (int d = 0; d < dim; d++) {
        v[i][d] = c[d] + 0.7f * (float) r.nextGaussian();
        norm += v[i][d] * v[i][d];
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int d = 0; d < dim; d++) {
        v[i][d] *= inv;
      }
    }
    return v;
  }
}
