package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A list (a repeated field; also a Set or SortedSet component, whose binding refuses repeated elements):
 * a JSON array; null elements are an error both ways, except where null is a value (NullValue).
 */
final class ListPlan extends ValuePlan {
  private final ValuePlan element;
  private final Limits limits;

  ListPlan(ValuePlan element, Limits limits) {
    this.element = element;
    this.limits = limits;
  }

  @Override
  boolean isDefault(Object v) {
    return ((List<?>) v).isEmpty();
  }

  @Override
  void checkLeftOut(int depth) {
    checkDepth(limits, depth + 1, true);
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    List<?> list = (List<?>) v;
    checkDepth(limits, depth + 1, true);
    int n = list.size();
    checkCollection(limits, n);
    g.writeStartArray(list, n);
    for (int i = 0; i < n; i++) {
      Object e = list.get(i);
      try {
        if (e == null) {
          throw new EncodeException("null element");
        }
        element.write(g, e, depth + 1);
      } catch (CodecException ex) {
        throw ex.prependIndex(i);
      }
    }
    g.writeEndArray();
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw Scalars.expected("an array", t);
    }
    checkDepth(limits, depth + 1, false);
    List<Object> out = new ArrayList<>();
    int i = 0;
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), i++) {
      if (out.size() >= limits.maxCollectionSize()) {
        throw new DecodeException("list longer than the limit of " + limits.maxCollectionSize());
      }
      try {
        if (e == JsonToken.VALUE_NULL && !element.acceptsNull()) {
          throw new DecodeException("null element");
        }
        Object v = element.read(p, e, depth + 1);
        if (v != SKIP) {
          out.add(v);
        }
      } catch (CodecException ex) {
        throw ex.prependIndex(i);
      }
    }
    return Collections.unmodifiableList(out);
  }
}
