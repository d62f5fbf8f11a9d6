package io.polycodec.flatbuffers;

import io.polycodec.schema.Field;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.VectorSchema;

/** Calls every getter of a view, recursively, the way a careless reader of a hostile buffer might. */
final class ViewWalker {
  private ViewWalker() {}

  /** Reads everything; returns a checksum so the JIT cannot drop the reads. */
  static long walk(FlatView<?> v, int depth) {
    long sum = 0;
    RecordSchema s = v.schema();
    for (int i = 0; i < s.size(); i++) {
      Field f = s.field(i);
      sum += v.has(i) ? 1 : 0;
      Object whole = v.get(i);
      sum += whole == null ? 0 : 1;
      switch (f.type().kind()) {
        case BOOL: sum += v.getBoolean(i) ? 1 : 0; break;
        case INT8: case INT16: case INT32: sum += v.getInt(i); break;
        case INT64: sum += v.getLong(i); break;
        case FLOAT32: sum += Float.floatToRawIntBits(v.getFloat(i)); break;
        case FLOAT64: sum += Double.doubleToRawLongBits(v.getDouble(i)); break;
        case STRING: {
          String str = v.getString(i);
          sum += str == null ? 0 : str.length();
          sum += v.getUtf8(i) == null ? 0 : v.getUtf8(i).remaining();
          break;
        }
        case BYTES: sum += v.getBytes(i) == null ? 0 : v.getBytes(i).remaining(); break;
        case TIMESTAMP: sum += v.getTimestamp(i) == null ? 0 : v.getTimestamp(i).getNano(); break;
        case DURATION: sum += v.getDuration(i) == null ? 0 : v.getDuration(i).getNano(); break;
        case ENUM: sum += v.getEnumNumber(i); break;
        case RECORD: {
          FlatView<?> r = v.getRecord(i);
          sum += r == null || depth > 50 ? 0 : walk(r, depth + 1);
          break;
        }
        case UNION: {
          FlatView<?> u = v.getUnion(i);
          sum += v.getUnionMember(i) == null ? 0 : v.getUnionMember(i).length();
          sum += u == null || depth > 50 ? 0 : walk(u, depth + 1);
          break;
        }
        case LIST: sum += walk(v.getList(i), depth); break;
        case VECTOR: {
          VectorSchema vs = (VectorSchema) f.type();
          if (vs.quantization() == Quantization.NONE) {
            if (vs.element() == io.polycodec.schema.Kind.FLOAT64) {
              var d = v.getDoubleVector(i);
              for (int k = 0; k < d.limit(); k++) {
                sum += Double.doubleToRawLongBits(d.get(k));
              }
            } else {
              var fl = v.getFloatVector(i);
              for (int k = 0; k < fl.limit(); k++) {
                sum += Float.floatToRawIntBits(fl.get(k));
              }
            }
          }
          break;
        }
        default:
          break;
      }
    }
    return sum;
  }

  private static long walk(FlatList l, int depth) {
    long sum = l.size();
    sum += l.toList().size();
    for (int k = 0; k < l.size(); k++) {
      sum += l.get(k) == null ? 0 : 1;
      switch (l.elementKind()) {
        case BOOL: sum += l.getBoolean(k) ? 1 : 0; break;
        case INT32: sum += l.getInt(k); break;
        case INT64: sum += l.getLong(k); break;
        case FLOAT32: sum += Float.floatToRawIntBits(l.getFloat(k)); break;
        case FLOAT64: sum += Double.doubleToRawLongBits(l.getDouble(k)); break;
        case STRING: sum += l.getString(k).length() + l.getUtf8(k).remaining(); break;
        case BYTES: sum += l.getBytes(k).remaining(); break;
        case TIMESTAMP: sum += l.getTimestamp(k).getNano(); break;
        case DURATION: sum += l.getDuration(k).getNano(); break;
        case ENUM: sum += l.getEnumNumber(k); break;
        case RECORD: sum += depth > 50 ? 0 : walk(l.getRecord(k), depth + 1); break;
        case UNION: sum += depth > 50 ? 0 : walk(l.getUnion(k), depth + 1); break;
        default: break;
      }
    }
    return sum;
  }
}
