package io.polycodec;

import java.util.Objects;
import java.util.function.Function;

/**
 * Maps a Java type the model does not know ({@code Money}, {@code EmailAddress}, {@code java.util.Currency})
 * onto one it does: its <em>model type</em>, a box, {@code String}, {@code byte[]}, {@code Instant}, {@code Duration}, a
 * record, an enum or a sealed interface. Codecs then write the model value, schemas describe the model
 * type, and decoding maps the model value back.
 *
 * <p>Declare an adapter with {@link Adapted @Adapted} on the type or on a record component, or register it
 * on a {@link CodecRegistry}. An adapter applies to fields whose declared type is exactly
 * {@link #javaType()}, also inside {@code Optional}, {@code @Nullable}, {@code List}, {@code Set},
 * {@code SortedSet} and {@code Map} values; not to the root record a codec is built for.
 *
 * <p>Both directions are called only with non-null values and must return non-null values. Whatever an
 * adapter throws, or a null it returns, becomes an {@link EncodeException} or {@link DecodeException}
 * naming the field path and the adapter. An adapter must be thread-safe (one instance serves every codec
 * of a registry) and {@code fromModel(toModel(v))} must equal {@code v} for round trips to be exact. An
 * adapter named in {@code @Adapted} needs a public no-argument constructor.
 *
 * @param <T> the user's type
 * @param <M> the model type it is written as
 */
public interface TypeAdapter<T, M> {

  /** The user's type this adapter maps; fields of exactly this type are adapted. */
  Class<T> javaType();

  /** The model type values are written as (not itself adapted: adapters do not chain). */
  Class<M> modelType();

  /** The model value of {@code value} (never null); called when encoding. */
  M toModel(T value);

  /** The user's value of {@code model} (never null); called when decoding. */
  T fromModel(M model);

  /**
   * An adapter from two functions, for registering on a {@link CodecRegistry} without declaring a class:
   * {@code TypeAdapter.of(EmailAddress.class, String.class, EmailAddress::value, EmailAddress::new)}.
   * Errors name it {@code javaType->modelType}.
   *
   * @throws NullPointerException if an argument is null
   */
  static <T, M> TypeAdapter<T, M> of(Class<T> javaType, Class<M> modelType,
      Function<? super T, ? extends M> toModel, Function<? super M, ? extends T> fromModel) {
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(modelType, "modelType");
    Objects.requireNonNull(toModel, "toModel");
    Objects.requireNonNull(fromModel, "fromModel");
    return new TypeAdapter<>() {
      @Override
      public Class<T> javaType() {
        return javaType;
      }

      @Override
      public Class<M> modelType() {
        return modelType;
      }

      @Override
      public M toModel(T value) {
        return toModel.apply(value);
      }

      @Override
      public T fromModel(M model) {
        return fromModel.apply(model);
      }

      @Override
      public String toString() {
        return javaType.getSimpleName() + "->" + modelType.getSimpleName();
      }
    };
  }
}
