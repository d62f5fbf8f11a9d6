package io.polycodec.tck.gen;

import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import io.polycodec.tck.engine.Source;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Text of the Java types a record holds as strings (UUID, URI, BigDecimal, BigInteger, LocalDate,
 * LocalTime, LocalDateTime, OffsetDateTime), at their edges: nil and max UUIDs, decimals with scales of
 * ±2,147,483,647 and hundreds of digits, leap days, years 0, 10000 and ±999,999,999, offsets of ±18 hours
 * with seconds. A generated schema says only "string", so {@link #fit} replaces the strings of such a
 * record's components (also inside its Optional, List, Set, SortedSet and Map components) with drawn
 * values' text, and drops repeated elements of sets, so that the Java record can be built.
 */
public final class TextForms {
  private static final String[] UUID_EDGES = {
    "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "123e4567-e89b-12d3-a456-426614174000", "80000000-0000-0000-8000-000000000000"
  };
  private static final String[] URI_EDGES = {
    "", "https://example.org/a?b=c#d", "urn:isbn:0451450523", "mailto:a@example.org", "/relative/path",
    "http://[::1]:8080/%20x?q=%E2%82%AC", "file:///C:/x", "tel:+1-201-555-0123", "a"
  };
  private static final String[] DECIMAL_EDGES = {
    "0", "0.00", "-0.000", "1E-1000", "1E+1000", "-1E-2147483647", "1E+2147483647", "123.4500",
    "-99999999999999999999999999999999999999.99", "0.1", "4.9E-324", "1.7976931348623157E+308"
  };
  private static final String[] INTEGER_EDGES = {
    "0", "-1", "9223372036854775807", "-9223372036854775808", "18446744073709551616",
    "-340282366920938463463374607431768211456"
  };
  private static final LocalDate[] DATE_EDGES = {
    LocalDate.of(2024, 2, 29), LocalDate.of(2000, 2, 29), LocalDate.of(1900, 2, 28), LocalDate.of(1, 1, 1),
    LocalDate.of(0, 1, 1), LocalDate.of(1970, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1),
    LocalDate.MIN, LocalDate.MAX, LocalDate.of(-1, 12, 31)
  };
  private static final LocalTime[] TIME_EDGES = {
    LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.NOON, LocalTime.of(23, 59, 59), LocalTime.of(0, 0, 0, 1),
    LocalTime.of(12, 30, 0, 500_000_000)
  };
  private static final long MIN_DAY = LocalDate.MIN.toEpochDay();
  private static final long YEAR_1 = LocalDate.of(1, 1, 1).toEpochDay();
  private static final long YEAR_9999 = LocalDate.of(9999, 12, 31).toEpochDay();
  private static final long MAX_DAY = LocalDate.MAX.toEpochDay();

  private TextForms() {}

  /** Whether values of {@code c} are held as text. */
  public static boolean isText(Class<?> c) {
    return c == UUID.class || c == URI.class || c == BigDecimal.class || c == BigInteger.class
        || c == LocalDate.class || c == LocalTime.class || c == LocalDateTime.class || c == OffsetDateTime.class;
  }

  /** The text of a drawn value of {@code c}, one of the types {@link #isText} accepts. */
  public static String draw(Source s, Class<?> c) {
    boolean edge = s.chance(35);
    if (c == UUID.class) {
      return edge ? UUID_EDGES[(int) s.choose(UUID_EDGES.length - 1)]
          : new UUID(s.choose(-1L >>> 1) ^ (s.chance(50) ? Long.MIN_VALUE : 0), s.choose(-1L >>> 1)).toString();
    }
    if (c == URI.class) {
      return edge || s.chance(50) ? URI_EDGES[(int) s.choose(URI_EDGES.length - 1)]
          : "https://h" + s.choose(999) + ".example/p/" + s.choose(Long.MAX_VALUE - 1) + "?n=" + s.choose(99);
    }
    if (c == BigDecimal.class) {
      if (edge) {
        return DECIMAL_EDGES[(int) s.choose(DECIMAL_EDGES.length - 1)];
      }
      int scale = s.chance(70) ? s.between(-20, 40) : s.between(-5000, 5000);
      return new BigDecimal(integer(s), scale).toString();
    }
    if (c == BigInteger.class) {
      return edge ? INTEGER_EDGES[(int) s.choose(INTEGER_EDGES.length - 1)] : integer(s).toString();
    }
    if (c == LocalDate.class) {
      return date(s, edge).toString();
    }
    if (c == LocalTime.class) {
      return time(s, edge).toString();
    }
    if (c == LocalDateTime.class) {
      return LocalDateTime.of(date(s, edge), time(s, edge)).toString();
    }
    if (c == OffsetDateTime.class) {
      ZoneOffset offset = edge ? (s.chance(50) ? ZoneOffset.MAX : ZoneOffset.MIN)
          : ZoneOffset.ofTotalSeconds(s.chance(70) ? s.between(-72, 72) * 15 * 60 : s.between(-64800, 64800));
      return OffsetDateTime.of(date(s, edge), time(s, edge), offset).toString();
    }
    throw new IllegalArgumentException(c.getName() + " is not held as text");
  }

  private static BigInteger integer(Source s) {
    int digits = s.chance(70) ? s.between(1, 19) : s.between(20, 400);
    StringBuilder b = new StringBuilder(s.chance(40) ? "-" : "");
    for (int i = 0; i < digits; i++) {
      b.append((char) ('0' + s.choose(9)));
    }
    return new BigInteger(b.toString());
  }

  private static LocalDate date(Source s, boolean edge) {
    if (edge) {
      return DATE_EDGES[(int) s.choose(DATE_EDGES.length - 1)];
    }
    return s.chance(70) ? LocalDate.ofEpochDay(YEAR_1 + s.choose(YEAR_9999 - YEAR_1))
        : LocalDate.ofEpochDay(MIN_DAY + s.choose(MAX_DAY - MIN_DAY));
  }

  private static LocalTime time(Source s, boolean edge) {
    if (edge) {
      return TIME_EDGES[(int) s.choose(TIME_EDGES.length - 1)];
    }
    return LocalTime.ofNanoOfDay(s.choose(LocalTime.MAX.toNanoOfDay()));
  }

  /**
   * {@code g} (a value of {@code binding}'s schema) with the strings of its text-held components replaced
   * by drawn values' text, lists and map keys of sets kept free of repeats; other fields unchanged.
   */
  public static GenericRecord fit(RecordBinding<?> binding, GenericRecord g, Source s) {
    if (binding.isGeneric()) {
      return g;
    }
    RecordComponent[] comps = binding.javaType().getRecordComponents();
    RecordSchema schema = binding.schema();
    GenericRecord.Builder b = null;
    for (int i = 0; i < comps.length; i++) {
      Object v = g.get(i);
      if (v == null) {
        continue;
      }
      Object fitted = fitComponent(comps[i], v, s);
      if (fitted != v) {
        if (b == null) {
          b = GenericRecord.builder(schema);
          for (int k = 0; k < comps.length; k++) {
            if (g.get(k) != null) {
              b.set(k, g.get(k));
            }
          }
        }
        b.set(i, fitted);
      }
    }
    return b == null ? g : b.build();
  }

  private static Object fitComponent(RecordComponent c, Object v, Source s) {
    Class<?> raw = c.getType();
    Type t = c.getGenericType();
    if (isText(raw)) {
      return draw(s, raw);
    }
    Class<?> arg = argument(t, 0);
    if (raw == Optional.class && arg != null && isText(arg)) {
      return draw(s, arg);
    }
    boolean set = raw == Set.class || raw == SortedSet.class;
    if (raw == List.class || set) {
      List<?> list = (List<?>) v;
      boolean text = arg != null && isText(arg);
      if (!text && !set) {
        return v;
      }
      List<Object> out = new ArrayList<>();
      Set<Object> seen = new HashSet<>();
      for (Object e : list) {
        Object x = text ? draw(s, arg) : e;
        if (!set || seen.add(set && text ? canonical(arg, (String) x) : x)) {
          out.add(x);
        }
      }
      return out;
    }
    if (raw == Map.class) {
      Class<?> key = argument(t, 0);
      Class<?> value = argument(t, 1);
      boolean textKey = key != null && isText(key);
      boolean textValue = value != null && isText(value);
      if (!textKey && !textValue) {
        return v;
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      Set<Object> seen = new HashSet<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        Object k = textKey ? draw(s, key) : e.getKey();
        if (seen.add(textKey ? canonical(key, (String) k) : k)) {
          out.put(k, textValue ? draw(s, value) : e.getValue());
        }
      }
      return out;
    }
    return v;
  }

  /** The value a text stands for, where two texts may be one value (BigDecimal's equals keeps the scale, so none are). */
  private static Object canonical(Class<?> c, String text) {
    return c == UUID.class ? UUID.fromString(text) : text;
  }

  private static Class<?> argument(Type t, int i) {
    if (t instanceof ParameterizedType) {
      Type a = ((ParameterizedType) t).getActualTypeArguments()[i];
      return a instanceof Class ? (Class<?>) a : null;
    }
    return null;
  }
}
