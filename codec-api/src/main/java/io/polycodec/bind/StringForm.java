package io.polycodec.bind;

import io.polycodec.TypeAdapter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The built-in {@link TypeAdapter}s: Java types that every format writes as their standard text, a
 * {@code string} in the model: {@code UUID} (the canonical 36-character form, RFC 9562; the form Protobuf
 * APIs, JSON and MessagePack users exchange), {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime},
 * {@code OffsetDateTime} (ISO-8601), {@code BigDecimal} and {@code BigInteger} (decimal text, exact; the
 * form of {@code google.type.Decimal}) and {@code URI} (RFC 3986 text). They go through the same adapter
 * mechanism as users' adapters, so decoding text that is not such a value is a DecodeException naming the
 * field and the adapter. See docs/types.md.
 *
 * @param <T> the Java type
 */
final class StringForm<T> implements TypeAdapter<T, String> {
  /** The longest BigDecimal or BigInteger text accepted: parsing is superlinear in the digits. */
  static final int MAX_DIGITS = 10_000;

  private static final List<StringForm<?>> ALL = List.of(
      new StringForm<>(UUID.class, StringForm::uuid),
      new StringForm<>(LocalDate.class, LocalDate::parse),
      new StringForm<>(LocalTime.class, LocalTime::parse),
      new StringForm<>(LocalDateTime.class, LocalDateTime::parse),
      new StringForm<>(OffsetDateTime.class, OffsetDateTime::parse),
      new StringForm<>(BigDecimal.class, s -> new BigDecimal(checkDigits(s))),
      new StringForm<>(BigInteger.class, s -> new BigInteger(checkDigits(s))),
      new StringForm<>(URI.class, StringForm::uri));

  private final Class<T> type;
  private final Function<String, T> parse;

  private StringForm(Class<T> type, Function<String, T> parse) {
    this.type = type;
    this.parse = parse;
  }

  /** The built-in adapter of {@code c}, or null if it has none. */
  static StringForm<?> of(Class<?> c) {
    for (StringForm<?> f : ALL) {
      if (f.type == c) {
        return f;
      }
    }
    return null;
  }

  @Override
  public Class<T> javaType() {
    return type;
  }

  @Override
  public Class<String> modelType() {
    return String.class;
  }

  /**
   * The standard text of {@code v}: {@code toString()} for every type here, whose parser reads it back to
   * an equal value (ISO-8601 for java.time, scale kept for BigDecimal: "1.50", "1E+3").
   */
  @Override
  public String toModel(T v) {
    return v.toString();
  }

  /** The value of {@code s}; an IllegalArgumentException saying what it is not, if it is not one. */
  @Override
  public T fromModel(String s) {
    try {
      return parse.apply(s);
    } catch (RuntimeException e) {
      String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
      throw new IllegalArgumentException("\"" + shown + "\" is not a " + type.getSimpleName() + " (" + e.getMessage()
          + ")", e);
    }
  }

  @Override
  public String toString() {
    return type.getSimpleName() + "->String";
  }

  private static UUID uuid(String s) {
    // UUID.fromString accepts "1-1-1-1-1"; only the canonical 8-4-4-4-12 hex form reads back exactly.
    if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
      throw new IllegalArgumentException("not the 8-4-4-4-12 form");
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (!dash && Character.digit(c, 16) < 0) {
        throw new IllegalArgumentException("'" + c + "' is not a hex digit");
      }
    }
    return UUID.fromString(s);
  }

  private static URI uri(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  static String checkDigits(String s) {
    if (s.length() > MAX_DIGITS) {
      throw new IllegalArgumentException(s.length() + " characters, over the limit of " + MAX_DIGITS);
    }
    return s;
  }
}
