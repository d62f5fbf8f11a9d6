package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
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

  /** Fails when {@code depth} is past the limit: an {@link EncodeException} or a {@link DecodeException}. */
  static void checkDepth(Limits limits, int depth, boolean encoding) {
    if (depth > limits.maxDepth()) {
      String problem = "nesting deeper than the limit of " + limits.maxDepth();
      throw encoding ? new EncodeException(problem) : new DecodeException(problem);
    }
  }
}
