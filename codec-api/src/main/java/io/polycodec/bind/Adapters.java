package io.polycodec.bind;

import io.polycodec.Adapted;
import io.polycodec.SchemaException;
import io.polycodec.TypeAdapter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link TypeAdapter}s in force when Java types are mapped onto the model, and the bindings derived
 * under them: {@link RecordBinding#of(Class, Adapters)}. Immutable and thread-safe. Each instance caches
 * its bindings per class in a {@link ClassValue} (held by the class, so a cached binding never keeps an
 * application's class loader alive); keep one instance (a {@link io.polycodec.CodecRegistry} does) rather
 * than making one per call.
 *
 * <p>For a field of type {@code T}, the adapter is the one {@link #forType(Class)} gives: one registered
 * here, else the one named by {@link Adapted @Adapted} on {@code T}, else a built-in one. A component's own
 * {@code @Adapted} overrides all three.
 */
public final class Adapters {
  private static final Adapters BUILT_IN = new Adapters(Map.of());

  // One instance per adapter class named in @Adapted, held by that class.
  private static final ClassValue<Object> INSTANCES = new ClassValue<>() {
    @Override
    protected Object computeValue(Class<?> type) {
      try {
        return type.getConstructor().newInstance();
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
        return new SchemaException("adapter " + type.getName() + " cannot be made (it needs a public no-argument"
            + " constructor that succeeds): " + cause, cause);
      }
    }
  };

  private final Map<Class<?>, TypeAdapter<?, ?>> registered;
  // The derivation cache of this scope: JavaDerivation reads and fills it.
  final ClassValue<AtomicReference<TypeBinding>> bindings = new ClassValue<>() {
    @Override
    protected AtomicReference<TypeBinding> computeValue(Class<?> type) {
      return new AtomicReference<>();
    }
  };

  private Adapters(Map<Class<?>, TypeAdapter<?, ?>> registered) {
    this.registered = registered;
  }

  /** Only Polycodec's built-in adapters (and those types declare with {@code @Adapted}): what {@link RecordBinding#of(Class)} uses. */
  public static Adapters builtIn() {
    return BUILT_IN;
  }

  /**
   * These adapters, over the built-in ones (a registered adapter for {@code UUID} replaces the built-in one).
   *
   * @throws IllegalArgumentException if two adapt the same type, or one adapts a type the model already
   *     has (a primitive or box, String, byte[], Instant, Duration, a collection, an Optional, an array, Object)
   * @throws NullPointerException if the collection or an adapter, or its types, is null
   */
  public static Adapters of(Collection<? extends TypeAdapter<?, ?>> adapters) {
    Map<Class<?>, TypeAdapter<?, ?>> byType = new LinkedHashMap<>();
    for (TypeAdapter<?, ?> a : adapters) {
      Class<?> t = java.util.Objects.requireNonNull(a, "adapter").javaType();
      java.util.Objects.requireNonNull(t, "javaType() of " + describe(a));
      java.util.Objects.requireNonNull(a.modelType(), "modelType() of " + describe(a));
      String refused = refusal(t);
      if (refused != null) {
        throw new IllegalArgumentException("adapter " + describe(a) + ": " + refused);
      }
      TypeAdapter<?, ?> prior = byType.putIfAbsent(t, a);
      if (prior != null) {
        throw new IllegalArgumentException("two adapters for " + t.getName() + ": " + describe(prior) + " and "
            + describe(a));
      }
    }
    return byType.isEmpty() ? BUILT_IN : new Adapters(Collections.unmodifiableMap(byType));
  }

  /** The adapters registered on this instance (not the built-in ones), in registration order. */
  public List<TypeAdapter<?, ?>> registered() {
    return List.copyOf(registered.values());
  }

  /**
   * The adapter for fields of exactly {@code type}: registered here, else named by {@code @Adapted} on the
   * type, else built in; null if there is none.
   *
   * @throws SchemaException if the type's {@code @Adapted} class cannot be made or adapts another type
   */
  public TypeAdapter<?, ?> forType(Class<?> type) {
    TypeAdapter<?, ?> a = registered.get(type);
    if (a != null) {
      return a;
    }
    Adapted declared = type.getAnnotation(Adapted.class);
    if (declared != null) {
      return fromAnnotation(declared, type, type.getName());
    }
    return StringForm.of(type);
  }

  /** The adapter a {@code @Adapted} names, checked to adapt {@code type}; {@code where} names the annotation's place. */
  static TypeAdapter<?, ?> fromAnnotation(Adapted declared, Class<?> type, String where) {
    Object made = INSTANCES.get(declared.value());
    if (made instanceof SchemaException) {
      SchemaException e = (SchemaException) made;
      throw new SchemaException(where + ": " + e.problem(), e.getCause());
    }
    TypeAdapter<?, ?> a = (TypeAdapter<?, ?>) made;
    if (a.javaType() != type || a.modelType() == null) {
      throw new SchemaException(where + ": @Adapted(" + declared.value().getSimpleName() + ".class) adapts "
          + (a.javaType() == null ? "null" : a.javaType().getName()) + ", not " + type.getName()
          + (a.modelType() == null ? " (and its modelType() is null)" : ""));
    }
    return a;
  }

  /** Why {@code t} cannot be adapted, or null if it can. */
  static String refusal(Class<?> t) {
    if (t.isPrimitive() || t.isArray() || t == Object.class || t == String.class || t == Instant.class
        || t == java.time.Duration.class
        || t == Boolean.class || t == Integer.class || t == Long.class || t == Float.class || t == Double.class
        || t == Byte.class || t == Short.class || t == List.class || t == Set.class || t == SortedSet.class
        || t == Map.class || t == Optional.class || t == OptionalInt.class || t == OptionalLong.class
        || t == OptionalDouble.class) {
      return t.getName() + " is part of the model already and cannot be adapted";
    }
    return null;
  }

  /** How errors name an adapter: its toString() if it overrides it, else its class name. */
  static String describe(TypeAdapter<?, ?> a) {
    try {
      if (a.getClass().getMethod("toString").getDeclaringClass() != Object.class) {
        return a.toString();
      }
    } catch (NoSuchMethodException | RuntimeException e) {
      // fall through to the class name
    }
    return a.getClass().getName();
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (TypeAdapter<?, ?> a : registered.values()) {
      names.add(describe(a));
    }
    return "Adapters" + names;
  }
}
