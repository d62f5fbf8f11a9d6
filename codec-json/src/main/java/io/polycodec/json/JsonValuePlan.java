package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
}
