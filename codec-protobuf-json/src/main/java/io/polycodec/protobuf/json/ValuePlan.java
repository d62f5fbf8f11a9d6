package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import io.polycodec.bind.EnumBinding;
import io.polycodec.bind.RecordBinding;
import io.polycodec.bind.TypeBinding;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.DurationRange;
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
 * How one value of a schema node is written and read in protobuf's JSON mapping. Compiled once per
 * codec; holds no per-call state.
 */
final class ValuePlan {
  /** What {@link #read} returns for an enum name the enum does not list, when unknown names are ignored. */
  static final Object SKIP = new Object();

  private final Kind kind;
  private final boolean unsigned;
  private final Settings settings;
  private ValuePlan element;
  private Kind keyKind;
  private boolean unsignedKey;
  private Quantization quantization;
  private boolean doubles;
  private RecordPlan record;
  private WellKnown wellKnown;
  private EnumBinding enumBinding;
  private boolean nullValue;
  private UnionBinding union;
  private RecordPlan[] members;
  private SerializedString[] memberNames;
  private Map<String, Integer> memberIndex;

  private ValuePlan(Kind kind, boolean unsigned, Settings settings) {
    this.kind = kind;
    this.unsigned = unsigned;
    this.settings = settings;
  }

  /** What a codec was built with, shared by all its plans. */
  static final class Settings {
    final Limits limits;
    final boolean emitDefaults;
    final boolean protoNames;
    final boolean ignoreUnknown;
    final boolean ignoreUnknownEnums;

    Settings(Limits limits, boolean emitDefaults, boolean protoNames, boolean ignoreUnknown, boolean ignoreUnknownEnums) {
      this.limits = limits;
      this.emitDefaults = emitDefaults;
      this.protoNames = protoNames;
      this.ignoreUnknown = ignoreUnknown;
      this.ignoreUnknownEnums = ignoreUnknownEnums;
    }
  }

