package io.polycodec.flatbuffers;

import io.polycodec.SchemaException;
import io.polycodec.bind.EnumBinding;
import io.polycodec.bind.RecordBinding;
import io.polycodec.bind.TypeBinding;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaVisitor;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import io.polycodec.schema.Kind;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Map;

/**
 * Compiles a record binding and everything it reaches into {@link TablePlan}s and {@link Layout}s, once
 * per codec. Plans and union layouts are memoized by binding identity, so recursive schemas compile to
 * cyclic plans instead of recursing forever.
 */
final class PlanCompiler {
  private final Map<RecordBinding<?>, TablePlan> plans = new IdentityHashMap<>();
  private final Map<UnionBinding, UnionLayout> unions = new IdentityHashMap<>();
  private final Map<RecordBinding<?>, StructLayout> structs = new IdentityHashMap<>();
  private final Set<String> structsInProgress = new HashSet<>();
  private final FlatLayout given;
  private final FlatLayout.Builder effective = FlatLayout.builder();

  private PlanCompiler(FlatLayout given) {
    this.given = given;
  }

  /** A compiled root plan and the layout in effect: the given one plus what annotations added. */
  record Compiled(TablePlan plan, FlatLayout layout) {}

  static TablePlan compile(RecordBinding<?> root) {
    return compile(root, FlatLayout.DEFAULT).plan();
  }

  /**
   * Compiles {@code root} with the layout choices of {@code layout} and of {@link FlatStruct} /
   * {@link FlatArray} annotations on the Java types reached.
   *
   * @throws SchemaException if a struct holds what FlatBuffers structs cannot, refers to itself, is a
   *     union member, or an array is declared outside a struct
   */
  static Compiled compile(RecordBinding<?> root, FlatLayout layout) {
    PlanCompiler c = new PlanCompiler(layout);
    TablePlan plan = c.plan(root);
    // What the given layout says about types not reached (or only about names, like unsigned) is kept.
    try {
      return new Compiled(plan, layout.merge(c.effective.build()));
    } catch (IllegalArgumentException e) {
      // The options' layout and the annotations disagree (another force_align, array length or key).
      throw new SchemaException(root.schema().name() + ": the FlatLayout in the options and the annotations disagree: "
          + e.getMessage(), e);
    }
  }

  private boolean isStruct(RecordBinding<?> b) {
    return given.isStruct(b.schema().name()) || (!b.isGeneric() && b.javaType().isAnnotationPresent(FlatStruct.class));
  }

  private int forceAlign(RecordBinding<?> b) {
    int a = given.forceAlign(b.schema().name());
    if (!b.isGeneric() && b.javaType().isAnnotationPresent(FlatStruct.class)) {
      a = Math.max(a, b.javaType().getAnnotation(FlatStruct.class).forceAlign());
    }
    return a;
  }

  /** The array length the layout or a {@link FlatArray} annotation gives field {@code i}, or 0. */
  private int arrayLength(RecordBinding<?> b, int i) {
    int n = given.arrayLength(b.schema().name(), b.schema().field(i).name());
    if (n == 0 && !b.isGeneric() && b.javaType().isRecord()) {
      java.lang.reflect.RecordComponent[] cs = b.javaType().getRecordComponents();
      if (cs.length == b.schema().size()) {
        FlatArray a = cs[i].getAnnotation(FlatArray.class);
        if (a != null) {
          if (a.value() < 1 || a.value() > 0xFFFF) {
            throw new SchemaException(b.schema().name() + "." + b.schema().field(i).name()
                + ": @FlatArray length must be 1 to 65535, was " + a.value());
          }
          n = a.value();
        }
      }
    }
    return n;
  }

  /** The index of the key field the layout or a {@link FlatKey} names, or -1; checks its kind. */
  private int keyField(RecordBinding<?> b) {
    RecordSchema s = b.schema();
    int k = -1;
    String named = given.key(s.name());
    if (named != null) {
      k = s.indexOf(named);
      if (k < 0) {
        throw new SchemaException(s.name() + ": the FlatLayout key " + named + " is not a field");
      }
    } else if (!b.isGeneric() && b.javaType().isRecord()) {
      java.lang.reflect.RecordComponent[] cs = b.javaType().getRecordComponents();
      for (int i = 0; i < cs.length && cs.length == s.size(); i++) {
        if (cs[i].isAnnotationPresent(FlatKey.class)) {
          if (k >= 0) {
            throw new SchemaException(s.name() + ": @FlatKey on " + s.field(k).name() + " and " + s.field(i).name()
                + "; a table has at most one key");
          }
          k = i;
        }
      }
    }
    if (k >= 0) {
      Kind kind = s.field(k).type().kind();
      if (!(kind == Kind.STRING || kind.isPrimitive()) || kind == Kind.TIMESTAMP) {
        throw new SchemaException(s.name() + "." + s.field(k).name() + ": a FlatBuffers key is a string or a number, not "
            + s.field(k).type().describe());
      }
    }
    return k;
  }

