package io.polycodec.tck.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * A named claim that {@link Check} holds for every value of a generator, run for a number of seeded
 * tries. When a try fails the example is shrunk and a {@link PropertyFailure} reports the seed, the
 * shrunk counterexample and the original one. Immutable.
 *
 * <pre>{@code
 * Property.of("reverseTwice", 100, Gens.lists(Gens.ints(), 50),
 *     list -> assertEquals(list, reverse(reverse(list))))
 *   .toDynamicTest(Settings.fromSystemProperties());
 * }</pre>
 *
 * @param <T> the type of generated values
 */
public final class Property<T> {
  /**
   * What must hold for each value: return normally, or throw (an assertion error, or any exception).
   *
   * @param <T> the type of values
   */
  @FunctionalInterface
  public interface Check<T> {
    /** Checks one value. */
    void check(T value) throws Throwable;
  }

  private final String name;
  private final int tries;
  private final Gen<T> gen;
  private final Check<? super T> check;
  private final Function<? super T, String> describer;
  private final boolean shrink;

  private Property(String name, int tries, Gen<T> gen, Check<? super T> check,
      Function<? super T, String> describer, boolean shrink) {
    this.name = Objects.requireNonNull(name, "name");
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be at least 1");
    }
    this.tries = tries;
    this.gen = Objects.requireNonNull(gen, "gen");
    this.check = Objects.requireNonNull(check, "check");
    this.describer = Objects.requireNonNull(describer, "describer");
    this.shrink = shrink;
  }

  /** A property named {@code name} running {@code tries} tries at the default base (see {@link Settings#scale}). */
  public static <T> Property<T> of(String name, int tries, Gen<T> gen, Check<? super T> check) {
    return new Property<>(name, tries, gen, check, Describe::of, true);
  }

  /** A copy that describes counterexamples with {@code f}. */
  public Property<T> describedBy(Function<? super T, String> f) {
    return new Property<>(name, tries, gen, check, f, shrink);
  }

  /** A copy that reports failures without shrinking (for checks whose failures do not reproduce, such as races). */
  public Property<T> withoutShrinking() {
    return new Property<>(name, tries, gen, check, describer, false);
  }

  /** The property's name. */
  public String name() {
    return name;
  }

  /** The tries declared at the default base. */
  public int tries() {
    return tries;
  }

  /** A JUnit dynamic test, named after the property, that runs it. */
  public DynamicTest toDynamicTest(Settings settings) {
    return DynamicTest.dynamicTest(name, () -> run(settings));
  }

  /**
   * Runs the property.
   *
   * @return how many tries passed
   * @throws PropertyFailure if a try fails (after shrinking), or if too many examples are discarded
   * @throws TestAbortedException if the check aborts (a JUnit assumption), which skips the property
   */
  public int run(Settings settings) {
    int wanted = settings.scale(tries);
    long started = System.nanoTime();
    int passed = 0;
    int discarded = 0;
    for (int attempt = 0; passed < wanted; attempt++) {
      long seed = settings.seedFor(name, attempt);
      Source source = Source.random(seed);
      T value;
      try {
        value = source.draw(gen);
      } catch (Source.Discard d) {
        discarded++;
        if (discarded > Math.max(20, 5 * wanted)) {
          throw new PropertyFailure(name, seed, "", "property '" + name + "': " + discarded
              + " examples discarded with only " + passed + " run; last reason: " + d.getMessage(), d);
        }
        continue;
      }
      Throwable failure = evaluate(value);
      if (failure == null) {
        passed++;
        continue;
      }
      throw report(settings, seed, attempt, wanted, new Shrinker.Attempt(source.choices(), source.spans(), failure),
          value);
    }
    System.out.println("polycodec.tck: " + name + ": " + passed + " tries passed in "
        + (System.nanoTime() - started) / 1_000_000 + " ms" + (discarded > 0 ? " (" + discarded + " examples discarded)" : ""));
    return passed;
  }

  private Throwable evaluate(T value) {
    try {
      check.check(value);
      return null;
    } catch (TestAbortedException e) {
      throw e;
    } catch (Throwable t) {
      return t;
    }
  }

  private Shrinker.Attempt replay(long[] choices) {
    Source source = Source.replay(choices);
    T value;
    try {
      value = source.draw(gen);
    } catch (RuntimeException e) { // a discard, or choices the generator cannot use
      return new Shrinker.Attempt(source.choices(), List.of(), null);
    }
    Throwable failure;
    try {
      failure = evaluate(value);
    } catch (TestAbortedException e) {
      failure = null;
    }
    return new Shrinker.Attempt(source.choices(), source.spans(), failure);
  }

  private T regenerate(long[] choices) {
    return Source.replay(choices).draw(gen);
  }

  private PropertyFailure report(Settings settings, long seed, int attempt, int wanted, Shrinker.Attempt original,
      T originalValue) {
    String originalText = describer.apply(originalValue);
    Shrinker.Attempt best = original;
    String shrinkNote = "not shrunk";
    if (shrink) {
      Shrinker shrinker = new Shrinker(original, this::replay, settings.maxShrinkEvaluations(), settings.shrinkNanos());
      best = shrinker.shrink();
      shrinkNote = shrinker.improvements() + " shrink steps in " + shrinker.evaluations() + " evaluations";
    }
    String shrunkText = best == original ? originalText : describer.apply(regenerate(best.choices()));
    StringBuilder msg = new StringBuilder();
    msg.append("property '").append(name).append("' failed on try ").append(attempt + 1).append(" of ").append(wanted)
        .append(" (seed ").append(seed).append("; replay with -D").append(Settings.SEED_PROPERTY).append('=')
        .append(seed).append(", this property alone in a CodecTck with -D").append(Settings.PROPERTIES_PROPERTY).append('=')
        .append(name).append(")\n");
    msg.append("counterexample (").append(shrinkNote).append("):\n  ").append(indent(shrunkText)).append('\n');
    msg.append("failure: ").append(indent(String.valueOf(best.failure()))).append('\n');
    if (best != original) {
      msg.append("original counterexample:\n  ").append(indent(originalText)).append('\n');
      msg.append("original failure: ").append(indent(String.valueOf(original.failure()))).append('\n');
    }
    return new PropertyFailure(name, seed, shrunkText, msg.toString(), best.failure());
  }

  private static String indent(String s) {
    return s.replace("\n", "\n  ");
  }

  @Override
  public String toString() {
    return "Property[" + name + ", " + tries + " tries]";
  }
}
