package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * JSON text as plain Java values (objects as key-sorted maps, numbers as doubles) so two texts can be
 * compared modulo whitespace and key order; numbers compare equal when equal as doubles or as floats
 * (a float's shortest text differs between printers, and both denote the same float).
 */
final class JsonTrees {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonTrees() {}

  static Object parse(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      return value(p, p.nextToken());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new TreeMap<>();
        for (String k = p.nextFieldName(); k != null; k = p.nextFieldName()) {
          m.put(k, value(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          l.add(value(p, e));
        }
        return l;
      }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return p.getDoubleValue();
      case VALUE_STRING: return p.getText();
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NULL: return null;
      default: throw new IllegalStateException(t.toString());
    }
  }

  /** Null if equal, else the path of the first difference. */
  static String difference(Object a, Object b, String path) {
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (!x.keySet().equals(y.keySet())) {
        return path + ": keys " + x.keySet() + " vs " + y.keySet();
      }
      for (Object k : x.keySet()) {
        String d = difference(x.get(k), y.get(k), path + "." + k);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a instanceof List && b instanceof List) {
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return path + ": " + x.size() + " vs " + y.size() + " elements";
      }
      for (int i = 0; i < x.size(); i++) {
        String d = difference(x.get(i), y.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a instanceof Double && b instanceof Double) {
      double x = (Double) a;
      double y = (Double) b;
      return Double.compare(x, y) == 0 || Float.compare((float) x, (float) y) == 0 ? null : path + ": " + x + " vs " + y;
    }
    return Objects.equals(a, b) ? null : path + ": " + a + " vs " + b;
  }
}
