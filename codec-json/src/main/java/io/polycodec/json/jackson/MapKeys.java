package io.polycodec.json.jackson;

import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ScalarSchema;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Map keys as JSON object keys, the same in every JSON format: strings as they are, bools as
 * {@code "true"}/{@code "false"}, integers in decimal (unsigned ones as unsigned); entries are written in
 * the keys' natural order so that equal maps give equal bytes. Immutable and thread-safe.
 */
public final class MapKeys {
  private final Kind kind;
  private final boolean unsigned;

  private MapKeys(Kind kind, boolean unsigned) {
    this.kind = kind;
    this.unsigned = unsigned;
  }

  /**
   * The keys of a map whose key schema is {@code key} (string, bool, int32 or int64, as the model allows).
   *
   * @param key the map's key schema
   * @return the key mapping
   */
  public static MapKeys of(ScalarSchema key) {
    return new MapKeys(key.kind(), key.encoding().isUnsigned());
  }

  /**
   * The JSON text of {@code key}.
   *
   * @param key a key of the map's key type
   * @return its text
   * @throws ClassCastException if the key is not of the map's key type (codecs report it as an
   *     {@link EncodeException})
   */
  public String text(Object key) {
    if (kind == Kind.STRING) {
      return (String) key;
    }
    if (kind == Kind.BOOL) {
      return ((Boolean) key).toString();
    }
    if (kind == Kind.INT64) {
      return unsigned ? Long.toUnsignedString((Long) key) : ((Long) key).toString();
    }
    return unsigned ? Integer.toUnsignedString((Integer) key) : ((Integer) key).toString();
  }

  /**
   * The key that JSON text {@code s} names: only the forms {@link #text} writes are accepted (no sign
   * on unsigned keys, no leading '+', no exponent).
   *
   * @param s the object key as read
   * @return the key ({@code String}, {@code Boolean}, {@code Integer} or {@code Long})
   * @throws DecodeException if {@code s} is not such a key, or out of the key type's range
   */
  public Object parse(String s) {
    if (kind == Kind.STRING) {
      return s;
    }
    if (kind == Kind.BOOL) {
      if (s.equals("true")) {
        return Boolean.TRUE;
      }
      if (s.equals("false")) {
        return Boolean.FALSE;
      }
      throw new DecodeException("map key must be \"true\" or \"false\"");
    }
    boolean plainDigits = !s.isEmpty() && s.length() <= 21;
    for (int i = 0; i < s.length() && plainDigits; i++) {
      char c = s.charAt(i);
      plainDigits = (c >= '0' && c <= '9') || (i == 0 && c == '-' && s.length() > 1);
    }
    if (plainDigits) {
      try {
        if (kind == Kind.INT64) {
          return unsigned ? Long.parseUnsignedLong(s) : Long.parseLong(s);
        }
        return unsigned ? Integer.parseUnsignedInt(s) : Integer.parseInt(s);
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new DecodeException("map key is not an " + kind.name().toLowerCase(Locale.ROOT) + " in range");
  }

  /**
   * The entries of {@code map} in natural key order; a natural-order {@link SortedMap}'s own order is
   * used as it is.
   *
   * @param map the map (not mutated)
   * @return its entries, sorted
   * @throws EncodeException for a null key, or keys that are not all of one comparable type
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Iterable<? extends Map.Entry<?, ?>> inOrder(Map<?, ?> map) {
    if (map instanceof SortedMap && ((SortedMap<?, ?>) map).comparator() == null) {
      return map.entrySet(); // a natural-order SortedMap holds no null key
    }
    Map.Entry<?, ?>[] entries = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
    for (Map.Entry<?, ?> e : entries) {
      if (e.getKey() == null) {
        throw new EncodeException("null map key");
      }
    }
    try {
      Arrays.sort(entries, (a, b) -> ((Comparable) a.getKey()).compareTo(b.getKey()));
    } catch (ClassCastException e) {
      throw new EncodeException("map keys are not all " + kind + ": " + e.getMessage());
    }
    return Arrays.asList(entries);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapKeys && ((MapKeys) o).kind == kind && ((MapKeys) o).unsigned == unsigned;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, unsigned);
  }

  @Override
  public String toString() {
    return "MapKeys[" + kind + (unsigned ? ", unsigned" : "") + "]";
  }
}