  static ValuePlan compile(Schema schema, TypeBinding named, Compiler compiler) {
    boolean uns = schema instanceof ScalarSchema && ((ScalarSchema) schema).encoding().isUnsigned();
    ValuePlan p = new ValuePlan(schema.kind(), uns, compiler.settings);
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
        p.nullValue = p.enumBinding.schema().name().equals("google.protobuf.NullValue");
        break;
      case RECORD:
        p.wellKnown = WellKnown.of((RecordBinding<?>) named, compiler.settings.limits);
        if (p.wellKnown == null) {
          p.record = compiler.record((RecordBinding<?>) named);
        }
        break;
      case UNION: {
        p.union = (UnionBinding) named;
        UnionSchema u = p.union.schema();
        int n = u.members().size();
        p.members = new RecordPlan[n];
        p.memberNames = new SerializedString[n];
        p.memberIndex = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (UnionSchema.Member m : u.members()) {
          names.add(m.name());
        }
        List<String> keys = JsonNames.keys(names, compiler.settings.protoNames);
        for (int i = 0; i < n; i++) {
          p.members[i] = compiler.record(p.union.member(i));
          p.memberNames[i] = new SerializedString(keys.get(i));
          p.memberIndex.put(names.get(i), i);
          p.memberIndex.putIfAbsent(keys.get(i), i);
        }
        break;
      }
      default:
        break;
    }
    return p;
  }

  /** Compiles record plans once per binding, so that recursive schemas terminate. */
  static final class Compiler {
    final Settings settings;
    private final Map<RecordBinding<?>, RecordPlan> records = new IdentityHashMap<>();

    Compiler(Settings settings) {
      this.settings = settings;
    }

    RecordPlan record(RecordBinding<?> b) {
      RecordPlan p = records.get(b);
      if (p == null) {
        p = new RecordPlan(b, settings);
        records.put(b, p);
        p.compileFields(this);
      }
      return p;
    }
  }

  /** Whether JSON {@code null} is a value here ({@code google.protobuf.NullValue}) rather than "not set". */
  boolean acceptsNull() {
    return nullValue || (wellKnown != null && wellKnown.acceptsNull());
  }

  /** Whether a field without presence holding {@code v} is at its default, so proto3 leaves it out. */
  boolean isDefault(Object v) {
    switch (kind) {
      case STRING: return ((String) v).isEmpty();
      case BYTES: return ((byte[]) v).length == 0;
      case TIMESTAMP: return Instant.EPOCH.equals(v);
      case DURATION: return java.time.Duration.ZERO.equals(v);
      case ENUM: return enumBinding.number(v) == 0;
      case LIST: return ((List<?>) v).isEmpty();
      case MAP: return ((Map<?, ?>) v).isEmpty();
      case VECTOR: return doubles ? ((double[]) v).length == 0 : ((float[]) v).length == 0;
      case BOOL: return !((Boolean) v);
      case INT32: return ((Integer) v) == 0;
      case INT64: return ((Long) v) == 0;
      case FLOAT32: return Float.floatToRawIntBits((Float) v) == 0;
      case FLOAT64: return Double.doubleToRawLongBits((Double) v) == 0;
      default: return false; // records and unions are always written, as codec-protobuf does
    }
  }

  // ---- writing ---------------------------------------------------------------------------------------

  void write(JsonGenerator g, Object v, int depth) throws IOException {
    switch (kind) {
      case BOOL: g.writeBoolean((Boolean) v); break;
      case INT32: Scalars.writeInt(g, (Integer) v, unsigned); break;
      case INT64: Scalars.writeLong(g, (Long) v, unsigned); break;
      case FLOAT32: Scalars.writeFloat(g, (Float) v); break;
      case FLOAT64: Scalars.writeDouble(g, (Double) v); break;
      case STRING:
        Utf8.checkEncodable((String) v, settings.limits);
        g.writeString((String) v);
        break;
      case BYTES:
        checkBytes(((byte[]) v).length, true);
        Scalars.writeBytes(g, (byte[]) v);
        break;
      case TIMESTAMP: Scalars.writeTimestamp(g, (Instant) v); break;
      case DURATION: {
        // google.protobuf.Duration's JSON form, as for an imported Duration message: "1.5s", "-0.5s".
        java.time.Duration d = DurationRange.checkEncodable((java.time.Duration) v);
        g.writeString(WellKnown.durationText(DurationRange.seconds(d), DurationRange.nanos(d)));
        break;
      }
      case ENUM: {
        if (nullValue) {
          g.writeNull(); // google.protobuf.NullValue has one constant, written as JSON null
          break;
        }
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
      case RECORD:
        if (wellKnown != null) {
          wellKnown.write(g, v, depth + 1);
        } else {
          record.write(g, v, depth + 1);
        }
        break;
      case UNION: writeUnion(g, v, depth + 1); break;
      default: throw new AssertionError(kind);
    }
  }

  private void writeList(JsonGenerator g, List<?> list, int depth) throws IOException {
    checkDepth(depth + 1, true);
    int n = list.size();
    checkCollection(n);
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
    checkCollection(doubles ? ((double[]) v).length : ((float[]) v).length);
    if (doubles) {
      double[] d = (double[]) v;
      g.writeStartArray(d, d.length);
      for (double x : d) {
        Scalars.writeDouble(g, x);
      }
      g.writeEndArray();
    } else if (quantization == Quantization.NONE) {
      float[] f = (float[]) v;
      g.writeStartArray(f, f.length);
      for (float x : f) {
        Scalars.writeFloat(g, x);
      }
      g.writeEndArray();
    } else {
      // codec-protobuf declares a quantized vector as a bytes field
      Scalars.writeBytes(g, VectorBytes.encode((float[]) v, quantization));
    }
  }

  private void writeMap(JsonGenerator g, Map<?, ?> map, int depth) throws IOException {
    checkDepth(depth + 1, true);
    checkCollection(map.size());
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

  private void writeEntry(JsonGenerator g, Object key, Object value, int depth) throws IOException {
    try {
      if (value == null) {
        throw new EncodeException("null value");
      }
      String text = keyText(key);
      if (keyKind == Kind.STRING) {
        Utf8.checkEncodable(text, settings.limits);
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

  // A union is codec-protobuf's wrapper message: one oneof whose fields are the members, so in JSON an
  // object with one key, the member's JSON name, holding the member record.
  private void writeUnion(JsonGenerator g, Object v, int depth) throws IOException {
    int m = union.memberIndex(v);
    if (m < 0) {
      throw new EncodeException(v.getClass().getName() + " is not a member of union " + union.schema().name());
    }
    checkDepth(depth, true);
    g.writeStartObject(v);
    g.writeFieldName(memberNames[m]);
    try {
      members[m].write(g, v, depth);
    } catch (CodecException e) {
      throw e.prependField(memberNames[m].getValue());
    }
    g.writeEndObject();
  }

  private void checkCollection(int n) {
    if (n > settings.limits.maxCollectionSize()) {
      throw new EncodeException(n + " elements exceed the limit of " + settings.limits.maxCollectionSize());
    }
  }

  private void checkBytes(long n, boolean encoding) {
    if (n > settings.limits.maxStringBytes()) {
      throw Utf8.tooLong(n, "", settings.limits, encoding);
    }
  }

  void checkDepth(int depth, boolean encoding) {
    if (depth > settings.limits.maxDepth()) {
      String problem = "nesting deeper than the limit of " + settings.limits.maxDepth();
      throw encoding ? new EncodeException(problem) : new DecodeException(problem);
    }
  }

  // ---- reading ---------------------------------------------------------------------------------------

  /** Reads one value whose first token {@code t} (not null) is current; {@link #SKIP} for an ignored enum name. */
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    switch (kind) {
      case BOOL: return Scalars.readBoolean(t);
      case INT32: return Scalars.readInt(p, t, unsigned);
      case INT64: return Scalars.readLong(p, t, unsigned);
      case FLOAT32: return Scalars.readFloat(p, t);
      case FLOAT64: return Scalars.readDouble(p, t);
      case STRING: {
        if (t != JsonToken.VALUE_STRING) {
          throw Scalars.expected("a string", t);
        }
        String s = p.getText();
        Utf8.checkDecoded(s, settings.limits);
        Scalars.checkSurrogates(s);
        return s;
      }
      case BYTES: {
        // base64 holds 3 bytes in 4 chars: refuse text too long for the limit before decoding it
        if (t == JsonToken.VALUE_STRING) {
          checkBytes(((long) p.getTextLength() / 4) * 3 - 2, false);
        }
        byte[] b = readBytes(p, t);
        checkBytes(b.length, false);
        return b;
      }
      case TIMESTAMP: return Scalars.readTimestamp(p, t);
      case DURATION: {
        if (t != JsonToken.VALUE_STRING) {
          throw Scalars.expected("a duration string such as \"1.5s\"", t);
        }
        long[] d = WellKnown.parseDuration(p.getText());
        return DurationRange.decode(d[0], d[1]);
      }
      case ENUM: return readEnum(p, t);
      case LIST: return readList(p, t, depth);
      case VECTOR: return readVector(p, t);
      case MAP: return readMap(p, t, depth);
      case RECORD:
        if (wellKnown != null) {
          return wellKnown.read(p, t, depth + 1);
        }
        if (t != JsonToken.START_OBJECT) {
          throw Scalars.expected("an object", t);
        }
        return record.read(p, depth + 1);
      case UNION: return readUnion(p, t, depth + 1);
      default: throw new AssertionError(kind);
    }
  }

  private byte[] readBytes(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw Scalars.expected("a base64 string", t);
    }
    return Scalars.readBytes(p.getText());
  }

  private Object readEnum(JsonParser p, JsonToken t) throws IOException {
    if (nullValue && t == JsonToken.VALUE_NULL) {
      return enumBinding.forNumber(0);
    }
    Object v;
    String shown;
    if (t == JsonToken.VALUE_STRING) {
      shown = p.getText();
      v = enumBinding.forName(shown);
      if (v == null && settings.ignoreUnknownEnums) {
        return SKIP;
      }
    } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      int n = Scalars.readInt(p, t, false);
      shown = Integer.toString(n);
      v = enumBinding.forNumber(n);
    } else {
      throw Scalars.expected("an enum constant name or number", t);
    }
    if (v == null) {
      throw new DecodeException("unknown constant " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown)
          + " of enum " + enumBinding.schema().name());
    }
    return v;
  }

  private List<Object> readList(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw Scalars.expected("an array", t);
    }
    checkDepth(depth + 1, false);
    List<Object> out = new ArrayList<>();
    int i = 0;
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), i++) {
      if (out.size() >= settings.limits.maxCollectionSize()) {
        throw new DecodeException("list longer than the limit of " + settings.limits.maxCollectionSize());
      }
      try {
        if (e == JsonToken.VALUE_NULL && !element.acceptsNull()) {
          throw new DecodeException("null element");
        }
        Object v = element.read(p, e, depth + 1);
        if (v != SKIP) {
          out.add(v);
        }
      } catch (CodecException ex) {
        throw ex.prependIndex(i);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private Object readVector(JsonParser p, JsonToken t) throws IOException {
    if (!doubles && quantization != Quantization.NONE) {
      byte[] b = readBytes(p, t);
      checkVectorSize(VectorBytes.elements(b.length, quantization) - 1);
      return VectorBytes.decode(b, 0, b.length, quantization);
    }
    if (t != JsonToken.START_ARRAY) {
      throw Scalars.expected("an array", t);
    }
    int n = 0;
    if (doubles) {
      double[] d = new double[16];
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        checkVectorSize(n);
        if (n == d.length) {
          d = Arrays.copyOf(d, grow(n));
        }
        d[n] = (double) element(p, e, n, true);
        n++;
      }
      return Arrays.copyOf(d, n);
    }
    float[] f = new float[16];
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      checkVectorSize(n);
      if (n == f.length) {
        f = Arrays.copyOf(f, grow(n));
      }
      f[n] = (float) element(p, e, n, false);
      n++;
    }
    return Arrays.copyOf(f, n);
  }

  private void checkVectorSize(int n) {
    if (n >= settings.limits.maxCollectionSize()) {
      throw new DecodeException("vector longer than the limit of " + settings.limits.maxCollectionSize());
    }
  }

  private int grow(int n) {
    return (int) Math.min((long) settings.limits.maxCollectionSize(), 2L * n);
  }

  private static double element(JsonParser p, JsonToken e, int index, boolean doubles) throws IOException {
    try {
      return doubles ? Scalars.readDouble(p, e) : Scalars.readFloat(p, e);
    } catch (CodecException ex) {
      throw ex.prependIndex(index);
    }
  }

  private Map<Object, Object> readMap(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw Scalars.expected("an object", t);
    }
    checkDepth(depth + 1, false);
    Map<Object, Object> out = new LinkedHashMap<>();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      Object key;
      try {
        if (keyKind == Kind.STRING) {
          Utf8.checkDecoded(name, settings.limits);
          Scalars.checkSurrogates(name);
        }
        key = parseKey(name);
      } catch (CodecException ex) {
        throw ex.prependKey(name);
      }
      if (out.containsKey(key)) {
        throw new DecodeException("duplicate map key").prependKey(key);
      }
      if (out.size() >= settings.limits.maxCollectionSize()) {
        throw new DecodeException("map larger than the limit of " + settings.limits.maxCollectionSize());
      }
      JsonToken v = p.nextToken();
      try {
        if (v == JsonToken.VALUE_NULL && !element.acceptsNull()) {
          throw new DecodeException("null value");
        }
        Object value = element.read(p, v, depth + 1);
        if (value != SKIP) {
          out.put(key, value);
        }
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
      default:
        return parseIntegerKey(s);
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
      throw Scalars.expected("an object holding one member of union " + union.schema().name(), t);
    }
    checkDepth(depth, false);
    Object value = null;
    String chosen = null;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      Integer m = memberIndex.get(name);
      JsonToken v = p.nextToken();
      if (m == null) {
        if (!settings.ignoreUnknown) {
          throw new DecodeException("unknown member \"" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
              + "\" of union " + union.schema().name() + "; members: " + memberIndex.keySet());
        }
        p.skipChildren();
        continue;
      }
      if (v == JsonToken.VALUE_NULL) {
        continue;
      }
      if (chosen != null) {
        throw new DecodeException("union " + union.schema().name() + " holds both " + chosen + " and " + name);
      }
      if (v != JsonToken.START_OBJECT) {
        throw Scalars.expected("an object", v).prependField(name);
      }
      chosen = name;
      try {
        value = members[m].read(p, depth);
      } catch (CodecException e) {
        throw e.prependField(name);
      }
    }
    if (value == null) {
      throw new DecodeException("union " + union.schema().name() + " holds no member; members: " + memberIndex.keySet());
    }
    return value;
  }
}
