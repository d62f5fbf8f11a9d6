package io.polycodec.flatbuffers;

import io.polycodec.GenericRecord;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.VectorSchema;
import io.polycodec.vector.VectorBytes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a value becomes after a round trip through quantized storage (VectorBytes' own math). */
final class QuantizedValues {
  private QuantizedValues() {}

  static GenericRecord expected(GenericRecord r) {
    RecordSchema s = r.schema();
    GenericRecord.Builder b = r.toBuilder();
    for (int i = 0; i < s.size(); i++) {
      Object v = r.get(i);
      if (v != null) {
        b.set(i, expected(s.field(i).type(), v));
      }
    }
    return b.build();
  }

  private static Object expected(Schema type, Object v) {
    switch (type.kind()) {
      case VECTOR: {
        Quantization q = ((VectorSchema) type).quantization();
        return q == Quantization.NONE || ((VectorSchema) type).element() == Kind.FLOAT64
            ? v : VectorBytes.roundTrip((float[]) v, q);
      }
      case RECORD:
      case UNION:
        return expected((GenericRecord) v);
      case LIST: {
        List<Object> out = new ArrayList<>();
        for (Object e : (List<?>) v) {
          out.add(expected(((ListSchema) type).element(), e));
        }
        return out;
      }
      case MAP: {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          out.put(e.getKey(), expected(((MapSchema) type).value(), e.getValue()));
        }
        return out;
      }
      default:
        return v;
    }
  }

  /** Whether a field of {@code s} anywhere below holds a quantized vector. */
  static boolean any(RecordSchema s) {
    for (Field f : s.fields()) {
      if (f.type() instanceof VectorSchema && ((VectorSchema) f.type()).quantization() != Quantization.NONE) {
        return true;
      }
    }
    return false;
  }
}
