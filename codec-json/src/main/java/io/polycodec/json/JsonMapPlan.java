package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ScalarSchema;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/** A map: an object whose keys are the map keys as text, written in key order. */
final class JsonMapPlan extends JsonValuePlan {
  private final Kind keyKind;
  private final boolean unsignedKey;
  private final JsonValuePlan element;
  private final Limits limits;

  JsonMapPlan(ScalarSchema key, JsonValuePlan value, Limits limits) {
    this.keyKind = key.kind();
    this.unsignedKey = key.encoding().isUnsigned();
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
    if (map instanceof SortedMap && ((SortedMap<?, ?>) map).comparator() == null) {
      // Already in natural key order (and a natural-order SortedMap holds no null key).
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writeEntry(g, e.getKey(), e.getValue(), depth);
      }
    } else {
      for (Map.Entry<?, ?> e : sortedEntries(map)) {
        writeEntry(g, e.getKey(), e.getValue(), depth);
      }
    }
    g.writeEndObject();
  }

  private void writeEntry(JsonGenerator g, Object key, Object value, int depth) throws IOException {
    try {
      if (value == null) {
        throw new EncodeException("null value");
      }
      String text = keyText(key);
      if (keyKind == Kind.STRING) {
        Utf8.checkEncodable(text, limits);
      }
      g.writeFieldName(text);
      element.write(g, value, depth + 1);
    } catch (CodecException ex) {
      throw ex.prependKey(key);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Map.Entry<?, ?>[] sortedEntries(Map<?, ?> map) {
    Map.Entry<?, ?>[] entries = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
    for (Map.Entry<?, ?> e : entries) {
      if (e.getKey() == null) {
        throw new EncodeException("null map key");
      }
    }
    try {
      Arrays.sort(entries, (a, b) -> ((Comparable) a.getKey()).compareTo(b.getKey()));
    } catch (ClassCastException e) {
      throw new EncodeException("map keys are not all " + keyKind + ": " + e.getMessage());
    }
    return entries;
  }


  private String keyText(Object key) {
    switch (keyKind) {
      case STRING: return (String) key;
      case BOOL: return ((Boolean) key).toString();
      case INT32: return unsignedKey ? Integer.toUnsignedString((Integer) key) : key.toString();
      case INT64: return unsignedKey ? Long.toUnsignedString((Long) key) : key.toString();
      default: throw new AssertionError(keyKind);
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
        key = parseKey(name);
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

  private Object parseKey(String s) {
    switch (keyKind) {
      case STRING:
        return s;
      case BOOL:
        if (s.equals("true")) {
          return Boolean.TRUE;
        }
        if (s.equals("false")) {
          return Boolean.FALSE;
        }
        throw new DecodeException("map key must be \"true\" or \"false\"");
      case INT32:
      case INT64:
        return parseIntegerKey(s);
      default:
        throw new AssertionError(keyKind);
    }
  }

  private Object parseIntegerKey(String s) {
    boolean plainDigits = !s.isEmpty() && s.length() <= 21;
    for (int i = 0; i < s.length() && plainDigits; i++) {
      char c = s.charAt(i);
      plainDigits = (c >= '0' && c <= '9') || (i == 0 && c == '-' && s.length() > 1);
    }
    if (plainDigits) {
      try {
        if (keyKind == Kind.INT32) {
          return unsignedKey ? Integer.parseUnsignedInt(s) : Integer.parseInt(s);
        }
        return unsignedKey ? Long.parseUnsignedLong(s) : Long.parseLong(s);
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new DecodeException("map key is not an " + keyKind.name().toLowerCase(java.util.Locale.ROOT) + " in range");
  }
}
