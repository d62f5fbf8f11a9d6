package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import io.polycodec.schema.Kind;
import java.io.IOException;
import java.time.Instant;

/**
 * The scalar kinds as values (optional fields, list elements, map values, wrapper values): one shared
 * instance per kind and signedness, each delegating to {@link Scalars} for the mapping and its checks.
 */
abstract class ScalarPlan extends ValuePlan {
  static final ValuePlan BOOL = new ScalarPlan() {
    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { g.writeBoolean((Boolean) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) { return Scalars.readBoolean(t); }
    @Override boolean isDefault(Object v) { return !((Boolean) v); }
  };
  static final ValuePlan INT8 = new Narrow(Kind.INT8);
  static final ValuePlan INT16 = new Narrow(Kind.INT16);
  static final ValuePlan INT32 = new Int32(false);
  static final ValuePlan UINT32 = new Int32(true);
  static final ValuePlan INT64 = new Int64(false);
  static final ValuePlan UINT64 = new Int64(true);
  static final ValuePlan FLOAT32 = new ScalarPlan() {
    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { Scalars.writeFloat(g, (Float) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return Scalars.readFloat(p, t); }
    @Override boolean isDefault(Object v) { return Float.floatToRawIntBits((Float) v) == 0; }
  };
  static final ValuePlan FLOAT64 = new ScalarPlan() {
    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { Scalars.writeDouble(g, (Double) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return Scalars.readDouble(p, t); }
    @Override boolean isDefault(Object v) { return Double.doubleToRawLongBits((Double) v) == 0; }
  };
  static final ValuePlan TIMESTAMP = new ScalarPlan() {
    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { Scalars.writeTimestamp(g, (Instant) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return Scalars.readTimestamp(p, t); }
    @Override boolean isDefault(Object v) { return Instant.EPOCH.equals(v); }
  };

  ScalarPlan() {}

  /** int8 and int16: protobuf int32 numbers, range-checked on read. */
  private static final class Narrow extends ScalarPlan {
    private final Kind kind;

    Narrow(Kind kind) {
      this.kind = kind;
    }

    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { g.writeNumber((int) (Integer) v); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return Scalars.readNarrow(p, t, kind); }
    @Override boolean isDefault(Object v) { return ((Integer) v) == 0; }
  }

  private static final class Int32 extends ScalarPlan {
    private final boolean unsigned;

    Int32(boolean unsigned) {
      this.unsigned = unsigned;
    }

    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { Scalars.writeInt(g, (Integer) v, unsigned); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return Scalars.readInt(p, t, unsigned); }
    @Override boolean isDefault(Object v) { return ((Integer) v) == 0; }
  }

  private static final class Int64 extends ScalarPlan {
    private final boolean unsigned;

    Int64(boolean unsigned) {
      this.unsigned = unsigned;
    }

    @Override void write(JsonGenerator g, Object v, int depth) throws IOException { Scalars.writeLong(g, (Long) v, unsigned); }
    @Override Object read(JsonParser p, JsonToken t, int depth) throws IOException { return Scalars.readLong(p, t, unsigned); }
    @Override boolean isDefault(Object v) { return ((Long) v) == 0; }
  }

  /** A string, held to {@link Limits#maxStringBytes()} both ways; unpaired surrogates are refused. */
  static final class Text extends ScalarPlan {
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
        throw Scalars.expected("a string", t);
      }
      String s = p.getText();
      Utf8.checkDecoded(s, limits);
      Scalars.checkSurrogates(s);
      return s;
    }

    @Override
    boolean isDefault(Object v) {
      return ((String) v).isEmpty();
    }
  }

  /** Bytes as base64 (standard or URL-safe on read), held to {@link Limits#maxStringBytes()} both ways. */
  static final class Binary extends ScalarPlan {
    private final Limits limits;

    Binary(Limits limits) {
      this.limits = limits;
    }

    @Override
    void write(JsonGenerator g, Object v, int depth) throws IOException {
      checkBytes(limits, ((byte[]) v).length, true);
      Scalars.writeBytes(g, (byte[]) v);
    }

    @Override
    Object read(JsonParser p, JsonToken t, int depth) throws IOException {
      if (t != JsonToken.VALUE_STRING) {
        throw Scalars.expected("a base64 string", t);
      }
      // base64 holds 3 bytes in 4 chars: refuse text too long for the limit before decoding it
      checkBytes(limits, ((long) p.getTextLength() / 4) * 3 - 2, false);
      byte[] b = Scalars.readBytes(p.getText());
      checkBytes(limits, b.length, false);
      return b;
    }

    @Override
    boolean isDefault(Object v) {
      return ((byte[]) v).length == 0;
    }
  }
}
