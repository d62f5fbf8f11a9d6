package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import io.polycodec.bind.EnumBinding;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code google.protobuf.Struct}, {@code Value} and {@code ListValue} of imported schemas as any JSON:
 * a Struct is an object, a ListValue an array, a Value whichever JSON value its {@code kind} holds.
 * They are mutually recursive, so they follow the bindings at run time instead of a compiled plan, and
 * count depth against {@link Limits#maxDepth()}.
 */
final class StructValues {
  // google.protobuf.Value's fields, in struct.proto's order (isValue checks the names)
  private static final String[] VALUE_FIELDS = {"null_value", "number_value", "string_value", "bool_value",
      "struct_value", "list_value"};

  private StructValues() {}

  static boolean isValue(RecordSchema s) {
    if (s.size() != VALUE_FIELDS.length) {
      return false;
    }
    for (int i = 0; i < VALUE_FIELDS.length; i++) {
      if (!s.field(i).name().equals(VALUE_FIELDS[i]) || !s.field(i).optional()) {
        return false;
      }
    }
    return true;
  }

  // ---- writing ---------------------------------------------------------------------------------------

  static void writeValue(JsonGenerator g, RecordBinding<?> b, Object v, int depth, Limits limits) throws IOException {
    limits.checkDepth(depth, true);
    if (b.get(v, 0) != null) {
      g.writeNull();
    } else if (b.get(v, 1) != null) {
      double d = (Double) b.get(v, 1);
      if (!Double.isFinite(d)) {
        throw new EncodeException("a google.protobuf.Value cannot hold " + d + " in JSON");
      }
      g.writeNumber(d);
    } else if (b.get(v, 2) != null) {
      Utf8.checkEncodable((String) b.get(v, 2), limits);
      g.writeString((String) b.get(v, 2));
    } else if (b.get(v, 3) != null) {
      g.writeBoolean((Boolean) b.get(v, 3));
    } else if (b.get(v, 4) != null) {
      writeStruct(g, (RecordBinding<?>) b.child(4), b.get(v, 4), depth + 1, limits);
    } else if (b.get(v, 5) != null) {
      writeList(g, (RecordBinding<?>) b.child(5), b.get(v, 5), depth + 1, limits);
    } else {
      throw new EncodeException("a google.protobuf.Value must hold one kind of value");
    }
  }

  static void writeStruct(JsonGenerator g, RecordBinding<?> b, Object s, int depth, Limits limits) throws IOException {
    limits.checkDepth(depth, true);
    Map<?, ?> fields = (Map<?, ?>) b.get(s, 0);
    RecordBinding<?> value = (RecordBinding<?>) b.child(0);
    g.writeStartObject();
    for (Map.Entry<?, ?> e : new TreeMap<>(fields).entrySet()) {
      try {
        g.writeFieldName((String) e.getKey());
        writeValue(g, value, e.getValue(), depth + 1, limits);
      } catch (CodecException x) {
        throw x.prependKey(e.getKey());
      }
    }
    g.writeEndObject();
  }

  static void writeList(JsonGenerator g, RecordBinding<?> b, Object l, int depth, Limits limits) throws IOException {
    limits.checkDepth(depth, true);
    List<?> values = (List<?>) b.get(l, 0);
    RecordBinding<?> value = (RecordBinding<?>) b.child(0);
    g.writeStartArray();
    for (int i = 0; i < values.size(); i++) {
      try {
        writeValue(g, value, values.get(i), depth + 1, limits);
      } catch (CodecException x) {
        throw x.prependIndex(i);
      }
    }
    g.writeEndArray();
  }

  // ---- reading ---------------------------------------------------------------------------------------

  static Object readValue(JsonParser p, JsonToken t, RecordBinding<?> b, int depth, Limits limits) throws IOException {
    limits.checkDepth(depth, false);
    FieldSlots slots = b.newSlots();
    switch (t) {
      case VALUE_NULL:
        slots.set(0, ((EnumBinding) b.child(0)).forNumber(0));
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        slots.setDouble(1, Scalars.readDouble(p, t));
        break;
      case VALUE_STRING:
        Utf8.checkDecoded(p.getText(), limits);
        Scalars.checkSurrogates(p.getText());
        slots.set(2, p.getText());
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        slots.setBoolean(3, t == JsonToken.VALUE_TRUE);
        break;
      case START_OBJECT:
        slots.set(4, readStruct(p, t, (RecordBinding<?>) b.child(4), depth + 1, limits));
        break;
      case START_ARRAY:
        slots.set(5, readList(p, t, (RecordBinding<?>) b.child(5), depth + 1, limits));
        break;
      default:
        throw Scalars.expected("a JSON value", t);
    }
    return b.build(slots);
  }

  static Object readStruct(JsonParser p, JsonToken t, RecordBinding<?> b, int depth, Limits limits) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw Scalars.expected("an object (google.protobuf.Struct)", t);
    }
    limits.checkDepth(depth, false);
    RecordBinding<?> value = (RecordBinding<?>) b.child(0);
    Map<Object, Object> fields = new java.util.LinkedHashMap<>();
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      if (fields.size() >= limits.maxCollectionSize()) {
        throw new DecodeException("map larger than the limit of " + limits.maxCollectionSize());
      }
      try {
        Utf8.checkDecoded(key, limits);
        Scalars.checkSurrogates(key);
        fields.put(key, readValue(p, p.nextToken(), value, depth + 1, limits));
      } catch (CodecException x) {
        throw x.prependKey(key);
      }
    }
    FieldSlots slots = b.newSlots();
    slots.set(0, Collections.unmodifiableMap(fields));
    return b.build(slots);
  }

  static Object readList(JsonParser p, JsonToken t, RecordBinding<?> b, int depth, Limits limits) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw Scalars.expected("an array (google.protobuf.ListValue)", t);
    }
    limits.checkDepth(depth, false);
    RecordBinding<?> value = (RecordBinding<?>) b.child(0);
    List<Object> values = new ArrayList<>();
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      if (values.size() >= limits.maxCollectionSize()) {
        throw new DecodeException("list longer than the limit of " + limits.maxCollectionSize());
      }
      try {
        values.add(readValue(p, e, value, depth + 1, limits));
      } catch (CodecException x) {
        throw x.prependIndex(values.size());
      }
    }
    FieldSlots slots = b.newSlots();
    slots.set(0, Collections.unmodifiableList(values));
    return b.build(slots);
  }
}
