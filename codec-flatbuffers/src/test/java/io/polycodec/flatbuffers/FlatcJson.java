package io.polycodec.flatbuffers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import io.polycodec.vector.BFloat16;
import io.polycodec.vector.Float16;
import io.polycodec.vector.VectorBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GenericRecords to and from flatc's JSON for the schemas FbsExport writes, written independently of
 * the codec from flatc's rules: union fields as {"f_type", "f"} (holders, map values and holder-layout
 * fields as {"value_type", "value"}), maps as arrays of
 * {"key", "value"}, timestamps as {"seconds", "nanos"}, bytes as arrays of numbers, enums by name (or
 * number when unknown), NaN and infinities as flatc's bare nan / inf, unsigned integers unsigned.
 */
final class FlatcJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FlatcJson() {}

  // ---- writing -------------------------------------------------------------------------------------

  static String write(GenericRecord r) {
    return write(r, FlatLayout.DEFAULT);
  }

  /**
   * The JSON of {@code r} for a codec with {@code layout}: union fields (and lists of unions) flatc's
   * way, {@code "f_type"} beside {@code "f"}, unless the layout keeps them in holder tables.
   */
  static String write(GenericRecord r, FlatLayout layout) {
    StringBuilder sb = new StringBuilder();
    LAYOUT.set(layout);
    try {
      record(sb, r);
    } finally {
      LAYOUT.remove();
    }
    return sb.toString();
  }

  /** The layout of the write or read in progress (the walk is recursive and static). */
  private static final ThreadLocal<FlatLayout> LAYOUT = ThreadLocal.withInitial(() -> FlatLayout.DEFAULT);

  /** Whether field {@code f} of {@code r} is a union, or list of unions, laid out flatc's way. */
  private static boolean inlineUnion(RecordSchema r, Field f) {
    return io.polycodec.schema.FlatBuffersFieldIds.isUnionField(f) && LAYOUT.get().isInlineUnion(r.name(), f.name());
  }

  private static String memberName(UnionSchema u, Object member) {
    return u.members().get(u.indexOfType(((GenericRecord) member).schema())).name();
  }

  private static void record(StringBuilder sb, GenericRecord r) {
    sb.append('{');
    boolean first = true;
    for (int i = 0; i < r.schema().size(); i++) {
      Object v = r.get(i);
      if (v == null) {
        continue;
      }
      Field f = r.schema().field(i);
      sb.append(first ? "" : ", ");
      first = false;
      if (inlineUnion(r.schema(), f) && f.type() instanceof UnionSchema) {
        sb.append('"').append(f.name()).append("_type\": ");
        string(sb, memberName((UnionSchema) f.type(), v));
        sb.append(", \"").append(f.name()).append("\": ");
        record(sb, (GenericRecord) v);
        continue;
      }
      if (inlineUnion(r.schema(), f)) {
        UnionSchema u = (UnionSchema) ((ListSchema) f.type()).element();
        sb.append('"').append(f.name()).append("_type\": [");
        boolean firstType = true;
        for (Object e : (List<?>) v) {
          sb.append(firstType ? "" : ", ");
          string(sb, memberName(u, e));
          firstType = false;
        }
        sb.append("], \"").append(f.name()).append("\": [");
        boolean firstValue = true;
        for (Object e : (List<?>) v) {
          sb.append(firstValue ? "" : ", ");
          record(sb, (GenericRecord) e);
          firstValue = false;
        }
        sb.append(']');
        continue;
      }
      sb.append('"').append(f.name()).append("\": ");
      if (inlineMap(r.schema(), f)) {
        map(sb, (MapSchema) f.type(), v, true);
        continue;
      }
      value(sb, f.type(), v, false);
    }
    sb.append('}');
  }

  private static void value(StringBuilder sb, Schema type, Object v, boolean element) {
    switch (type.kind()) {
      case BOOL:
      case INT8:
      case INT16:
      case INT32:
      case INT64:
        sb.append(integer(type, v));
        break;
      case FLOAT32: sb.append(number((Float) v)); break;
      case FLOAT64: sb.append(number((Double) v)); break;
      case STRING: string(sb, (String) v); break;
      case BYTES:
        if (element) {
          sb.append("{\"value\": ");
          bytes(sb, (byte[]) v, true);
          sb.append('}');
        } else {
          bytes(sb, (byte[]) v, true);
        }
        break;
      case TIMESTAMP: {
        Instant t = (Instant) v;
        sb.append("{\"seconds\": ").append(t.getEpochSecond()).append(", \"nanos\": ").append(t.getNano()).append('}');
        break;
      }
      case DURATION: {
        java.time.Duration d = (java.time.Duration) v;
        sb.append("{\"seconds\": ").append(io.polycodec.schema.DurationRange.seconds(d)).append(", \"nanos\": ")
            .append(io.polycodec.schema.DurationRange.nanos(d)).append('}');
        break;
      }
      case ENUM: {
        GenericEnum e = (GenericEnum) v;
        if (e.isKnown()) {
          string(sb, e.name());
        } else {
          sb.append(e.number());
        }
        break;
      }
      case RECORD: record(sb, (GenericRecord) v); break;
      case UNION: {
        GenericRecord member = (GenericRecord) v;
        UnionSchema u = (UnionSchema) type;
        sb.append("{\"value_type\": ");
        string(sb, u.members().get(u.indexOfType(member.schema())).name());
        sb.append(", \"value\": ");
        record(sb, member);
        sb.append('}');
        break;
      }
      case LIST: {
        sb.append('[');
        boolean first = true;
        for (Object e : (List<?>) v) {
          sb.append(first ? "" : ", ");
          value(sb, ((ListSchema) type).element(), e, true);
          first = false;
        }
        sb.append(']');
        break;
      }
      case MAP: map(sb, (MapSchema) type, v, false); break;
      case VECTOR: vector(sb, (VectorSchema) type, v); break;
      default: throw new AssertionError(type.kind());
    }
  }

  /** A map as flatc's vector of entry tables; {@code inline}: union values as {"value_type", "value"} in the entry. */
  private static void map(StringBuilder sb, MapSchema m, Object v, boolean inline) {
    sb.append('[');
    boolean first = true;
    for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
      sb.append(first ? "" : ", ").append("{\"key\": ");
      value(sb, m.key(), e.getKey(), false);
      if (inline && m.value() instanceof UnionSchema) {
        sb.append(", \"value_type\": ");
        string(sb, memberName((UnionSchema) m.value(), e.getValue()));
        sb.append(", \"value\": ");
        record(sb, (GenericRecord) e.getValue());
      } else {
        sb.append(", \"value\": ");
        value(sb, m.value(), e.getValue(), false);
      }
      sb.append('}');
      first = false;
    }
    sb.append(']');
  }

  /** Whether map field {@code f} of {@code r} holds union values inline in its entries. */
  private static boolean inlineMap(RecordSchema r, Field f) {
    return f.type() instanceof MapSchema && ((MapSchema) f.type()).value() instanceof UnionSchema
        && LAYOUT.get().isInlineUnion(r.name(), f.name());
  }

  private static String integer(Schema type, Object v) {
    if (v instanceof Boolean) {
      return v.toString();
    }
    boolean unsigned = ((ScalarSchema) type).encoding().isUnsigned();
    if (v instanceof Integer) {
      return unsigned ? Integer.toUnsignedString((Integer) v) : v.toString();
    }
    return unsigned ? Long.toUnsignedString((Long) v) : v.toString();
  }

  static String number(float f) {
    return Float.isNaN(f) ? "nan" : Float.isInfinite(f) ? (f > 0 ? "inf" : "-inf") : Float.toString(f);
  }

  static String number(double d) {
    return Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toString(d);
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7E) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  private static void bytes(StringBuilder sb, byte[] b, boolean unsigned) {
    sb.append('[');
    for (int i = 0; i < b.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(unsigned ? b[i] & 0xFF : b[i]);
    }
    sb.append(']');
  }

  private static void vector(StringBuilder sb, VectorSchema vs, Object v) {
    if (vs.element() == Kind.FLOAT64) {
      double[] d = (double[]) v;
      sb.append('[');
      for (int i = 0; i < d.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(number(d[i]));
      }
      sb.append(']');
      return;
    }
    float[] f = (float[]) v;
    switch (vs.quantization()) {
      case NONE:
        sb.append('[');
        for (int i = 0; i < f.length; i++) {
          sb.append(i == 0 ? "" : ", ").append(number(f[i]));
        }
        sb.append(']');
        return;
      case FP16:
      case BF16:
        sb.append('[');
        for (int i = 0; i < f.length; i++) {
          short bits = vs.quantization() == Quantization.FP16 ? Float16.fromFloat(f[i]) : BFloat16.fromFloat(f[i]);
          sb.append(i == 0 ? "" : ", ").append(bits & 0xFFFF);
        }
        sb.append(']');
        return;
      case INT8: {
        byte[] stored = VectorBytes.encode(f, Quantization.INT8);
        float scale = ByteBuffer.wrap(stored, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        sb.append("{\"scale\": ").append(number(scale)).append(", \"values\": ");
        bytes(sb, java.util.Arrays.copyOfRange(stored, 4, stored.length), false);
        sb.append('}');
        return;
      }
      default:
        throw new AssertionError(vs.quantization());
    }
  }

  // ---- reading -------------------------------------------------------------------------------------

  /** Parses flatc's output (bare nan / inf made JSON first) as a record of {@code schema}. */
  static GenericRecord read(String flatcJson, RecordSchema schema) {
    return read(flatcJson, schema, FlatLayout.DEFAULT);
  }

  /** {@link #read(String, RecordSchema)} for a codec with {@code layout} (see {@link #write(GenericRecord, FlatLayout)}). */
  static GenericRecord read(String flatcJson, RecordSchema schema, FlatLayout layout) {
    LAYOUT.set(layout);
    try {
      return record(MAPPER.readTree(quoteNonFinite(flatcJson)), schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      LAYOUT.remove();
    }
  }

  /** flatc prints NaN and infinities as bare words; quote them, leaving strings alone. */
  static String quoteNonFinite(String json) {
    StringBuilder sb = new StringBuilder(json.length());
    int i = 0;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '"') {
        int j = i + 1;
        while (json.charAt(j) != '"') {
          j += json.charAt(j) == '\\' ? 2 : 1;
        }
        sb.append(json, i, j + 1);
        i = j + 1;
      } else if (json.startsWith("-nan", i) || json.startsWith("+nan", i)) {
        sb.append("\"NaN\"");
        i += 4;
      } else if (json.startsWith("nan", i)) {
        sb.append("\"NaN\"");
        i += 3;
      } else if (json.startsWith("-inf", i)) {
        sb.append("\"-Infinity\"");
        i += 4;
      } else if (json.startsWith("+inf", i)) {
        sb.append("\"Infinity\"");
        i += 4;
      } else if (json.startsWith("inf", i)) {
        sb.append("\"Infinity\"");
        i += 3;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  private static GenericRecord record(JsonNode n, RecordSchema s) {
    GenericRecord.Builder b = GenericRecord.builder(s);
    Iterator<String> names = n.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      Field f = s.field(name);
      if (f == null && name.endsWith("_type")) {
        Field u = s.field(name.substring(0, name.length() - 5));
        if (u != null && inlineUnion(s, u)) {
          continue; // read with its union
        }
      }
      if (f == null) {
        throw new AssertionError(s.name() + " has no field " + name + " (flatc printed it)");
      }
      if (inlineUnion(s, f) && f.type() instanceof UnionSchema) {
        UnionSchema u = (UnionSchema) f.type();
        JsonNode type = n.get(name + "_type");
        if (type == null) {
          throw new AssertionError(s.name() + "." + name + ": flatc printed a union value without its type");
        }
        b.set(name, record(n.get(name), u.members().get(u.indexOfName(type.textValue())).type()));
        continue;
      }
      if (inlineUnion(s, f)) {
        throw new AssertionError(s.name() + "." + name + ": flatc 2.0.8 does not print vectors of unions");
      }
      if (inlineMap(s, f)) {
        b.set(name, readMap(n.get(name), (MapSchema) f.type(), true));
        continue;
      }
      b.set(name, value(n.get(name), f.type(), false));
    }
    return b.build();
  }

  private static Object value(JsonNode n, Schema type, boolean element) {
    switch (type.kind()) {
      case BOOL: return n.booleanValue();
      case INT8:
      case INT16: return n.bigIntegerValue().intValueExact();
      case INT32: {
        BigInteger v = n.bigIntegerValue();
        return ((ScalarSchema) type).encoding().isUnsigned() ? (int) v.longValue() : v.intValueExact();
      }
      case INT64: {
        BigInteger v = n.bigIntegerValue();
        return ((ScalarSchema) type).encoding().isUnsigned() ? v.longValue() : v.longValueExact();
      }
      case FLOAT32: return n.isTextual() ? Float.parseFloat(n.textValue()) : Float.parseFloat(n.asText());
      case FLOAT64: return n.isTextual() ? Double.parseDouble(n.textValue()) : Double.parseDouble(n.asText());
      case STRING: return n.textValue();
      case BYTES: {
        JsonNode arr = element ? n.get("value") : n;
        return arr == null ? new byte[0] : bytes(arr);
      }
      case TIMESTAMP: return Instant.ofEpochSecond(n.get("seconds").longValue(), n.get("nanos").intValue());
      case DURATION: return java.time.Duration.ofSeconds(n.get("seconds").longValue(), n.get("nanos").intValue());
      case ENUM: {
        EnumSchema e = (EnumSchema) type;
        if (n.isNumber()) {
          EnumSchema.Constant c = e.byNumber(n.intValue());
          return c != null ? GenericEnum.of(c.name(), c.number()) : GenericEnum.unknown(n.intValue());
        }
        EnumSchema.Constant c = e.byName(n.textValue());
        return GenericEnum.of(c.name(), c.number());
      }
      case RECORD: return record(n, (RecordSchema) type);
      case UNION: {
        UnionSchema u = (UnionSchema) type;
        UnionSchema.Member m = u.members().get(u.indexOfName(n.get("value_type").textValue()));
        return record(n.get("value"), m.type());
      }
      case LIST: {
        List<Object> out = new ArrayList<>();
        for (JsonNode e : n) {
          out.add(value(e, ((ListSchema) type).element(), true));
        }
        return out;
      }
      case MAP: return readMap(n, (MapSchema) type, false);
      case VECTOR: return vector(n, (VectorSchema) type);
      default: throw new AssertionError(type.kind());
    }
  }

  private static Map<Object, Object> readMap(JsonNode n, MapSchema m, boolean inline) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (JsonNode e : n) {
      Object k = e.has("key") ? value(e.get("key"), m.key(), false) : defaultKey(m.key().kind());
      Object v;
      if (inline && m.value() instanceof UnionSchema) {
        UnionSchema u = (UnionSchema) m.value();
        v = record(e.get("value"), u.members().get(u.indexOfName(e.get("value_type").textValue())).type());
      } else {
        v = e.has("value") ? value(e.get("value"), m.value(), false) : defaultOf(m.value());
      }
      out.put(k, v);
    }
    return out;
  }

  private static Object defaultKey(Kind k) {
    switch (k) {
      case STRING: return "";
      case INT32: return 0;
      case INT64: return 0L;
      case BOOL: return false;
      default: throw new AssertionError(k);
    }
  }

  /** A missing map value: the type's default, via a one-field record built with nothing set. */
  private static Object defaultOf(Schema value) {
    RecordSchema holder = RecordSchema.of("Holder", Field.of("v", 1, value));
    return GenericRecord.builder(holder).build().get(0);
  }

  private static byte[] bytes(JsonNode arr) {
    byte[] b = new byte[arr.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) arr.get(i).intValue();
    }
    return b;
  }

  private static Object vector(JsonNode n, VectorSchema vs) {
    if (vs.element() == Kind.FLOAT64) {
      double[] d = new double[n.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = (Double) value(n.get(i), Schema.float64(), false);
      }
      return d;
    }
    switch (vs.quantization()) {
      case NONE: {
        float[] f = new float[n.size()];
        for (int i = 0; i < f.length; i++) {
          f[i] = (Float) value(n.get(i), Schema.float32(), false);
        }
        return f;
      }
      case FP16:
      case BF16: {
        float[] f = new float[n.size()];
        for (int i = 0; i < f.length; i++) {
          short bits = (short) n.get(i).intValue();
          f[i] = vs.quantization() == Quantization.FP16 ? Float16.toFloat(bits) : BFloat16.toFloat(bits);
        }
        return f;
      }
      case INT8: {
        JsonNode values = n.get("values");
        int len = values == null ? 0 : values.size();
        byte[] stored = new byte[4 + len];
        float scale = n.has("scale") ? (Float) value(n.get("scale"), Schema.float32(), false) : 0f;
        ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN).putFloat(scale);
        for (int i = 0; i < len; i++) {
          stored[4 + i] = (byte) values.get(i).intValue();
        }
        return VectorBytes.decode(stored, 0, stored.length, Quantization.INT8);
      }
      default:
        throw new AssertionError(vs.quantization());
    }
  }
}
