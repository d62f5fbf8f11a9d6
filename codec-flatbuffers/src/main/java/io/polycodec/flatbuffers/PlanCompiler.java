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
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Compiles a record binding and everything it reaches into {@link TablePlan}s and {@link Layout}s, once
 * per codec. Plans and union layouts are memoized by binding identity, so recursive schemas compile to
 * cyclic plans instead of recursing forever.
 */
final class PlanCompiler {
  private final Map<RecordBinding<?>, TablePlan> plans = new IdentityHashMap<>();
  private final Map<UnionBinding, UnionLayout> unions = new IdentityHashMap<>();

  static TablePlan compile(RecordBinding<?> root) {
    return new PlanCompiler().plan(root);
  }

  private TablePlan plan(RecordBinding<?> binding) {
    TablePlan plan = plans.get(binding);
    if (plan != null) {
      return plan;
    }
    plan = new TablePlan(binding);
    plans.put(binding, plan);
    RecordSchema s = binding.schema();
    Layout[] layouts = new Layout[s.size()];
    for (int i = 0; i < layouts.length; i++) {
      Field f = s.field(i);
      if (f.tag() > FlatBuffersProvider.MAX_TAG) {
        throw new SchemaException(s.name() + "." + f.name() + ": tag " + f.tag() + " would need a vtable of "
            + (4 + 2 * f.tag()) + " bytes in every " + s.name() + " table; FlatBuffers tags are limited to "
            + FlatBuffersProvider.MAX_TAG);
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
    @Override public Layout visitEnum(EnumSchema s) { return new EnumLayout((EnumBinding) child); }
    @Override public Layout visitRecord(RecordSchema s) { return new RecordLayout(plan((RecordBinding<?>) child)); }
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
      members[i] = plan(binding.member(i));
    }
    layout.init(members);
    return layout;
  }
}
