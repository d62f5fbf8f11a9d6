package io.polycodec.protobuf.json;

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
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * A map: a JSON object whose keys are the map keys' text (bools and integers quoted, as protobuf's JSON
 * says), written in key order so that equal maps give equal bytes; a repeated key is an error on read.
 */
final class MapPlan extends ValuePlan {
  private final Kind keyKind;
  private final boolean unsignedKey;
  private final ValuePlan value;
  private final Limits limits;

  MapPlan(ScalarSchema key, ValuePlan value, Limits limits) {
    this.keyKind = key.kind();
    this.unsignedKey = key.encoding().isUnsigned();
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
    if (map instanceof SortedMap && ((SortedMap<?, ?>) map).comparator() == null) {
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

  private void writeEntry(JsonGenerator g, Object key, Object v, int depth) throws IOException {
    try {
      if (v == null) {
        throw new EncodeException("null value");
      }
      String text = keyText(key);
      if (keyKind == Kind.STRING) {
        Utf8.checkEncodable(text, limits);
      }
      g.writeFieldName(text);
      value.write(g, v, depth + 1);
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

  // The casts make a key of the wrong type an EncodeException (the record plan turns the ClassCastException).
  private String keyText(Object key) {
    if (keyKind == Kind.STRING) {
      return (String) key;
    }
    if (keyKind == Kind.BOOL) {
      return ((Boolean) key).toString();
    }
    if (keyKind == Kind.INT64) {
      return unsignedKey ? Long.toUnsignedString((Long) key) : ((Long) key).toString();
    }
    return unsignedKey ? Integer.toUnsignedString((Integer) key) : ((Integer) key).toString();
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
        key = parseKey(name);
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

  private Object parseKey(String s) {
    if (keyKind == Kind.STRING) {
      return s;
    }
    if (keyKind == Kind.BOOL) {
      if (s.equals("true")) {
        return Boolean.TRUE;
      }
      if (s.equals("false")) {
        return Boolean.FALSE;
      }
      throw new DecodeException("map key must be \"true\" or \"false\"");
    }
    boolean plainDigits = !s.isEmpty() && s.length() <= 21;
    for (int i = 0; i < s.length() && plainDigits; i++) {
      char c = s.charAt(i);
      plainDigits = (c >= '0' && c <= '9') || (i == 0 && c == '-' && s.length() > 1);
    }
    if (plainDigits) {
      try {
        if (keyKind == Kind.INT64) {
          return unsignedKey ? Long.parseUnsignedLong(s) : Long.parseLong(s);
        }
        return unsignedKey ? Integer.parseUnsignedInt(s) : Integer.parseInt(s);
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new DecodeException("map key is not an " + keyKind.name().toLowerCase(Locale.ROOT) + " in range");
  }
}
