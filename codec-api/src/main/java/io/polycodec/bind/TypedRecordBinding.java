package io.polycodec.bind;

import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.SchemaException;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Reads and builds one Java record class through what is made once per class: a getter per component
 * (a lambda object from {@link Accessors}, or a method handle where the metafactory refuses) and one
 * handle that takes the decoded slots straight to the canonical constructor, so neither direction
 * reflects or boxes per call.
 */
final class TypedRecordBinding<T> extends RecordBinding<T> {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private final Class<T> type;
  private MethodHandle[] primGetters;
  private MethodHandle[] objectGetters;
  // Per field, the fast forms of the getters above (see Accessors); null where only the handle works.
  private Object[] fastPrimGetters;
  private Function<Object, Object>[] fastRawGetters;
  private JavaRep[] reps;
  private boolean[] optional;
  private MethodHandle constructor;

  @SuppressWarnings("unchecked")
  TypedRecordBinding(RecordSchema schema, Class<?> type) {
    super(schema);
    this.type = (Class<T>) type;
  }

  /**
   * @param adaptations per component, how its value passes through its adapter, or null
   * @param modelTypes per adapted component, the class the rest of the binding sees in its place
   */
  void init(RecordComponent[] comps, JavaRep[] reps, TypeBinding[] children, Adaptation[] adaptations,
      Class<?>[] modelTypes) {
    this.children = children;
    int n = comps.length;
    primGetters = new MethodHandle[n];
    objectGetters = new MethodHandle[n];
    optional = new boolean[n];
    fastPrimGetters = new Object[n];
    @SuppressWarnings("unchecked")
    Function<Object, Object>[] raw = new Function[n];
    fastRawGetters = raw;
    this.reps = reps.clone();
    MethodHandles.Lookup lookup = lookupFor(type);
    try {
      MethodHandle ctor = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes(comps)));
      for (int i = n - 1; i >= 0; i--) {
        Field f = schema().field(i);
        Kind kind = f.type().kind();
        optional[i] = reps[i].isOptional();
        MethodHandle acc = lookup.unreflect(comps[i].getAccessor());
        Adaptation adaptation = adaptations[i];
        Class<?> seen = adaptation == null ? comps[i].getType() : modelTypes[i];
        if (adaptation != null) {
          // The rest of the binding reads and builds the model type in the component's shape.
          acc = MethodHandles.filterReturnValue(acc.asType(acc.type().changeReturnType(Object.class)),
              adaptation.toModelHandle()).asType(MethodType.methodType(seen, type));
        }
        primGetters[i] = primGetter(acc, reps[i], kind);
        objectGetters[i] = objectGetter(acc, reps[i], kind);
        if (adaptation == null && primGetters[i] != null && (reps[i] == JavaRep.PRIMITIVE
            || reps[i] == JavaRep.PRIMITIVE_BYTE || reps[i] == JavaRep.PRIMITIVE_SHORT)) {
          fastPrimGetters[i] = Accessors.primitive(lookup, type, acc);
        }
        if (adaptation == null && returnsCanonicalRaw(reps[i])) {
          fastRawGetters[i] = Accessors.reference(lookup, type, acc);
        }
        MethodHandle reader = slotReader(reps[i], kind, seen, i, f.name());
        if (adaptation != null) {
          reader = MethodHandles.filterReturnValue(reader.asType(MethodType.methodType(Object.class, FieldSlots.class)),
              adaptation.fromModelHandle()).asType(MethodType.methodType(comps[i].getType(), FieldSlots.class));
        }
        ctor = MethodHandles.collectArguments(ctor, i, reader);
      }
      // Every reader takes the same FieldSlots: feed argument 0 to all of them.
      MethodType slotsType = MethodType.methodType(type, FieldSlots.class);
      ctor = n == 0
          ? MethodHandles.dropArguments(ctor, 0, FieldSlots.class)
          : MethodHandles.permuteArguments(ctor, slotsType, new int[n]);
      constructor = ctor.asType(MethodType.methodType(Object.class, FieldSlots.class));
    } catch (ReflectiveOperationException e) {
      throw new SchemaException(type.getName() + ": cannot access the record's accessors or canonical constructor ("
          + e.getMessage() + "); in a named module, open its package to io.polycodec.api", e);
    }
  }

  /** Whether get() can use the component as it is, or unwrap it in {@link #canonical}. */
  private static boolean returnsCanonicalRaw(JavaRep rep) {
    switch (rep) {
      case PRIMITIVE:
      case BOXED:
      case REFERENCE:
      case NULLABLE:
      case OPTIONAL:
      case OPTIONAL_INT:
      case OPTIONAL_LONG:
      case OPTIONAL_DOUBLE:
        return true;
      default:
        return false;
    }
  }

  /** The canonical value of a component read as it is: optionals unwrapped to their value or null. */
  private static Object canonical(JavaRep rep, Object raw) {
    switch (rep) {
      case OPTIONAL: return unwrap((Optional<?>) raw);
      case OPTIONAL_INT: return unwrap((OptionalInt) raw);
      case OPTIONAL_LONG: return unwrap((OptionalLong) raw);
      case OPTIONAL_DOUBLE: return unwrap((OptionalDouble) raw);
      default: return raw;
    }
  }

  private static MethodHandles.Lookup lookupFor(Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(type, LOOKUP);
    } catch (IllegalAccessException e) {
      throw new SchemaException(type.getName() + ": not accessible to Polycodec (" + e.getMessage()
          + "); in a named module, open its package to io.polycodec.api", e);
    }
  }

  private static Class<?>[] parameterTypes(RecordComponent[] comps) {
    Class<?>[] types = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      types[i] = comps[i].getType();
    }
    return types;
  }

  // ---- getters --------------------------------------------------------------------------------------

  private static Class<?> primitiveOf(Kind kind) {
    switch (kind) {
      case BOOL: return boolean.class;
      case INT8:
      case INT16:
      case INT32: return int.class;
      case INT64: return long.class;
      case FLOAT32: return float.class;
      case FLOAT64: return double.class;
      default: return null;
    }
  }

  /** (Object)prim for non-optional primitive-kind fields, else null. */
  private static MethodHandle primGetter(MethodHandle acc, JavaRep rep, Kind kind) throws ReflectiveOperationException {
    Class<?> prim = primitiveOf(kind);
    if (prim == null || rep.isOptional()) {
      return null;
    }
    MethodHandle h = acc;
    switch (rep) {
      case BOXED:
        h = MethodHandles.filterReturnValue(acc, unboxer(prim));
        break;
      case BOXED_BYTE:
        h = MethodHandles.filterReturnValue(acc, staticHandle("unboxByte", int.class, Byte.class));
        break;
      case BOXED_SHORT:
        h = MethodHandles.filterReturnValue(acc, staticHandle("unboxShort", int.class, Short.class));
        break;
      default:
        break;
    }
    return h.asType(MethodType.methodType(prim, Object.class));
  }

  /** (Object)Object returning the canonical value or null (absent optional). */
  private static MethodHandle objectGetter(MethodHandle acc, JavaRep rep, Kind kind)
      throws ReflectiveOperationException {
    Class<?> prim = primitiveOf(kind);
    MethodHandle h;
    switch (rep) {
      case PRIMITIVE:
        h = acc;
        break;
      case PRIMITIVE_BYTE:
      case PRIMITIVE_SHORT:
        h = acc.asType(acc.type().changeReturnType(int.class));
        break;
      case BOXED:
        h = MethodHandles.filterReturnValue(acc, unboxer(prim));
        break;
      case BOXED_BYTE:
        h = MethodHandles.filterReturnValue(acc, staticHandle("unboxByte", int.class, Byte.class));
        break;
      case BOXED_SHORT:
        h = MethodHandles.filterReturnValue(acc, staticHandle("unboxShort", int.class, Short.class));
        break;
      case NULLABLE_BYTE:
        h = MethodHandles.filterReturnValue(acc, staticHandle("widenByte", Object.class, Byte.class));
        break;
      case NULLABLE_SHORT:
        h = MethodHandles.filterReturnValue(acc, staticHandle("widenShort", Object.class, Short.class));
        break;
      case OPTIONAL:
        h = MethodHandles.filterReturnValue(acc, staticHandle("unwrap", Object.class, Optional.class));
        break;
      case SET:
      case SORTED_SET:
        h = MethodHandles.filterReturnValue(acc.asType(acc.type().changeReturnType(Set.class)),
            staticHandle("setToList", Object.class, Set.class));
        break;
      case OPTIONAL_INT:
        h = MethodHandles.filterReturnValue(acc, staticHandle("unwrap", Object.class, OptionalInt.class));
        break;
      case OPTIONAL_LONG:
        h = MethodHandles.filterReturnValue(acc, staticHandle("unwrap", Object.class, OptionalLong.class));
        break;
      case OPTIONAL_DOUBLE:
        h = MethodHandles.filterReturnValue(acc, staticHandle("unwrap", Object.class, OptionalDouble.class));
        break;
      default:
        h = acc;
        break;
    }
    return h.asType(MethodType.methodType(Object.class, Object.class));
  }

  private static MethodHandle unboxer(Class<?> prim) throws ReflectiveOperationException {
    Class<?> box = MethodType.methodType(prim).wrap().returnType();
    return staticHandle("unbox" + box.getSimpleName(), prim, box);
  }

  private static MethodHandle staticHandle(String name, Class<?> ret, Class<?>... params)
      throws ReflectiveOperationException {
    return LOOKUP.findStatic(TypedRecordBinding.class, name, MethodType.methodType(ret, params));
  }

  private static EncodeException nullValue() {
    return new EncodeException("null in a non-optional field");
  }

  static boolean unboxBoolean(Boolean v) {
    if (v == null) {
      throw nullValue();
    }
    return v;
  }

  static int unboxInteger(Integer v) {
    if (v == null) {
      throw nullValue();
    }
    return v;
  }

  static long unboxLong(Long v) {
    if (v == null) {
      throw nullValue();
    }
    return v;
  }

  static float unboxFloat(Float v) {
    if (v == null) {
      throw nullValue();
    }
    return v;
  }

  static double unboxDouble(Double v) {
    if (v == null) {
      throw nullValue();
    }
    return v;
  }

  static int unboxByte(Byte v) {
    if (v == null) {
      throw nullValue();
    }
    return v;
  }

  static int unboxShort(Short v) {
    if (v == null) {
      throw nullValue();
    }
    return v;
  }

  static Object widenByte(Byte v) {
    return v == null ? null : Integer.valueOf(v);
  }

  static Object widenShort(Short v) {
    return v == null ? null : Integer.valueOf(v);
  }

  /**
   * A set as the list the wire holds: a SortedSet in its order; another Set sorted by natural order when
   * its elements are mutually Comparable (so equal HashSets encode identically), else in iteration order.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object setToList(Set<?> v) {
    if (v == null) {
      return null;
    }
    List<Object> out = new ArrayList<>(v);
    if (!(v instanceof SortedSet)) {
      try {
        out.sort((a, b) -> ((Comparable) a).compareTo(b));
      } catch (ClassCastException | NullPointerException e) {
        out = new ArrayList<>(v); // not comparable (or a null element, which the codec reports): keep the set's order
      }
    }
    return Collections.unmodifiableList(out);
  }

  static Object unwrap(Optional<?> v) {
    if (v == null) {
      throw new EncodeException("null Optional (use Optional.empty())");
    }
    return v.orElse(null);
  }

  static Object unwrap(OptionalInt v) {
    if (v == null) {
      throw new EncodeException("null OptionalInt (use OptionalInt.empty())");
    }
    return v.isPresent() ? Integer.valueOf(v.getAsInt()) : null;
  }

  static Object unwrap(OptionalLong v) {
    if (v == null) {
      throw new EncodeException("null OptionalLong (use OptionalLong.empty())");
    }
    return v.isPresent() ? Long.valueOf(v.getAsLong()) : null;
  }

  static Object unwrap(OptionalDouble v) {
    if (v == null) {
      throw new EncodeException("null OptionalDouble (use OptionalDouble.empty())");
    }
    return v.isPresent() ? Double.valueOf(v.getAsDouble()) : null;
  }

  // ---- slot readers: (FieldSlots) -> constructor argument, by the field's slot k ---------------------

  private MethodHandle slotReader(JavaRep rep, Kind kind, Class<?> paramType, int index, String name)
      throws ReflectiveOperationException {
    int k = layout().slot[index];
    MethodHandle h;
    switch (rep) {
      case PRIMITIVE:
      case BOXED:
        h = staticHandle(kind.name().toLowerCase(java.util.Locale.ROOT) + "At", primitiveOf(kind),
            FieldSlots.class, int.class);
        h = MethodHandles.insertArguments(h, 1, k);
        break;
      case PRIMITIVE_BYTE:
      case BOXED_BYTE:
        h = MethodHandles.insertArguments(
            staticHandle("byteAt", byte.class, FieldSlots.class, int.class, String.class), 1, k, name);
        break;
      case PRIMITIVE_SHORT:
      case BOXED_SHORT:
        h = MethodHandles.insertArguments(
            staticHandle("shortAt", short.class, FieldSlots.class, int.class, String.class), 1, k, name);
        break;
      case NULLABLE_BYTE:
        h = MethodHandles.insertArguments(
            staticHandle("nullableByteAt", Byte.class, FieldSlots.class, int.class, String.class), 1, k, name);
        break;
      case NULLABLE_SHORT:
        h = MethodHandles.insertArguments(
            staticHandle("nullableShortAt", Short.class, FieldSlots.class, int.class, String.class), 1, k, name);
        break;
      case NULLABLE:
        h = kind.isPrimitive()
            ? MethodHandles.insertArguments(
                staticHandle("nullablePrimAt", Object.class, FieldSlots.class, int.class, Kind.class), 1, k, kind)
            : MethodHandles.insertArguments(staticHandle("refAt", Object.class, FieldSlots.class, int.class), 1, k);
        break;
      case OPTIONAL:
        h = kind.isPrimitive()
            ? MethodHandles.insertArguments(
                staticHandle("optionalPrimAt", Optional.class, FieldSlots.class, int.class, Kind.class), 1, k, kind)
            : MethodHandles.insertArguments(
                staticHandle("optionalRefAt", Optional.class, FieldSlots.class, int.class), 1, k);
        break;
      case OPTIONAL_INT:
        h = MethodHandles.insertArguments(
            staticHandle("optionalIntAt", OptionalInt.class, FieldSlots.class, int.class), 1, k);
        break;
      case OPTIONAL_LONG:
        h = MethodHandles.insertArguments(
            staticHandle("optionalLongAt", OptionalLong.class, FieldSlots.class, int.class), 1, k);
        break;
      case OPTIONAL_DOUBLE:
        h = MethodHandles.insertArguments(
            staticHandle("optionalDoubleAt", OptionalDouble.class, FieldSlots.class, int.class), 1, k);
        break;
      case SET:
      case SORTED_SET:
        h = LOOKUP.findVirtual(TypedRecordBinding.class, "setAt",
            MethodType.methodType(Set.class, FieldSlots.class, int.class, int.class, boolean.class));
        h = MethodHandles.insertArguments(h, 0, this);
        h = MethodHandles.insertArguments(h, 1, k, index, rep == JavaRep.SORTED_SET);
        break;
      case REFERENCE:
        h = LOOKUP.findVirtual(TypedRecordBinding.class, "requiredAt",
            MethodType.methodType(Object.class, FieldSlots.class, int.class, int.class));
        h = MethodHandles.insertArguments(h, 0, this);
        h = MethodHandles.insertArguments(h, 1, k, index);
        break;
      default:
        throw new AssertionError(rep);
    }
    return h.asType(MethodType.methodType(paramType, FieldSlots.class));
  }

  static boolean boolAt(FieldSlots s, int k) {
    return s.prims[k] != 0;
  }

  static int int32At(FieldSlots s, int k) {
    return (int) s.prims[k];
  }

  static long int64At(FieldSlots s, int k) {
    return s.prims[k];
  }

  static float float32At(FieldSlots s, int k) {
    return Float.intBitsToFloat((int) s.prims[k]);
  }

  static double float64At(FieldSlots s, int k) {
    return Double.longBitsToDouble(s.prims[k]);
  }

  static byte byteAt(FieldSlots s, int k, String name) {
    long v = s.prims[k];
    if (v != (byte) v) {
      throw new DecodeException("value " + v + " does not fit the field's Java type byte").prependField(name);
    }
    return (byte) v;
  }

  static short shortAt(FieldSlots s, int k, String name) {
    long v = s.prims[k];
    if (v != (short) v) {
      throw new DecodeException("value " + v + " does not fit the field's Java type short").prependField(name);
    }
    return (short) v;
  }

  static Byte nullableByteAt(FieldSlots s, int k, String name) {
    return s.isPrimSet(k) ? byteAt(s, k, name) : null;
  }

  static Short nullableShortAt(FieldSlots s, int k, String name) {
    return s.isPrimSet(k) ? shortAt(s, k, name) : null;
  }

  static Object nullablePrimAt(FieldSlots s, int k, Kind kind) {
    return s.isPrimSet(k) ? Defaults.box(kind, s.prims[k]) : null;
  }

  static Optional<?> optionalOf(Object v) {
    return Optional.ofNullable(v);
  }

  static Object refAt(FieldSlots s, int k) {
    return s.refs[k];
  }

  static Optional<?> optionalPrimAt(FieldSlots s, int k, Kind kind) {
    return s.isPrimSet(k) ? Optional.of(Defaults.box(kind, s.prims[k])) : Optional.empty();
  }

  static Optional<?> optionalRefAt(FieldSlots s, int k) {
    return Optional.ofNullable(s.refs[k]);
  }

  static OptionalInt optionalIntAt(FieldSlots s, int k) {
    return s.isPrimSet(k) ? OptionalInt.of((int) s.prims[k]) : OptionalInt.empty();
  }

  static OptionalLong optionalLongAt(FieldSlots s, int k) {
    return s.isPrimSet(k) ? OptionalLong.of(s.prims[k]) : OptionalLong.empty();
  }

  static OptionalDouble optionalDoubleAt(FieldSlots s, int k) {
    return s.isPrimSet(k) ? OptionalDouble.of(Double.longBitsToDouble(s.prims[k])) : OptionalDouble.empty();
  }

  /** The decoded list of a Set component as an unmodifiable set; a repeated element is a DecodeException. */
  Set<?> setAt(FieldSlots s, int k, int field, boolean sorted) {
    List<?> list = (List<?>) requiredAt(s, k, field);
    Set<Object> out = sorted ? new TreeSet<>() : new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      if (!out.add(list.get(i))) {
        throw new DecodeException("element " + i + " repeats an earlier one in a Set")
            .prependField(field(field).name());
      }
    }
    return sorted ? Collections.unmodifiableSortedSet((SortedSet<Object>) out) : Collections.unmodifiableSet(out);
  }

  Object requiredAt(FieldSlots s, int k, int field) {
    Object v = s.refs[k];
    return v != null ? v : Defaults.of(field(field), children[field]);
  }

  // ---- RecordBinding --------------------------------------------------------------------------------

  @Override
  public Class<T> javaType() {
    return type;
  }

  @Override
  public boolean isGeneric() {
    return false;
  }

  private RuntimeException rethrow(Throwable t, int field) {
    if (t instanceof CodecException) {
      return (CodecException) t;
    }
    if (t instanceof ClassCastException || t instanceof NullPointerException) {
      return new EncodeException("not a " + type.getName() + ": " + t.getMessage(), t);
    }
    if (t instanceof RuntimeException) {
      return (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new EncodeException("accessor " + field(field).name() + "() failed", t);
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean getBoolean(Object record, int field) {
    try {
      Object fast = fastPrimGetters[field];
      if (fast != null) {
        return ((Predicate<Object>) fast).test(record);
      }
      return (boolean) primGetters[field].invokeExact(record);
    } catch (Throwable t) {
      throw rethrow(t, field);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public int getInt(Object record, int field) {
    try {
      Object fast = fastPrimGetters[field];
      if (fast != null) {
        return ((ToIntFunction<Object>) fast).applyAsInt(record);
      }
      return (int) primGetters[field].invokeExact(record);
    } catch (Throwable t) {
      throw rethrow(t, field);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public long getLong(Object record, int field) {
    try {
      Object fast = fastPrimGetters[field];
      if (fast != null) {
        return ((ToLongFunction<Object>) fast).applyAsLong(record);
      }
      return (long) primGetters[field].invokeExact(record);
    } catch (Throwable t) {
      throw rethrow(t, field);
    }
  }

  @Override
  public float getFloat(Object record, int field) {
    try {
      Object fast = fastPrimGetters[field];
      if (fast != null) {
        return ((Accessors.FloatGetter) fast).get(record);
      }
      return (float) primGetters[field].invokeExact(record);
    } catch (Throwable t) {
      throw rethrow(t, field);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public double getDouble(Object record, int field) {
    try {
      Object fast = fastPrimGetters[field];
      if (fast != null) {
        return ((ToDoubleFunction<Object>) fast).applyAsDouble(record);
      }
      return (double) primGetters[field].invokeExact(record);
    } catch (Throwable t) {
      throw rethrow(t, field);
    }
  }

  @Override
  public Object get(Object record, int field) {
    Object v;
    try {
      Function<Object, Object> fast = fastRawGetters[field];
      v = fast != null ? canonical(reps[field], fast.apply(record)) : (Object) objectGetters[field].invokeExact(record);
    } catch (Throwable t) {
      throw rethrow(t, field);
    }
    if (v == null && !optional[field]) {
      throw nullValue();
    }
    return v;
  }

  @Override
  public T build(FieldSlots slots) {
    applyDefaults(slots);
    try {
      return type.cast((Object) constructor.invokeExact(slots));
    } catch (CodecException e) {
      throw e;
    } catch (ClassCastException e) {
      throw new DecodeException("a decoded value does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // The canonical constructor may validate its arguments; a rejection is bad input for this type.
      throw new DecodeException(type.getSimpleName() + " rejected the decoded values: " + e, e);
    } catch (Error e) {
      throw e;
    } catch (Throwable t) {
      throw new DecodeException(type.getSimpleName() + " could not be constructed: " + t, t);
    }
  }
}
