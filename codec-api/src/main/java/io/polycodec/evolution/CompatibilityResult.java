package io.polycodec.evolution;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of a compatibility check: a {@link Grade}, the breaking {@link #reasons()} (empty unless
 * incompatible) and the harmless {@link #notes()} (what changed but still reads). Immutable.
 */
public final class CompatibilityResult {
  /** How two schemas relate for one format. */
  public enum Grade {
    /** The schemas are equal: same canonical snapshot. */
    IDENTICAL,
    /** The schemas differ, but every difference is readable in the format; see the notes. */
    COMPATIBLE,
    /** Some data written with the writer schema cannot be read, or would read as something else; see the reasons. */
    INCOMPATIBLE
  }

  private final Grade grade;
  private final String format;
  private final List<Reason> reasons;
  private final List<Reason> notes;

  private CompatibilityResult(Grade grade, String format, List<Reason> reasons, List<Reason> notes) {
    this.grade = grade;
    this.format = format;
    this.reasons = List.copyOf(reasons);
    this.notes = List.copyOf(notes);
  }

  /**
   * A result; the grade is INCOMPATIBLE if there are reasons, IDENTICAL if {@code identical}, else
   * COMPATIBLE.
   *
   * @throws IllegalArgumentException if {@code identical} is claimed together with reasons or notes
   */
  static CompatibilityResult of(boolean identical, String format, List<Reason> reasons, List<Reason> notes) {
    if (identical && (!reasons.isEmpty() || !notes.isEmpty())) {
      throw new IllegalArgumentException("identical schemas have no differences");
    }
    Grade g = !reasons.isEmpty() ? Grade.INCOMPATIBLE : identical ? Grade.IDENTICAL : Grade.COMPATIBLE;
    return new CompatibilityResult(g, Objects.requireNonNull(format, "format"), reasons, notes);
  }

  /** The grade. */
  public Grade grade() {
    return grade;
  }

  /** Whether the grade is IDENTICAL or COMPATIBLE. */
  public boolean isCompatible() {
    return grade != Grade.INCOMPATIBLE;
  }

  /** The name of the format the rules of which were applied. */
  public String format() {
    return format;
  }

  /** Every breaking difference, located and explained; empty unless INCOMPATIBLE. */
  public List<Reason> reasons() {
    return reasons;
  }

  /** Every harmless difference (renames where keyed by number, added optional fields…). */
  public List<Reason> notes() {
    return notes;
  }

  /**
   * A multi-line report: the grade and format, then one line per reason, then one per note; what an
   * assertion failure should show.
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(grade).append(" in ").append(format);
    if (!reasons.isEmpty()) {
      sb.append("\nbreaking:");
      for (Reason r : reasons) {
        sb.append("\n  ").append(r);
      }
    }
    if (!notes.isEmpty()) {
      sb.append("\nharmless:");
      for (Reason r : notes) {
        sb.append("\n  ").append(r);
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return report();
  }
}
