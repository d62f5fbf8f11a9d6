package io.polycodec.bind;

import io.polycodec.Adapted;
import io.polycodec.Default;
import io.polycodec.Fallback;
import io.polycodec.IntEncoded;
import io.polycodec.Quantized;
import io.polycodec.Required;
import io.polycodec.SchemaException;
import io.polycodec.SchemaName;
import io.polycodec.Tag;
import io.polycodec.TypeAdapter;
import java.lang.invoke.MethodType;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;

/**
 * Derives schemas and typed bindings from Java records, enums and sealed interfaces, once per class.
 * One derivation walks the whole graph of types reachable from a record, so that recursive types share
 * one schema node per class, and publishes the results to a cache only when the whole graph is valid.
 */
final class JavaDerivation {
  // The adapters in force, whose ClassValue caches this scope's bindings per class: held by the Class
  // object itself, so a cached binding does not keep its class loader alive after the application that
  // loaded it is gone. Set only when a whole graph is valid.
  private final Adapters adapters;
  private final Map<Class<?>, TypeBinding> local = new LinkedHashMap<>();
  private final Map<String, Class<?>> namesInUse = new HashMap<>();

  private JavaDerivation(Adapters adapters) {
    this.adapters = adapters;
  }

  @SuppressWarnings("unchecked")
  static <T> RecordBinding<T> binding(Class<T> type, Adapters adapters) {
    TypeBinding cached = cached(type, adapters);
    if (cached != null) {
      return (RecordBinding<T>) cached;
    }
    if (!type.isRecord()) {
      throw new SchemaException(type.getName() + " is not a record: Polycodec encodes records"
          + (type.isSealed() ? " (wrap the sealed interface in a record field)" : ""));
    }
    synchronized (JavaDerivation.class) {
      cached = cached(type, adapters);
      if (cached != null) {
        return (RecordBinding<T>) cached;
      }
      JavaDerivation d = new JavaDerivation(adapters);
      RecordBinding<T> b = (RecordBinding<T>) d.named(type, simpleName(type));
      try {
        SchemaGraph.of(b.schema());
      } catch (IllegalArgumentException e) {
        throw new SchemaException(type.getSimpleName() + ": " + e.getMessage(), e);
      }
      d.local.forEach((c, binding) -> adapters.bindings.get(c).set(binding));
      return b;
    }
  }

  private static TypeBinding cached(Class<?> type, Adapters adapters) {
    return adapters.bindings.get(type).get();
  }

  private TypeBinding cached(Class<?> type) {
    return cached(type, adapters);
  }

  private static String simpleName(Class<?> c) {
    return c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
  }

  private TypeBinding named(Class<?> c, String path) {
    TypeBinding b = cached(c);
    if (b == null) {
      b = local.get(c);
    }
    if (b != null) {
      return b;
    }
    if (c.isRecord()) {
      return record(c);
    }
    if (c.isEnum()) {
      return enumeration(c, path);
    }
    if (c.isInterface() && c.isSealed()) {
      return union(c, path);
    }
    throw new SchemaException(path + ": " + c.getName() + " is not a record, enum or sealed interface");
  }

  private String typeName(Class<?> c) {
    SchemaName n = c.getAnnotation(SchemaName.class);
    String name = n != null ? n.value() : simpleName(c);
    Class<?> prior = namesInUse.putIfAbsent(name, c);
    if (prior != null && prior != c) {
      throw new SchemaException("types " + prior.getName() + " and " + c.getName() + " are both named " + name
          + ": give one a @SchemaName");
    }
    return name;
  }

  private RecordBinding<?> record(Class<?> c) {
    Pending p = declare(c);
    define(p);
    return p.binding;
  }

  /** A record whose schema node and binding exist (so others can refer to it) but whose fields are not derived yet. */
  private static final class Pending {
    final Class<?> type;
    final String name;
    final RecordSchema.Builder builder;
    final TypedRecordBinding<?> binding;

