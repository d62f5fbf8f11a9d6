package io.polycodec.json;

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

/** A list: a JSON array of its elements; null elements are an error both ways. */
final class JsonListPlan extends JsonValuePlan {
  private final JsonValuePlan element;
  private final Limits limits;

  JsonListPlan(JsonValuePlan element, Limits limits) {
    this.element = element;
    this.limits = limits;
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    writeList(g, (List<?>) v, depth);
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    return readList(p, t, depth);
  }

  private void writeList(JsonGenerator g, List<?> list, int depth) throws IOException {
    limits.checkDepth(depth + 1, true);
    int n = list.size();
    limits.checkEncodedCollection(n);
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

  private List<Object> readList(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw JsonScalars.expected("an array", t);
    }
    limits.checkDepth(depth + 1, false);
    List<Object> out = new ArrayList<>();
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      int i = out.size();
      if (i >= limits.maxCollectionSize()) {
        throw new DecodeException("list longer than the limit of " + limits.maxCollectionSize());
      }
      try {
        if (e == JsonToken.VALUE_NULL) {
          throw new DecodeException("null element");
        }
        out.add(element.read(p, e, depth + 1));
      } catch (CodecException ex) {
        throw ex.prependIndex(i);
      }
    }
    return Collections.unmodifiableList(out);
  }
}
