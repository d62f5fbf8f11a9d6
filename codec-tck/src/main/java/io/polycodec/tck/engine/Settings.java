package io.polycodec.tck.engine;

import java.util.SplittableRandom;

/**
 * How many tries properties run and from which seed. Immutable.
 *
 * <p>{@code -Dpolycodec.tck.tries=N} sets the base (default {@value #DEFAULT_TRIES}): a property declared
 * with {@code t} tries runs {@code t * N / 100} of them (at least one), so the whole kit scales together.
 * {@code -Dpolycodec.tck.seed=S} replays: the first try of every property then uses seed {@code S}
 * exactly, which is the seed a failure report prints, so the failing example comes back first.
 * Without it each run draws a fresh random seed.
 */
public final class Settings {
  /** System property: the base number of tries. */
  public static final String TRIES_PROPERTY = "polycodec.tck.tries";
  /** System property: the seed to replay. */
  public static final String SEED_PROPERTY = "polycodec.tck.seed";
  /** The base number of tries when none is set. */
  public static final int DEFAULT_TRIES = 100;

  private final int tries;
  private final Long seed;
  private final long runSeed;
  private final int maxShrinkEvaluations;
  private final long shrinkNanos;

  private Settings(int tries, Long seed, long runSeed, int maxShrinkEvaluations, long shrinkNanos) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be at least 1, was " + tries);
    }
    this.tries = tries;
    this.seed = seed;
    this.runSeed = runSeed;
    this.maxShrinkEvaluations = maxShrinkEvaluations;
    this.shrinkNanos = shrinkNanos;
  }

  /** Default tries, a fresh random seed. */
  public static Settings defaults() {
    return new Settings(DEFAULT_TRIES, null, new SplittableRandom().nextLong(), 2000, 20_000_000_000L);
  }

  /**
   * The defaults overridden by {@code polycodec.tck.tries} and {@code polycodec.tck.seed} where set.
   *
   * @throws IllegalArgumentException if either is set but not a number (tries: a positive int)
   */
  public static Settings fromSystemProperties() {
    Settings s = defaults();
    String t = System.getProperty(TRIES_PROPERTY);
    if (t != null && !t.isBlank()) {
      try {
        s = s.withTries(Integer.parseInt(t.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(TRIES_PROPERTY + " must be a positive integer, was '" + t + "'", e);
      }
    }
    String seedText = System.getProperty(SEED_PROPERTY);
    if (seedText != null && !seedText.isBlank()) {
      try {
        s = s.withSeed(Long.parseLong(seedText.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(SEED_PROPERTY + " must be a long, was '" + seedText + "'", e);
      }
    }
    return s;
  }

  /** A copy with another base number of tries. */
  public Settings withTries(int baseTries) {
    return new Settings(baseTries, seed, runSeed, maxShrinkEvaluations, shrinkNanos);
  }

  /** A copy replaying {@code replaySeed}. */
  public Settings withSeed(long replaySeed) {
    return new Settings(tries, replaySeed, replaySeed, maxShrinkEvaluations, shrinkNanos);
  }

  /** A copy that spends at most {@code evaluations} property runs and {@code millis} ms shrinking one failure. */
  public Settings withShrinkBudget(int evaluations, long millis) {
    return new Settings(tries, seed, runSeed, evaluations, millis * 1_000_000L);
  }

  /** The base number of tries. */
  public int tries() {
    return tries;
  }

  /** Whether a seed was given to replay. */
  public boolean isReplay() {
    return seed != null;
  }

  /** The seed the run derives its try seeds from. */
  public long runSeed() {
    return runSeed;
  }

  /** The tries for a property declared with {@code declared} tries at the default base. */
  public int scale(int declared) {
    return (int) Math.max(1, Math.ceil((double) declared * tries / DEFAULT_TRIES));
  }

  int maxShrinkEvaluations() {
    return maxShrinkEvaluations;
  }

  long shrinkNanos() {
    return shrinkNanos;
  }

  /** The seed of try {@code attempt} (0-based) of {@code property}. */
  public long seedFor(String property, int attempt) {
    if (seed != null && attempt == 0) {
      return seed;
    }
    long h = runSeed ^ (property.hashCode() * 0x9E3779B97F4A7C15L);
    h += (attempt + 1) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  @Override
  public String toString() {
    return "tries=" + tries + (seed != null ? ", replaying seed " + seed : ", run seed " + runSeed);
  }
}
