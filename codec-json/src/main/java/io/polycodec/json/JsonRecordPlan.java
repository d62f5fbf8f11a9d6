package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads one record type as a JSON object. Field names are pre-encoded; reading matches the
 * next key against the field expected next in schema order by identity (Jackson interns keys) before
 * falling back to a map, so objects written in schema order need no hashing.
 */
final class JsonRecordPlan {
  private final RecordBinding<?> binding;
  private final Limits limits;
  private final int size;
  private final String[] names;
  private final SerializedString[] encodedNames;
  private final Kind[] kinds;
  private final boolean[] primitive;
  private final boolean[] optional;
  private final boolean[] unsigned;
  private final int[][] oneofPeers;
  private final Map<String, Integer> indexByName = new HashMap<>();
  private JsonValuePlan[] plans;

  JsonRecordPlan(RecordBinding<?> binding, Limits limits) {
    this.binding = binding;
    this.limits = limits;
    RecordSchema s = binding.schema();
    size = s.size();
    names = new String[size];
    encodedNames = new SerializedString[size];
    kinds = new Kind[size];
    primitive = new boolean[size];
    optional = new boolean[size];
    unsigned = new boolean[size];
    oneofPeers = new int[size][];
    for (int i = 0; i < size; i++) {
      Field f = s.field(i);
      names[i] = f.name().intern();
      encodedNames[i] = new SerializedString(f.name());
      kinds[i] = f.type().kind();
      optional[i] = f.optional();
      primitive[i] = inline(kinds[i]) && !f.optional();
      unsigned[i] = f.type() instanceof ScalarSchema && ((ScalarSchema) f.type()).encoding().isUnsigned();
      indexByName.put(f.name(), i);
      if (f.oneof() != null) {
        List<Integer> peers = new ArrayList<>();
        for (int j = 0; j < size; j++) {
          if (j != i && f.oneof().equals(s.field(j).oneof())) {
            peers.add(j);
          }
        }
        oneofPeers[i] = peers.stream().mapToInt(Integer::intValue).toArray();
      }
    }
  }

  // Names every kind (a switch expression has no default), so a new kind must say whether the record
  // writes it inline through the binding's primitive getters or through its value plan.
  private static boolean inline(Kind kind) {
    return switch (kind) {
      case BOOL, INT8, INT16, INT32, INT64, FLOAT32, FLOAT64 -> true;
      case STRING, BYTES, TIMESTAMP, ENUM, LIST, VECTOR, MAP, RECORD, UNION -> false;
    };
  }

  void compileFields(JsonPlanCompiler compiler) {
    JsonValuePlan[] p = new JsonValuePlan[size];
    for (int i = 0; i < size; i++) {
      p[i] = compiler.plan(binding.schema().field(i).type(), binding.child(i));
    }
    plans = p;
  }

  String name() {
    return binding.schema().name();
  }

  // ---- writing ---------------------------------------------------------------------------------------

  void write(JsonGenerator g, Object record, int depth) throws IOException {
    if (depth > limits.maxDepth()) {
      throw new EncodeException("nesting deeper than the limit of " + limits.maxDepth());
    }
    g.writeStartObject(record);
    writeFields(g, record, depth);
    g.writeEndObject();
  }

  void writeFields(JsonGenerator g, Object r, int depth) throws IOException {
    RecordBinding<?> b = binding;
    for (int i = 0; i < size; i++) {
      try {
        if (primitive[i]) {
          g.writeFieldName(encodedNames[i]);
          switch (kinds[i]) {
            case BOOL: g.writeBoolean(b.getBoolean(r, i)); break;
            case INT8: case INT16: g.writeNumber(b.getInt(r, i)); break;
            case INT32: JsonScalars.writeInt(g, b.getInt(r, i), unsigned[i]); break;
            case INT64: JsonScalars.writeLong(g, b.getLong(r, i), unsigned[i]); break;
            case FLOAT32: JsonScalars.writeFloat(g, b.getFloat(r, i)); break;
            case FLOAT64: JsonScalars.writeDouble(g, b.getDouble(r, i)); break;
            default: throw new AssertionError(kinds[i] + " is not inline");
          }
        } else {
          Object v = b.get(r, i);
          if (v != null) {
            g.writeFieldName(encodedNames[i]);
            plans[i].write(g, v, depth);
          }
        }
      } catch (CodecException e) {
        throw e.prependField(names[i]);
      } catch (ClassCastException e) {
        throw new EncodeException("value does not match the field's type: " + e.getMessage(), e).prependField(names[i]);
      }
    }
  }

  // ---- reading ---------------------------------------------------------------------------------------

  /** Reads an object whose START_OBJECT is the current token. */
  Object read(JsonParser p, int depth) throws IOException {
    if (depth > limits.maxDepth()) {
      throw new DecodeException("nesting deeper than the limit of " + limits.maxDepth());
    }
    return readRest(p, depth);
  }

  /** Reads the remaining fields of the current object (its start, or a union's "@type", already consumed). */
  Object readRest(JsonParser p, int depth) throws IOException {
    FieldSlots slots = binding.newSlots();
    int guess = 0;
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      int i;
      if (guess < size && names[guess] == key) {
        i = guess;
      } else {
        Integer found = indexByName.get(key);
        i = found == null ? -1 : found;
      }
      JsonToken t = p.nextToken();
      if (i < 0) {
        p.skipChildren();
        continue;
      }
      guess = i + 1;
      try {
        readField(p, t, i, slots, depth);
      } catch (CodecException e) {
        throw e.prependField(names[i]);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw io.polycodec.json.jackson.JacksonErrors.malformed(e).prependField(names[i]);
      }
    }
    return binding.build(slots);
  }

  private void readField(JsonParser p, JsonToken t, int i, FieldSlots slots, int depth) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      if (!optional[i]) {
        throw new DecodeException("null in a non-optional field");
      }
      slots.clear(i);
      return;
    }
    if (oneofPeers[i] != null) {
      for (int peer : oneofPeers[i]) {
        slots.clear(peer);
      }
    }
    switch (kinds[i]) {
      case BOOL: slots.setBoolean(i, JsonScalars.readBoolean(t)); break;
      case INT8: case INT16: slots.setInt(i, JsonScalars.readNarrow(p, t, kinds[i])); break;
      case INT32: slots.setInt(i, JsonScalars.readInt(p, t, unsigned[i])); break;
      case INT64: slots.setLong(i, JsonScalars.readLong(p, t, unsigned[i])); break;
      case FLOAT32: slots.setFloat(i, JsonScalars.readFloat(p, t)); break;
      case FLOAT64: slots.setDouble(i, JsonScalars.readDouble(p, t)); break;
      default: slots.set(i, plans[i].read(p, t, depth)); break;
    }
  }
}
