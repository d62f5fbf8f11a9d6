package io.polycodec.json.jackson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.DecodeException;
import java.io.IOException;

/** How Jackson's parse errors and unexpected tokens read as {@link DecodeException}s, worded once. */
public final class JacksonErrors {
  private JacksonErrors() {}

  /**
   * A Jackson parse error as a DecodeException ("malformed JSON: …", Jackson's message without the
   * input quoted); the caller adds path, format and offset.
   *
   * @param e the parse error
   * @return the exception, with {@code e} as its cause
   */
  public static DecodeException malformed(JsonProcessingException e) {
    return new DecodeException("malformed JSON: " + e.getOriginalMessage(), e);
  }

  /**
   * An I/O failure while parsing as a DecodeException of {@code format}: a parse error with its offset,
   * anything else as "reading failed".
   *
   * @param e the failure
   * @param format the format name errors show
   * @param base where the parsed text starts in the caller's array, added to Jackson's offsets
   * @return the exception, with {@code e} as its cause
   */
  public static DecodeException wrap(IOException e, String format, int base) {
    if (e instanceof JsonProcessingException) {
      JsonProcessingException j = (JsonProcessingException) e;
      return malformed(j).withFormat(format).withOffset(offsetOf(j.getLocation(), base));
    }
    return new DecodeException("reading failed: " + e.getMessage(), e).withFormat(format);
  }

  /**
   * The byte offset of {@code loc} in the caller's array, or -1 if Jackson does not know it.
   *
   * @param loc a location from the parser, or null
   * @param base where the parsed text starts in the caller's array
   * @return the offset, or -1
   */
  public static long offsetOf(JsonLocation loc, int base) {
    if (loc == null || loc.getByteOffset() < 0) {
      return -1;
    }
    return loc.getByteOffset() + base;
  }

  /**
   * "expected {@code what}, found {@link #describe(JsonToken) …}".
   *
   * @param what what the mapping wanted, e.g. "an array"
   * @param found the token found, or null at the end of input
   * @return the exception; the caller adds path, format and offset
   */
  public static DecodeException expected(String what, JsonToken found) {
    return new DecodeException("expected " + what + ", found " + describe(found));
  }

  /**
   * A token in words ("an object", "a string", "an integer", "end of input" for null…), never the
   * input's text.
   *
   * @param t the token, or null
   * @return its description
   */
  public static String describe(JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    switch (t) {
      case START_OBJECT: return "an object";
      case START_ARRAY: return "an array";
      case VALUE_STRING: return "a string";
      case VALUE_NUMBER_INT: return "an integer";
      case VALUE_NUMBER_FLOAT: return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE: return "a boolean";
      case VALUE_NULL: return "null";
      default: return t.asString() != null ? t.asString() : t.name();
    }
  }
}
