package io.polycodec.json;

import com.fasterxml.jackson.core.JsonFactory;
import io.polycodec.Limits;
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
 * Compiles a record binding and everything it reaches into {@link JsonValuePlan}s, once per codec. Record
 * plans are memoized per binding (by identity), so recursive schemas compile to cyclic plans.
 */
final class JsonPlanCompiler {
  final Limits limits;
  final JsonFactory factory;
  private final Map<RecordBinding<?>, JsonRecordPlan> records = new IdentityHashMap<>();

  JsonPlanCompiler(Limits limits, JsonFactory factory) {
    this.limits = limits;
    this.factory = factory;
  }

  JsonRecordPlan record(RecordBinding<?> b) {
    JsonRecordPlan p = records.get(b);
    if (p == null) {
      p = new JsonRecordPlan(b, limits);
      records.put(b, p);
      p.compileFields(this);
    }
    return p;
  }

  /** The plan of a value of {@code type}; {@code named} binds the record, enum or union inside it, if any. */
  JsonValuePlan plan(Schema type, TypeBinding named) {
    return type.accept(new Visitor(named));
  }

  private final class Visitor implements SchemaVisitor<JsonValuePlan> {
    private final TypeBinding named;

    Visitor(TypeBinding named) {
      this.named = named;
    }

    @Override public JsonValuePlan visitBool(ScalarSchema s) { return JsonScalarPlan.BOOL; }
    @Override public JsonValuePlan visitInt8(ScalarSchema s) { return JsonScalarPlan.INT8; }
    @Override public JsonValuePlan visitInt16(ScalarSchema s) { return JsonScalarPlan.INT16; }

    @Override
    public JsonValuePlan visitInt32(ScalarSchema s) {
      return s.encoding().isUnsigned() ? JsonScalarPlan.UINT32 : JsonScalarPlan.INT32;
    }

    @Override
    public JsonValuePlan visitInt64(ScalarSchema s) {
      return s.encoding().isUnsigned() ? JsonScalarPlan.UINT64 : JsonScalarPlan.INT64;
    }

    @Override public JsonValuePlan visitFloat32(ScalarSchema s) { return JsonScalarPlan.FLOAT32; }
    @Override public JsonValuePlan visitFloat64(ScalarSchema s) { return JsonScalarPlan.FLOAT64; }
    @Override public JsonValuePlan visitString(ScalarSchema s) { return new JsonScalarPlan.Text(limits); }
    @Override public JsonValuePlan visitBytes(ScalarSchema s) { return new JsonScalarPlan.Binary(limits); }
    @Override public JsonValuePlan visitTimestamp(ScalarSchema s) { return JsonScalarPlan.TIMESTAMP; }
    @Override public JsonValuePlan visitDuration(ScalarSchema s) { return JsonScalarPlan.DURATION; }
    @Override public JsonValuePlan visitEnum(EnumSchema s) { return new JsonEnumPlan((EnumBinding) named); }
    @Override public JsonValuePlan visitRecord(RecordSchema s) { return new JsonRecordRef(record((RecordBinding<?>) named)); }
    @Override public JsonValuePlan visitUnion(UnionSchema s) { return new JsonUnionPlan((UnionBinding) named, JsonPlanCompiler.this); }
    @Override public JsonValuePlan visitList(ListSchema s) { return new JsonListPlan(plan(s.element(), named), limits); }
    @Override public JsonValuePlan visitMap(MapSchema s) { return new JsonMapPlan(s.key(), plan(s.value(), named), limits); }
    @Override public JsonValuePlan visitVector(VectorSchema s) { return new JsonVectorPlan(s, limits); }
  }
}
