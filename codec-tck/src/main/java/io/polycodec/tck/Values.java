package io.polycodec.tck;

import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.GenericUnion;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.DurationRange;
import io.polycodec.schema.TimestampRange;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import io.polycodec.tck.engine.Describe;
import io.polycodec.vector.QuantizationBounds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Exact comparison of generic values with the path of the first difference, and the model's rules as checks. */
final class Values {
  private Values() {}

  /**
   * Where {@code actual} first differs from {@code expected} ("R1.tags[2]: expected … but was …"), or
   * null if they are equal the way {@link GenericRecord#equals} defines it (floats by bits with NaN
   * canonical, arrays by content, maps ignoring order; unknown fields ignored).
   */
  static String firstDifference(Object expected, Object actual) {
    return difference(expected, actual, "");
  }

  private static String difference(Object e, Object a, String path) {
    if (e == a) {
      return null;
    }
    if (e == null || a == null || e.getClass() != a.getClass() && !(e instanceof List && a instanceof List)
        && !(e instanceof Map && a instanceof Map)) {
      return mismatch(path, e, a);
    }
    if (e instanceof GenericRecord) {
      GenericRecord x = (GenericRecord) e;
      GenericRecord y = (GenericRecord) a;
      String here = path.isEmpty() ? x.schema().name() : path;
      if (!x.schema().name().equals(y.schema().name())) {
        return here + ": expected a " + x.schema().name() + " but was a " + y.schema().name() + " (" + Describe.of(a) + ")";
      }
      if (x.schema().size() != y.schema().size()) {
        return here + ": schemas differ: " + x.schema() + " vs " + y.schema();
      }
      for (int i = 0; i < x.schema().size(); i++) {
        Schema type = x.schema().field(i).type();
        if (type instanceof VectorSchema && ((VectorSchema) type).quantization() != Quantization.NONE
            && x.get(i) instanceof float[] && y.get(i) instanceof float[]) {
          String d = quantizedDifference((float[]) x.get(i), (float[]) y.get(i), ((VectorSchema) type).quantization(),
              here + "." + x.schema().field(i).name());
          if (d != null) {
            return d;
          }
          continue;
        }
        String d = difference(x.get(i), y.get(i), here + "." + x.schema().field(i).name());
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (e instanceof GenericUnion) {
      GenericUnion x = (GenericUnion) e;
      GenericUnion y = (GenericUnion) a;
      if (!x.member().equals(y.member())) {
        return (path.isEmpty() ? "value" : path) + ": expected union member " + x.member() + " but was member "
            + y.member() + " (" + Describe.of(a) + ")";
      }
      return difference(x.value(), y.value(), path + "(" + x.member() + ")");
    }
    if (e instanceof List) {
      List<?> x = (List<?>) e;
      List<?> y = (List<?>) a;
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        String d = difference(x.get(i), y.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return x.size() == y.size() ? null
          : path + ": expected " + x.size() + " elements but was " + y.size() + ": " + Describe.of(a);
    }
    if (e instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) e;
      Map<?, ?> y = (Map<?, ?>) a;
      for (Map.Entry<?, ?> en : x.entrySet()) {
        String p = path + "[" + Describe.of(en.getKey()) + "]";
        if (!y.containsKey(en.getKey())) {
          return p + ": missing (actual keys " + Describe.of(new ArrayList<>(y.keySet())) + ")";
        }
        String d = difference(en.getValue(), y.get(en.getKey()), p);
        if (d != null) {
          return d;
        }
      }
      return x.size() == y.size() ? null : path + ": unexpected keys in " + Describe.of(a);
    }
    boolean equal;
    if (e instanceof byte[]) {
      equal = Arrays.equals((byte[]) e, (byte[]) a);
    } else if (e instanceof float[]) {
      equal = Arrays.equals((float[]) e, (float[]) a);
    } else if (e instanceof double[]) {
      equal = Arrays.equals((double[]) e, (double[]) a);
    } else {
      equal = e.equals(a);
    }
    return equal ? null : mismatch(path, e, a);
  }

  // Quantized vectors are compared with the original within the bound the quantization promises, so
  // any encoder inside the bound passes, not only one that rounds exactly as VectorBytes does.
  private static String quantizedDifference(float[] original, float[] decoded, Quantization q, String path) {
    if (Arrays.equals(original, decoded)) {
      return null;
    }
    int bad = QuantizationBounds.firstViolation(original, decoded, q);
    if (bad < 0) {
      return null;
    }
    if (original.length != decoded.length) {
      return path + ": expected " + original.length + " elements but was " + decoded.length;
    }
    return path + "[" + bad + "]: " + q + " promises a value near " + original[bad] + " but was " + decoded[bad];
  }

  private static String mismatch(String path, Object e, Object a) {
    return (path.isEmpty() ? "value" : path) + ": expected " + Describe.of(e) + typeNote(e, a) + " but was "
        + Describe.of(a) + typeNote(a, e);
  }

  private static String typeNote(Object x, Object other) {
    return x != null && other != null && x.getClass() != other.getClass() ? " (" + x.getClass().getSimpleName() + ")" : "";
  }

  /**
   * Where a NaN in {@code actual} has other bits than the NaN at the same place in {@code expected}
   * (which {@link #firstDifference} calls equal), or null. Quantized vectors are left out: their NaNs
   * pass through the quantization's own rounding.
   */
  static String nanBitsDifference(Object e, Object a) {
    return nanBits(e, a, "");
  }

  private static String nanBits(Object e, Object a, String path) {
    if (e == null || a == null || e == a) {
      return null;
    }
    if (e instanceof GenericRecord && a instanceof GenericRecord) {
      GenericRecord x = (GenericRecord) e;
      GenericRecord y = (GenericRecord) a;
      String here = path.isEmpty() ? x.schema().name() : path;
      for (int i = 0; i < Math.min(x.schema().size(), y.schema().size()); i++) {
        Schema type = x.schema().field(i).type();
        if (type instanceof VectorSchema && ((VectorSchema) type).quantization() != Quantization.NONE) {
          continue;
        }
        String d = nanBits(x.get(i), y.get(i), here + "." + x.schema().field(i).name());
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (e instanceof GenericUnion && a instanceof GenericUnion) {
      return nanBits(((GenericUnion) e).value(), ((GenericUnion) a).value(), path + "(" + ((GenericUnion) e).member() + ")");
    }
    if (e instanceof List && a instanceof List) {
      List<?> x = (List<?>) e;
      List<?> y = (List<?>) a;
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        String d = nanBits(x.get(i), y.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (e instanceof Map && a instanceof Map) {
      for (Map.Entry<?, ?> en : ((Map<?, ?>) e).entrySet()) {
        String d = nanBits(en.getValue(), ((Map<?, ?>) a).get(en.getKey()), path + "[" + Describe.of(en.getKey()) + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (e instanceof Float && a instanceof Float) {
      return floatBits((Float) e, (Float) a, path);
    }
    if (e instanceof Double && a instanceof Double) {
      return doubleBits((Double) e, (Double) a, path);
    }
    if (e instanceof float[] && a instanceof float[]) {
      float[] x = (float[]) e;
      float[] y = (float[]) a;
      for (int i = 0; i < Math.min(x.length, y.length); i++) {
        String d = floatBits(x[i], y[i], path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (e instanceof double[] && a instanceof double[]) {
      double[] x = (double[]) e;
      double[] y = (double[]) a;
      for (int i = 0; i < Math.min(x.length, y.length); i++) {
        String d = doubleBits(x[i], y[i], path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  private static String floatBits(float e, float a, String path) {
    int x = Float.floatToRawIntBits(e);
    int y = Float.floatToRawIntBits(a);
    return Float.isNaN(e) && x != y ? (path.isEmpty() ? "value" : path) + ": expected the NaN 0x" + Integer.toHexString(x)
        + " but was 0x" + Integer.toHexString(y) : null;
  }

  private static String doubleBits(double e, double a, String path) {
    long x = Double.doubleToRawLongBits(e);
    long y = Double.doubleToRawLongBits(a);
    return Double.isNaN(e) && x != y ? (path.isEmpty() ? "value" : path) + ": expected the NaN 0x" + Long.toHexString(x)
        + " but was 0x" + Long.toHexString(y) : null;
  }

  /** Fails with the first difference. */
  static void assertEqual(String what, Object expected, Object actual) {
    String d = firstDifference(expected, actual);
    if (d != null) {
      throw new AssertionError(what + ": " + d);
    }
  }

  /**
   * {@code value} as a codec must return it. That is the value itself: quantized float32 vectors are
   * compared within their bound by {@link #firstDifference}, so nothing needs rounding here.
   */
  static GenericRecord afterRoundTrip(GenericRecord value) {
    return value;
  }

  /**
   * Checks that a value a decoder returned obeys the model: values of the field's kind in canonical
   * Java form, no null in a non-optional field, list or map, timestamps in range, enum values consistent
   * with the schema, union values of a member, at most one field per oneof group, and unmodifiable
   * lists and maps.
   *
   * @throws AssertionError naming the path of the first violation
   */
  static void assertConforms(GenericRecord value) {
    conformsRecord(value, value.schema(), value.schema().name());
  }

  private static void conformsRecord(GenericRecord r, RecordSchema expected, String path) {
    if (!r.schema().name().equals(expected.name())) {
      throw new AssertionError(path + ": a " + r.schema().name() + " where a " + expected.name() + " belongs");
    }
    RecordSchema s = r.schema();
    java.util.Set<String> groups = new java.util.HashSet<>();
    for (int i = 0; i < s.size(); i++) {
      Field f = s.field(i);
      Object v = r.get(i);
      String p = path + "." + f.name();
      if (v == null) {
        if (!f.optional()) {
          throw new AssertionError(p + ": null in a non-optional field");
        }
        continue;
      }
      if (f.oneof() != null && !groups.add(f.oneof())) {
        throw new AssertionError(p + ": a second field of oneof " + f.oneof() + " is set");
      }
      conforms(v, f.type(), p);
    }
  }

  private static void conforms(Object v, Schema type, String path) {
    if (v == null) {
      throw new AssertionError(path + ": null");
    }
    switch (type.kind()) {
      case BOOL: expect(v, Boolean.class, type, path); break;
      case INT8:
      case INT16: {
        int n = expect(v, Integer.class, type, path);
        if (n < type.kind().minValue() || n > type.kind().maxValue()) {
          throw new AssertionError(path + ": " + n + " is outside " + type.describe());
        }
        break;
      }
      case INT32: expect(v, Integer.class, type, path); break;
      case INT64: expect(v, Long.class, type, path); break;
      case FLOAT32: expect(v, Float.class, type, path); break;
      case FLOAT64: expect(v, Double.class, type, path); break;
      case STRING: expect(v, String.class, type, path); break;
      case BYTES: expect(v, byte[].class, type, path); break;
      case TIMESTAMP: {
        Instant t = expect(v, Instant.class, type, path);
        if (!TimestampRange.contains(t.getEpochSecond(), t.getNano())) {
          throw new AssertionError(path + ": timestamp " + t + " is outside TimestampRange");
        }
        break;
      }
      case DURATION: {
        java.time.Duration d = expect(v, java.time.Duration.class, type, path);
        if (d.compareTo(DurationRange.MIN) < 0 || d.compareTo(DurationRange.MAX) > 0) {
          throw new AssertionError(path + ": duration " + d + " is outside DurationRange");
        }
        break;
      }
      case ENUM: {
        GenericEnum g = expect(v, GenericEnum.class, type, path);
        if (g.isKnown()) {
          EnumSchema.Constant c = ((EnumSchema) type).byName(g.name());
          if (c == null || c.number() != g.number()) {
            throw new AssertionError(path + ": " + Describe.of(g) + " is not a constant of " + type.describe());
          }
        }
        break;
      }
      case VECTOR:
        Class<?> array = ((VectorSchema) type).element() == Kind.FLOAT64 ? double[].class : float[].class;
        expect(v, array, type, path);
        break;
      case LIST: {
        List<?> l = expect(v, List.class, type, path);
        Schema element = ((ListSchema) type).element();
        for (int i = 0; i < l.size(); i++) {
          conforms(l.get(i), element, path + "[" + i + "]");
        }
        break;
      }
      case MAP: {
        Map<?, ?> m = expect(v, Map.class, type, path);
        MapSchema ms = (MapSchema) type;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          conforms(e.getKey(), ms.key(), path + "[key]");
          conforms(e.getValue(), ms.value(), path + "[" + Describe.of(e.getKey()) + "]");
        }
        break;
      }
      case RECORD:
        conformsRecord(expect(v, GenericRecord.class, type, path), (RecordSchema) type, path);
        break;
      case UNION: {
        UnionSchema u = (UnionSchema) type;
        if (v instanceof io.polycodec.GenericUnion) {
          io.polycodec.GenericUnion g = (io.polycodec.GenericUnion) v;
          int m = u.indexOfName(g.member());
          if (m < 0) {
            throw new AssertionError(path + ": " + g.member() + " is not a member of " + u.name());
          }
          conforms(g.value(), u.members().get(m).type(), path + "(" + g.member() + ")");
          break;
        }
        if (v instanceof String && u.indexOfString() >= 0) {
          if (u.isAliased(u.indexOfString())) {
            throw new AssertionError(path + ": a bare String where " + u.name()
                + " has several string members (a decoder names the member with a GenericUnion)");
          }
          break;
        }
        GenericRecord r = expect(v, GenericRecord.class, type, path);
        int m = u.indexOfType(r.schema());
        if (m < 0) {
          throw new AssertionError(path + ": " + r.schema().name() + " is not a member of " + u.name());
        }
        if (u.isAliased(m)) {
          throw new AssertionError(path + ": a bare " + r.schema().name() + " where several members of " + u.name()
              + " share it (a decoder names the member with a GenericUnion)");
        }
        conformsRecord(r, u.members().get(m).record(), path);
        break;
      }
      default:
        throw new AssertionError(type.kind());
    }
  }

  private static <V> V expect(Object v, Class<V> c, Schema type, String path) {
    if (!c.isInstance(v)) {
      throw new AssertionError(path + ": a " + type.describe() + " must be a " + c.getSimpleName() + ", was a "
          + v.getClass().getName() + " (" + Describe.of(v) + ")");
    }
    return c.cast(v);
  }

  /**
   * Checks that every list and map in a decoded value is unmodifiable (decoders hand out unmodifiable
   * collections). Attempts a mutation, so only call it on a value nobody else uses.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void assertUnmodifiable(Object v, String path) {
    if (v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      for (int i = 0; i < r.schema().size(); i++) {
        assertUnmodifiable(r.get(i), path + "." + r.schema().field(i).name());
      }
    } else if (v instanceof GenericUnion) {
      assertUnmodifiable(((GenericUnion) v).value(), path + "(" + ((GenericUnion) v).member() + ")");
    } else if (v instanceof List) {
      List l = (List) v;
      for (int i = 0; i < l.size(); i++) {
        assertUnmodifiable(l.get(i), path + "[" + i + "]");
      }
      try {
        l.add(l.isEmpty() ? null : l.get(0));
      } catch (UnsupportedOperationException expected) {
        return;
      } catch (RuntimeException inconclusive) {
        return;
      }
      throw new AssertionError(path + ": a decoded list is modifiable (" + l.getClass().getName() + ")");
    } else if (v instanceof Map) {
      Map m = (Map) v;
      for (Object e : m.values()) {
        assertUnmodifiable(e, path + "[…]");
      }
      try {
        if (m.isEmpty()) {
          m.put(null, null);
        } else {
          Map.Entry first = (Map.Entry) m.entrySet().iterator().next();
          m.put(first.getKey(), first.getValue());
        }
      } catch (UnsupportedOperationException expected) {
        return;
      } catch (RuntimeException inconclusive) {
        return;
      }
      throw new AssertionError(path + ": a decoded map is modifiable (" + m.getClass().getName() + ")");
    }
  }

  /** A deep copy (arrays, lists and maps copied), to tell later whether a codec modified the original. */
  static Object deepCopy(Object v) {
    if (v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      GenericRecord.Builder b = r.toBuilder();
      for (int i = 0; i < r.schema().size(); i++) {
        if (r.get(i) != null) {
          b.set(i, deepCopy(r.get(i)));
        }
      }
      return b.build();
    }
    if (v instanceof GenericUnion) {
      return GenericUnion.of(((GenericUnion) v).member(), deepCopy(((GenericUnion) v).value()));
    }
    if (v instanceof byte[]) {
      return ((byte[]) v).clone();
    }
    if (v instanceof float[]) {
      return ((float[]) v).clone();
    }
    if (v instanceof double[]) {
      return ((double[]) v).clone();
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(deepCopy(e));
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(e.getKey(), deepCopy(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    return v;
  }

  /** The same value with every map's insertion order reversed (equal, so a deterministic codec writes the same bytes). */
  static Object reverseMaps(Object v) {
    if (v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      GenericRecord.Builder b = r.toBuilder();
      for (int i = 0; i < r.schema().size(); i++) {
        if (r.get(i) != null) {
          b.set(i, reverseMaps(r.get(i)));
        }
      }
      return b.build();
    }
    if (v instanceof GenericUnion) {
      return GenericUnion.of(((GenericUnion) v).member(), reverseMaps(((GenericUnion) v).value()));
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(reverseMaps(e));
      }
      return out;
    }
    if (v instanceof Map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(((Map<?, ?>) v).entrySet());
      Collections.reverse(entries);
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : entries) {
        out.put(e.getKey(), reverseMaps(e.getValue()));
      }
      return out;
    }
    return v;
  }

  static boolean sameBytes(byte[] a, byte[] b) {
    return Arrays.equals(Objects.requireNonNull(a), Objects.requireNonNull(b));
  }
}
