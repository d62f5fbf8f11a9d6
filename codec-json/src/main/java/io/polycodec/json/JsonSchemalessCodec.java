package io.polycodec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import io.polycodec.json.jackson.JacksonErrors;
import io.polycodec.json.jackson.JacksonFactories;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any JSON to and from plain Java values: {@code Map<String, Object>} (unmodifiable, key order kept),
 * {@code List<Object>}, {@code String}, {@code Long} (or {@code BigInteger} beyond 64 bits),
 * {@code Double}, {@code Boolean} and null. Encoding also accepts {@code Integer}, {@code Short},
 * {@code Byte}, {@code Float} and {@code BigDecimal} numbers. Numbers that overflow a double, and
 * NaN or infinite values on encode, are errors: JSON has no way to write them in this mode.
 */
final class JsonSchemalessCodec implements Codec<Object> {
  private final CodecOptions options;
  private final Limits limits;
  private final JsonFactory factory;
  private final boolean pretty;

  JsonSchemalessCodec(CodecOptions options) {
    this.options = options;
    this.limits = options.limits();
    this.factory = JacksonFactories.create(limits, 1);
    this.pretty = options.get(JsonOptions.PRETTY);
  }

  @Override
  public Format format() {
    return JsonProvider.FORMAT;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  @Override
  public byte[] encode(Object value) {
    ByteArrayBuilder out = new ByteArrayBuilder(factory._getBufferRecycler());
    try {
      write(value, factory.createGenerator(out));
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    } finally {
      out.release();
    }
  }

  @Override
  public void encode(Object value, OutputStream out) throws IOException {
    write(value, factory.createGenerator(out));
  }

  private void write(Object value, JsonGenerator g) throws IOException {
    try (JsonGenerator gen = pretty ? g.useDefaultPrettyPrinter() : g) {
      writeAny(gen, value, 0);
    } catch (CodecException e) {
      throw e.withFormat("json");
    }
  }

  private void writeAny(JsonGenerator g, Object v, int depth) throws IOException {
    if (depth > limits.maxDepth()) {
      throw new EncodeException("nesting deeper than the limit of " + limits.maxDepth());
    }
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String) {
      Utf8.checkEncodable((String) v, limits);
      g.writeString((String) v);
    } else if (v instanceof Boolean) {
      g.writeBoolean((Boolean) v);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof BigInteger) {
      g.writeNumber((BigInteger) v);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw new EncodeException(d + " cannot be written as a JSON number");
      }
      if (v instanceof Float) {
        g.writeNumber((Float) v);
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof BigDecimal) {
      g.writeNumber((BigDecimal) v);
    } else if (v instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) v;
      checkCollection(map.size());
      g.writeStartObject(map);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new EncodeException("JSON object keys must be strings, not " + describe(e.getKey()));
        }
        Utf8.checkEncodable((String) e.getKey(), limits);
        g.writeFieldName((String) e.getKey());
        try {
          writeAny(g, e.getValue(), depth + 1);
        } catch (CodecException ex) {
          throw ex.prependKey(e.getKey());
        }
      }
      g.writeEndObject();
    } else if (v instanceof List) {
      List<?> list = (List<?>) v;
      checkCollection(list.size());
      g.writeStartArray(list, list.size());
      for (int i = 0; i < list.size(); i++) {
        try {
          writeAny(g, list.get(i), depth + 1);
        } catch (CodecException ex) {
          throw ex.prependIndex(i);
        }
      }
      g.writeEndArray();
    } else {
      throw new EncodeException(describe(v) + " has no JSON form in schema-less mode"
          + (v instanceof byte[] ? " (encode bytes as a base64 string yourself, or use a schema)" : ""));
    }
  }

  private void checkCollection(int n) {
    if (n > limits.maxCollectionSize()) {
      throw new EncodeException(n + " elements exceed the limit of " + limits.maxCollectionSize());
    }
  }

  private static String describe(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }

  @Override
  public Object decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  @Override
  public Object decode(byte[] bytes, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > limits.maxMessageBytes()) {
      throw DecodeException.at("json", limits.maxMessageBytes(),
          "message of " + length + " bytes exceeds the limit of " + limits.maxMessageBytes());
    }
    try (JsonParser p = factory.createParser(bytes, offset, length)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw DecodeException.at("json", 0, "empty input");
      }
      Object v;
      try {
        v = readAny(p, t, 1);
      } catch (CodecException e) {
        throw e.withFormat("json").withOffset(p.currentTokenLocation().getByteOffset());
      }
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw DecodeException.at("json", p.currentTokenLocation().getByteOffset(),
            "trailing " + JsonScalars.describe(trailing) + " after the value");
      }
      return v;
    } catch (JsonProcessingException e) {
      throw JacksonErrors.wrap(e, "json", 0);
    } catch (IOException e) {
      throw JacksonErrors.wrap(e, "json", 0);
    }
  }

  private Object readAny(JsonParser p, JsonToken t, int depth) throws IOException {
    switch (t) {
      case START_OBJECT: {
        if (depth > limits.maxDepth()) {
          throw new DecodeException("nesting deeper than the limit of " + limits.maxDepth());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
          Utf8.checkDecoded(key, limits);
          if (map.size() >= limits.maxCollectionSize() && !map.containsKey(key)) {
            throw new DecodeException("object larger than the limit of " + limits.maxCollectionSize());
          }
          try {
            map.put(key, readAny(p, p.nextToken(), depth + 1));
          } catch (CodecException ex) {
            throw ex.prependKey(key);
          }
        }
        return Collections.unmodifiableMap(map);
      }
      case START_ARRAY: {
        if (depth > limits.maxDepth()) {
          throw new DecodeException("nesting deeper than the limit of " + limits.maxDepth());
        }
        List<Object> list = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          if (list.size() >= limits.maxCollectionSize()) {
            throw new DecodeException("array longer than the limit of " + limits.maxCollectionSize());
          }
          try {
            list.add(readAny(p, e, depth + 1));
          } catch (CodecException ex) {
            throw ex.prependIndex(list.size());
          }
        }
        return Collections.unmodifiableList(list);
      }
      case VALUE_STRING: {
        String s = p.getText();
        Utf8.checkDecoded(s, limits);
        return s;
      }
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getBigIntegerValue()
            : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT: {
        double d = p.getDoubleValue();
        if (Double.isInfinite(d)) {
          throw new DecodeException(p.getText() + " is out of the range of a double");
        }
        return d;
      }
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw JsonScalars.expected("a value", t);
    }
  }

  @Override
  public String toString() {
    return Codec.describe(format(), "plain Java values (schema-less)", options);
  }
}
