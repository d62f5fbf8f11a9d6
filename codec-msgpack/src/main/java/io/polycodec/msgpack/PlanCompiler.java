package io.polycodec.msgpack;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a record binding and everything it reaches into {@link TypePlan}s, once per codec. Record
 * plans are memoized per binding (by identity), so recursive schemas compile to cyclic plans.
 */
final class PlanCompiler {
  private final boolean byName;
  private final MsgpackVectors vectors;
  private final Map<RecordBinding<?>, RecordPlan> records = new IdentityHashMap<>();

  PlanCompiler(MsgpackKeys keys, MsgpackVectors vectors) {
    this.byName = keys == MsgpackKeys.NAMES;
    this.vectors = vectors;
  }

  RecordPlan record(RecordBinding<?> b) {
    RecordPlan plan = records.get(b);
    if (plan != null) {
      return plan;
    }
    plan = new RecordPlan(b, byName);
    records.put(b, plan);
    RecordSchema s = b.schema();
    int n = s.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Fields are map keys too: ascending like every map, so a record re-encoded schema-less is identical.
    Arrays.sort(order, byName
        ? Comparator.comparing(i -> s.field(i).name())
        : Comparator.comparingInt(i -> s.field(i).tag()));
    int[] fieldByWire = new int[n];
    String[] names = new String[n];
    byte[][] keys = new byte[n][];
    byte[] writeCodes = new byte[n];
    byte[] readCodes = new byte[n];
    TypePlan[] plans = new TypePlan[n];
    int[][] oneofs = new int[n][];
    int[] tags = new int[n];
    for (int j = 0; j < n; j++) {
      int i = order[j];
      Field f = s.field(i);
      fieldByWire[j] = i;
      names[j] = f.name();
      tags[j] = f.tag();
      keys[j] = byName ? Packing.string(f.name()) : Packing.integer(f.tag());
      readCodes[j] = primitiveCode(f.type());
      writeCodes[j] = f.optional() ? RecordPlan.REF : readCodes[j];
      plans[j] = plan(f.type(), b.child(i));
      oneofs[j] = oneofOthers(s, i);
    }
    plan.init(fieldByWire, names, keys, writeCodes, readCodes, plans, oneofs, tags);
    return plan;
  }

  private static byte primitiveCode(Schema type) {
    boolean unsigned = type instanceof ScalarSchema && ((ScalarSchema) type).encoding().isUnsigned();
    // A switch expression names every kind, so a new kind must decide whether it is stored inline.
    return switch (type.kind()) {
      case BOOL -> RecordPlan.BOOL;
      case INT8 -> RecordPlan.INT8;
      case INT16 -> RecordPlan.INT16;
      case INT32 -> unsigned ? RecordPlan.UINT32 : RecordPlan.INT32;
      case INT64 -> unsigned ? RecordPlan.UINT64 : RecordPlan.INT64;
      case FLOAT32 -> RecordPlan.FLOAT32;
      case FLOAT64 -> RecordPlan.FLOAT64;
      case STRING, BYTES, TIMESTAMP, DURATION, ENUM, LIST, VECTOR, MAP, RECORD, UNION -> RecordPlan.REF;
    };
  }

  private static int[] oneofOthers(RecordSchema s, int i) {
    String group = s.field(i).oneof();
    if (group == null) {
      return null;
    }
    List<Integer> others = new ArrayList<>();
    for (int k = 0; k < s.size(); k++) {
      if (k != i && group.equals(s.field(k).oneof())) {
        others.add(k);
      }
    }
    return others.stream().mapToInt(Integer::intValue).toArray();
  }

  TypePlan plan(Schema type, TypeBinding child) {
    return type.accept(new Visitor(child));
  }

  /** The plan of each kind; {@code child} is the binding of the named type inside the node, if any. */
  private final class Visitor implements SchemaVisitor<TypePlan> {
    private final TypeBinding child;

    Visitor(TypeBinding child) {
      this.child = child;
    }

    @Override public TypePlan visitBool(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitInt8(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitInt16(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitInt32(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitInt64(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitFloat32(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitFloat64(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitString(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitBytes(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitTimestamp(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitDuration(ScalarSchema s) { return ScalarPlan.of(s); }
    @Override public TypePlan visitEnum(EnumSchema s) { return new EnumPlan((EnumBinding) child, byName); }
    @Override public TypePlan visitRecord(RecordSchema s) { return record((RecordBinding<?>) child); }
    @Override public TypePlan visitUnion(UnionSchema s) { return new UnionPlan((UnionBinding) child, byName, PlanCompiler.this); }
    @Override public TypePlan visitList(ListSchema s) { return new ListPlan(plan(s.element(), child)); }
    @Override public TypePlan visitMap(MapSchema s) { return new MapPlan(ScalarPlan.of(s.key()), plan(s.value(), child)); }
    @Override public TypePlan visitVector(VectorSchema s) { return new VectorPlan(s, vectors); }
  }
}
