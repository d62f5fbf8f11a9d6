package io.polycodec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings for building a codec: {@link Limits} and backend {@link CodecOption}s. Immutable; compared
 * by value, so it can key a cache.
 */
public final class CodecOptions {
  private static final CodecOptions DEFAULTS = new CodecOptions(Limits.defaults(), Map.of());

  private final Limits limits;
  private final Map<CodecOption<?>, Object> values;

  private CodecOptions(Limits limits, Map<CodecOption<?>, Object> values) {
    this.limits = limits;
    this.values = values;
  }

  /** Default limits, every option at its default. */
  public static CodecOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The decoding limits. */
  public Limits limits() {
    return limits;
  }

  /** The value of {@code option}, or its default. */
  public <V> V get(CodecOption<V> option) {
    Object v = values.get(option);
    return v == null ? option.defaultValue() : option.type().cast(v);
  }

  /** A copy with one option changed. */
  public <V> CodecOptions with(CodecOption<V> option, V value) {
    return toBuilder().set(option, value).build();
  }

  /** A copy with other limits. */
  public CodecOptions withLimits(Limits newLimits) {
    return toBuilder().limits(newLimits).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CodecOptions && limits.equals(((CodecOptions) o).limits)
        && values.equals(((CodecOptions) o).values);
  }

  @Override
  public int hashCode() {
    return limits.hashCode() * 31 + values.hashCode();
  }

  @Override
  public String toString() {
    return "CodecOptions{" + limits + (values.isEmpty() ? "" : ", " + values) + "}";
  }

  /** Builds {@link CodecOptions}. */
  public static final class Builder {
    private Limits limits;
    private final Map<CodecOption<?>, Object> values;

    private Builder(CodecOptions from) {
      this.limits = from.limits;
      this.values = new LinkedHashMap<>(from.values);
    }

    /** Sets the limits. */
    public Builder limits(Limits newLimits) {
      this.limits = Objects.requireNonNull(newLimits, "limits");
      return this;
    }

    /** Sets an option. */
    public <V> Builder set(CodecOption<V> option, V value) {
      values.put(Objects.requireNonNull(option, "option"), option.type().cast(Objects.requireNonNull(value, "value")));
      return this;
    }

    /** The options. */
    public CodecOptions build() {
      return new CodecOptions(limits, Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }
  }
}
