package io.polycodec.tck.engine;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of values of {@code T} from a {@link Source} of choices. Generators are stateless and
 * thread-safe; all randomness comes from the source, which makes every value replayable from its seed
 * and shrinkable by editing the choices (see {@link Source}). Map choice 0 to the simplest value.
 *
 * <p>Ready-made generators are in {@link Gens}.
 *
 * @param <T> the type of values
 */
@FunctionalInterface
public interface Gen<T> {

  /**
   * One value. Nested generators should be called through {@link Source#draw} so that their choices
   * form a span the shrinker can work on.
   *
   * @throws Source.Discard if no value can be made from these choices
   */
  T generate(Source source);

  /** A generator of {@code f} applied to this one's values. */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return s -> f.apply(s.draw(this));
  }

  /** A generator that draws a value, then draws from the generator {@code f} makes of it. */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
    Objects.requireNonNull(f, "f");
    return s -> s.draw(f.apply(s.draw(this)));
  }

  /**
   * This generator's values that satisfy {@code p}, redrawing up to 25 times; keep {@code p} likely,
   * or the example is {@linkplain Source.Discard discarded}.
   */
  default Gen<T> filter(Predicate<? super T> p) {
    Objects.requireNonNull(p, "p");
    return s -> {
      for (int attempt = 0; attempt < 25; attempt++) {
        T v = s.draw(this);
        if (p.test(v)) {
          return v;
        }
      }
      throw new Source.Discard("filter rejected 25 values in a row");
    };
  }
}
