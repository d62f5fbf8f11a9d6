package io.polycodec.tck.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How many tries properties run and from which seed. Immutable.
 *
 * <p>{@code -Dpolycodec.tck.tries=N} sets the base (default {@value #DEFAULT_TRIES}): a property declared
 * with {@code t} tries runs {@code t * N / 100} of them (at least one), so the whole kit scales together.
 * {@code -Dpolycodec.tck.seed=S} replays: the first try of every property then uses seed {@code S}
 * exactly, which is the seed a failure report prints, so the failing example comes back first.
 * Without it each run draws a fresh random seed. {@code -Dpolycodec.tck.properties=a,b} runs only the
 * properties named (the others are reported as skipped), so one failure can be replayed alone with its
 * seed. {@code -Dpolycodec.tck.inputTimeoutSeconds=T} sets how long one hostile input may take to
 * decode before the kit reports a hang (default {@value #DEFAULT_INPUT_TIMEOUT_SECONDS} s).
 */
public final class Settings {
  /** System property: the base number of tries. */
  public static final String TRIES_PROPERTY = "polycodec.tck.tries";
  /** System property: the seed to replay. */
  public static final String SEED_PROPERTY = "polycodec.tck.seed";
  /** System property: a comma-separated list of the property names to run (default: all). */
  public static final String PROPERTIES_PROPERTY = "polycodec.tck.properties";
  /** System property: the seconds one guarded decode may take before it counts as a hang. */
  public static final String INPUT_TIMEOUT_PROPERTY = "polycodec.tck.inputTimeoutSeconds";
  /** The base number of tries when none is set. */
  public static final int DEFAULT_TRIES = 100;
  /**
   * Seconds one guarded decode may take: a hang guard, not a speed threshold (the inputs are at most a
   * few KiB and decode in microseconds), small enough that a hang is reported in seconds.
   */
  public static final int DEFAULT_INPUT_TIMEOUT_SECONDS = 5;

  private final int tries;
  private final Long seed;
  private final long runSeed;
  private final int maxShrinkEvaluations;
  private final long shrinkNanos;
  private final Set<String> only;
  private final long inputTimeoutMillis;

  private Settings(int tries, Long seed, long runSeed, int maxShrinkEvaluations, long shrinkNanos, Set<String> only,
      long inputTimeoutMillis) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be at least 1, was " + tries);
    }
    this.tries = tries;
    this.seed = seed;
    this.runSeed = runSeed;
    this.maxShrinkEvaluations = maxShrinkEvaluations;
    this.shrinkNanos = shrinkNanos;
    this.only = only;
    if (inputTimeoutMillis < 1) {
      throw new IllegalArgumentException("the input timeout must be positive, was " + inputTimeoutMillis + " ms");
    }
    this.inputTimeoutMillis = inputTimeoutMillis;
  }

  /** Default tries, a fresh random seed. */
  public static Settings defaults() {
    return new Settings(DEFAULT_TRIES, null, new SplittableRandom().nextLong(), 2000, 20_000_000_000L, null,
        DEFAULT_INPUT_TIMEOUT_SECONDS * 1000L);
  }

  /**
   * The defaults overridden by {@code polycodec.tck.tries}, {@code polycodec.tck.seed},
   * {@code polycodec.tck.properties} and {@code polycodec.tck.inputTimeoutSeconds} where set.
   *
   * @throws IllegalArgumentException if a number is set but not a number (tries and timeout: positive ints)
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
    String names = System.getProperty(PROPERTIES_PROPERTY);
    if (names != null && !names.isBlank()) {
      s = s.onlyProperties(names.split(","));
    }
    String timeout = System.getProperty(INPUT_TIMEOUT_PROPERTY);
    if (timeout != null && !timeout.isBlank()) {
      try {
        s = s.withInputTimeoutMillis(Math.multiplyExact(Integer.parseInt(timeout.trim()), 1000L));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(INPUT_TIMEOUT_PROPERTY + " must be a positive integer, was '" + timeout + "'", e);
      }
    }
    return s;
  }

  /**
   * A copy that runs only the properties named (blank names ignored); the kit reports the others as
   * skipped. No names means all.
   */
  public Settings onlyProperties(String... names) {
    Set<String> set = new LinkedHashSet<>();
    for (String n : names) {
      if (n != null && !n.isBlank()) {
        set.add(n.trim());
      }
    }
    return new Settings(tries, seed, runSeed, maxShrinkEvaluations, shrinkNanos, set.isEmpty() ? null : Set.copyOf(set),
        inputTimeoutMillis);
  }

  /** A copy in which one guarded decode may take {@code millis} ms before it is reported as a hang. */
  public Settings withInputTimeoutMillis(long millis) {
    return new Settings(tries, seed, runSeed, maxShrinkEvaluations, shrinkNanos, only, millis);
  }

  /** Whether the property named {@code name} is to run (all are, unless {@link #onlyProperties} chose some). */
  public boolean selects(String name) {
    return only == null || only.contains(name);
  }

  /** The property names chosen by {@link #onlyProperties}, or an empty set if all run. */
  public Set<String> selectedProperties() {
    return only == null ? Set.of() : only;
  }

  /** How long one guarded decode may take before it is reported as a hang, in milliseconds. */
  public long inputTimeoutMillis() {
    return inputTimeoutMillis;
  }

  /** A copy with another base number of tries. */
  public Settings withTries(int baseTries) {
    return new Settings(baseTries, seed, runSeed, maxShrinkEvaluations, shrinkNanos, only, inputTimeoutMillis);
  }

  /** A copy replaying {@code replaySeed}. */
  public Settings withSeed(long replaySeed) {
    return new Settings(tries, replaySeed, replaySeed, maxShrinkEvaluations, shrinkNanos, only, inputTimeoutMillis);
  }

  /** A copy that spends at most {@code evaluations} property runs and {@code millis} ms shrinking one failure. */
  public Settings withShrinkBudget(int evaluations, long millis) {
    return new Settings(tries, seed, runSeed, evaluations, millis * 1_000_000L, only, inputTimeoutMillis);
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
    return "tries=" + tries + (seed != null ? ", replaying seed " + seed : ", run seed " + runSeed)
        + (only != null ? ", only " + String.join(",", only) : "")
        + (inputTimeoutMillis != DEFAULT_INPUT_TIMEOUT_SECONDS * 1000L ? ", input timeout " + inputTimeoutMillis + " ms" : "");
  }
}
