package io.polycodec.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of a compatibility check: a {@link Grade}, the breaking {@link #reasons()} (empty unless
 * incompatible) and the other {@link #notes()}: {@link #caveats()} (reads, but some values may change)
 * and safe differences. By default caveats do not make a result incompatible;
 * {@link #caveatsAsBreaking()} gives the strict verdict. Immutable.
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
  private final boolean caveatsBreak;
  private final List<Reason> reasons;
  private final List<Reason> notes;

  private CompatibilityResult(Grade grade, String format, boolean caveatsBreak, List<Reason> reasons,
      List<Reason> notes) {
    this.grade = grade;
    this.format = format;
    this.caveatsBreak = caveatsBreak;
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
    return new CompatibilityResult(g, Objects.requireNonNull(format, "format"), false, reasons, notes);
  }

  /**
   * A result from findings graded elsewhere, for tools that combine several checks (every message and
   * enum of a .proto file, say): {@link Severity#BREAKING} findings become the reasons, the others the
   * notes, in the order given.
   *
   * @param identical whether the compared schemas were equal; then there must be no findings
   * @throws IllegalArgumentException if {@code identical} is claimed together with findings
   * @throws NullPointerException if an argument or a finding is null
   */
  public static CompatibilityResult of(String format, boolean identical, List<Reason> findings) {
    List<Reason> r = new ArrayList<>();
    List<Reason> n = new ArrayList<>();
    for (Reason x : findings) {
      (Objects.requireNonNull(x, "finding").severity() == Severity.BREAKING ? r : n).add(x);
    }
    return of(identical, format, r, n);
  }

  /**
   * The strict verdict: the same differences, with every {@link Severity#CAVEAT} counted as breaking
   * (moved from the notes to the reasons, keeping its severity). For CI that must not accept a
   * possible truncation or change of sign. Idempotent.
   */
  public CompatibilityResult caveatsAsBreaking() {
    if (caveatsBreak) {
      return this;
    }
    List<Reason> r = new ArrayList<>(reasons);
    List<Reason> n = new ArrayList<>();
    for (Reason x : notes) {
      (x.severity() == Severity.CAVEAT ? r : n).add(x);
    }
    Grade g = !r.isEmpty() ? Grade.INCOMPATIBLE : grade;
    return new CompatibilityResult(g, format, true, r, n);
  }

  /** Whether caveats count as breaking in this result (see {@link #caveatsAsBreaking()}). */
  public boolean caveatsBreak() {
    return caveatsBreak;
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

  /** Every difference that makes the result incompatible, located and explained; empty unless INCOMPATIBLE. */
  public List<Reason> reasons() {
    return reasons;
  }

  /** Every other difference: caveats (unless counted as breaking) and safe ones. */
  public List<Reason> notes() {
    return notes;
  }

  /** Every {@link Severity#CAVEAT} difference, whether it is counted among the reasons or the notes. */
  public List<Reason> caveats() {
    List<Reason> out = new ArrayList<>();
    for (Reason x : reasons) {
      if (x.severity() == Severity.CAVEAT) {
        out.add(x);
      }
    }
    for (Reason x : notes) {
      if (x.severity() == Severity.CAVEAT) {
        out.add(x);
      }
    }
    return List.copyOf(out);
  }

  /**
   * A multi-line report: the grade and format, then one line per reason, one per caveat note and one per
   * safe note; what an assertion failure should show.
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(grade).append(" in ").append(format);
    if (caveatsBreak) {
      sb.append(" (caveats count as breaking)");
    }
    section(sb, "breaking:", reasons, null);
    section(sb, "caveats:", notes, Severity.CAVEAT);
    section(sb, "harmless:", notes, Severity.SAFE);
    section(sb, "policy:", notes, Severity.POLICY);
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<Reason> list, Severity only) {
    boolean first = true;
    for (Reason r : list) {
      if (only != null && r.severity() != only) {
        continue;
      }
      if (first) {
        sb.append('\n').append(title);
        first = false;
      }
      sb.append("\n  ");
      if (only == null && r.severity() != Severity.BREAKING) {
        sb.append('[').append(r.severity().label()).append("] ");
      }
      sb.append(r);
    }
  }

  /**
   * The result as one JSON object, for CI tools: {@code {"format":…,"grade":…,"compatible":…,
   * "caveatsBreak":…,"findings":[{"severity":"breaking|caveat|safe","counts":true|false,"context":…,
   * "path":…,"tag":…,"location":…,"message":…}]}}, the reasons first. {@code counts} says whether the
   * finding makes the result incompatible. Strings are escaped per RFC 8259; the output is ASCII-safe
   * only where the messages are.
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"format\":");
    Json.string(sb, format);
    sb.append(",\"grade\":\"").append(grade).append("\",\"compatible\":").append(isCompatible())
        .append(",\"caveatsBreak\":").append(caveatsBreak).append(",\"findings\":[");
    boolean first = true;
    for (Reason r : reasons) {
      first = finding(sb, r, true, first);
    }
    for (Reason r : notes) {
      first = finding(sb, r, false, first);
    }
    return sb.append("]}").toString();
  }

  private static boolean finding(StringBuilder sb, Reason r, boolean counts, boolean first) {
    if (!first) {
      sb.append(',');
    }
    sb.append("{\"severity\":\"").append(r.severity().label()).append("\",\"counts\":").append(counts)
        .append(",\"context\":");
    Json.string(sb, r.context());
    sb.append(",\"path\":");
    Json.string(sb, r.path());
    sb.append(",\"tag\":").append(r.tag()).append(",\"location\":");
    Json.string(sb, r.location());
    sb.append(",\"message\":");
    Json.string(sb, r.message());
    sb.append('}');
    return false;
  }

  @Override
  public String toString() {
    return report();
  }
}
