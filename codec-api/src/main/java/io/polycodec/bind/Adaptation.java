package io.polycodec.bind;

import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.TypeAdapter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one record component's value passes through its {@link TypeAdapter}s: the component holds the user's
 * type ({@code Money}, {@code Optional<Money>}, {@code List<Money>}, {@code Map<UUID, Money>}…) and the rest
 * of the binding sees the same shape of the model type ({@code MoneyModel}, {@code Optional<MoneyModel>}…),
 * so adapted components need nothing else from it. A map may have an adapter for its values, its keys or
 * both ({@code Map<LocalDate, URI>} is a {@code map<string, string>}); a {@code Set} or {@code SortedSet}
 * is a list of model values in the set's own order ({@link TypedRecordBinding#setToList}: a SortedSet's
 * order, else the values' natural order), so {@code Set<UUID>} is written in UUID order, not text order.
 * Failures become EncodeException / DecodeException naming the adapter; the codec adds the field path
 * while unwinding on encode, {@link #fromModel} adds the field on decode.
 */
final class Adaptation {
  /** Where in the component's type the adapted type sits. */
  enum Shape {
    /** The component's type itself (also {@code @Nullable}). */
    DIRECT,
    /** {@code Optional<T>}. */
    OPTIONAL,
    /** {@code List<T>}. */
    LIST,
    /** {@code Set<T>}: a list of model values on the binding's side. */
    SET,
    /** {@code SortedSet<T>}: a list of model values on the binding's side. */
    SORTED_SET,
    /** {@code Map<K, V>} with an adapted key, value or both. */
    MAP
  }

  private static final MethodHandle TO_MODEL;
  private static final MethodHandle FROM_MODEL;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      TO_MODEL = l.findVirtual(Adaptation.class, "toModel", MethodType.methodType(Object.class, Object.class));
      FROM_MODEL = l.findVirtual(Adaptation.class, "fromModel", MethodType.methodType(Object.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // The adapter of the value, element or map value; null for a map whose values are not adapted.
  private final One value;
  // The adapter of a map's keys, or null.
  private final One key;
  private final Shape shape;
  private final String field;

  /** A component whose value or elements are adapted by {@code adapter}. */
  Adaptation(TypeAdapter<?, ?> adapter, Shape shape, String field) {
    this(adapter, null, shape, field);
  }

  /** A map component ({@link Shape#MAP}) whose values and/or keys (one may be null) are adapted. */
  Adaptation(TypeAdapter<?, ?> valueAdapter, TypeAdapter<?, ?> keyAdapter, Shape shape, String field) {
    if (valueAdapter == null && keyAdapter == null || keyAdapter != null && shape != Shape.MAP
        || valueAdapter == null && shape != Shape.MAP) {
      throw new IllegalArgumentException("no adapter for a " + shape);
    }
    this.value = valueAdapter == null ? null : new One(valueAdapter);
    this.key = keyAdapter == null ? null : new One(keyAdapter);
    this.shape = shape;
    this.field = field;
  }

  /** (Object)Object: {@link #toModel} of this component. */
  MethodHandle toModelHandle() {
    return TO_MODEL.bindTo(this);
  }

  /** (Object)Object: {@link #fromModel} of this component. */
  MethodHandle fromModelHandle() {
    return FROM_MODEL.bindTo(this);
  }

  /** The component's value in the model type's shape; null stays null (the binding reports it if it must). */
  Object toModel(Object v) {
    if (v == null) {
      return null;
    }
    switch (shape) {
      case DIRECT:
        return value.encode(v);
      case OPTIONAL: {
        Optional<?> o = (Optional<?>) v;
        return o.isPresent() ? Optional.of(value.encode(o.get())) : o;
      }
      case LIST: {
        List<?> in = (List<?>) v;
        List<Object> out = new ArrayList<>(in.size());
        int i = 0;
        for (Object e : in) {
          out.add(encodeAt(e, i++));
        }
        return out;
      }
      case SET:
      case SORTED_SET: {
        // The set's order (sorted when its values are Comparable) becomes the list's: canonical bytes for equal sets.
        List<?> in = (List<?>) TypedRecordBinding.setToList((Set<?>) v);
        List<Object> out = new ArrayList<>(in.size());
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
          Object m = encodeAt(in.get(i), i);
          if (m != null && !seen.add(m)) {
            throw new EncodeException("adapter " + value.name + " gave two elements of the set equal model values")
                .prependIndex(i);
          }
          out.add(m);
        }
        return out;
      }
      case MAP: {
        Map<?, ?> in = (Map<?, ?>) v;
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : in.entrySet()) {
          try {
            Object k = key == null || e.getKey() == null ? e.getKey() : key.encode(e.getKey());
            if (key != null && out.containsKey(k)) {
              throw new EncodeException("adapter " + key.name + " gave two keys of the map the model value " + k);
            }
            out.put(k, value == null || e.getValue() == null ? e.getValue() : value.encode(e.getValue()));
          } catch (EncodeException x) {
            throw x.prependKey(e.getKey());
          }
        }
        return out;
      }
      default:
        throw new AssertionError(shape);
    }
  }

  /** The component's value from the model type's shape; errors name the field. */
  Object fromModel(Object v) {
    if (v == null) {
      return null;
    }
    try {
      switch (shape) {
        case DIRECT:
          return value.decode(v);
        case OPTIONAL: {
          Optional<?> o = (Optional<?>) v;
          return o.isPresent() ? Optional.of(value.decode(o.get())) : o;
        }
        case LIST: {
          List<?> in = (List<?>) v;
          List<Object> out = new ArrayList<>(in.size());
          for (int i = 0; i < in.size(); i++) {
            out.add(decodeAt(in.get(i), i));
          }
          return Collections.unmodifiableList(out);
        }
        case SET:
        case SORTED_SET: {
          Set<Object> out = shape == Shape.SET ? new LinkedHashSet<>() : new TreeSet<>();
          int i = 0;
          for (Object e : (Collection<?>) v) {
            if (!out.add(decodeAt(e, i))) {
              throw new DecodeException("element " + i + " repeats an earlier one in a Set once adapter " + value.name
                  + " has mapped it");
            }
            i++;
          }
          return shape == Shape.SET ? Collections.unmodifiableSet(out)
              : Collections.unmodifiableSortedSet((TreeSet<Object>) out);
        }
        case MAP: {
          Map<Object, Object> out = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            try {
              Object k = key == null ? e.getKey() : key.decode(e.getKey());
              if (key != null && out.containsKey(k)) {
                throw new DecodeException("the key repeats an earlier key once adapter " + key.name + " has mapped it");
              }
              out.put(k, value == null ? e.getValue() : value.decode(e.getValue()));
            } catch (DecodeException x) {
              throw x.prependKey(e.getKey());
            }
          }
          return Collections.unmodifiableMap(out);
        }
        default:
          throw new AssertionError(shape);
      }
    } catch (DecodeException e) {
      throw e.prependField(field);
    }
  }

  private Object encodeAt(Object e, int i) {
    try {
      return e == null ? null : value.encode(e);
    } catch (EncodeException x) {
      throw x.prependIndex(i);
    }
  }

  private Object decodeAt(Object e, int i) {
    try {
      return value.decode(e);
    } catch (DecodeException x) {
      throw x.prependIndex(i);
    }
  }

  /** One adapter, called with its failures turned into codec exceptions that name it. */
  private static final class One {
    final TypeAdapter<Object, Object> adapter;
    final String name;

    @SuppressWarnings("unchecked")
    One(TypeAdapter<?, ?> adapter) {
      this.adapter = (TypeAdapter<Object, Object>) adapter;
      this.name = Adapters.describe(adapter);
    }

    Object encode(Object v) {
      Object m;
      try {
        m = adapter.toModel(v);
      } catch (CodecException e) {
        throw e instanceof EncodeException ? (EncodeException) e
            : new EncodeException("adapter " + name + " failed: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new EncodeException("adapter " + name + " failed: " + e, e);
      }
      if (m == null) {
        throw new EncodeException("adapter " + name + " returned null for a " + adapter.javaType().getSimpleName());
      }
      if (!adapter.modelType().isInstance(m)) {
        throw new EncodeException("adapter " + name + " returned a " + m.getClass().getName() + ", not a "
            + adapter.modelType().getName());
      }
      return m;
    }

    Object decode(Object m) {
      Object v;
      try {
        v = adapter.fromModel(m);
      } catch (CodecException e) {
        throw e instanceof DecodeException ? (DecodeException) e
            : new DecodeException("adapter " + name + " failed: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        String why = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage() : e.toString();
        throw new DecodeException("adapter " + name + ": " + why, e);
      }
      if (v == null) {
        throw new DecodeException("adapter " + name + " returned null");
      }
      if (!adapter.javaType().isInstance(v)) {
        throw new DecodeException("adapter " + name + " returned a " + v.getClass().getName() + ", not a "
            + adapter.javaType().getName());
      }
      return v;
    }
  }
}
