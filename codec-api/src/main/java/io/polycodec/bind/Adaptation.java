package io.polycodec.bind;

import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.TypeAdapter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one record component's value passes through its {@link TypeAdapter}: the component holds the user's
 * type ({@code Money}, {@code Optional<Money>}, {@code List<Money>}…) and the rest of the binding sees the
 * same shape of the model type ({@code MoneyModel}, {@code Optional<MoneyModel>}…), so adapted components
 * need nothing else from it. Failures become EncodeException / DecodeException naming the adapter; the
 * codec adds the field path while unwinding on encode, {@link #fromModel} adds the field on decode.
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
    /** {@code Set<T>}. */
    SET,
    /** {@code SortedSet<T>}. */
    SORTED_SET,
    /** {@code Map<K, T>}. */
    MAP_VALUE
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

  private final TypeAdapter<Object, Object> adapter;
  private final Shape shape;
  private final String field;
  private final String name;

  @SuppressWarnings("unchecked")
  Adaptation(TypeAdapter<?, ?> adapter, Shape shape, String field) {
    this.adapter = (TypeAdapter<Object, Object>) adapter;
    this.shape = shape;
    this.field = field;
    this.name = Adapters.describe(adapter);
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
        return encodeOne(v);
      case OPTIONAL: {
        Optional<?> o = (Optional<?>) v;
        return o.isPresent() ? Optional.of(encodeOne(o.get())) : o;
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
        Set<?> in = (Set<?>) v;
        Set<Object> out = new LinkedHashSet<>();
        int i = 0;
        for (Object e : in) {
          Object m = encodeAt(e, i);
          if (!out.add(m)) {
            throw new EncodeException("adapter " + name + " gave two elements of the set equal model values")
                .prependIndex(i);
          }
          i++;
        }
        return out;
      }
      case MAP_VALUE: {
        Map<?, ?> in = (Map<?, ?>) v;
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : in.entrySet()) {
          try {
            out.put(e.getKey(), e.getValue() == null ? null : encodeOne(e.getValue()));
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
          return decodeOne(v);
        case OPTIONAL: {
          Optional<?> o = (Optional<?>) v;
          return o.isPresent() ? Optional.of(decodeOne(o.get())) : o;
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
          for (Object e : (Set<?>) v) {
            if (!out.add(decodeAt(e, i))) {
              throw new DecodeException("element " + i + " repeats an earlier one in a Set once adapter " + name
                  + " has mapped it");
            }
            i++;
          }
          return shape == Shape.SET ? Collections.unmodifiableSet(out)
              : Collections.unmodifiableSortedSet((TreeSet<Object>) out);
        }
        case MAP_VALUE: {
          Map<Object, Object> out = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            try {
              out.put(e.getKey(), decodeOne(e.getValue()));
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
      return e == null ? null : encodeOne(e);
    } catch (EncodeException x) {
      throw x.prependIndex(i);
    }
  }

  private Object decodeAt(Object e, int i) {
    try {
      return decodeOne(e);
    } catch (DecodeException x) {
      throw x.prependIndex(i);
    }
  }

  private Object encodeOne(Object v) {
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

  private Object decodeOne(Object m) {
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
