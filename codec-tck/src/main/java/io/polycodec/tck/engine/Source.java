package io.polycodec.tck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where generators get their randomness: a stream of non-negative integer <em>choices</em>. A source
 * either draws fresh choices from a seeded {@link SplittableRandom} or replays a recorded sequence, and
 * in both cases records what was consumed and which {@link #draw nested draws} spanned which choices.
 *
 * <p>That record is what makes shrinking generic: the {@link Shrinker} edits the choice sequence
 * (deletes spans, lowers values) and replays it, and every generator, however composed, turns smaller
 * choices into simpler values. Generators therefore map choice 0 to their simplest value (zero, false,
 * empty, absent, the first alternative). A replayed sequence that runs out yields zeros.
 *
 * <p>Not thread-safe: one source per generated example.
 */
public final class Source {
  /**
   * Thrown by a generator that cannot produce a value from these choices (too many choices needed, a
   * filter never satisfied); the runner discards the example and tries another.
   */
  public static final class Discard extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A discard, with the reason reported if too many examples are discarded. */
    public Discard(String message) {
      super(message, null, false, false);
    }
  }

  /** A nested draw: the choices in {@code [start, end)} produced one value of one generator. */
  record Span(int start, int end) {
    int length() {
      return end - start;
    }
  }

  /** The most choices one example may consume, so that a runaway generator is discarded, not looped on. */
  public static final int MAX_CHOICES = 200_000;

  private final SplittableRandom random;
  private final long[] replay;
  private long[] recorded = new long[64];
  private int size;
  private final List<Span> spans = new ArrayList<>();

  private Source(SplittableRandom random, long[] replay) {
    this.random = random;
    this.replay = replay;
  }

  /** A source drawing fresh choices from {@code seed}. */
  public static Source random(long seed) {
    return new Source(new SplittableRandom(seed), null);
  }

  /** A source replaying {@code choices} (then zeros), as the shrinker does. */
  public static Source replay(long[] choices) {
    return new Source(null, choices.clone());
  }

  /**
   * A choice in {@code [0, max]}. Fresh choices are uniform; a replayed choice larger than {@code max}
   * is reduced modulo {@code max + 1}, so any sequence is a valid replay.
   *
   * @throws IllegalArgumentException if {@code max} is negative
   * @throws Discard if the example has consumed {@link #MAX_CHOICES} choices
   */
  public long choose(long max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must be non-negative, was " + max);
    }
    if (size >= MAX_CHOICES) {
      throw new Discard("example needs more than " + MAX_CHOICES + " choices");
    }
    long v;
    if (replay != null) {
      v = size < replay.length ? replay[size] : 0;
      if (v < 0 || v > max) {
        v = max == Long.MAX_VALUE ? v & Long.MAX_VALUE : Math.floorMod(v, max + 1);
      }
    } else {
      v = max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
    }
    if (size == recorded.length) {
      recorded = Arrays.copyOf(recorded, size * 2);
    }
    recorded[size++] = v;
    return v;
  }

  /** An int in {@code [min, max]} that shrinks towards {@code min}. */
  public int between(int min, int max) {
    if (max < min) {
      throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
    }
    return (int) (min + choose((long) max - min));
  }

  /** True with probability {@code percent}/100; shrinks towards false. */
  public boolean chance(int percent) {
    return choose(99) >= 100 - percent;
  }

  /**
   * An index into {@code weights} picked with probability proportional to its weight; shrinks towards
   * index 0, so callers list the simplest alternative first.
   */
  public int weighted(int... weights) {
    long total = 0;
    for (int w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException("negative weight " + w);
      }
      total += w;
    }
    if (total == 0) {
      throw new IllegalArgumentException("all weights are zero");
    }
    long c = choose(total - 1);
    for (int i = 0; i < weights.length; i++) {
      if (c < weights[i]) {
        return i;
      }
      c -= weights[i];
    }
    throw new AssertionError();
  }

  /** One value of {@code gen}, recorded as a span so that the shrinker can delete or simplify it as a unit. */
  public <T> T draw(Gen<T> gen) {
    int start = size;
    int slot = spans.size();
    spans.add(null);
    T value = gen.generate(this);
    spans.set(slot, new Span(start, size));
    return value;
  }

  /** The number of choices consumed so far. */
  public int size() {
    return size;
  }

  /** The choices consumed so far. */
  long[] choices() {
    return Arrays.copyOf(recorded, size);
  }

  /** The completed spans (draws still open at an exception are left out). */
  List<Span> spans() {
    List<Span> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      if (s != null && s.length() > 0) {
        out.add(s);
      }
    }
    return out;
  }
}
