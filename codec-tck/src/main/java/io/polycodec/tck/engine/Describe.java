package io.polycodec.tck.engine;

import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.GenericUnion;
import java.util.List;
import java.util.Map;

/**
 * Unambiguous, bounded text for values in failure reports: strings quoted with every non-printable or
 * non-ASCII character escaped (so a surrogate pair or a NUL is visible), floats that show -0.0 and
 * NaN bit patterns, byte arrays in hex, collections and records spelled out, long things elided.
 */
public final class Describe {
  private static final int MAX_STRING = 200;
  private static final int MAX_ELEMENTS = 40;
  private static final int MAX_TOTAL = 20_000;

  private Describe() {}

  /** The description of {@code value}. */
  public static String of(Object value) {
    StringBuilder sb = new StringBuilder();
    append(sb, value);
    if (sb.length() > MAX_TOTAL) {
      sb.setLength(MAX_TOTAL);
      sb.append("…(description truncated)");
    }
    return sb.toString();
  }

  /** Appends the description of {@code value} to {@code sb}. */
  public static void append(StringBuilder sb, Object value) {
    if (sb.length() > MAX_TOTAL) {
      return;
    }
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String) {
      string(sb, (String) value);
    } else if (value instanceof Float) {
      sb.append(floatText((Float) value)).append('f');
    } else if (value instanceof Double) {
      sb.append(doubleText((Double) value));
    } else if (value instanceof Long) {
      sb.append(value).append('L');
    } else if (value instanceof byte[]) {
      bytes(sb, (byte[]) value);
    } else if (value instanceof float[]) {
      float[] a = (float[]) value;
      sb.append("float[").append(a.length).append("]{");
      for (int i = 0; i < a.length && i < MAX_ELEMENTS; i++) {
        sb.append(i > 0 ? ", " : "").append(floatText(a[i]));
      }
      sb.append(a.length > MAX_ELEMENTS ? ", …}" : "}");
    } else if (value instanceof double[]) {
      double[] a = (double[]) value;
      sb.append("double[").append(a.length).append("]{");
      for (int i = 0; i < a.length && i < MAX_ELEMENTS; i++) {
        sb.append(i > 0 ? ", " : "").append(doubleText(a[i]));
      }
      sb.append(a.length > MAX_ELEMENTS ? ", …}" : "}");
    } else if (value instanceof List) {
      List<?> l = (List<?>) value;
      sb.append('[');
      for (int i = 0; i < l.size() && i < MAX_ELEMENTS; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, l.get(i));
      }
      sb.append(l.size() > MAX_ELEMENTS ? ", …(" + l.size() + " elements)]" : "]");
    } else if (value instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) value;
      sb.append('{');
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (i == MAX_ELEMENTS) {
          sb.append(", …(").append(m.size()).append(" entries)");
          break;
        }
        sb.append(i++ > 0 ? ", " : "");
        append(sb, e.getKey());
        sb.append(": ");
        append(sb, e.getValue());
      }
      sb.append('}');
    } else if (value instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) value;
      sb.append(r.schema().name()).append('{');
      for (int i = 0; i < r.schema().size(); i++) {
        sb.append(i > 0 ? ", " : "").append(r.schema().field(i).name()).append('=');
        append(sb, r.get(i));
      }
      sb.append('}');
    } else if (value instanceof GenericUnion) {
      GenericUnion u = (GenericUnion) value;
      sb.append(u.member()).append('(');
      append(sb, u.value());
      sb.append(')');
    } else if (value instanceof GenericEnum) {
      GenericEnum e = (GenericEnum) value;
      sb.append(e.isKnown() ? e.name() : "<unknown>").append('(').append(e.number()).append(')');
    } else {
      sb.append(value);
    }
  }

  /** A float as Java source would write it, with NaN payloads shown as bits. */
  public static String floatText(float f) {
    if (Float.isNaN(f)) {
      int bits = Float.floatToRawIntBits(f);
      return bits == 0x7FC00000 ? "NaN" : "NaN(0x" + Integer.toHexString(bits) + ")";
    }
    return Float.toString(f);
  }

  /** A double as Java source would write it, with NaN payloads shown as bits. */
  public static String doubleText(double d) {
    if (Double.isNaN(d)) {
      long bits = Double.doubleToRawLongBits(d);
      return bits == 0x7FF8000000000000L ? "NaN" : "NaN(0x" + Long.toHexString(bits) + ")";
    }
    return Double.toString(d);
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    int n = Math.min(s.length(), MAX_STRING);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7F) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04X", (int) c));
      }
    }
    sb.append('"');
    if (s.length() > MAX_STRING) {
      sb.append("…(").append(s.length()).append(" chars)");
    }
  }

  private static void bytes(StringBuilder sb, byte[] b) {
    sb.append("bytes[").append(b.length).append("]{");
    int n = Math.min(b.length, 64);
    for (int i = 0; i < n; i++) {
      sb.append(String.format("%02x", b[i] & 0xFF));
    }
    sb.append(b.length > n ? "…}" : "}");
  }

  /** Bytes in hex, for encodings in failure reports. */
  public static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    bytes(sb, b);
    return sb.toString();
  }
}
