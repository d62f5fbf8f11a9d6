package io.polycodec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.bind.EnumBinding;
import io.polycodec.bind.RecordBinding;
import io.polycodec.bind.TypeBinding;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import io.polycodec.vector.VectorBytes;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * How one value of a schema node is written and read: scalars, enums, lists, vectors, maps, records and
 * unions. Compiled once per codec; holds no per-call state.
 */
final class JsonValuePlan {
  /** The key that names a union's member inside the member's object. */
  static final String TYPE_KEY = "@type";

  private final Kind kind;
  private final boolean unsigned;
  private final Limits limits;
  // list element, map value
  private JsonValuePlan element;
  private Kind keyKind;
  private boolean unsignedKey;
  // vectors
  private Quantization quantization;
  private boolean doubles;
  // named types
  private JsonRecordPlan record;
  private EnumBinding enumBinding;
  private UnionBinding union;
  private JsonRecordPlan[] members;
  private SerializedString[] memberNames;
  private Map<String, Integer> memberIndex;
  private JsonFactory factory;

  private JsonValuePlan(Kind kind, boolean unsigned, Limits limits) {
    this.kind = kind;
    this.unsigned = unsigned;
    this.limits = limits;
  }

  static JsonValuePlan compile(Schema schema, TypeBinding named, Compiler compiler) {
    boolean uns = schema instanceof ScalarSchema && ((ScalarSchema) schema).encoding().isUnsigned();
    JsonValuePlan p = new JsonValuePlan(schema.kind(), uns, compiler.limits);
    switch (schema.kind()) {
      case LIST:
        p.element = compile(((ListSchema) schema).element(), named, compiler);
        break;
      case MAP: {
        MapSchema m = (MapSchema) schema;
        p.keyKind = m.key().kind();
        p.unsignedKey = m.key().encoding().isUnsigned();
        p.element = compile(m.value(), named, compiler);
        break;
      }
      case VECTOR:
        p.quantization = ((VectorSchema) schema).quantization();
        p.doubles = ((VectorSchema) schema).element() == Kind.FLOAT64;
        break;
      case ENUM:
        p.enumBinding = (EnumBinding) named;
        break;
      case RECORD:
        p.record = compiler.record((RecordBinding<?>) named);
        break;
      case UNION: {
        p.union = (UnionBinding) named;
        UnionSchema u = p.union.schema();
        int n = u.members().size();
        p.members = new JsonRecordPlan[n];
        p.memberNames = new SerializedString[n];
        p.memberIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
          p.members[i] = compiler.record(p.union.member(i));
          p.memberNames[i] = new SerializedString(u.members().get(i).name());
          p.memberIndex.put(u.members().get(i).name(), i);
        }
        p.factory = compiler.factory;
        break;
      }
      default:
        break;
    }
    return p;
  }

  /** Compiles record plans once per binding, so that recursive schemas terminate. */
  static final class Compiler {
    final Limits limits;
    final JsonFactory factory;
    private final Map<RecordBinding<?>, JsonRecordPlan> records = new IdentityHashMap<>();

    Compiler(Limits limits, JsonFactory factory) {
      this.limits = limits;
      this.factory = factory;
    }

    JsonRecordPlan record(RecordBinding<?> b) {
      JsonRecordPlan p = records.get(b);
      if (p == null) {
        p = new JsonRecordPlan(b, limits);
        records.put(b, p);
        p.compileFields(this);
      }
      return p;
    }
  }

  // ---- writing ---------------------------------------------------------------------------------------

  void write(JsonGenerator g, Object v, int depth) throws IOException {
    switch (kind) {
      case BOOL: g.writeBoolean((Boolean) v); break;
      case INT32: JsonScalars.writeInt(g, (Integer) v, unsigned); break;
      case INT64: JsonScalars.writeLong(g, (Long) v, unsigned); break;
      case FLOAT32: JsonScalars.writeFloat(g, (Float) v); break;
      case FLOAT64: JsonScalars.writeDouble(g, (Double) v); break;
      case STRING: g.writeString((String) v); break;
      case BYTES: g.writeBinary((byte[]) v); break;
      case TIMESTAMP: JsonScalars.writeTimestamp(g, (Instant) v); break;
      case ENUM: {
        String name = enumBinding.name(v);
        if (name != null) {
          g.writeString(name);
        } else {
          g.writeNumber(enumBinding.number(v));
        }
        break;
      }
      case LIST: writeList(g, (List<?>) v, depth); break;
      case VECTOR: writeVector(g, v); break;
      case MAP: writeMap(g, (Map<?, ?>) v, depth); break;
      case RECORD: record.write(g, v, depth + 1); break;
      case UNION: writeUnion(g, v, depth + 1); break;
      default: throw new AssertionError(kind);
    }
  }

  private void writeList(JsonGenerator g, List<?> list, int depth) throws IOException {
    checkDepth(depth + 1, true);
    int n = list.size();
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

  private void writeVector(JsonGenerator g, Object v) throws IOException {
    if (doubles) {
      double[] d = (double[]) v;
      g.writeStartArray(d, d.length);
      for (double x : d) {
        JsonScalars.writeDouble(g, x);
      }
      g.writeEndArray();
    } else if (quantization == Quantization.NONE) {
      float[] f = (float[]) v;
      g.writeStartArray(f, f.length);
      for (float x : f) {
        JsonScalars.writeFloat(g, x);
      }
      g.writeEndArray();
    } else {
      g.writeBinary(VectorBytes.encode((float[]) v, quantization));
    }
  }

  private void writeMap(JsonGenerator g, Map<?, ?> map, int depth) throws IOException {
    checkDepth(depth + 1, true);
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
      g.writeFieldName(keyText(key));
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

  private void writeUnion(JsonGenerator g, Object v, int depth) throws IOException {
    int m = union.memberIndex(v);
    if (m < 0) {
      throw new EncodeException(v.getClass().getName() + " is not a member of union " + union.schema().name());
    }
    g.writeStartObject(v);
    g.writeFieldName(TYPE_KEY);
    g.writeString(memberNames[m]);
    members[m].writeFields(g, v, depth);
    g.writeEndObject();
  }

  void checkDepth(int depth, boolean encoding) {
    if (depth > limits.maxDepth()) {
      String problem = "nesting deeper than the limit of " + limits.maxDepth();
      throw encoding ? new EncodeException(problem) : new DecodeException(problem);
    }
  }

  // ---- reading ---------------------------------------------------------------------------------------

  /** Reads one value whose first token {@code t} is current. */
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    switch (kind) {
      case BOOL: return JsonScalars.readBoolean(t);
      case INT32: return JsonScalars.readInt(p, t, unsigned);
      case INT64: return JsonScalars.readLong(p, t, unsigned);
      case FLOAT32: return JsonScalars.readFloat(p, t);
      case FLOAT64: return JsonScalars.readDouble(p, t);
      case STRING:
        if (t != JsonToken.VALUE_STRING) {
          throw JsonScalars.expected("a string", t);
        }
        return p.getText();
      case BYTES:
        if (t != JsonToken.VALUE_STRING) {
          throw JsonScalars.expected("a base64 string", t);
        }
        return checkBytes(p.getBinaryValue());
      case TIMESTAMP: return JsonScalars.readTimestamp(p, t);
      case ENUM: return readEnum(p, t);
      case LIST: return readList(p, t, depth);
      case VECTOR: return readVector(p, t);
      case MAP: return readMap(p, t, depth);
      case RECORD:
        if (t != JsonToken.START_OBJECT) {
          throw JsonScalars.expected("an object", t);
        }
        return record.read(p, depth + 1);
      case UNION: return readUnion(p, t, depth + 1);
      default: throw new AssertionError(kind);
    }
  }

  private Object readEnum(JsonParser p, JsonToken t) throws IOException {
    Object v;
    String shown;
    if (t == JsonToken.VALUE_STRING) {
      shown = p.getText();
      v = enumBinding.forName(shown);
    } else if (t == JsonToken.VALUE_NUMBER_INT) {
      int n = JsonScalars.readInt(p, t, false);
      shown = Integer.toString(n);
      v = enumBinding.forNumber(n);
    } else {
      throw JsonScalars.expected("an enum constant name", t);
    }
    if (v == null) {
      throw new DecodeException(
          "unknown constant " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown) + " of enum "
              + enumBinding.schema().name());
    }
    return v;
  }

  private List<Object> readList(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw JsonScalars.expected("an array", t);
    }
    checkDepth(depth + 1, false);
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

  private Object readVector(JsonParser p, JsonToken t) throws IOException {
    if (!doubles && quantization != Quantization.NONE) {
      if (t != JsonToken.VALUE_STRING) {
        throw JsonScalars.expected("a base64 string holding a " + quantization + " vector", t);
      }
      byte[] b = p.getBinaryValue();
      checkVectorSize(VectorBytes.elements(b.length, quantization) - 1);
      return VectorBytes.decode(b, 0, b.length, quantization);
    }
    if (t != JsonToken.START_ARRAY) {
      throw JsonScalars.expected("an array", t);
    }
    int n = 0;
    if (doubles) {
      double[] d = new double[16];
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        checkVectorSize(n);
        if (n == d.length) {
          d = Arrays.copyOf(d, grow(n));
        }
        d[n++] = readElement(p, e, n - 1, true);
      }
      return Arrays.copyOf(d, n);
    }
    float[] f = new float[16];
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      checkVectorSize(n);
      if (n == f.length) {
        f = Arrays.copyOf(f, grow(n));
      }
      f[n++] = (float) readElement(p, e, n - 1, false);
    }
    return Arrays.copyOf(f, n);
  }

  /** Fails if a vector is about to get element number {@code n + 1} past the collection limit. */
  // jackson-core 2.16 (the README's floor) does not apply maxStringLength to base64 text read as binary
  // (dependency-floors found it): the decoded length is checked here on every version.
  private byte[] checkBytes(byte[] b) {
    if (b.length > limits.maxStringBytes()) {
      throw new DecodeException("bytes longer than the limit of " + limits.maxStringBytes());
    }
    return b;
  }

  private void checkVectorSize(int n) {
    if (n >= limits.maxCollectionSize()) {
      throw new DecodeException("vector longer than the limit of " + limits.maxCollectionSize());
    }
  }

  private int grow(int n) {
    return (int) Math.min((long) limits.maxCollectionSize(), 2L * n);
  }

  private static double readElement(JsonParser p, JsonToken e, int index, boolean doubles) throws IOException {
    try {
      return doubles ? JsonScalars.readDouble(p, e) : JsonScalars.readFloat(p, e);
    } catch (CodecException ex) {
      throw ex.prependIndex(index);
    }
  }

  private Map<Object, Object> readMap(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw JsonScalars.expected("an object", t);
    }
    checkDepth(depth + 1, false);
    Map<Object, Object> out = new LinkedHashMap<>();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      Object key;
      try {
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

  private Object readUnion(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw JsonScalars.expected("an object with a \"" + TYPE_KEY + "\" key", t);
    }
    checkDepth(depth, false);
    String first = p.nextFieldName();
    if (TYPE_KEY.equals(first)) {
      int m = member(p, p.nextToken());
      return members[m].readRest(p, depth);
    }
    return readUnionBuffered(p, first, depth);
  }

  private int member(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw JsonScalars.expected("the member name of union " + union.schema().name() + " as a string", t);
    }
    String name = p.getText();
    Integer m = memberIndex.get(name);
    if (m == null) {
      throw new DecodeException("unknown member \"" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
          + "\" of union " + union.schema().name() + "; members: " + memberIndex.keySet());
    }
    return m;
  }

  // "@type" is not the first key: copy the object aside, find the member, then read the copy. Only JSON
  // written by other tools takes this path; Polycodec always writes "@type" first.
  private Object readUnionBuffered(JsonParser p, String first, int depth) throws IOException {
    ByteArrayBuilder buf = new ByteArrayBuilder();
    int m = -1;
    try (JsonGenerator g = factory.createGenerator(buf)) {
      g.writeStartObject();
      for (String name = first; name != null; name = p.nextFieldName()) {
        JsonToken v = p.nextToken();
        if (TYPE_KEY.equals(name)) {
          m = member(p, v);
        } else {
          g.writeFieldName(name);
          // Exact: numbers keep their text, so range checks and float32 rounding see what was sent.
          copyStructureExact(p, g);
        }
      }
      g.writeEndObject();
    }
    if (m < 0) {
      throw new DecodeException("union " + union.schema().name() + " needs a \"" + TYPE_KEY + "\" key naming its member");
    }
    try (JsonParser copy = factory.createParser(buf.toByteArray())) {
      copy.nextToken();
      return members[m].read(copy, depth);
    }
  }

  // JsonGenerator.copyCurrentStructureExact exists only from jackson-core 2.21 on; this loop over
  // copyCurrentEventExact (in 2.16) keeps the README's floor of 2.16. The parser bounds the depth.
  private static void copyStructureExact(JsonParser p, JsonGenerator g) throws IOException {
    int depth = 0;
    for (JsonToken t = p.currentToken(); ; t = p.nextToken()) {
      if (t == null) {
        throw new DecodeException("unexpected end of input inside a union");
      }
      g.copyCurrentEventExact(p);
      if (t.isStructStart()) {
        depth++;
      } else if (t.isStructEnd()) {
        depth--;
      }
      if (depth == 0) {
        return;
      }
    }
  }
}
