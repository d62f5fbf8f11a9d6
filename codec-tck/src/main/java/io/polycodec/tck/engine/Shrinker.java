package io.polycodec.tck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Shrinks a failing example by editing its choice sequence: deleting whole spans (a field, a list
 * element, a character), zeroing spans (a value at its simplest), then lowering single choices by
 * binary search. A candidate replaces the current best only if it still fails in the same way (same
 * exception class) and its choices are smaller in shortlex order, which guarantees termination; a
 * budget of evaluations and time bounds the effort.
 */
final class Shrinker {
  /** One evaluation: the choices actually consumed, their spans, and the failure (null if it passed or was discarded). */
  record Attempt(long[] choices, List<Source.Span> spans, Throwable failure) {}

  private final Function<long[], Attempt> run;
  private final Class<?> failureClass;
  private final int maxEvaluations;
  private final long deadline;
  private Attempt best;
  private int evaluations;
  private int improvements;

  Shrinker(Attempt failing, Function<long[], Attempt> run, int maxEvaluations, long budgetNanos) {
    this.best = failing;
    this.run = run;
    this.failureClass = failing.failure().getClass();
    this.maxEvaluations = maxEvaluations;
    this.deadline = System.nanoTime() + budgetNanos;
  }

  Attempt best() {
    return best;
  }

  int evaluations() {
    return evaluations;
  }

  int improvements() {
    return improvements;
  }

  Attempt shrink() {
    boolean progress = true;
    while (progress && !exhausted()) {
      progress = deleteChunks();
      progress |= deleteSpans();
      progress |= zeroSpans();
      progress |= lowerChoices();
      progress |= deleteChoices();
    }
    return best;
  }

  private boolean exhausted() {
    return evaluations >= maxEvaluations || System.nanoTime() > deadline;
  }

  /** Deletes runs of choices, halving the run length (as delta debugging), to cut long examples fast. */
  private boolean deleteChunks() {
    boolean any = false;
    for (int size = best.choices().length / 2; size >= 2 && !exhausted(); size /= 2) {
      for (int start = 0; start + size <= best.choices().length && !exhausted(); ) {
        long[] c = best.choices();
        long[] candidate = new long[c.length - size];
        System.arraycopy(c, 0, candidate, 0, start);
        System.arraycopy(c, start + size, candidate, start, c.length - start - size);
        if (tryCandidate(candidate)) {
          any = true;
        } else {
          start += size;
        }
      }
    }
    return any;
  }

  private boolean deleteSpans() {
    boolean any = false;
    int i = 0;
    while (!exhausted()) {
      List<Source.Span> spans = sortedSpans();
      if (i >= spans.size()) {
        break;
      }
      Source.Span sp = spans.get(i);
      long[] c = best.choices();
      long[] candidate = new long[c.length - sp.length()];
      System.arraycopy(c, 0, candidate, 0, sp.start());
      System.arraycopy(c, sp.end(), candidate, sp.start(), c.length - sp.end());
      if (tryCandidate(candidate)) {
        any = true;
      } else {
        i++;
      }
    }
    return any;
  }

  private boolean zeroSpans() {
    boolean any = false;
    int i = 0;
    while (!exhausted()) {
      List<Source.Span> spans = sortedSpans();
      if (i >= spans.size()) {
        break;
      }
      Source.Span sp = spans.get(i++);
      long[] c = best.choices();
      boolean allZero = true;
      for (int k = sp.start(); k < sp.end(); k++) {
        allZero &= c[k] == 0;
      }
      if (allZero) {
        continue;
      }
      long[] candidate = c.clone();
      Arrays.fill(candidate, sp.start(), sp.end(), 0L);
      any |= tryCandidate(candidate);
    }
    return any;
  }

  private boolean lowerChoices() {
    boolean any = false;
    for (int i = 0; i < best.choices().length && !exhausted(); i++) {
      long v = best.choices()[i];
      if (v == 0) {
        continue;
      }
      if (tryWith(i, 0)) {
        any = true;
        continue;
      }
      // Binary search for the smallest value that still fails: lo passes, hi fails.
      long lo = 0;
      long hi = v;
      while (hi - lo > 1 && !exhausted() && i < best.choices().length) {
        long mid = lo + (hi - lo) / 2;
        if (tryWith(i, mid)) {
          hi = mid;
          any = true;
        } else {
          lo = mid;
        }
      }
    }
    return any;
  }

  private boolean deleteChoices() {
    boolean any = false;
    for (int i = best.choices().length - 1; i >= 0 && !exhausted(); i--) {
      if (i >= best.choices().length) {
        continue;
      }
      long[] c = best.choices();
      long[] candidate = new long[c.length - 1];
      System.arraycopy(c, 0, candidate, 0, i);
      System.arraycopy(c, i + 1, candidate, i, c.length - i - 1);
      any |= tryCandidate(candidate);
    }
    return any;
  }

  private boolean tryWith(int index, long value) {
    long[] candidate = best.choices().clone();
    if (index >= candidate.length) {
      return false;
    }
    candidate[index] = value;
    return tryCandidate(candidate);
  }

  private List<Source.Span> sortedSpans() {
    List<Source.Span> spans = new ArrayList<>(best.spans());
    spans.sort(Comparator.comparingInt(Source.Span::length).reversed().thenComparingInt(Source.Span::start));
    return spans;
  }

  private boolean tryCandidate(long[] candidate) {
    if (!simpler(candidate, best.choices())) {
      return false;
    }
    evaluations++;
    Attempt a = run.apply(candidate);
    if (a.failure() == null || a.failure().getClass() != failureClass || !simpler(a.choices(), best.choices())) {
      return false;
    }
    best = a;
    improvements++;
    return true;
  }

  /** Shortlex order: shorter first, then lexicographically smaller. */
  static boolean simpler(long[] a, long[] b) {
    if (a.length != b.length) {
      return a.length < b.length;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Long.compareUnsigned(a[i], b[i]) < 0;
      }
    }
    return false;
  }
}
