package io.polycodec.tck.engine;

/**
 * A property found a counterexample. The message names the property, the seed that replays it
 * ({@code -Dpolycodec.tck.seed=…}), the shrunk counterexample and the original one; the cause is the
 * failure of the shrunk counterexample.
 */
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final long seed;
  private final String counterexample;

  PropertyFailure(String property, long seed, String counterexample, String message, Throwable cause) {
    super(message, cause);
    this.property = property;
    this.seed = seed;
    this.counterexample = counterexample;
  }

  /** The property's name. */
  public String property() {
    return property;
  }

  /** The seed of the failing try: {@code -Dpolycodec.tck.seed=<seed>} makes it the first try. */
  public long seed() {
    return seed;
  }

  /** The description of the shrunk counterexample. */
  public String counterexample() {
    return counterexample;
  }
}
