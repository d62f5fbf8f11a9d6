package io.polycodec.protobuf;

import java.util.function.LongConsumer;

/**
 * Runs a seeded property: {@code -Dpolycodec.seed=N} replays one seed; otherwise a fresh base seed each
 * run. A failure names the seed that produced it.
 */
final class Seeds {
  private Seeds() {}

  static void forEach(int trials, LongConsumer property) {
    String fixed = System.getProperty("polycodec.seed");
    long base = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    int n = fixed != null ? 1 : trials;
    for (int i = 0; i < n; i++) {
      long seed = base + i;
      try {
        property.accept(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("failed for seed " + seed + " (replay with -Dpolycodec.seed=" + seed + "): " + e, e);
      }
    }
  }
}
