package io.polycodec.msgpack;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The order in which the schema-less encoder writes map keys, so that equal maps encode identically
 * whatever their iteration order: first by type (nil, bool, integer, float, str, bin, array, map,
 * timestamp, other extensions), then ascending within the type (numbers numerically, strings by
 * {@link String#compareTo}, bins and arrays and maps by their encoded bytes, unsigned). Keys that would
 * still tie (Integer 1 and Long 1) are ordered by class name.
 */
final class KeyOrder {
  private KeyOrder() {}

  static int compare(Object a, Object b, Function<Object, byte[]> encoder) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    int c = compareSameRank(ra, a, b, encoder);
    return c != 0 || a == null ? c : a.getClass().getName().compareTo(b.getClass().getName());
  }

  private static int rank(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Boolean) {
      return 1;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
      return 2;
    }
    if (v instanceof Float || v instanceof Double) {
      return 3;
    }
    if (v instanceof String) {
      return 4;
    }
    if (v instanceof byte[]) {
      return 5;
    }
    if (v instanceof List) {
      return 6;
    }
    if (v instanceof Map) {
      return 7;
    }
    if (v instanceof Instant) {
      return 8;
    }
    return 9;
  }

  private static int compareSameRank(int rank, Object a, Object b, Function<Object, byte[]> encoder) {
    switch (rank) {
      case 0:
        return 0;
      case 1:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case 2:
        if (a instanceof BigInteger || b instanceof BigInteger) {
          return big(a).compareTo(big(b));
        }
        return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
      case 3:
        return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
      case 4:
        return ((String) a).compareTo((String) b);
      case 5:
        return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case 8:
        return ((Instant) a).compareTo((Instant) b);
      default:
        // Lists, maps and extensions (and unsupported types, which fail when written) compare by encoding.
        return Arrays.compareUnsigned(encoder.apply(a), encoder.apply(b));
    }
  }

  private static BigInteger big(Object v) {
    return v instanceof BigInteger ? (BigInteger) v : BigInteger.valueOf(((Number) v).longValue());
  }
}
