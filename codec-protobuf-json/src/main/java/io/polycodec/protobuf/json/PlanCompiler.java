package io.polycodec.protobuf.json;

import io.polycodec.bind.EnumBinding;
import io.polycodec.bind.RecordBinding;
import io.polycodec.bind.TypeBinding;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.EnumSchema;
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
 * Compiles a record binding and everything it reaches into {@link ValuePlan}s, once per codec, through
 * the model's {@link SchemaVisitor} (a kind added to the model stops this from compiling until it says
 * how protobuf JSON writes it). Record plans are memoized per binding, so recursive schemas terminate.
 */
final class PlanCompiler {
  final Settings settings;
  private final Map<RecordBinding<?>, RecordPlan> records = new IdentityHashMap<>();

  PlanCompiler(Settings settings) {
    this.settings = settings;
  }

  RecordPlan record(RecordBinding<?> b) {
    RecordPlan p = records.get(b);
    if (p == null) {
      p = new RecordPlan(b, settings);
      records.put(b, p);
      p.compileFields(this);
    }
    return p;
  }

  /** The plan of a value of {@code type}; {@code named} binds the record, enum or union inside it, if any. */
  ValuePlan plan(Schema type, TypeBinding named) {
    return type.accept(new Visitor(named));
  }

  private final class Visitor implements SchemaVisitor<ValuePlan> {
    private final TypeBinding named;

    Visitor(TypeBinding named) {
      this.named = named;
    }

    @Override public ValuePlan visitBool(ScalarSchema s) { return ScalarPlan.BOOL; }
    @Override public ValuePlan visitInt8(ScalarSchema s) { return ScalarPlan.INT8; }
    @Override public ValuePlan visitInt16(ScalarSchema s) { return ScalarPlan.INT16; }

    @Override
    public ValuePlan visitInt32(ScalarSchema s) {
      return s.encoding().isUnsigned() ? ScalarPlan.UINT32 : ScalarPlan.INT32;
    }

    @Override
    public ValuePlan visitInt64(ScalarSchema s) {
      return s.encoding().isUnsigned() ? ScalarPlan.UINT64 : ScalarPlan.INT64;
    }

    @Override public ValuePlan visitFloat32(ScalarSchema s) { return ScalarPlan.FLOAT32; }
    @Override public ValuePlan visitFloat64(ScalarSchema s) { return ScalarPlan.FLOAT64; }
    @Override public ValuePlan visitString(ScalarSchema s) { return new ScalarPlan.Text(settings.limits); }
    @Override public ValuePlan visitBytes(ScalarSchema s) { return new ScalarPlan.Binary(settings.limits); }
    @Override public ValuePlan visitTimestamp(ScalarSchema s) { return ScalarPlan.TIMESTAMP; }
    @Override public ValuePlan visitEnum(EnumSchema s) { return new EnumPlan((EnumBinding) named, settings); }
    @Override public ValuePlan visitList(ListSchema s) { return new ListPlan(plan(s.element(), named), settings.limits); }
    @Override public ValuePlan visitMap(MapSchema s) { return new MapPlan(s.key(), plan(s.value(), named), settings.limits); }
    @Override public ValuePlan visitVector(VectorSchema s) { return new VectorPlan(s, settings.limits); }

    @Override
    public ValuePlan visitRecord(RecordSchema s) {
      RecordBinding<?> b = (RecordBinding<?>) named;
      WellKnown w = WellKnown.of(b, PlanCompiler.this);
      return w != null ? w : new MessagePlan(record(b));
    }

    @Override public ValuePlan visitUnion(UnionSchema s) { return new UnionPlan((UnionBinding) named, PlanCompiler.this); }
  }
}
