package io.polycodec.evolution;

/**
 * How much one difference between a writer and a reader schema matters, judged by what the format's
 * readers do with real bytes. A result is compatible when no difference is {@link #BREAKING}, unless
 * {@link CompatibilityResult#caveatsAsBreaking()} makes {@link #CAVEAT}s count too.
 */
public enum Severity {
  /** Data will not read, or will read as something else (a value moved to another field, a lost group). */
  BREAKING,
  /**
   * Data reads, but some values may be truncated, change sign or lose their presence (an int64 read as
   * int32, a uint32 as int32): compatible unless the caller asks for the strict reading. Never used for
   * a change under which some data fails to decode.
   */
  CAVEAT,
  /** Data reads with the same values (an added optional field, a rename where fields are keyed by tag). */
  SAFE,
  /**
   * The wire is fine, but the schema language's own hygiene rule is not kept: a field or enum value
   * deleted without reserving its number and name, so that a later version may reuse them. Never
   * counted as breaking, not even by {@link CompatibilityResult#caveatsAsBreaking()}.
   */
  POLICY;

  /** The lower-case name used in JSON output: {@code breaking}, {@code caveat}, {@code safe}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
