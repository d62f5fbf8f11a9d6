package io.polycodec.evolution;

/**
 * Which directions a new schema must be compatible in, and against which earlier versions; the
 * convention of schema registries.
 *
 * <ul>
 *   <li>BACKWARD: the new schema reads data written with the previous one (upgrade readers first).
 *   <li>FORWARD: the previous schema reads data written with the new one (upgrade writers first).
 *   <li>FULL: both.
 *   <li>The {@code _TRANSITIVE} variants check against every earlier version, not only the latest.
 *   <li>NONE: no check.
 * </ul>
 */
public enum CompatibilityMode {
  /** The candidate reads data of the latest version. */
  BACKWARD,
  /** The latest version reads data of the candidate. */
  FORWARD,
  /** Both {@link #BACKWARD} and {@link #FORWARD}. */
  FULL,
  /** The candidate reads data of every version. */
  BACKWARD_TRANSITIVE,
  /** Every version reads data of the candidate. */
  FORWARD_TRANSITIVE,
  /** Both directions against every version. */
  FULL_TRANSITIVE,
  /** Nothing is checked. */
  NONE;

  /** Whether the candidate must read older data. */
  public boolean backward() {
    return this == BACKWARD || this == FULL || this == BACKWARD_TRANSITIVE || this == FULL_TRANSITIVE;
  }

  /** Whether older versions must read the candidate's data. */
  public boolean forward() {
    return this == FORWARD || this == FULL || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
  }

  /** Whether every version of the history is checked, not only the latest. */
  public boolean transitive() {
    return this == BACKWARD_TRANSITIVE || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
  }
}
