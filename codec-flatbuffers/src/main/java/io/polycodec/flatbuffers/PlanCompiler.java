package io.polycodec.flatbuffers;

import io.polycodec.SchemaException;
import io.polycodec.bind.EnumBinding;
import io.polycodec.bind.RecordBinding;
import io.polycodec.bind.TypeBinding;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
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
      if (f.tag() > FlatBuffersFormat.MAX_TAG) {
        throw new SchemaException(s.name() + "." + f.name() + ": tag " + f.tag() + " would need a vtable of "
            + (4 + 2 * f.tag()) + " bytes in every " + s.name() + " table; FlatBuffers tags are limited to "
            + FlatBuffersFormat.MAX_TAG);
      }
      layouts[i] = layout(f.type(), binding.child(i), s.name() + "." + f.name());
    }
    plan.init(layouts);
    return plan;
  }

  private Layout layout(Schema type, TypeBinding child, String path) {
    switch (type.kind()) {
      case BOOL:
      case INT32:
      case INT64:
      case FLOAT32:
      case FLOAT64:
        return ScalarLayout.of(type.kind());
      case STRING:
        return StringLayout.INSTANCE;
      case BYTES:
        return BytesLayout.INSTANCE;
      case TIMESTAMP:
        return TimestampLayout.INSTANCE;
      case ENUM:
        return new EnumLayout((EnumBinding) child);
      case RECORD:
        return new RecordLayout(plan((RecordBinding<?>) child));
      case UNION:
        return union((UnionBinding) child, path);
      case LIST:
        return new ListLayout(layout(((ListSchema) type).element(), child, path + "[]"));
      case MAP: {
        MapSchema m = (MapSchema) type;
        return new MapLayout(m.key().kind(), layout(m.key(), null, path + "[key]"), layout(m.value(), child, path + "[]"));
      }
      case VECTOR: {
        VectorSchema v = (VectorSchema) type;
        return new VectorLayout(v.element(), v.quantization());
      }
      default:
        throw new SchemaException(path + ": " + type.describe() + " has no FlatBuffers layout");
    }
  }

  private UnionLayout union(UnionBinding binding, String path) {
    UnionLayout layout = unions.get(binding);
    if (layout != null) {
      return layout;
    }
    UnionSchema u = binding.schema();
    for (UnionSchema.Member m : u.members()) {
      if (m.tag() > FlatBuffersFormat.MAX_UNION_TAG) {
        throw new SchemaException(path + ": member " + u.name() + "." + m.name() + " has tag " + m.tag()
            + ", but a FlatBuffers union type is one byte: member tags must be 1 to " + FlatBuffersFormat.MAX_UNION_TAG);
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
