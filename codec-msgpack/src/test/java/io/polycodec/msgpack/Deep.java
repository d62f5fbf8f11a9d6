package io.polycodec.msgpack;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Structural equality for test values: records component by component, arrays by content, floats by
 * raw bits (so NaN payloads and -0.0 count), lists in order, maps as sets of entries, Optionals by content.
 */
final class Deep {
  private Deep() {}

  static boolean equals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Float && b instanceof Float) {
      return Float.floatToRawIntBits((Float) a) == Float.floatToRawIntBits((Float) b);
    }
    if (a instanceof Double && b instanceof Double) {
      return Double.doubleToRawLongBits((Double) a) == Double.doubleToRawLongBits((Double) b);
    }
    if (a instanceof byte[] && b instanceof byte[]) {
      return java.util.Arrays.equals((byte[]) a, (byte[]) b);
    }
    if (a instanceof float[] && b instanceof float[]) {
      float[] x = (float[]) a;
      float[] y = (float[]) b;
      if (x.length != y.length) {
        return false;
      }
      for (int i = 0; i < x.length; i++) {
        if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof double[] && b instanceof double[]) {
      double[] x = (double[]) a;
      double[] y = (double[]) b;
      if (x.length != y.length) {
        return false;
      }
      for (int i = 0; i < x.length; i++) {
        if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(y[i])) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List && b instanceof List) {
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      while (i.hasNext()) {
        if (!equals(i.next(), j.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      outer:
      for (Map.Entry<?, ?> e : x.entrySet()) {
        for (Map.Entry<?, ?> f : y.entrySet()) {
          if (equals(e.getKey(), f.getKey())) {
            if (!equals(e.getValue(), f.getValue())) {
              return false;
            }
            continue outer;
          }
        }
        return false;
      }
      return true;
    }
    if (a instanceof Optional && b instanceof Optional) {
      return equals(((Optional<?>) a).orElse(null), ((Optional<?>) b).orElse(null));
    }
    if (a instanceof OptionalDouble && b instanceof OptionalDouble) {
      OptionalDouble x = (OptionalDouble) a;
      OptionalDouble y = (OptionalDouble) b;
      return x.isPresent() == y.isPresent() && (!x.isPresent() || equals(x.getAsDouble(), y.getAsDouble()));
    }
    if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
      try {
        for (RecordComponent c : a.getClass().getRecordComponents()) {
          c.getAccessor().setAccessible(true);
          if (!equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
            return false;
          }
        }
        return true;
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return a.equals(b);
  }

  /** The first differing path, for failure messages. */
  static String diff(Object a, Object b) {
    if (a != null && b != null && a.getClass().isRecord() && a.getClass() == b.getClass()) {
      try {
        for (RecordComponent c : a.getClass().getRecordComponents()) {
          c.getAccessor().setAccessible(true);
          Object x = c.getAccessor().invoke(a);
          Object y = c.getAccessor().invoke(b);
          if (!equals(x, y)) {
            return c.getName() + ": " + diff(x, y);
          }
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return show(a) + " != " + show(b);
  }

  private static String show(Object v) {
    if (v instanceof float[]) {
      return java.util.Arrays.toString((float[]) v);
    }
    if (v instanceof double[]) {
      return java.util.Arrays.toString((double[]) v);
    }
    if (v instanceof byte[]) {
      return "bytes" + java.util.Arrays.toString((byte[]) v);
    }
    return String.valueOf(v);
  }
}
