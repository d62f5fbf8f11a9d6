package io.polycodec.bind;

import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code List}, {@code Set} or {@code Map} component whose elements, map values or map keys are of a
 * type with a {@link StringForm} ({@code List<UUID>}, {@code Set<LocalDate>}, {@code Map<UUID, BigDecimal>}):
 * the model holds a list or map of strings, and this converts between the two, naming the element's index
 * or key in errors.
 */
final class CollectionForms {
  private static final MethodHandle TO_WIRE;
  private static final MethodHandle FROM_WIRE;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      TO_WIRE = l.findVirtual(CollectionForms.class, "toWire", MethodType.methodType(Object.class, Object.class));
      FROM_WIRE = l.findVirtual(CollectionForms.class, "fromWire",
          MethodType.methodType(Object.class, Object.class, String.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The form of list elements or map values, or null. */
  final StringForm values;
  /** The form of map keys, or null. */
  final StringForm keys;

  private CollectionForms(StringForm values, StringForm keys) {
    this.values = values;
    this.keys = keys;
  }

  /** Null when neither has a form: the component needs no conversion. */
  static CollectionForms of(StringForm values, StringForm keys) {
    return values == null && keys == null ? null : new CollectionForms(values, keys);
  }

  /** The list or map of texts for a list or map of values (null stays null; a null element is kept for the codec to report). */
  Object toWire(Object v) {
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object e : list) {
        out.add(e == null ? null : text(values, e));
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object key = keys == null || e.getKey() == null ? e.getKey() : text(keys, e.getKey());
        Object value = values == null || e.getValue() == null ? e.getValue() : text(values, e.getValue());
        if (out.containsKey(key)) {
          // Equal texts come from equal values for these types; a map whose equals disagrees is refused.
          throw new EncodeException("two keys of the map have the text " + key);
        }
        out.put(key, value);
      }
      return Collections.unmodifiableMap(out);
    }
    return v;
  }

  private static Object text(StringForm form, Object v) {
    return form.formatOrNull(v);
  }

  /** The list or map of values for one of texts read from the wire; a text that is not a value is a DecodeException naming {@code field} and the index or key. */
  Object fromWire(Object v, String field) {
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        try {
          out.add(parse(values, (String) list.get(i)));
        } catch (DecodeException e) {
          throw e.prependIndex(i).prependField(field);
        }
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        try {
          Object key = keys == null ? e.getKey() : parse(keys, (String) e.getKey());
          Object value = values == null ? e.getValue() : parse(values, (String) e.getValue());
          if (out.containsKey(key)) {
            throw new DecodeException("the key repeats an earlier key's value");
          }
          out.put(key, value);
        } catch (DecodeException x) {
          throw x.prependKey(e.getKey()).prependField(field);
        }
      }
      return Collections.unmodifiableMap(out);
    }
    return v;
  }

  private static Object parse(StringForm form, String text) {
    try {
      return form.parse(text);
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      throw new DecodeException("\"" + shown + "\" is not a " + form.type.getSimpleName() + " (" + e.getMessage() + ")", e);
    }
  }

  /** (Object)Object: {@link #toWire}. */
  MethodHandle toWireHandle() {
    return TO_WIRE.bindTo(this);
  }

  /** (Object)Object: {@link #fromWire} naming {@code field}. */
  MethodHandle fromWireHandle(String field) {
    return MethodHandles.insertArguments(FROM_WIRE.bindTo(this), 1, field);
  }
}