    Pending(Class<?> type, String name, RecordSchema.Builder builder, TypedRecordBinding<?> binding) {
      this.type = type;
      this.name = name;
      this.builder = builder;
      this.binding = binding;
    }
  }

  private Pending declare(Class<?> c) {
    String name = typeName(c);
    if (c.getTypeParameters().length > 0) {
      throw new SchemaException(name + ": generic records are not supported (type parameters "
          + List.of(c.getTypeParameters()) + ")");
    }
    RecordSchema.Builder builder;
    try {
      builder = RecordSchema.builder(name);
    } catch (IllegalArgumentException e) {
      throw new SchemaException(c.getName() + ": " + e.getMessage(), e);
    }
    TypedRecordBinding<?> binding = new TypedRecordBinding<>(builder.ref(), c);
    local.put(c, binding);
    return new Pending(c, name, builder, binding);
  }

  private void define(Pending p) {
    Class<?> c = p.type;
    String name = p.name;
    RecordSchema.Builder builder = p.builder;
    TypedRecordBinding<?> binding = p.binding;
    RecordComponent[] comps = c.getRecordComponents();

    boolean anyTag = false;
    boolean allTags = true;
    for (RecordComponent rc : comps) {
      boolean has = rc.isAnnotationPresent(Tag.class);
      anyTag |= has;
      allTags &= has;
    }
    if (anyTag && !allTags) {
      List<String> missing = new ArrayList<>();
      for (RecordComponent rc : comps) {
        if (!rc.isAnnotationPresent(Tag.class)) {
          missing.add(rc.getName());
        }
      }
      throw new SchemaException(name + ": @Tag must be on every component or on none; missing on " + missing);
    }

    JavaRep[] reps = new JavaRep[comps.length];
    TypeBinding[] children = new TypeBinding[comps.length];
    Adaptation[] adaptations = new Adaptation[comps.length];
    Class<?>[] modelTypes = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      RecordComponent rc = comps[i];
      String path = name + "." + rc.getName();
      SchemaName sn = rc.getAnnotation(SchemaName.class);
      String fieldName = sn != null ? sn.value() : rc.getName();
      int tag = anyTag ? rc.getAnnotation(Tag.class).value() : i + 1;
      if (tag < 1) {
        throw new SchemaException(path + ": @Tag must be positive, was " + tag);
      }
      FieldType ft = fieldType(rc, path, fieldName);
      reps[i] = ft.rep;
      children[i] = ft.child;
      adaptations[i] = ft.adaptation;
      modelTypes[i] = ft.modelType;
      try {
        Field f = ft.rep.isOptional() ? Field.optional(fieldName, tag, ft.schema) : Field.of(fieldName, tag, ft.schema);
        if (rc.isAnnotationPresent(Deprecated.class) || rc.getAccessor().isAnnotationPresent(Deprecated.class)) {
          f = f.withDeprecated(true);
        }
        if (rc.isAnnotationPresent(Required.class)) {
          f = f.withRequired(true);
        }
        Default def = rc.getAnnotation(Default.class);
        if (def != null) {
          f = f.withDefaultText(def.value());
          if (ft.child instanceof EnumBinding && ((EnumBinding) ft.child).forDefault(f.defaultValue()) == null) {
            throw new SchemaException("default " + def.value() + " is no constant of " + ft.schema.describe()
                + ", and the Java enum has no @Fallback constant to hold it");
          }
        }
        builder.field(f);
      } catch (IllegalArgumentException | SchemaException e) {
        throw new SchemaException(path + ": " + e.getMessage(), e);
      }
    }
    try {
      builder.build();
    } catch (IllegalArgumentException e) {
      throw new SchemaException(e.getMessage(), e);
    }
    binding.init(comps, reps, children, adaptations, modelTypes);
  }

  private static final class FieldType {
    final Schema schema;
    final JavaRep rep;
    final TypeBinding child;
    // For an adapted component: how its value passes through the adapter, and the class of the component
    // as the binding sees it (the model type in the component's shape: String, Optional, List…).
    Adaptation adaptation;
    Class<?> modelType;

    FieldType(Schema schema, JavaRep rep, TypeBinding child) {
      this.schema = schema;
      this.rep = rep;
      this.child = child;
    }
  }

  private FieldType fieldType(RecordComponent rc, String path, String fieldName) {
    Type t = rc.getGenericType();
    Class<?> raw = rc.getType();
    boolean nullable = isNullable(rc);
    IntEncoding enc = rc.isAnnotationPresent(IntEncoded.class) ? rc.getAnnotation(IntEncoded.class).value() : null;
    Quantized q = rc.getAnnotation(Quantized.class);

    // An adapted type, where it may sit: the component's type, or the argument of its Optional, List, Set
    // or SortedSet, or its Map's key or value. The rest of the derivation sees the model type in its place.
    Adaptation.Shape shape = raw == Optional.class ? Adaptation.Shape.OPTIONAL
        : raw == List.class ? Adaptation.Shape.LIST
        : raw == Set.class ? Adaptation.Shape.SET
        : raw == SortedSet.class ? Adaptation.Shape.SORTED_SET
        : raw == Map.class ? Adaptation.Shape.MAP
        : Adaptation.Shape.DIRECT;
    Type site = shape == Adaptation.Shape.DIRECT ? t
        : !(t instanceof ParameterizedType) ? null
        : ((ParameterizedType) t).getActualTypeArguments()[shape == Adaptation.Shape.MAP ? 1 : 0];
    Adapted declared = rc.getAnnotation(Adapted.class);
    if (declared != null && (!(site instanceof Class) || ((Class<?>) site).isPrimitive())) {
      throw new SchemaException(path + ": @Adapted applies to a component whose type (or Optional, List, Set"
          + " element or Map value) is a class other than a primitive, not " + t.getTypeName());
    }
    TypeAdapter<?, ?> adapter = null;
    if (site instanceof Class && !((Class<?>) site).isPrimitive()) {
      Class<?> user = (Class<?>) site;
      adapter = declared != null ? Adapters.fromAnnotation(declared, user, path) : adapterOf(user);
    }
    // A map's key is adapted only by the adapter of its type (registered, on the type, or built in):
    // a component's @Adapted names the adapter of its values.
    Type keySite = shape == Adaptation.Shape.MAP && t instanceof ParameterizedType
        ? ((ParameterizedType) t).getActualTypeArguments()[0] : null;
    TypeAdapter<?, ?> keyAdapter = keySite instanceof Class ? adapterOf((Class<?>) keySite) : null;
    if (adapter != null || keyAdapter != null) {
      return adapted(t, raw, shape, adapter, keyAdapter, nullable, enc, q, path, fieldName);
    }
    return fieldType(t, raw, nullable, enc, q, path);
  }

  /** The adapter in force for fields of {@code c}, or null (also for the model's own types). */
  private TypeAdapter<?, ?> adapterOf(Class<?> c) {
    return c.isPrimitive() || Adapters.refusal(c) != null ? null : adapters.forType(c);
  }

  /**
   * The field of a component whose (element or map value) type is mapped by {@code adapter} and/or whose
   * map key type is mapped by {@code keyAdapter} (either may be null for a map, not both).
   */
  private FieldType adapted(Type t, Class<?> raw, Adaptation.Shape shape, TypeAdapter<?, ?> adapter,
      TypeAdapter<?, ?> keyAdapter, boolean nullable, IntEncoding enc, Quantized q, String path, String fieldName) {
    String name = adapter != null ? Adapters.describe(adapter) : Adapters.describe(keyAdapter);
    if (adapter != null) {
      checkModel(adapter, path);
    }
    if (keyAdapter != null) {
      checkModel(keyAdapter, path);
    }
    if (shape == Adaptation.Shape.SORTED_SET && !Comparable.class.isAssignableFrom(adapter.javaType())) {
      throw new SchemaException(path + ": a SortedSet's elements must be Comparable (natural order), not "
          + adapter.javaType().getName() + "; use a Set or a List");
    }
    Type virtual;
    Class<?> virtualRaw;
    switch (shape) {
      case DIRECT:
        virtual = adapter.modelType();
        virtualRaw = adapter.modelType();
        break;
      case MAP: {
        Type[] args = ((ParameterizedType) t).getActualTypeArguments();
        virtual = new ModelType(Map.class, keyAdapter != null ? keyAdapter.modelType() : args[0],
            adapter != null ? adapter.modelType() : args[1]);
        virtualRaw = Map.class;
        break;
      }
      case SET:
      case SORTED_SET:
        // A set of adapted values is, for the binding, the list of their model values in the set's order.
        virtual = new ModelType(List.class, adapter.modelType());
        virtualRaw = List.class;
        break;
      default:
        virtual = new ModelType(raw, adapter.modelType());
        virtualRaw = raw;
        break;
    }
    FieldType inner;
    try {
      inner = fieldType(virtual, virtualRaw, nullable, enc, q, path);
    } catch (SchemaException e) {
      String names = adapter != null && keyAdapter != null
          ? "adapters " + name + " and " + Adapters.describe(keyAdapter) : "adapter " + name;
      throw new SchemaException(e.getMessage() + " (the model type of " + names + ")", e);
    }
    FieldType ft = new FieldType(inner.schema, inner.rep, inner.child);
    ft.adaptation = new Adaptation(adapter, keyAdapter, shape, fieldName);
    ft.modelType = virtualRaw;
    return ft;
  }

  /** Refuses an adapter whose model type the derivation cannot take in place of its Java type. */
  private void checkModel(TypeAdapter<?, ?> adapter, String path) {
    String name = Adapters.describe(adapter);
    Class<?> model = adapter.modelType();
    if (model == null) {
      throw new SchemaException(path + ": adapter " + name + " has no modelType()");
    }
    if (model.isPrimitive()) {
      throw new SchemaException(path + ": adapter " + name + " maps to the primitive " + model
          + "; use its box (" + MethodType.methodType(model).wrap().returnType().getSimpleName() + ")");
    }
    if (Adapters.refusal(model) == null && adapters.forType(model) != null) {
      throw new SchemaException(path + ": adapter " + name + " maps to " + model.getName()
          + ", which is itself adapted; adapters do not chain, map to a model type");
    }
  }

  /** A parameterized type the derivation reads in place of the component's: {@code List<MoneyModel>} for {@code List<Money>}. */
  private static final class ModelType implements ParameterizedType {
    private final Class<?> raw;
    private final Type[] args;

    ModelType(Class<?> raw, Type... args) {
      this.raw = raw;
      this.args = args;
    }

    @Override
    public Type[] getActualTypeArguments() {
      return args.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }

    @Override
    public String getTypeName() {
      StringBuilder sb = new StringBuilder(raw.getName()).append('<');
      for (int i = 0; i < args.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(args[i].getTypeName());
      }
      return sb.append('>').toString();
    }

    @Override
    public String toString() {
      return getTypeName();
    }
  }

  private FieldType fieldType(Type t, Class<?> raw, boolean nullable, IntEncoding enc, Quantized q, String path) {
    if (q != null && raw != float[].class) {
      throw new SchemaException(path + ": @Quantized applies to float[] only");
    }

    if (raw.isPrimitive()) {
      if (nullable) {
        throw new SchemaException(path + ": a primitive " + raw + " cannot be @Nullable; use its box or an OptionalInt…");
      }
      if (raw == byte.class) {
        return new FieldType(noEncoding(Kind.INT8, enc, path), JavaRep.PRIMITIVE_BYTE, null);
      }
      if (raw == short.class) {
        return new FieldType(noEncoding(Kind.INT16, enc, path), JavaRep.PRIMITIVE_SHORT, null);
      }
      Kind k = primitiveKind(raw, path);
      return new FieldType(k == Kind.INT32 || k == Kind.INT64 ? intSchema(k, enc, path) : noEncoding(k, enc, path),
          JavaRep.PRIMITIVE, null);
    }
    if (raw == Byte.class || raw == Short.class) {
      JavaRep rep = raw == Byte.class
          ? (nullable ? JavaRep.NULLABLE_BYTE : JavaRep.BOXED_BYTE)
          : (nullable ? JavaRep.NULLABLE_SHORT : JavaRep.BOXED_SHORT);
      return new FieldType(noEncoding(raw == Byte.class ? Kind.INT8 : Kind.INT16, enc, path), rep, null);
    }
    if (raw == OptionalInt.class) {
      return new FieldType(intSchema(Kind.INT32, enc, path), JavaRep.OPTIONAL_INT, null);
    }
    if (raw == OptionalLong.class) {
      return new FieldType(intSchema(Kind.INT64, enc, path), JavaRep.OPTIONAL_LONG, null);
    }
    if (raw == OptionalDouble.class) {
      return new FieldType(noEncoding(Kind.FLOAT64, enc, path), JavaRep.OPTIONAL_DOUBLE, null);
    }
    if (raw == Optional.class) {
      if (nullable) {
        throw new SchemaException(path + ": an Optional must not also be @Nullable");
      }
      Type inner = typeArgument(t, 0, path);
      Type innerRaw = inner instanceof ParameterizedType ? ((ParameterizedType) inner).getRawType() : inner;
      if (innerRaw == List.class || innerRaw == Set.class || innerRaw == SortedSet.class || innerRaw == Map.class
          || innerRaw == float[].class || innerRaw == double[].class) {
        throw new SchemaException(path + ": " + t.getTypeName() + ": collections cannot be optional (an empty "
            + ((Class<?>) innerRaw).getSimpleName() + " already means absent); declare the "
            + ((Class<?>) innerRaw).getSimpleName() + " itself, or wrap it in a record to tell empty from absent");
      }
      Element e = element(inner, enc, path + "<>");
      return new FieldType(e.schema, JavaRep.OPTIONAL, e.child);
    }
    if (raw == List.class) {
      Type inner = typeArgument(t, 0, path);
      Element e = element(inner, enc, path + "[]");
      return collection(Schema.list(e.schema), e.child, nullable, path);
    }
    if (raw == Set.class || raw == SortedSet.class) {
      Type inner = typeArgument(t, 0, path);
      Element e = element(inner, enc, path + "[]");
      if (raw == SortedSet.class && !(inner instanceof Class && Comparable.class.isAssignableFrom((Class<?>) inner))) {
        throw new SchemaException(path + ": a SortedSet's elements must be Comparable (natural order), not "
            + inner.getTypeName() + "; use a Set or a List");
      }
      if (nullable) {
        collection(Schema.list(e.schema), e.child, true, path);
      }
      return new FieldType(Schema.list(e.schema), raw == Set.class ? JavaRep.SET : JavaRep.SORTED_SET, e.child);
    }
    if (raw == Map.class) {
      Type keyType = typeArgument(t, 0, path);
      Type valueType = typeArgument(t, 1, path);
      Element v = element(valueType, null, path + "{}");
      return collection(Schema.map(mapKey(keyType, path), v.schema), v.child, nullable, path);
    }
    if (raw == float[].class) {
      Schema s = q != null ? Schema.float32Vector(q.value()) : VectorSchema.of(Kind.FLOAT32, Quantization.NONE);
      return collection(s, null, nullable, path);
    }
    if (raw == double[].class) {
      return collection(Schema.float64Vector(), null, nullable, path);
    }
    Element e = element(t, enc, path);
    return new FieldType(e.schema, nullable ? JavaRep.NULLABLE : (isBox(raw) ? JavaRep.BOXED : JavaRep.REFERENCE),
        e.child);
  }

  private static FieldType collection(Schema s, TypeBinding child, boolean nullable, String path) {
    if (nullable) {
      throw new SchemaException(path + ": a " + s.describe()
          + " cannot be @Nullable; an empty one already means absent");
    }
    return new FieldType(s, JavaRep.REFERENCE, child);
  }

  private static final class Element {
    final Schema schema;
    final TypeBinding child;

    Element(Schema schema, TypeBinding child) {
      this.schema = schema;
      this.child = child;
    }
  }

  /** A type that can be a list element, map value or Optional's content. */
  private Element element(Type t, IntEncoding enc, String path) {
    if (t instanceof WildcardType) {
      throw new SchemaException(path + ": wildcard type " + t.getTypeName() + " is not supported; name the type");
    }
    if (t instanceof TypeVariable) {
      throw new SchemaException(path + ": type variable " + t.getTypeName() + " is not supported");
    }
    if (t instanceof GenericArrayType) {
      throw new SchemaException(path + ": generic array " + t.getTypeName() + " is not supported");
    }
    if (t instanceof ParameterizedType) {
      Type raw = ((ParameterizedType) t).getRawType();
      String hint = raw == List.class || raw == Map.class || raw == Set.class || raw == SortedSet.class
          ? ": nested collections are not supported; wrap the inner " + ((Class<?>) raw).getSimpleName() + " in a record"
          : raw == Optional.class ? ": Optional may only be a record component's type" : " is not supported";
      throw new SchemaException(path + ": " + t.getTypeName() + hint);
    }
    Class<?> c = (Class<?>) t;
    if (c == Integer.class) {
      return new Element(intSchema(Kind.INT32, enc, path), null);
    }
    if (c == Long.class) {
      return new Element(intSchema(Kind.INT64, enc, path), null);
    }
    if (enc != null) {
      throw new SchemaException(path + ": @IntEncoded applies to int32 and int64 only");
    }
    if (c == Boolean.class) {
      return new Element(Schema.bool(), null);
    }
    if (c == Float.class) {
      return new Element(Schema.float32(), null);
    }
    if (c == Double.class) {
      return new Element(Schema.float64(), null);
    }
    if (c == String.class) {
      return new Element(Schema.string(), null);
    }
    if (c == byte[].class) {
      return new Element(Schema.bytes(), null);
    }
    if (c == Instant.class) {
      return new Element(Schema.timestamp(), null);
    }
    if (c == java.time.Duration.class) {
      return new Element(Schema.duration(), null);
    }
    if (c == Byte.class || c == Short.class) {
      throw new SchemaException(path + ": " + c.getSimpleName() + " is only supported as a record component; use Integer");
    }
    if (c == float[].class || c == double[].class || c == List.class || c == Map.class || c == Set.class
        || c == SortedSet.class) {
      throw new SchemaException(path + ": " + c.getSimpleName()
          + (c.isArray() ? " vectors" : "") + " cannot be nested in a collection or Optional; wrap it in a record");
    }
    if (c == Optional.class || c == OptionalInt.class || c == OptionalLong.class || c == OptionalDouble.class) {
      throw new SchemaException(path + ": " + c.getSimpleName() + " may only be a record component's type");
    }
    if (c == Object.class) {
      throw new SchemaException(path + ": Object is not supported; use a concrete type");
    }
    if (c == Character.class || c == char.class) {
      throw new SchemaException(path + ": " + NO_CHAR);
    }
    if (c.isPrimitive()) {
      throw new SchemaException(path + ": " + c.getName() + " is not supported; use String or int");
    }
    if (c.isRecord() || c.isEnum() || (c.isInterface() && c.isSealed())) {
      TypeBinding b = named(c, path);
      return new Element(b.schema(), b);
    }
    if (c.isArray()) {
      throw new SchemaException(path + ": arrays other than byte[], float[] and double[] are not supported; use a List");
    }
    throw new SchemaException(unsupported(path, c));
  }

  /** The message for a type nothing maps: what is supported, and how to map it with an adapter. */
  static String unsupported(String path, Class<?> c) {
    String simple = c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
    return path + ": " + c.getName() + " is not supported: supported are records, enums, sealed interfaces,"
        + " boolean, byte, short, int, long, float, double and their boxes, String, byte[], Instant, Duration, UUID, URI,"
        + " BigDecimal, BigInteger, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, float[] and double[] vectors,"
        + " List, Set, SortedSet, Map and Optional of these; map " + simple + " onto one of them with a TypeAdapter:"
        + " @Adapted(" + simple + "Adapter.class) on the type or the component, or"
        + " CodecRegistry.builder().adapter(TypeAdapter.of(" + simple + ".class, String.class, …, …))";
  }

  private static Type typeArgument(Type t, int index, String path) {
    if (!(t instanceof ParameterizedType)) {
      throw new SchemaException(path + ": raw type " + t.getTypeName() + " is not supported; give its type arguments");
    }
    return ((ParameterizedType) t).getActualTypeArguments()[index];
  }

  private static ScalarSchema mapKey(Type t, String path) {
    if (t == String.class) {
      return Schema.string();
    }
    if (t == Integer.class) {
      return Schema.int32();
    }
    if (t == Long.class) {
      return Schema.int64();
    }
    if (t == Boolean.class) {
      return Schema.bool();
    }
    throw new SchemaException(path + ": map keys must be String, Integer, Long, Boolean or a type with a TypeAdapter"
        + " to one of them (built in: UUID, URI, BigDecimal, BigInteger, LocalDate, LocalTime, LocalDateTime,"
        + " OffsetDateTime), not " + t.getTypeName());
  }

  /**
   * Why char is refused (docs/types.md): a char is a UTF-16 code unit, not a character. As text, half a
   * surrogate pair is not valid UTF-8, so Protobuf, FlatBuffers and MessagePack readers refuse it; as an
   * int16 every other language would read a number. Either choice would surprise someone, so the user says
   * which they mean.
   */
  private static final String NO_CHAR = "char and Character are not supported: a char is a UTF-16 code unit,"
      + " which is not text on its own (half a surrogate pair is not valid UTF-8); use String for a character"
      + " (one code point may need two chars), or short/int for a code unit";

  private static Kind primitiveKind(Class<?> c, String path) {
    if (c == boolean.class) {
      return Kind.BOOL;
    }
    if (c == int.class) {
      return Kind.INT32;
    }
    if (c == long.class) {
      return Kind.INT64;
    }
    if (c == float.class) {
      return Kind.FLOAT32;
    }
    if (c == double.class) {
      return Kind.FLOAT64;
    }
    if (c == char.class) {
      throw new SchemaException(path + ": " + NO_CHAR);
    }
    throw new SchemaException(path + ": " + c.getName() + " is not supported (use String or int)");
  }

  private static boolean isBox(Class<?> c) {
    return c == Boolean.class || c == Integer.class || c == Long.class || c == Float.class || c == Double.class;
  }

  private static ScalarSchema intSchema(Kind k, IntEncoding enc, String path) {
    return ScalarSchema.of(k, enc == null ? IntEncoding.VARINT : enc);
  }

  private static ScalarSchema noEncoding(Kind k, IntEncoding enc, String path) {
    if (enc != null) {
      throw new SchemaException(path + ": @IntEncoded applies to int32 and int64 (int, long and their boxes) only");
    }
    return ScalarSchema.of(k);
  }

  // Any annotation named Nullable counts (JSpecify, JSR 305, Checker Framework, JetBrains, Jakarta…),
  // whether declared on the component or as a type-use annotation on its type.
  private static boolean isNullable(RecordComponent rc) {
    return hasNullable(rc) || hasNullable(rc.getAnnotatedType()) || hasNullable(rc.getAccessor());
  }

  private static boolean hasNullable(AnnotatedElement e) {
    for (Annotation a : e.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  private EnumBinding enumeration(Class<?> c, String path) {
    String name = typeName(c);
    Object[] constants = c.getEnumConstants();
    List<EnumSchema.Constant> schemaConstants = new ArrayList<>();
    Object fallback = null;
    boolean anyTag = false;
    boolean allTags = true;
    java.lang.reflect.Field[] fields = new java.lang.reflect.Field[constants.length];
    for (int i = 0; i < constants.length; i++) {
      try {
        fields[i] = c.getField(((Enum<?>) constants[i]).name());
      } catch (NoSuchFieldException e) {
        throw new SchemaException(name + ": cannot read constant " + constants[i], e);
      }
      boolean has = fields[i].isAnnotationPresent(Tag.class);
      anyTag |= has;
      allTags &= has;
    }
    if (anyTag && !allTags) {
      throw new SchemaException(name + ": @Tag must be on every enum constant or on none");
    }
    for (int i = 0; i < constants.length; i++) {
      SchemaName sn = fields[i].getAnnotation(SchemaName.class);
      String constName = sn != null ? sn.value() : ((Enum<?>) constants[i]).name();
      int number = anyTag ? fields[i].getAnnotation(Tag.class).value() : i;
      if (fields[i].isAnnotationPresent(Fallback.class)) {
        if (fallback != null) {
          throw new SchemaException(name + ": at most one constant may be @Fallback");
        }
        fallback = constants[i];
      }
      try {
        schemaConstants.add(new EnumSchema.Constant(constName, number));
      } catch (IllegalArgumentException e) {
        throw new SchemaException(name + "." + constName + ": " + e.getMessage(), e);
      }
    }
    EnumSchema schema;
    try {
      schema = EnumSchema.of(name, schemaConstants);
    } catch (IllegalArgumentException e) {
      throw new SchemaException(path + ": " + e.getMessage(), e);
    }
    EnumBinding b = EnumBinding.typed(schema, c, constants, fallback);
    local.put(c, b);
    return b;
  }

  private UnionBinding union(Class<?> c, String path) {
    String name = typeName(c);
    Class<?>[] permitted = c.getPermittedSubclasses();
    if (permitted == null || permitted.length == 0) {
      throw new SchemaException(path + ": sealed interface " + c.getName() + " permits no types");
    }
    boolean anyTag = false;
    boolean allTags = true;
    for (Class<?> m : permitted) {
      if (!m.isRecord()) {
        throw new SchemaException(path + ": " + m.getName() + " implements sealed " + name
            + " but is not a record; union members must be records");
      }
      if (Modifier.isAbstract(m.getModifiers())) {
        throw new SchemaException(path + ": " + m.getName() + " is abstract");
      }
      boolean has = m.isAnnotationPresent(Tag.class);
      anyTag |= has;
      allTags &= has;
    }
    if (anyTag && !allTags) {
      throw new SchemaException(name + ": @Tag must be on every member record of the sealed interface or on none");
    }
    // A member may refer back to the union (sealed interface Expr permits Add, where Add holds Exprs), so
    // the union is registered with declared-but-undefined member records before their fields are derived.
    List<UnionSchema.Member> members = new ArrayList<>();
    RecordBinding<?>[] memberBindings = new RecordBinding<?>[permitted.length];
    List<Pending> toDefine = new ArrayList<>();
    for (int i = 0; i < permitted.length; i++) {
      Class<?> m = permitted[i];
      TypeBinding known = cached(m) != null ? cached(m) : local.get(m);
      if (known != null) {
        memberBindings[i] = (RecordBinding<?>) known;
      } else {
        Pending p = declare(m);
        toDefine.add(p);
        memberBindings[i] = p.binding;
      }
      String memberName = memberBindings[i].schema().name();
      memberName = memberName.substring(memberName.lastIndexOf('.') + 1);
      int tag = anyTag ? m.getAnnotation(Tag.class).value() : i + 1;
      try {
        members.add(new UnionSchema.Member(memberName, tag, memberBindings[i].schema()));
      } catch (IllegalArgumentException e) {
        throw new SchemaException(name + ": " + e.getMessage(), e);
      }
    }
    UnionSchema schema;
    try {
      schema = UnionSchema.of(name, members);
    } catch (IllegalArgumentException e) {
      throw new SchemaException(path + ": " + e.getMessage(), e);
    }
    UnionBinding ub = new UnionBinding(schema, c, permitted.clone());
    System.arraycopy(memberBindings, 0, ub.members, 0, memberBindings.length);
    local.put(c, ub);
    for (Pending p : toDefine) {
      define(p);
    }
    return ub;
  }
}
