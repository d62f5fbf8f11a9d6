package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * kawanet/msgpack-test-suite (src/test/resources/msgpack-test-suite, MIT): for every value, the
 * schema-less encoder's output is one of the listed encodings, and every listed encoding decodes to the
 * value. Numbers compare by numeric value, since the suite lists float encodings of integral numbers.
 */
class ConformanceSuiteTest {
  private static final Codec<Object> CODEC = Codecs.schemaless("msgpack");

  record Case(String file, int index, String type, Object value, List<String> encodings) {
    String name() {
      return file + "[" + index + "] " + type;
    }
  }

  static List<Case> cases() throws IOException {
    try (InputStream in = ConformanceSuiteTest.class.getResourceAsStream("/msgpack-test-suite/msgpack-test-suite.json")) {
      assertNotNull(in, "suite on the test class path");
      JsonParser p = new JsonFactory().createParser(in);
      p.nextToken();
      @SuppressWarnings("unchecked")
      Map<String, Object> files = (Map<String, Object>) json(p);
      List<Case> out = new ArrayList<>();
      files.forEach((file, list) -> {
        int i = 0;
        for (Object o : (List<?>) list) {
          Map<?, ?> c = (Map<?, ?>) o;
          String type = null;
          for (Object k : c.keySet()) {
            if (!"msgpack".equals(k)) {
              type = (String) k;
            }
          }
          @SuppressWarnings("unchecked")
          List<String> encodings = (List<String>) c.get("msgpack");
          out.add(new Case(file, i++, type, toValue(type, c.get(type)), encodings));
        }
      });
      return out;
    }
  }

  /** The JSON value as plain Java: Map, List, String, BigDecimal, Boolean, null. */
  private static Object json(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, json(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(json(p));
        }
        return l;
      }
      case VALUE_STRING: return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return p.getDecimalValue();
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NULL: return null;
      default: throw new IOException("unexpected " + t);
    }
  }

  /** The suite's value as the schema-less codec's Java value for encoding. */
  private static Object toValue(String type, Object v) {
    switch (type) {
      case "binary": return hex((String) v);
      case "ext": {
        List<?> pair = (List<?>) v;
        return ExtensionValue.of(((BigDecimal) pair.get(0)).byteValueExact(), hex((String) pair.get(1)));
      }
      default: return plain(v);
    }
  }

  private static Object plain(Object v) {
    if (v instanceof BigDecimal) {
      BigDecimal d = (BigDecimal) v;
      if (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
        BigInteger i = d.toBigIntegerExact();
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
      }
      return d.doubleValue();
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(plain(e));
      }
      return out;
    }
    if (v instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) v).forEach((k, e) -> out.put(k, plain(e)));
      return out;
    }
    return v;
  }

  private static byte[] hex(String dashed) {
    return dashed.isEmpty() ? new byte[0] : HexFormat.of().parseHex(dashed.replace("-", ""));
  }

  private static String dashed(byte[] b) {
    return HexFormat.ofDelimiter("-").formatHex(b);
  }

  @Test
  void suiteIsComplete() throws IOException {
    List<Case> all = cases();
    assertEquals(13, all.stream().map(Case::file).distinct().count(), "13 files");
    assertEquals(57, all.size(), "cases");
    assertEquals(195, all.stream().mapToInt(c -> c.encodings().size()).sum(), "encodings");
  }

  @TestFactory
  Stream<DynamicTest> encoderWritesAListedEncoding() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " " + c.value(), () -> {
      String actual = dashed(CODEC.encode(c.value()));
      assertTrue(c.encodings().contains(actual), () -> "wrote " + actual + ", listed " + c.encodings());
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyListedEncodingDecodesToTheValue() throws IOException {
    return cases().stream().flatMap(c -> c.encodings().stream().map(e -> DynamicTest.dynamicTest(
        c.name() + " " + e, () -> {
          Object decoded = CODEC.decode(hex(e));
          if (!same(c.value(), decoded)) {
            fail(e + " decoded to " + describe(decoded) + ", expected " + describe(c.value()));
          }
        })));
  }

  private static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Number) {
      return actual instanceof Number && decimal((Number) expected).compareTo(decimal((Number) actual)) == 0;
    }
    if (expected instanceof byte[]) {
      return actual instanceof byte[] && Arrays.equals((byte[]) expected, (byte[]) actual);
    }
    if (expected instanceof List) {
      if (!(actual instanceof List) || ((List<?>) expected).size() != ((List<?>) actual).size()) {
        return false;
      }
      for (int i = 0; i < ((List<?>) expected).size(); i++) {
        if (!same(((List<?>) expected).get(i), ((List<?>) actual).get(i))) {
          return false;
        }
      }
      return true;
    }
    if (expected instanceof Map) {
      if (!(actual instanceof Map) || ((Map<?, ?>) expected).size() != ((Map<?, ?>) actual).size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ((Map<?, ?>) expected).entrySet()) {
        if (!((Map<?, ?>) actual).containsKey(e.getKey()) || !same(e.getValue(), ((Map<?, ?>) actual).get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigInteger) {
      return new BigDecimal((BigInteger) n);
    }
    if (n instanceof Float || n instanceof Double) {
      return new BigDecimal(n.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static String describe(Object v) {
    if (v instanceof byte[]) {
      return "bytes " + dashed((byte[]) v);
    }
    return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
  }
}
