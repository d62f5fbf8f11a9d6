package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import io.polycodec.schema.Kind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The scalar kinds as values (optional fields, list elements, map values): one shared instance per kind
 * and signedness, each delegating to {@link JsonScalars} for the mapping and its range checks.
 */
abstract class JsonScalarPlan extends JsonValuePlan {
  static final JsonValuePlan BOOL = new JsonScalarPlan() {
    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { g.writeBoolean((Boolean) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) { return JsonScalars.readBoolean(t); }
  };
  static final JsonValuePlan INT8 = new Narrow(Kind.INT8);
  static final JsonValuePlan INT16 = new Narrow(Kind.INT16);
  static final JsonValuePlan INT32 = new Int32(false);
  static final JsonValuePlan UINT32 = new Int32(true);
  static final JsonValuePlan INT64 = new Int64(false);
  static final JsonValuePlan UINT64 = new Int64(true);
  static final JsonValuePlan FLOAT32 = new JsonScalarPlan() {
    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { JsonScalars.writeFloat(g, (Float) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return JsonScalars.readFloat(p, t); }
  };
  static final JsonValuePlan FLOAT64 = new JsonScalarPlan() {
    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { JsonScalars.writeDouble(g, (Double) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return JsonScalars.readDouble(p, t); }
  };
  static final JsonValuePlan TIMESTAMP = new JsonScalarPlan() {
    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { JsonScalars.writeTimestamp(g, (Instant) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return JsonScalars.readTimestamp(p, t); }
  };

  static final JsonValuePlan DURATION = new JsonScalarPlan() {
    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { JsonScalars.writeDuration(g, (Duration) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return JsonScalars.readDuration(p, t); }
  };

  JsonScalarPlan() {}

  private static final class Int32 extends JsonScalarPlan {
    private final boolean unsigned;

    Int32(boolean unsigned) {
      this.unsigned = unsigned;
    }

    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { JsonScalars.writeInt(g, (Integer) v, unsigned); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return JsonScalars.readInt(p, t, unsigned); }
  }

  private static final class Narrow extends JsonScalarPlan {
    private final Kind kind;

    Narrow(Kind kind) {
      this.kind = kind;
    }

    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { g.writeNumber((Integer) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return JsonScalars.readNarrow(p, t, kind); }
  }

  /** A string, held to {@link Limits#maxStringBytes()} both ways. */
  static final class Text extends JsonScalarPlan {
    private final Limits limits;

    Text(Limits limits) {
      this.limits = limits;
    }

    @Override
    void write(JsonGenerator g, Object v, int depth) throws IOException {
      Utf8.checkEncodable((String) v, limits);
      g.writeString((String) v);
    }

    @Override
    Object read(JsonParser p, JsonToken t, int depth) throws IOException {
      if (t != JsonToken.VALUE_STRING) {
        throw JsonScalars.expected("a string", t);
      }
      String s = p.getText();
      Utf8.checkDecoded(s, limits);
      return s;
    }
  }

  /** Bytes as base64, held to {@link Limits#maxStringBytes()} both ways. */
  static final class Binary extends JsonScalarPlan {
    private final Limits limits;

    Binary(Limits limits) {
      this.limits = limits;
    }

    @Override
    void write(JsonGenerator g, Object v, int depth) throws IOException {
      limits.checkByteArray(((byte[]) v).length, true);
      g.writeBinary((byte[]) v);
    }

    @Override
    Object read(JsonParser p, JsonToken t, int depth) throws IOException {
      if (t != JsonToken.VALUE_STRING) {
        throw JsonScalars.expected("a base64 string", t);
      }
      // base64 holds 3 bytes in 4 chars: refuse text too long for the limit before decoding it
      limits.checkByteArray(((long) p.getTextLength() / 4) * 3 - 2, false);
      byte[] b = p.getBinaryValue();
      limits.checkByteArray(b.length, false);
      return b;
    }
  }

  private static final class Int64 extends JsonScalarPlan {
    private final boolean unsigned;

    Int64(boolean unsigned) {
      this.unsigned = unsigned;
    }

    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { JsonScalars.writeLong(g, (Long) v, unsigned); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return JsonScalars.readLong(p, t, unsigned); }
  }
}
