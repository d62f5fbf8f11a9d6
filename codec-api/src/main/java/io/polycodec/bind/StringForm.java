package io.polycodec.bind;

import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Java types that every format writes as their standard text, a {@code string} in the model: {@code UUID}
 * (the canonical 36-character form, RFC 9562; the form Protobuf APIs, JSON and MessagePack users
 * exchange), {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime}, {@code OffsetDateTime}
 * (ISO-8601), {@code BigDecimal} and {@code BigInteger} (decimal text, exact; the form of
 * {@code google.type.Decimal}) and {@code URI} (RFC 3986 text). Decoding text that is not such a value is a
 * {@link DecodeException} naming the field. See docs/types.md.
 */
enum StringForm {
  UUID_TEXT(UUID.class) {
    @Override
    Object parse(String s) {
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
  },
  LOCAL_DATE_TEXT(LocalDate.class) {
    @Override
    Object parse(String s) {
      return LocalDate.parse(s);
    }
  },
  LOCAL_TIME_TEXT(LocalTime.class) {
    @Override
    Object parse(String s) {
      return LocalTime.parse(s);
    }
  },
  LOCAL_DATE_TIME_TEXT(LocalDateTime.class) {
    @Override
    Object parse(String s) {
      return LocalDateTime.parse(s);
    }
  },
  OFFSET_DATE_TIME_TEXT(OffsetDateTime.class) {
    @Override
    Object parse(String s) {
      return OffsetDateTime.parse(s);
    }
  },
  BIG_DECIMAL_TEXT(BigDecimal.class) {
    @Override
    Object parse(String s) {
      checkDigits(s);
      return new BigDecimal(s);
    }
  },
  BIG_INTEGER_TEXT(BigInteger.class) {
    @Override
    Object parse(String s) {
      checkDigits(s);
      return new BigInteger(s);
    }
  },
  URI_TEXT(URI.class) {
    @Override
    Object parse(String s) {
      try {
        return new URI(s);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
  };

  private static final MethodHandle FORMAT;
  private static final MethodHandle PARSE;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      FORMAT = l.findVirtual(StringForm.class, "formatOrNull", MethodType.methodType(Object.class, Object.class));
      PARSE = l.findVirtual(StringForm.class, "parseOrNull",
          MethodType.methodType(Object.class, Object.class, String.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Class<?> type;

  StringForm(Class<?> type) {
    this.type = type;
  }

  /** The form of {@code c}, or null if it has none. */
  static StringForm of(Class<?> c) {
    for (StringForm f : values()) {
      if (f.type == c) {
        return f;
      }
    }
    return null;
  }

  /**
   * The standard text of {@code v}: {@code toString()} for every type here, whose {@code parse} reads it
   * back to an equal value (ISO-8601 for java.time, scale kept for BigDecimal: "1.50", "1E+3").
   */
  String format(Object v) {
    return v.toString();
  }

  /** The longest BigDecimal or BigInteger text accepted: parsing is superlinear in the digits. */
  static final int MAX_DIGITS = 10_000;

  static void checkDigits(String s) {
    if (s.length() > MAX_DIGITS) {
      throw new IllegalArgumentException(s.length() + " characters, over the limit of " + MAX_DIGITS);
    }
  }

  /** The value of {@code s}; IllegalArgumentException if it is not one. */
  abstract Object parse(String s);

  Object formatOrNull(Object v) {
    if (v == null) {
      return null;
    }
    if (!type.isInstance(v)) {
      throw new EncodeException("expected a " + type.getSimpleName() + ", got " + v.getClass().getName());
    }
    return format(v);
  }

  Object parseOrNull(Object text, String field) {
    if (text == null) {
      return null;
    }
    String s = (String) text;
    try {
      return parse(s);
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
      throw new DecodeException("\"" + shown + "\" is not a " + type.getSimpleName() + " (" + e.getMessage() + ")", e)
          .prependField(field);
    }
  }

  /** (Object)Object: the text of a value, null for null. */
  MethodHandle formatter() {
    return FORMAT.bindTo(this);
  }

  /** (Object)Object: the value of a text (null for null), failing with a DecodeException naming {@code field}. */
  MethodHandle parser(String field) {
    return MethodHandles.insertArguments(PARSE.bindTo(this), 1, field);
  }
}