  /** Whether union field {@code i} keeps the holder table: {@link HolderUnion} or the layout says so. */
  private boolean isHolderUnion(RecordBinding<?> b, int i) {
    if (given.isHolderUnion(b.schema().name(), b.schema().field(i).name())) {
      return true;
    }
    if (!b.isGeneric() && b.javaType().isRecord()) {
      java.lang.reflect.RecordComponent[] cs = b.javaType().getRecordComponents();
      return cs.length == b.schema().size() && cs[i].isAnnotationPresent(HolderUnion.class);
    }
    return false;
  }

  private EnumLayout enumLayout(EnumBinding b) {
    String type = given.enumType(b.schema().name());
    FlatEnum a = b.javaType() == null || !b.javaType().isEnum() ? null : b.javaType().getAnnotation(FlatEnum.class);
    if (a != null) {
      if (!FlatLayout.ENUM_TYPES.contains(a.value())) {
        throw new SchemaException("enum " + b.schema().name() + ": @FlatEnum must be one of " + FlatLayout.ENUM_TYPES
            + ", was " + a.value());
      }
      type = a.value();
      if (a.bitFlags()) {
        effective.bitFlags(b.schema().name());
      }
    }
    effective.enumType(b.schema().name(), type);
    return new EnumLayout(b, type);
  }

  private StructLayout struct(RecordBinding<?> binding, String path) {
    StructLayout done = structs.get(binding);
    if (done != null) {
      return done;
    }
    RecordSchema s = binding.schema();
    if (!structsInProgress.add(s.name())) {
      throw new SchemaException(path + ": struct " + s.name() + " contains itself; FlatBuffers structs have a fixed size");
    }
    if (s.size() == 0) {
      throw new SchemaException(path + ": struct " + s.name() + " has no fields; flatc requires at least one");
    }
    int align = forceAlign(binding);
    effective.struct(s.name(), align);
    Layout[] members = new Layout[s.size()];
    for (int i = 0; i < members.length; i++) {
      Field f = s.field(i);
      String where = s.name() + "." + f.name();
      if (f.optional()) {
        throw new SchemaException(where + ": a field of FlatBuffers struct " + s.name()
            + " cannot be optional (struct fields are always present)");
      }
      int length = arrayLength(binding, i);
      Schema type = f.type();
      if (type.kind() == Kind.LIST) {
        if (length == 0) {
          throw new SchemaException(where + ": a list in FlatBuffers struct " + s.name()
              + " must be a fixed-size array (@FlatArray or FlatLayout.Builder.array)");
        }
        effective.array(s.name(), f.name(), length);
        members[i] = new ArrayLayout(structMember(((ListSchema) type).element(), binding.child(i), where), length);
      } else {
        if (length != 0) {
          throw new SchemaException(where + ": only a list can be a fixed-size array, not a " + type.describe());
        }
        members[i] = structMember(type, binding.child(i), where);
      }
    }
    StructLayout layout = new StructLayout(binding, members, align);
    structsInProgress.remove(s.name());
    structs.put(binding, layout);
    return layout;
  }

  private Layout structMember(Schema type, TypeBinding child, String where) {
    switch (type.kind()) {
      case BOOL: case INT8: case INT16: case INT32: case INT64: case FLOAT32: case FLOAT64:
        return ScalarLayout.of(type.kind());
      case ENUM:
        return enumLayout((EnumBinding) child);
      case RECORD:
        if (isStruct((RecordBinding<?>) child)) {
          return struct((RecordBinding<?>) child, where);
        }
        throw new SchemaException(where + ": FlatBuffers struct fields cannot hold table " + type.describe()
            + "; mark it a struct too, or make the outer record a table");
      default:
        throw new SchemaException(where + ": a FlatBuffers struct holds only bool, numbers, enums, structs and "
            + "fixed-size arrays of them, not " + type.describe());
    }
  }

