package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.polycodec.schema.ProtoJsonNames;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.bind.FieldSlots;
import io.polycodec.json.jackson.JacksonErrors;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes and reads one record type as a protobuf JSON object: keys are the fields' JSON names (or proto
 * names, {@link ProtobufJsonOptions#PRESERVE_PROTO_NAMES}); reading accepts both. Fields without presence
 * at their default are left out unless {@link ProtobufJsonOptions#EMIT_DEFAULTS}; {@code null} means
 * "not set" for any field, as the mapping says.
 */
final class RecordPlan {
  private final RecordBinding<?> binding;
  private final Settings settings;
  private final int size;
  private final String[] names;
  private final SerializedString[] keys;
  private final Kind[] kinds;
  private final boolean[] primitive;
  /** Explicit presence: optional, required, or with a default of its own. */
  private final boolean[] optional;
  private final boolean[] unsigned;
  private final int[] oneofGroup;
  private final Map<String, Integer> indexByName;
  private ValuePlan[] plans;

  RecordPlan(RecordBinding<?> binding, Settings settings) {
    this.binding = binding;
    this.settings = settings;
    RecordSchema s = binding.schema();
    size = s.size();
    names = new String[size];
    keys = new SerializedString[size];
    kinds = new Kind[size];
    primitive = new boolean[size];
    optional = new boolean[size];
    unsigned = new boolean[size];
    oneofGroup = new int[size];
    Map<String, Integer> groups = new HashMap<>();
    java.util.List<String> fieldNames = ProtoJsonNames.names(s);
    java.util.List<String> chosen = ProtoJsonNames.keys(fieldNames, settings.protoNames);
    for (int i = 0; i < size; i++) {
      Field f = s.field(i);
      String json = chosen.get(i);
      names[i] = f.name();
      keys[i] = new SerializedString(json);
      kinds[i] = f.type().kind();
      // Required fields and fields with a default of their own are written whatever their value (the
      // JSON mapping has no field defaults; a reader that lacks the field reads the schema's default).
      optional[i] = f.optional() || f.required() || f.hasDefault();
      primitive[i] = inline(kinds[i]) && !optional[i];
      unsigned[i] = f.type() instanceof ScalarSchema && ((ScalarSchema) f.type()).encoding().isUnsigned();
      oneofGroup[i] = f.oneof() == null ? -1 : groups.computeIfAbsent(f.oneof(), k -> groups.size());
    }
    // Proto names, JSON names and the snake_case names camelCase components usually mirror, whatever
    // PRESERVE_PROTO_NAMES says (the mapping's parsers accept both); the same index the checker reasons with.
    indexByName = ProtoJsonNames.readerIndex(fieldNames);
  }

  // Names every kind (a switch expression has no default), so a new kind must say whether the record
  // writes it inline through the binding's primitive getters or through its value plan.
  private static boolean inline(Kind kind) {
    return switch (kind) {
      case BOOL, INT8, INT16, INT32, INT64, FLOAT32, FLOAT64 -> true;
      case STRING, BYTES, TIMESTAMP, DURATION, ENUM, LIST, VECTOR, MAP, RECORD, UNION -> false;
    };
  }

  void compileFields(PlanCompiler compiler) {
    ValuePlan[] p = new ValuePlan[size];
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
    settings.limits.checkDepth(depth, true);
    g.writeStartObject(record);
    writeFields(g, record, depth);
    g.writeEndObject();
  }

  /** Writes the fields of {@code record} into the object being written (an Any's holds "@type" too). */
  void writeFields(JsonGenerator g, Object record, int depth) throws IOException {
    RecordBinding<?> b = binding;
    boolean all = settings.emitDefaults;
    for (int i = 0; i < size; i++) {
      try {
        if (primitive[i]) {
          switch (kinds[i]) {
            case BOOL: {
              boolean v = b.getBoolean(record, i);
              if (v || all) {
                g.writeFieldName(keys[i]);
                g.writeBoolean(v);
              }
              break;
            }
            case INT8:
            case INT16: {
              int v = b.getInt(record, i);
              if (v != 0 || all) {
                g.writeFieldName(keys[i]);
                g.writeNumber(v);
              }
              break;
            }
            case INT32: {
              int v = b.getInt(record, i);
              if (v != 0 || all) {
                g.writeFieldName(keys[i]);
                Scalars.writeInt(g, v, unsigned[i]);
              }
              break;
            }
            case INT64: {
              long v = b.getLong(record, i);
              if (v != 0 || all) {
                g.writeFieldName(keys[i]);
                Scalars.writeLong(g, v, unsigned[i]);
              }
              break;
            }
            case FLOAT32: {
              float v = b.getFloat(record, i);
              if (Float.floatToRawIntBits(v) != 0 || all) {
                g.writeFieldName(keys[i]);
                Scalars.writeFloat(g, v);
              }
              break;
            }
            case FLOAT64: {
              double v = b.getDouble(record, i);
              if (Double.doubleToRawLongBits(v) != 0 || all) {
                g.writeFieldName(keys[i]);
                Scalars.writeDouble(g, v);
              }
              break;
            }
            default: throw new AssertionError(kinds[i] + " is not inline");
          }
        } else {
          Object v = b.get(record, i);
          // A timestamp is a message (with presence) in protobuf: at the epoch codec-protobuf leaves it
          // out, so the message has no such field and not even EMIT_DEFAULTS prints it.
          if (v != null && (optional[i] || (all && kinds[i] != Kind.TIMESTAMP && kinds[i] != Kind.DURATION) || !plans[i].isDefault(v))) {
            g.writeFieldName(keys[i]);
            plans[i].write(g, v, depth);
          } else if (v != null) {
            plans[i].checkLeftOut(depth);
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

  /**
   * Reads an object whose START_OBJECT is the current token, or the rest of one whose first keys were
   * read already (an Any's "@type").
   */
  Object read(JsonParser p, int depth) throws IOException {
    settings.limits.checkDepth(depth, false);
    FieldSlots slots = binding.newSlots();
    boolean[] seen = new boolean[size];
    int[] oneofSet = null;
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      Integer found = indexByName.get(key);
      JsonToken t = p.nextToken();
      if (found == null) {
        if (!settings.ignoreUnknown) {
          throw new DecodeException("unknown field \"" + (key.length() > 40 ? key.substring(0, 40) + "..." : key)
              + "\" of " + name());
        }
        p.skipChildren();
        continue;
      }
      int i = found;
      try {
        if (seen[i]) {
          throw new DecodeException("field given twice (JSON and proto names count as one)");
        }
        seen[i] = true;
        if (t == JsonToken.VALUE_NULL && !plans[i].acceptsNull()) {
          continue; // null: the field is not set (its default)
        }
        if (oneofGroup[i] >= 0) {
          if (oneofSet == null) {
            oneofSet = new int[size];
            java.util.Arrays.fill(oneofSet, -1);
          }
          int prior = oneofSet[oneofGroup[i]];
          if (prior >= 0) {
            throw new DecodeException("oneof " + binding.schema().field(i).oneof() + " already holds " + names[prior]);
          }
          oneofSet[oneofGroup[i]] = i;
        }
        readField(p, t, i, slots, depth);
      } catch (CodecException e) {
        throw e.prependField(names[i]);
      } catch (JsonProcessingException e) {
        throw JacksonErrors.malformed(e).prependField(names[i]);
      }
    }
    return binding.build(slots);
  }

  private void readField(JsonParser p, JsonToken t, int i, FieldSlots slots, int depth) throws IOException {
    switch (kinds[i]) {
      case BOOL: slots.setBoolean(i, Scalars.readBoolean(t)); break;
      case INT8: case INT16: slots.setInt(i, Scalars.readNarrow(p, t, kinds[i])); break;
      case INT32: slots.setInt(i, Scalars.readInt(p, t, unsigned[i])); break;
      case INT64: slots.setLong(i, Scalars.readLong(p, t, unsigned[i])); break;
      case FLOAT32: slots.setFloat(i, Scalars.readFloat(p, t)); break;
      case FLOAT64: slots.setDouble(i, Scalars.readDouble(p, t)); break;
      default: {
        Object v = plans[i].read(p, t, depth);
        if (v != ValuePlan.SKIP) {
          slots.set(i, v);
        }
        break;
      }
    }
  }
}
