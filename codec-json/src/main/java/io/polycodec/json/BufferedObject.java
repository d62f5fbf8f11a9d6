package io.polycodec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import java.io.IOException;
import java.util.Arrays;

/**
 * An object copied aside while reading, to be read again once a key that comes late (a union's
 * {@code "@type"}) is known. Two things make the copy faithful to the input:
 *
 * <ul>
 *   <li>numbers are copied as their text, never through {@code BigDecimal} (which refuses exponents
 *       beyond ±2^31 with a {@code NumberFormatException}), so range checks and float32 rounding see
 *       exactly what was sent;
 *   <li>every copied token remembers its byte offset in the input, so an error found in the copy is
 *       reported where the bad byte is in the caller's input, not in the copy.
 * </ul>
 *
 * <p>Not thread-safe; one per buffered object. The copy is no larger than the input it came from.
 */
final class BufferedObject {
  private final JsonFactory factory;
  private final ByteArrayBuilder bytes = new ByteArrayBuilder();
  private final JsonGenerator g;
  /** Per token of the copy, in order: the byte offset of the same token in the input. */
  private long[] origins = new long[16];
  private int tokens;

  /** Starts a copy of the object whose first key {@code p} has just read. */
  BufferedObject(JsonFactory factory, JsonParser p) throws IOException {
    this.factory = factory;
    this.g = factory.createGenerator(bytes);
    note(p);
    g.writeStartObject();
  }

  private void note(JsonParser p) {
    if (tokens == origins.length) {
      origins = Arrays.copyOf(origins, tokens * 2);
    }
    origins[tokens++] = p.currentTokenLocation().getByteOffset();
  }

  /**
   * Copies the field {@code name} whose key {@code p} has read and whose value token {@code p} is on;
   * {@code keyOffset} is where the key starts in the input.
   */
  void copyField(String name, long keyOffset, JsonParser p) throws IOException {
    if (tokens == origins.length) {
      origins = Arrays.copyOf(origins, tokens * 2);
    }
    origins[tokens++] = keyOffset;
    g.writeFieldName(name);
    int level = 0;
    JsonToken t = p.currentToken();
    while (true) {
      note(p);
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        g.writeNumber(p.getText());
      } else {
        g.copyCurrentEvent(p);
      }
      if (t.isStructStart()) {
        level++;
      } else if (t.isStructEnd()) {
        level--;
      }
      if (level == 0) {
        return;
      }
      t = p.nextToken();
    }
  }

  /** Ends the copy at the object's closing brace, on which {@code p} is. */
  void end(JsonParser p) throws IOException {
    note(p);
    g.writeEndObject();
    g.close();
  }

  /** A parser over the copy, positioned before its opening brace. */
  JsonParser parser() throws IOException {
    return factory.createParser(bytes.toByteArray());
  }

  /**
   * The error {@code e}, found while reading the copy with {@code copy}, as an error at the matching
   * place of the input: the offset travels as the location of a {@link JsonProcessingException} cause,
   * which is how the codec learns where an error is (and adds the caller's array offset).
   */
  DecodeException relocate(CodecException e, JsonParser copy) {
    JsonLocation at = e.getCause() instanceof JsonProcessingException
        ? ((JsonProcessingException) e.getCause()).getLocation()
        : copy.currentTokenLocation();
    long offset = originOf(at == null ? -1 : at.getByteOffset());
    JsonLocation original = new JsonLocation(ContentReference.unknown(), offset, -1, -1, -1);
    DecodeException d = new DecodeException(e.problem(), new JsonParseException(null, e.problem(), original));
    if (!e.path().isEmpty()) {
      d.prependField(e.path());
    }
    return d;
  }

  /** A Jackson error while reading the copy (a number too long for Jackson, say), relocated. */
  DecodeException relocate(JsonProcessingException e, JsonParser copy) {
    DecodeException d = io.polycodec.json.jackson.JacksonErrors.malformed(e);
    return relocate(d, copy);
  }

  /** The input offset of the copy's token at {@code copyOffset}, found by reading the copy again. */
  private long originOf(long copyOffset) {
    if (copyOffset < 0) {
      return -1;
    }
    try (JsonParser scan = parser()) {
      int k = 0;
      for (JsonToken t = scan.nextToken(); t != null && k < tokens; t = scan.nextToken(), k++) {
        if (scan.currentTokenLocation().getByteOffset() >= copyOffset) {
          return origins[k];
        }
      }
    } catch (IOException e) {
      // the copy was written by us and read once already; fall through to its end
    }
    return origins[tokens - 1];
  }
}
