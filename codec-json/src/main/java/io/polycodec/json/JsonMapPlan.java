package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import io.polycodec.json.jackson.MapKeys;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ScalarSchema;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A map: an object whose keys are the map keys as text, written in key order. */
final class JsonMapPlan extends JsonValuePlan {
  private final Kind keyKind;
  private final MapKeys keys;
  private final JsonValuePlan element;
  private final Limits limits;

  JsonMapPlan(ScalarSchema key, JsonValuePlan value, Limits limits) {
    this.keyKind = key.kind();
    this.keys = MapKeys.of(key);
    this.element = value;
    this.limits = limits;
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    writeMap(g, (Map<?, ?>) v, depth);
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    return readMap(p, t, depth);
  }

  private void writeMap(JsonGenerator g, Map<?, ?> map, int depth) throws IOException {
    checkDepth(limits, depth + 1, true);
    checkCollection(limits, map.size());
    g.writeStartObject(map);
    for (Map.Entry<?, ?> e : keys.inOrder(map)) {
      writeEntry(g, e.getKey(), e.getValue(), depth);
    }
    g.writeEndObject();
  }

  private void writeEntry(JsonGenerator g, Object key, Object value, int depth) throws IOException {
    try {
      if (value == null) {
        throw new EncodeException("null value");
      }
      String text = keys.text(key);
      if (keyKind == Kind.STRING) {
        Utf8.checkEncodable(text, limits);
      }
      g.writeFieldName(text);
      element.write(g, value, depth + 1);
    } catch (CodecException ex) {
      throw ex.prependKey(key);
    }
  }

  private Map<Object, Object> readMap(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw JsonScalars.expected("an object", t);
    }
    checkDepth(limits, depth + 1, false);
    Map<Object, Object> out = new LinkedHashMap<>();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      Object key;
      try {
        if (keyKind == Kind.STRING) {
          Utf8.checkDecoded(name, limits);
        }
        key = keys.parse(name);
      } catch (CodecException ex) {
        throw ex.prependKey(name);
      }
      if (out.size() >= limits.maxCollectionSize() && !out.containsKey(key)) {
        throw new DecodeException("map larger than the limit of " + limits.maxCollectionSize());
      }
      JsonToken v = p.nextToken();
      try {
        if (v == JsonToken.VALUE_NULL) {
          throw new DecodeException("null value");
        }
        out.put(key, element.read(p, v, depth + 1));
      } catch (CodecException ex) {
        throw ex.prependKey(key);
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
