package io.polycodec.evolution;

import java.util.Objects;

/**
 * One difference the checker found between a writer and a reader schema, graded, located and
 * explained: {@code UserProfile.email (tag 4): string → int64 is not readable in protobuf}. A result
 * lists {@link Severity#BREAKING} differences as {@link CompatibilityResult#reasons() reasons} and the
 * others ({@link Severity#CAVEAT caveats} and {@link Severity#SAFE safe} ones) as
 * {@link CompatibilityResult#notes() notes}. Immutable.
 *
 * @param context which comparison of a history check found it ({@code "v2 → candidate (backward)"}),
 *     or empty for a single writer/reader check
 * @param path where: the root record's name, then field names, {@code []} for a list element,
 *     {@code {}} for a map value, {@code (Member)} for a union member; for example
 *     {@code Order.lines[].product}
 * @param tag the tag of the field at the end of the path, or 0 where none applies
 * @param message what changed and why it matters (or why it does not), naming the format
 * @param severity how much it matters
 */
public record Reason(String context, String path, int tag, String message, Severity severity) {
  /** Checks that nothing is null. */
  public Reason {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(severity, "severity");
  }

  /**
   * A {@link Severity#SAFE} difference; kept for callers written before reasons were graded.
   *
   * @throws NullPointerException if a string is null
   */
  public Reason(String context, String path, int tag, String message) {
    this(context, path, tag, message, Severity.SAFE);
  }

  /** The same reason found in another comparison. */
  public Reason withContext(String newContext) {
    return new Reason(newContext, path, tag, message, severity);
  }

  /** {@code path[ (tag n)]}: where the difference is, as reports show it. */
  public String location() {
    return path + (tag > 0 ? " (tag " + tag + ")" : "");
  }

  /** {@code [context: ]path[ (tag n)]: message}. */
  @Override
  public String toString() {
    return (context.isEmpty() ? "" : context + ": ") + location() + ": " + message;
  }
}
