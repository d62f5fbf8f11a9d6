package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.DecodeException;
import io.polycodec.json.jackson.JacksonErrors;
import io.polycodec.schema.Kind;
import io.polycodec.schema.TimestampRange;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/** Reading and writing the scalar kinds, with the strict range checks the JSON mapping promises. */
final class JsonScalars {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
      .toFormatter();

  private JsonScalars() {}

  static String describe(JsonToken t) {
    return JacksonErrors.describe(t);
  }

  static DecodeException expected(String what, JsonToken found) {
    return JacksonErrors.expected(what, found);
  }

  static boolean readBoolean(JsonToken t) {
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw expected("a boolean", t);
  }

  static void writeInt(JsonGenerator g, int v, boolean unsigned) throws IOException {
    if (unsigned) {
      g.writeNumber(Integer.toUnsignedLong(v));
    } else {
      g.writeNumber(v);
    }
  }

  static void writeLong(JsonGenerator g, long v, boolean unsigned) throws IOException {
    if (unsigned && v < 0) {
      g.writeNumber(Long.toUnsignedString(v));
    } else {
      g.writeNumber(v);
    }
  }

  /** An int32 (or uint32 held in an int); the token must be an integer in range. */
  static int readInt(JsonParser p, JsonToken t, boolean unsigned) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw expected("an integer", t);
    }
    JsonParser.NumberType nt = p.getNumberType();
    if (nt == JsonParser.NumberType.INT) {
      int v = p.getIntValue();
      if (unsigned && v < 0) {
        throw new DecodeException(v + " is negative; the field is unsigned");
      }
      return v;
    }
    if (unsigned && nt == JsonParser.NumberType.LONG) {
      long v = p.getLongValue();
      if (v >= 0 && v <= 0xFFFF_FFFFL) {
        return (int) v;
      }
    }
    throw new DecodeException(p.getText() + " is out of range for " + (unsigned ? "uint32" : "int32"));
  }

  /** An int8 or int16 ({@code kind}) held in an int; the token must be an integer in the kind's range. */
  static int readNarrow(JsonParser p, JsonToken t, Kind kind) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw expected("an integer", t);
    }
    if (p.getNumberType() == JsonParser.NumberType.INT) {
      int v = p.getIntValue();
      if (v >= kind.minValue() && v <= kind.maxValue()) {
        return v;
      }
    }
    String text = p.getText();
    throw new DecodeException((text.length() > 40 ? text.substring(0, 40) + "..." : text) + " is outside the range of "
        + kind.rangeText());
  }

  /** An int64 (or uint64 held in a long); the token must be an integer in range. */
  static long readLong(JsonParser p, JsonToken t, boolean unsigned) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw expected("an integer", t);
    }
    JsonParser.NumberType nt = p.getNumberType();
    if (nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG) {
      long v = p.getLongValue();
      if (unsigned && v < 0) {
        throw new DecodeException(v + " is negative; the field is unsigned");
      }
      return v;
    }
    if (unsigned) {
      BigInteger b = p.getBigIntegerValue();
      if (b.signum() >= 0 && b.compareTo(TWO_64) < 0) {
        return b.longValue();
      }
    }
    throw new DecodeException(p.getText() + " is out of range for " + (unsigned ? "uint64" : "int64"));
  }

  static void writeFloat(JsonGenerator g, float v) throws IOException {
    if (Float.isFinite(v)) {
      // Jackson's Schubfach writer (JsonFactories): the shortest text that reads back to the same float,
      // in Float.toString's format (and -0.0 kept).
      g.writeNumber(v);
    } else {
      g.writeString(Float.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }
  }

  static void writeDouble(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeString(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }
  }

  static float readFloat(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      String text = p.getText();
      // Parse the text as a float directly: going through double first can round twice.
      float v = Float.parseFloat(text);
      if (Float.isInfinite(v)) {
        throw new DecodeException(text + " is out of range for float32");
      }
      return v;
    }
    if (t == JsonToken.VALUE_STRING) {
      return (float) special(p.getText());
    }
    throw expected("a number", t);
  }

  static double readDouble(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      double v = p.getDoubleValue();
      if (Double.isInfinite(v)) {
        throw new DecodeException(p.getText() + " is out of range for float64");
      }
      return v;
    }
    if (t == JsonToken.VALUE_STRING) {
      return special(p.getText());
    }
    throw expected("a number", t);
  }

  private static double special(String s) {
    switch (s) {
      case "NaN": return Double.NaN;
      case "Infinity": return Double.POSITIVE_INFINITY;
      case "-Infinity": return Double.NEGATIVE_INFINITY;
      default:
        throw new DecodeException("expected a number or \"NaN\", \"Infinity\", \"-Infinity\", found the string \""
            + (s.length() > 20 ? s.substring(0, 20) + "..." : s) + "\"");
    }
  }

  static void writeTimestamp(JsonGenerator g, Instant v) throws IOException {
    TimestampRange.checkEncodable(v);
    char[] text = new char[Rfc3339.MAX_LENGTH];
    g.writeString(text, 0, Rfc3339.format(v.getEpochSecond(), v.getNano(), text));
  }

  static Instant readTimestamp(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw expected("an RFC 3339 timestamp string", t);
    }
    Instant fast = Rfc3339.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (fast != null) {
      return fast;
    }
    String s = p.getText();
    Instant i;
    try {
      i = OffsetDateTime.parse(s, RFC_3339).toInstant();
    } catch (DateTimeParseException e) {
      throw new DecodeException("not an RFC 3339 timestamp: \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"");
    }
    return TimestampRange.decode(i.getEpochSecond(), i.getNano());
  }
}
