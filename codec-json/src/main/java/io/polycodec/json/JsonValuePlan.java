package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import java.io.IOException;

/**
 * How one value of a schema node is written and read. One subclass per kind of the model (scalars,
 * enum, list, vector, map, record, union), chosen once per codec by {@link JsonPlanCompiler}; none holds
 * per-call state.
 */
abstract class JsonValuePlan {
  /** The key that names a union's member inside the member's object. */
  static final String TYPE_KEY = "@type";

  /** Writes {@code v} (never null) at nesting {@code depth}. */
  abstract void write(JsonGenerator g, Object v, int depth) throws IOException;

  /** Reads one value whose first token {@code t} is current, at nesting {@code depth}. */
  abstract Object read(JsonParser p, JsonToken t, int depth) throws IOException;

  /** Fails (encoding) when a list, map or vector has more than {@link Limits#maxCollectionSize()} elements. */
  static void checkCollection(Limits limits, int n) {
    if (n > limits.maxCollectionSize()) {
      throw new EncodeException(n + " elements exceed the limit of " + limits.maxCollectionSize());
    }
  }

  /** Fails when a byte string is longer than {@link Limits#maxStringBytes()}. */
  static void checkBytes(Limits limits, long n, boolean encoding) {
    if (n > limits.maxStringBytes()) {
      throw Utf8.tooLong(n, "", limits, encoding);
    }
  }

  /** Fails when {@code depth} is past the limit: an {@link EncodeException} or a {@link DecodeException}. */
  static void checkDepth(Limits limits, int depth, boolean encoding) {
    if (depth > limits.maxDepth()) {
      String problem = "nesting deeper than the limit of " + limits.maxDepth();
      throw encoding ? new EncodeException(problem) : new DecodeException(problem);
    }
  }
}
