package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.DecodeException;
import io.polycodec.json.jackson.JacksonErrors;
import io.polycodec.schema.TimestampRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scalars in protobuf's JSON mapping: how each is written, and the forms accepted on read (integers as
 * numbers or strings, also in exponent form when integral; floats as numbers, numeric strings or
 * {@code "NaN"}/{@code "Infinity"}/{@code "-Infinity"}; bytes as standard or URL-safe base64, padded or
 * not; timestamps as RFC 3339 with any offset).
 */
final class Scalars {
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern RFC3339 = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})");
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private Scalars() {}

  // ---- writing ---------------------------------------------------------------------------------------

  static void writeInt(JsonGenerator g, int v, boolean unsigned) throws IOException {
    if (unsigned) {
      g.writeNumber(Integer.toUnsignedLong(v));
    } else {
      g.writeNumber(v);
    }
  }

  /** 64-bit integers are strings: JavaScript's numbers hold only 53 bits. */
  static void writeLong(JsonGenerator g, long v, boolean unsigned) throws IOException {
    g.writeString(unsigned ? Long.toUnsignedString(v) : Long.toString(v));
  }

  static void writeFloat(JsonGenerator g, float v) throws IOException {
    if (Float.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeString(nonFinite(v));
    }
  }

  static void writeDouble(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeString(nonFinite(v));
    }
  }

  private static String nonFinite(double v) {
    return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  }

  static void writeBytes(JsonGenerator g, byte[] b) throws IOException {
    g.writeString(Base64.getEncoder().encodeToString(b));
  }

  /** RFC 3339 in UTC ("Z"), with 0, 3, 6 or 9 fractional digits as protobuf prints them. */
  static void writeTimestamp(JsonGenerator g, Instant t) throws IOException {
    TimestampRange.checkEncodable(t);
    g.writeString(timestampText(t));
  }

  static String timestampText(Instant t) {
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder s = new StringBuilder(30);
    pad(s, d.getYear(), 4).append('-');
    pad(s, d.getMonthValue(), 2).append('-');
    pad(s, d.getDayOfMonth(), 2).append('T');
    pad(s, d.getHour(), 2).append(':');
    pad(s, d.getMinute(), 2).append(':');
    pad(s, d.getSecond(), 2);
    int nanos = t.getNano();
    if (nanos != 0) {
      s.append('.');
      if (nanos % 1_000_000 == 0) {
        pad(s, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        pad(s, nanos / 1_000, 6);
      } else {
        pad(s, nanos, 9);
      }
    }
    return s.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder s, int v, int width) {
    String text = Integer.toString(v);
    for (int i = text.length(); i < width; i++) {
      s.append('0');
    }
    return s.append(text);
  }

  // ---- reading ---------------------------------------------------------------------------------------

  static boolean readBoolean(JsonToken t) {
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw expected("true or false", t);
  }

  static int readInt(JsonParser p, JsonToken t, boolean unsigned) throws IOException {
    long v = integer(p, t, unsigned ? 0 : Integer.MIN_VALUE, unsigned ? 0xFFFF_FFFFL : Integer.MAX_VALUE,
        unsigned ? "uint32" : "int32");
    return (int) v;
  }

  /**
   * An int8 or int16: protobuf declares both as int32, so the JSON forms are int32's, held to the narrower
   * range a Java byte or short can take.
   */
  static int readNarrow(JsonParser p, JsonToken t, io.polycodec.schema.Kind kind) throws IOException {
    return (int) integer(p, t, kind.minValue(), kind.maxValue(), kind.rangeText());
  }

  static long readLong(JsonParser p, JsonToken t, boolean unsigned) throws IOException {
    if (!unsigned) {
      return integer(p, t, Long.MIN_VALUE, Long.MAX_VALUE, "int64");
    }
    if (t == JsonToken.VALUE_STRING) {
      long quick = plainDecimal(p);
      if (quick != NOT_PLAIN && quick >= 0) {
        return quick;
      }
    } else if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
        && p.getLongValue() >= 0) {
      return p.getLongValue();
    }
    BigInteger v = bigInteger(p, t, "uint64");
    if (v.signum() < 0 || v.compareTo(TWO_64) >= 0) {
      throw new DecodeException("uint64 out of range");
    }
    return v.longValue();
  }

  private static long integer(JsonParser p, JsonToken t, long min, long max, String type) throws IOException {
    long v;
    long quick;
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      v = p.getLongValue();
    } else if (t == JsonToken.VALUE_STRING && (quick = plainDecimal(p)) != NOT_PLAIN) {
      v = quick;
    } else {
      BigInteger b = bigInteger(p, t, type);
      if (b.bitLength() > 63) {
        throw new DecodeException(type + " out of range");
      }
      v = b.longValue();
    }
    if (v < min || v > max) {
      throw new DecodeException(type + " out of range");
    }
    return v;
  }

  private static final long NOT_PLAIN = Long.MIN_VALUE;

  /**
   * A quoted integer of at most 18 digits (the common form of 64-bit integers in this mapping) read from
   * the parser's buffer without building a String or a BigDecimal, so decoding costs what its input
   * holds; {@link #NOT_PLAIN} for anything else, which the general path then reads.
   */
  private static long plainDecimal(JsonParser p) throws IOException {
    char[] c = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    int i = 0;
    boolean negative = len > 1 && c[off] == '-';
    if (negative) {
      i = 1;
    }
    int digits = len - i;
    if (digits < 1 || digits > 18 || (digits > 1 && c[off + i] == '0')) {
      return NOT_PLAIN;
    }
    long v = 0;
    for (; i < len; i++) {
      char d = c[off + i];
      if (d < '0' || d > '9') {
        return NOT_PLAIN;
      }
      v = v * 10 + (d - '0');
    }
    return negative ? -v : v;
  }

  private static BigInteger bigInteger(JsonParser p, JsonToken t, String type) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_STRING) {
      throw expected("an integer (" + type + ")", t);
    }
    String text = p.getText();
    if (text.length() > 64 || !JSON_NUMBER.matcher(text).matches()) {
      throw new DecodeException("not an integer (" + type + ")");
    }
    BigDecimal d = new BigDecimal(text);
    // Refuse huge exponents before BigInteger materialises them: 1e999999999 would take gigabytes.
    if (d.signum() != 0 && d.precision() - d.scale() > 21) {
      throw new DecodeException(type + " out of range");
    }
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new DecodeException("not an integer (" + type + ")");
    }
  }

  static float readFloat(JsonParser p, JsonToken t) throws IOException {
    double d = readDouble(p, t);
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
      throw new DecodeException("float out of range");
    }
    return f;
  }

  static double readDouble(JsonParser p, JsonToken t) throws IOException {
    String text;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      text = p.getText();
    } else if (t == JsonToken.VALUE_STRING) {
      text = p.getText();
      switch (text) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default:
          if (text.length() > 1000 || !JSON_NUMBER.matcher(text).matches()) {
            throw new DecodeException("not a number");
          }
      }
    } else {
      throw expected("a number", t);
    }
    double d = Double.parseDouble(text);
    if (Double.isInfinite(d)) {
      throw new DecodeException("double out of range");
    }
    return d;
  }

  /** Base64, standard or URL-safe alphabet, padded or not (protobuf's parsers accept all four). */
  static byte[] readBytes(String text) {
    String s = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? text.replace('-', '+').replace('_', '/') : text;
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("not base64: " + e.getMessage());
    }
  }

  static Instant readTimestamp(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw expected("an RFC 3339 timestamp string", t);
    }
    return parseTimestamp(p.getText());
  }

  static Instant parseTimestamp(String text) {
    Matcher m = text.length() > 40 ? null : RFC3339.matcher(text);
    if (m == null || !m.matches()) {
      throw new DecodeException("not an RFC 3339 timestamp (1972-01-01T10:00:20.021Z)");
    }
    long seconds;
    try {
      LocalDateTime d = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
          Integer.parseInt(m.group(6)));
      seconds = d.toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new DecodeException("not a valid date and time: " + e.getMessage());
    }
    String zone = m.group(8);
    if (!zone.equals("Z")) {
      int sign = zone.charAt(0) == '-' ? -1 : 1;
      int hours = Integer.parseInt(zone.substring(1, 3));
      int minutes = Integer.parseInt(zone.substring(4, 6));
      if (hours > 23 || minutes > 59) {
        throw new DecodeException("invalid offset " + zone);
      }
      seconds -= sign * (hours * 3600L + minutes * 60L);
    }
    long nanos = 0;
    if (m.group(7) != null) {
      String f = m.group(7);
      nanos = Long.parseLong(f);
      for (int i = f.length(); i < 9; i++) {
        nanos *= 10;
      }
    }
    if (!TimestampRange.contains(seconds, nanos)) {
      throw new DecodeException("timestamp outside " + TimestampRange.MIN + " .. " + TimestampRange.MAX);
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /**
   * Refuses a string holding an unpaired surrogate (JSON's {@code \\uD800} escapes can spell one): it has
   * no UTF-8 form, and protobuf's parsers refuse it.
   */
  static void checkSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new DecodeException("unpaired surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
            + " at index " + i + " of a string");
      }
    }
  }

  static DecodeException expected(String what, JsonToken t) {
    return JacksonErrors.expected(what, t);
  }

  static String describe(JsonToken t) {
    return JacksonErrors.describe(t);
  }
}