  private TablePlan plan(RecordBinding<?> binding) {
    TablePlan plan = plans.get(binding);
    if (plan != null) {
      return plan;
    }
    plan = new TablePlan(binding);
    plans.put(binding, plan);
    RecordSchema s = binding.schema();
    plan.keyField = keyField(binding);
    if (plan.keyField >= 0) {
      effective.key(s.name(), s.field(plan.keyField).name());
    }
    Layout[] layouts = new Layout[s.size()];
    for (int i = 0; i < layouts.length; i++) {
      Field f = s.field(i);
      if (f.tag() > FlatBuffersProvider.MAX_TAG) {
        throw new SchemaException(s.name() + "." + f.name() + ": tag " + f.tag() + " would need a vtable of "
            + (4 + 2 * f.tag()) + " bytes in every " + s.name() + " table; FlatBuffers tags are limited to "
            + FlatBuffersProvider.MAX_TAG);
      }
      if (arrayLength(binding, i) != 0) {
        throw new SchemaException(s.name() + "." + f.name() + ": fixed-size arrays are only allowed in FlatBuffers structs, and "
            + s.name() + " is a table");
      }
      boolean unionList = f.type() instanceof ListSchema && ((ListSchema) f.type()).element() instanceof UnionSchema;
      Schema mapValue = f.type() instanceof MapSchema ? ((MapSchema) f.type()).value() : null;
      boolean unionMap = mapValue instanceof UnionSchema; // map values are no collections
      if (unionMap) {
        String where = s.name() + "." + f.name();
        if (isHolderUnion(binding, i)) {
          effective.holderUnion(s.name(), f.name());
        } else {
          // flatc's layout inside each entry table: key 0, value_type 1, value 2.
          MapSchema m = (MapSchema) f.type();
          UnionLayout u = union((UnionBinding) binding.child(i), where + "[]");
          layouts[i] = new MapLayout(m.key().kind(), layout(m.key(), null, where + "[key]"), new InlineUnionLayout(u));
          continue;
        }
      }
      if (f.type() instanceof UnionSchema || unionList) {
        String where = s.name() + "." + f.name();
        if (isHolderUnion(binding, i)) {
          // The layout of earlier snapshots: one id, a holder table (a vector of them for a list).
          effective.holderUnion(s.name(), f.name());
        } else {
          // flatc's layout: the type slot just below the value's (ids from FlatBuffersFieldIds).
          UnionLayout u = union((UnionBinding) binding.child(i), where);
          layouts[i] = unionList ? new UnionVectorLayout(u) : new InlineUnionLayout(u);
          continue;
        }
      }
      layouts[i] = layout(f.type(), binding.child(i), s.name() + "." + f.name());
    }
    plan.init(layouts);
    return plan;
  }

  private Layout layout(Schema type, TypeBinding child, String path) {
    return type.accept(new Visitor(child, path));
  }

  /** The layout of each kind; {@code child} binds the named type inside the node, {@code path} names it. */
  private final class Visitor implements SchemaVisitor<Layout> {
    private final TypeBinding child;
    private final String path;

    Visitor(TypeBinding child, String path) {
      this.child = child;
      this.path = path;
    }

    @Override public Layout visitBool(ScalarSchema s) { return ScalarLayout.of(s.kind()); }
    @Override public Layout visitInt8(ScalarSchema s) { return ScalarLayout.of(s.kind()); }
    @Override public Layout visitInt16(ScalarSchema s) { return ScalarLayout.of(s.kind()); }
    @Override public Layout visitInt32(ScalarSchema s) { return ScalarLayout.of(s.kind()); }
    @Override public Layout visitInt64(ScalarSchema s) { return ScalarLayout.of(s.kind()); }
    @Override public Layout visitFloat32(ScalarSchema s) { return ScalarLayout.of(s.kind()); }
    @Override public Layout visitFloat64(ScalarSchema s) { return ScalarLayout.of(s.kind()); }
    @Override public Layout visitString(ScalarSchema s) { return StringLayout.INSTANCE; }
    @Override public Layout visitBytes(ScalarSchema s) { return BytesLayout.INSTANCE; }
    @Override public Layout visitTimestamp(ScalarSchema s) { return TimestampLayout.INSTANCE; }
    @Override public Layout visitDuration(ScalarSchema s) { return DurationLayout.INSTANCE; }
    @Override public Layout visitEnum(EnumSchema s) { return enumLayout((EnumBinding) child); }
    @Override
    public Layout visitRecord(RecordSchema s) {
      RecordBinding<?> rb = (RecordBinding<?>) child;
      return isStruct(rb) ? struct(rb, path) : new RecordLayout(plan(rb));
    }
    @Override public Layout visitUnion(UnionSchema s) { return union((UnionBinding) child, path); }
    @Override public Layout visitList(ListSchema s) { return new ListLayout(layout(s.element(), child, path + "[]")); }

    @Override
    public Layout visitMap(MapSchema m) {
      return new MapLayout(m.key().kind(), layout(m.key(), null, path + "[key]"), layout(m.value(), child, path + "[]"));
    }

    @Override
    public Layout visitVector(VectorSchema v) {
      return new VectorLayout(v.element(), v.quantization());
    }
  }

  private UnionLayout union(UnionBinding binding, String path) {
    UnionLayout layout = unions.get(binding);
    if (layout != null) {
      return layout;
    }
    UnionSchema u = binding.schema();
    for (UnionSchema.Member m : u.members()) {
      if (m.tag() > FlatBuffersProvider.MAX_UNION_TAG) {
        throw new SchemaException(path + ": member " + u.name() + "." + m.name() + " has tag " + m.tag()
            + ", but a FlatBuffers union type is one byte: member tags must be 1 to " + FlatBuffersProvider.MAX_UNION_TAG);
      }
    }
    layout = new UnionLayout(binding);
    unions.put(binding, layout);
    TablePlan[] members = new TablePlan[u.members().size()];
    for (int i = 0; i < members.length; i++) {
      if (isStruct(binding.member(i))) {
        throw new SchemaException(path + ": member " + u.name() + "." + u.members().get(i).name()
            + " is a struct; unions of structs are not supported yet");
      }
      members[i] = plan(binding.member(i));
    }
    layout.init(members);
    return layout;
  }
}
