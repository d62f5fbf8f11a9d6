package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.schema.ProtoJsonNames;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The special JSON forms of well-known messages in imported schemas, where codec-protobuf's
 * {@code ProtoImport} keeps them as ordinary records named {@code google.protobuf.*}: Timestamp (RFC 3339),
 * Duration ({@code "1.5s"}), the wrappers (the bare value), FieldMask ({@code "a.bC,d"}) and Struct,
 * Value and ListValue (any JSON). A record is treated so only if it has the message's name and fields.
 * Immutable. Depths count as for any record: the special form is one level below its field.
 */
final class WellKnown extends ValuePlan {
  private enum Type { TIMESTAMP, DURATION, WRAPPER, FIELD_MASK, STRUCT, VALUE, LIST_VALUE }

  private static final Set<String> WRAPPERS = Set.of("google.protobuf.DoubleValue", "google.protobuf.FloatValue",
      "google.protobuf.Int64Value", "google.protobuf.UInt64Value", "google.protobuf.Int32Value",
      "google.protobuf.UInt32Value", "google.protobuf.BoolValue", "google.protobuf.StringValue",
      "google.protobuf.BytesValue");
  private static final Pattern DURATION = Pattern.compile("(-)?(\\d{1,12})(?:\\.(\\d{1,9}))?s");
  private static final long MAX_DURATION_SECONDS = 315_576_000_000L;

  private final Type type;
  private final RecordBinding<?> binding;
  private ValuePlan value;
  private io.polycodec.Limits limits;

  private WellKnown(Type type, RecordBinding<?> binding) {
    this.type = type;
    this.binding = binding;
  }

  /** The special form of {@code b}'s record, or null if it is not one of the well-known messages. */
  static WellKnown of(RecordBinding<?> b, PlanCompiler compiler) {
    WellKnown w = of(b);
    if (w != null) {
      w.limits = compiler.settings.limits;
      if (w.type == Type.WRAPPER) {
        w.value = compiler.plan(b.schema().field(0).type(), b.child(0));
      }
    }
    return w;
  }

  private static WellKnown of(RecordBinding<?> b) {
    RecordSchema s = b.schema();
    switch (s.name()) {
      case "google.protobuf.Timestamp":
        return secondsAndNanos(s) ? new WellKnown(Type.TIMESTAMP, b) : null;
      case "google.protobuf.Duration":
        return secondsAndNanos(s) ? new WellKnown(Type.DURATION, b) : null;
      case "google.protobuf.Struct":
        return s.size() == 1 && s.field(0).name().equals("fields") && s.field(0).type().kind() == Kind.MAP
            ? new WellKnown(Type.STRUCT, b) : null;
      case "google.protobuf.ListValue":
        return s.size() == 1 && s.field(0).name().equals("values") && s.field(0).type().kind() == Kind.LIST
            ? new WellKnown(Type.LIST_VALUE, b) : null;
      case "google.protobuf.Value":
        return StructValues.isValue(s) ? new WellKnown(Type.VALUE, b) : null;
      case "google.protobuf.FieldMask":
        return s.size() == 1 && s.field(0).name().equals("paths") && s.field(0).type() instanceof ListSchema
            && ((ListSchema) s.field(0).type()).element().kind() == Kind.STRING
            ? new WellKnown(Type.FIELD_MASK, b) : null;
      default:
        if (WRAPPERS.contains(s.name()) && s.size() == 1 && s.field(0).name().equals("value")
            && !s.field(0).optional() && s.field(0).type() instanceof ScalarSchema) {
          return new WellKnown(Type.WRAPPER, b);
        }
        return null;
    }
  }

  private static boolean secondsAndNanos(RecordSchema s) {
    if (s.size() != 2) {
      return false;
    }
    Field sec = s.field(0);
    Field nan = s.field(1);
    return sec.name().equals("seconds") && sec.type().kind() == Kind.INT64 && !sec.optional()
        && nan.name().equals("nanos") && nan.type().kind() == Kind.INT32 && !nan.optional();
  }

  /** Whether JSON {@code null} is a value of this type (a Value holding null_value) rather than "not set". */
  @Override
  boolean acceptsNull() {
    return type == Type.VALUE;
  }

  @Override
  void write(JsonGenerator g, Object r, int fieldDepth) throws IOException {
    int depth = fieldDepth + 1;
    switch (type) {
      case STRUCT:
        StructValues.writeStruct(g, binding, r, depth, limits);
        break;
      case VALUE:
        StructValues.writeValue(g, binding, r, depth, limits);
        break;
      case LIST_VALUE:
        StructValues.writeList(g, binding, r, depth, limits);
        break;
      case TIMESTAMP: {
        long seconds = binding.getLong(r, 0);
        int nanos = binding.getInt(r, 1);
        if (!io.polycodec.schema.TimestampRange.contains(seconds, nanos)) {
          throw new EncodeException("Timestamp " + seconds + "s " + nanos + "ns is outside the range JSON can print");
        }
        g.writeString(Scalars.timestampText(java.time.Instant.ofEpochSecond(seconds, nanos)));
        break;
      }
      case DURATION:
        g.writeString(durationText(binding.getLong(r, 0), binding.getInt(r, 1)));
        break;
      case FIELD_MASK: {
        StringBuilder s = new StringBuilder();
        for (Object path : (List<?>) binding.get(r, 0)) {
          if (s.length() > 0) {
            s.append(',');
          }
          s.append(maskPathToJson((String) path));
        }
        g.writeString(s.toString());
        break;
      }
      default:
        value.write(g, binding.get(r, 0), depth);
        break;
    }
  }

