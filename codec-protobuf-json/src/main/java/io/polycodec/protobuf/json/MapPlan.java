package io.polycodec.protobuf.json;

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

/**
 * A map: a JSON object whose keys are the map keys' text (bools and integers quoted, as protobuf's JSON
 * says), written in key order so that equal maps give equal bytes; a repeated key is an error on read.
 */
final class MapPlan extends ValuePlan {
  private final Kind keyKind;
  private final MapKeys keys;
  private final ValuePlan value;
  private final Limits limits;

  MapPlan(ScalarSchema key, ValuePlan value, Limits limits) {
    this.keyKind = key.kind();
    this.keys = MapKeys.of(key);
    this.value = value;
    this.limits = limits;
  }

  @Override
  boolean isDefault(Object v) {
    return ((Map<?, ?>) v).isEmpty();
  }

  @Override
  void checkLeftOut(int depth) {
    checkDepth(limits, depth + 1, true);
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    Map<?, ?> map = (Map<?, ?>) v;
    checkDepth(limits, depth + 1, true);
    checkCollection(limits, map.size());
    g.writeStartObject(map);
    for (Map.Entry<?, ?> e : keys.inOrder(map)) {
      writeEntry(g, e.getKey(), e.getValue(), depth);
    }
    g.writeEndObject();
  }

  private void writeEntry(JsonGenerator g, Object key, Object v, int depth) throws IOException {
    try {
      if (v == null) {
        throw new EncodeException("null value");
      }
      String text = keys.text(key);
      if (keyKind == Kind.STRING) {
        Utf8.checkEncodable(text, limits);
      }
      g.writeFieldName(text);
      value.write(g, v, depth + 1);
    } catch (CodecException ex) {
      throw ex.prependKey(key);
    }
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw Scalars.expected("an object", t);
    }
    checkDepth(limits, depth + 1, false);
    Map<Object, Object> out = new LinkedHashMap<>();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      Object key;
      try {
        if (keyKind == Kind.STRING) {
          Utf8.checkDecoded(name, limits);
          Scalars.checkSurrogates(name);
        }
        key = keys.parse(name);
      } catch (CodecException ex) {
        throw ex.prependKey(name);
      }
      if (out.containsKey(key)) {
        throw new DecodeException("duplicate map key").prependKey(key);
      }
      if (out.size() >= limits.maxCollectionSize()) {
        throw new DecodeException("map larger than the limit of " + limits.maxCollectionSize());
      }
      JsonToken v = p.nextToken();
      try {
        if (v == JsonToken.VALUE_NULL && !value.acceptsNull()) {
          throw new DecodeException("null value");
        }
        Object read = value.read(p, v, depth + 1);
        if (read != SKIP) {
          out.put(key, read);
        }
      } catch (CodecException ex) {
        throw ex.prependKey(key);
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
