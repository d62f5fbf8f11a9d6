package io.polycodec.protobuf;

import io.polycodec.SchemaException;
import io.polycodec.bind.EnumBinding;
import io.polycodec.bind.RecordBinding;
import io.polycodec.bind.TypeBinding;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.schema.VectorSchema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a record binding, and every record and union it reaches, into {@link MessagePlan}s: one plan
 * per binding (memoized by identity, so recursive schemas terminate), each an array of field codecs
 * chosen by the DESIGN mapping. Runs once per codec; nothing here runs per call.
 */
final class PlanCompiler {
  private final Map<RecordBinding<?>, MessagePlan> plans = new IdentityHashMap<>();
  private final Map<UnionBinding, UnionValue> unions = new IdentityHashMap<>();
  private final WireLayout layout;

  private PlanCompiler(WireLayout layout) {
    this.layout = layout;
  }

  /**
   * The plan of {@code root}.
   *
   * @throws SchemaException if a field cannot be put on the protobuf wire, naming it
   */
  static MessagePlan compile(RecordBinding<?> root, WireLayout layout) {
    return new PlanCompiler(layout).plan(root);
  }

  private MessagePlan plan(RecordBinding<?> binding) {
    MessagePlan existing = plans.get(binding);
    if (existing != null) {
      return existing;
    }
    MessagePlan plan = new MessagePlan(binding);
    plans.put(binding, plan);
    RecordSchema schema = binding.schema();
    FieldCodec[] fields = new FieldCodec[schema.size()];
    for (int i = 0; i < fields.length; i++) {
      Field f = schema.field(i);
      if (f.tag() > MAX_FIELD_NUMBER || (f.tag() >= 19000 && f.tag() <= 19999)) {
        throw new SchemaException(schema.name() + "." + f.name() + ": tag " + f.tag()
            + " is not a valid protobuf field number (1 to 536870911, except 19000 to 19999)");
      }
      fields[i] = field(binding, i, f);
    }
    linkOneofs(schema, fields);
    plan.init(fields);
    return plan;
  }

  /** Protobuf's largest field number, 2^29 - 1. */
  static final int MAX_FIELD_NUMBER = (1 << 29) - 1;

  private FieldCodec field(RecordBinding<?> binding, int index, Field f) {
    Schema type = f.type();
    TypeBinding child = binding.child(index);
    String record = binding.schema().name();
    boolean delimited = layout.isDelimited(record, f.tag());
    if (delimited && SchemaGraph.namedPart(type) != null && !(SchemaGraph.namedPart(type) instanceof RecordSchema)
        || delimited && type.kind() == Kind.MAP) {
      throw new SchemaException(record + "." + f.name() + ": only record fields and lists of records can be groups");
    }
    switch (type.kind()) {
      case LIST:
        return new ListField(binding, index, value(((ListSchema) type).element(), child, delimited, f.tag()),
            !layout.isUnpacked(record, f.tag()));
      case MAP: {
        MapSchema m = (MapSchema) type;
        return new MapField(binding, index, new ScalarValue(ScalarType.of(m.key())),
            value(m.value(), child, false, 2));
      }
      case VECTOR:
        return new VectorField(binding, index, (VectorSchema) type);
      default:
        if (type.kind().isPrimitive() && !f.optional()) {
          return new PrimitiveField(binding, index, ScalarType.of((ScalarSchema) type));
        }
        return new ValueField(binding, index, value(type, child, delimited, f.tag()), f.optional());
    }
  }

  private ValueCodec value(Schema type, TypeBinding child, boolean delimited, int fieldNumber) {
    switch (type.kind()) {
      case TIMESTAMP:
        return TimestampValue.INSTANCE;
      case ENUM:
        return new EnumValue((EnumBinding) child);
      case RECORD: {
        MessagePlan p = plan((RecordBinding<?>) child);
        return delimited ? new GroupValue(p, fieldNumber) : new MessageValue(p);
      }
      case UNION:
        return union((UnionBinding) child);
      default:
        return new ScalarValue(ScalarType.of((ScalarSchema) type));
    }
  }

  private UnionValue union(UnionBinding binding) {
    UnionValue existing = unions.get(binding);
    if (existing != null) {
      return existing;
    }
    int n = binding.schema().members().size();
    MessagePlan[] members = new MessagePlan[n];
    UnionValue u = new UnionValue(binding, members);
    unions.put(binding, u);
    for (int i = 0; i < n; i++) {
      int tag = binding.schema().members().get(i).tag();
      if (tag > MAX_FIELD_NUMBER || (tag >= 19000 && tag <= 19999)) {
        throw new SchemaException(binding.schema().name() + ": member tag " + tag + " is not a valid protobuf field number");
      }
      members[i] = plan(binding.member(i));
    }
    return u;
  }

  private static void linkOneofs(RecordSchema schema, FieldCodec[] fields) {
    for (int i = 0; i < fields.length; i++) {
      String group = schema.field(i).oneof();
      if (group == null) {
        continue;
      }
      List<Integer> siblings = new ArrayList<>();
      for (int j = 0; j < fields.length; j++) {
        if (j != i && group.equals(schema.field(j).oneof())) {
          siblings.add(j);
        }
      }
      fields[i].oneofSiblings = siblings.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