  /** Reads the special form whose first token {@code t} is current. */
  @Override
  Object read(JsonParser p, JsonToken t, int fieldDepth) throws IOException {
    int depth = fieldDepth + 1;
    switch (type) {
      case STRUCT: return StructValues.readStruct(p, t, binding, depth, limits);
      case VALUE: return StructValues.readValue(p, t, binding, depth, limits);
      case LIST_VALUE: return StructValues.readList(p, t, binding, depth, limits);
      default: break;
    }
    FieldSlots slots = binding.newSlots();
    switch (type) {
      case TIMESTAMP: {
        java.time.Instant i = Scalars.readTimestamp(p, t);
        slots.setLong(0, i.getEpochSecond());
        slots.setInt(1, i.getNano());
        break;
      }
      case DURATION: {
        if (t != JsonToken.VALUE_STRING) {
          throw Scalars.expected("a duration string such as \"1.5s\"", t);
        }
        long[] d = parseDuration(p.getText());
        slots.setLong(0, d[0]);
        slots.setInt(1, (int) d[1]);
        break;
      }
      case FIELD_MASK: {
        if (t != JsonToken.VALUE_STRING) {
          throw Scalars.expected("a field mask string such as \"a.bC,d\"", t);
        }
        String text = p.getText();
        List<String> paths = new ArrayList<>();
        if (!text.isEmpty()) {
          for (String path : text.split(",", -1)) {
            if (paths.size() >= limits.maxCollectionSize()) {
              throw new DecodeException("field mask longer than the limit of " + limits.maxCollectionSize());
            }
            if (path.indexOf('_') >= 0) {
              throw new DecodeException("field mask path \"" + (path.length() > 40 ? path.substring(0, 40) + "..." : path)
                  + "\" is not lowerCamelCase");
            }
            paths.add(ProtoJsonNames.snake(path));
          }
        }
        slots.set(0, Collections.unmodifiableList(paths));
        break;
      }
      default:
        slots.set(0, value.read(p, t, depth));
        break;
    }
    return binding.build(slots);
  }

  /** Seconds with 0, 3, 6 or 9 fractional digits and an "s", as protobuf prints durations. */
  static String durationText(long seconds, int nanos) {
    if (seconds < -MAX_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS || nanos <= -1_000_000_000
        || nanos >= 1_000_000_000 || (seconds < 0 && nanos > 0) || (seconds > 0 && nanos < 0)) {
      throw new EncodeException("Duration " + seconds + "s " + nanos + "ns is not a valid duration");
    }
    StringBuilder s = new StringBuilder();
    if (seconds < 0 || nanos < 0) {
      s.append('-');
    }
    s.append(Math.abs(seconds));
    int n = Math.abs(nanos);
    if (n != 0) {
      String digits = n % 1_000_000 == 0 ? pad(n / 1_000_000, 3) : n % 1_000 == 0 ? pad(n / 1_000, 6) : pad(n, 9);
      s.append('.').append(digits);
    }
    return s.append('s').toString();
  }

  private static String pad(int v, int width) {
    String t = Integer.toString(v);
    return "0".repeat(width - t.length()) + t;
  }

  static long[] parseDuration(String text) {
    Matcher m = text.length() > 30 ? null : DURATION.matcher(text);
    if (m == null || !m.matches()) {
      throw new DecodeException("not a duration (\"1.5s\")");
    }
    long seconds = Long.parseLong(m.group(2));
    long nanos = 0;
    if (m.group(3) != null) {
      nanos = Long.parseLong(m.group(3));
      for (int i = m.group(3).length(); i < 9; i++) {
        nanos *= 10;
      }
    }
    if (seconds > MAX_DURATION_SECONDS) {
      throw new DecodeException("duration out of range");
    }
    if (m.group(1) != null) {
      seconds = -seconds;
      nanos = -nanos;
    }
    return new long[] {seconds, nanos};
  }

  private static String maskPathToJson(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("\\.", -1)) {
      String json = ProtoJsonNames.jsonName(segment);
      if (!ProtoJsonNames.snake(json).equals(segment)) {
        throw new EncodeException("field mask path " + path + " has no JSON form (protobuf requires lower snake_case)");
      }
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(json);
    }
    return out.toString();
  }
}
