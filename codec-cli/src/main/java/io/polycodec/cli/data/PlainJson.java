package io.polycodec.cli.data;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the plain values a schema-less decoder returns ({@code byte[]}, {@link Instant}, float32,
 * integer map keys, extension values…) into values JSON can hold, the way a person reading the dump
 * expects: bytes as base64, timestamps as RFC 3339, NaN and infinities as strings (as codec-json writes
 * them), map keys as their text. Extension values are {@code {"ext": type, "base64": data}}. The
 * input is not changed.
 */
public final class PlainJson {
  private PlainJson() {}

  /** The JSON-ready copy of {@code value}. */
  public static Object of(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Integer || value instanceof BigInteger) {
      return value;
    }
    if (value instanceof Float f) {
      return finite(f.doubleValue());
    }
    if (value instanceof Double d) {
      return finite(d);
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    if (value instanceof Instant t) {
      return t.toString();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(of(o));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object k = e.getKey();
        out.put(k instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : String.valueOf(k), of(e.getValue()));
      }
      return out;
    }
    if (value instanceof io.polycodec.msgpack.ExtensionValue x) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("ext", (long) x.type());
      out.put("base64", Base64.getEncoder().encodeToString(x.data()));
      return out;
    }
    return value.toString();
  }

  private static Object finite(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return d;
  }
}
