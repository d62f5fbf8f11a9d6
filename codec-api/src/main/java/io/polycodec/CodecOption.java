package io.polycodec;

import java.util.Objects;

/**
 * A typed, named setting for codecs, declared by the backend that reads it
 * ({@code MsgpackOptions.KEYS}); values are carried in {@link CodecOptions}. Compared by name.
 *
 * @param <V> the value type
 */
public final class CodecOption<V> {
  private final String name;
  private final Class<V> type;
  private final V defaultValue;

  private CodecOption(String name, Class<V> type, V defaultValue) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /** An option named {@code name} (by convention {@code format.setting}) with a default. */
  public static <V> CodecOption<V> of(String name, Class<V> type, V defaultValue) {
    return new CodecOption<>(name, type, defaultValue);
  }

  /** The option's name. */
  public String name() {
    return name;
  }

  /** The value type. */
  public Class<V> type() {
    return type;
  }

  /** The value used when none is set. */
  public V defaultValue() {
    return defaultValue;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CodecOption && name.equals(((CodecOption<?>) o).name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
