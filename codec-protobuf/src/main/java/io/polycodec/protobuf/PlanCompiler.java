package io.polycodec.protobuf;

import io.polycodec.SchemaException;
import io.polycodec.bind.EnumBinding;
import io.polycodec.bind.RecordBinding;
import io.polycodec.bind.TypeBinding;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.schema.SchemaVisitor;
import io.polycodec.schema.UnionSchema;
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
    return compile(root, layout, SPIN);
  }

  /**
   * Whether encoders are spun ({@link BodyCompiler}); off with {@code -Dio.polycodec.protobuf.spin=false}.
   * Kept here, not in BodyCompiler, so that reading it never loads ASM.
   */
  static final boolean SPIN = !"false".equals(System.getProperty("io.polycodec.protobuf.spin"));

  /** As {@link #compile(RecordBinding, WireLayout)}; {@code spin} false keeps every plan interpreted (tests compare the two). */
  static MessagePlan compile(RecordBinding<?> root, WireLayout layout, boolean spin) {
    PlanCompiler compiler = new PlanCompiler(layout);
    MessagePlan plan = compiler.plan(root);
    if (spin) {
      int spun = 0;
      for (MessagePlan p : compiler.plans.values()) {
        p.compileBody();
        spun += p.isCompiled() ? 1 : 0;
      }
      plan.spunInGraph = spun;
    }
    return plan;
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

  /** The bits of {@code f}'s own default as the slots and primitive getters hold them; 0 without one. */
  private static long defaultBits(Field f) {
    if (!f.hasDefault()) {
      return 0;
    }
    Object d = f.defaultValue();
    if (d instanceof Boolean) {
      return (Boolean) d ? 1 : 0;
    }
    if (d instanceof Float) {
      return Float.floatToRawIntBits((Float) d);
    }
    if (d instanceof Double) {
      return Double.doubleToRawLongBits((Double) d);
    }
    return ((Number) d).longValue();
  }

  /** Protobuf's largest field number, 2^29 - 1. */
  static final int MAX_FIELD_NUMBER = (1 << 29) - 1;

  private FieldCodec field(RecordBinding<?> binding, int index, Field f) {
    Schema type = f.type();
    String record = binding.schema().name();
    boolean delimited = layout.isDelimited(record, f.tag());
    if (delimited && SchemaGraph.namedPart(type) != null && !(SchemaGraph.namedPart(type) instanceof RecordSchema)
        || delimited && type.kind() == Kind.MAP) {
      throw new SchemaException(record + "." + f.name() + ": only record fields and lists of records can be groups");
    }
    return type.accept(new FieldCompiler(binding, index, f, delimited));
  }

  /**
   * How a field of each kind is written: primitives inline unless optional, collections as repeated or
   * packed fields, everything else as one value behind a tag.
   */
  private final class FieldCompiler implements SchemaVisitor<FieldCodec> {
    private final RecordBinding<?> binding;
    private final int index;
    private final Field field;
    private final boolean delimited;

    FieldCompiler(RecordBinding<?> binding, int index, Field field, boolean delimited) {
      this.binding = binding;
      this.index = index;
      this.field = field;
      this.delimited = delimited;
    }

    /**
     * Whether the field is written whenever it has a value: optional fields (explicit presence) and
     * required ones (protobuf-java refuses a message lacking a required field, even one whose value
     * would be zero). Other fields are left out when equal to their default, their own (proto2
     * {@code [default = …]}, which a reader gives back for an absent field) or their kind's zero; so an
     * imported proto2 message re-encodes byte for byte.
     */
    private boolean explicit() {
      return field.optional() || field.required();
    }

    private FieldCodec primitive(ScalarSchema s) {
      return explicit() ? single(s) : new PrimitiveField(binding, index, ScalarType.of(s), defaultBits(field));
    }

    private FieldCodec single(Schema s) {
      return new ValueField(binding, index, value(s, binding.child(index), delimited, field.tag()), explicit(),
          field.hasDefault() ? field.defaultValue() : null);
    }

    @Override public FieldCodec visitBool(ScalarSchema s) { return primitive(s); }
    @Override public FieldCodec visitInt8(ScalarSchema s) { return primitive(s); }
    @Override public FieldCodec visitInt16(ScalarSchema s) { return primitive(s); }
    @Override public FieldCodec visitInt32(ScalarSchema s) { return primitive(s); }
    @Override public FieldCodec visitInt64(ScalarSchema s) { return primitive(s); }
    @Override public FieldCodec visitFloat32(ScalarSchema s) { return primitive(s); }
    @Override public FieldCodec visitFloat64(ScalarSchema s) { return primitive(s); }
    @Override public FieldCodec visitString(ScalarSchema s) { return single(s); }
    @Override public FieldCodec visitBytes(ScalarSchema s) { return single(s); }
    @Override public FieldCodec visitTimestamp(ScalarSchema s) { return single(s); }
    @Override public FieldCodec visitDuration(ScalarSchema s) { return single(s); }
    @Override public FieldCodec visitEnum(EnumSchema s) { return single(s); }
    @Override public FieldCodec visitRecord(RecordSchema s) { return single(s); }
    @Override public FieldCodec visitUnion(UnionSchema s) { return single(s); }

    @Override
    public FieldCodec visitList(ListSchema s) {
      String record = binding.schema().name();
      return new ListField(binding, index, value(s.element(), binding.child(index), delimited, field.tag()),
          !layout.isUnpacked(record, field.tag()));
    }

    @Override
    public FieldCodec visitMap(MapSchema s) {
      return new MapField(binding, index, new ScalarValue(ScalarType.of(s.key())),
          value(s.value(), binding.child(index), false, 2));
    }

    @Override
    public FieldCodec visitVector(VectorSchema s) {
      return new VectorField(binding, index, s);
    }
  }

  private ValueCodec value(Schema type, TypeBinding child, boolean delimited, int fieldNumber) {
    return type.accept(new ValueCompiler(child, delimited, fieldNumber));
  }

  /** How one value (a field's, a list element, a map value) of each kind is written behind its tag. */
  private final class ValueCompiler implements SchemaVisitor<ValueCodec> {
    private final TypeBinding child;
    private final boolean delimited;
    private final int fieldNumber;

    ValueCompiler(TypeBinding child, boolean delimited, int fieldNumber) {
      this.child = child;
      this.delimited = delimited;
      this.fieldNumber = fieldNumber;
    }

    private static ValueCodec scalar(ScalarSchema s) {
      return new ScalarValue(ScalarType.of(s));
    }

    @Override public ValueCodec visitBool(ScalarSchema s) { return scalar(s); }
    @Override public ValueCodec visitInt8(ScalarSchema s) { return scalar(s); }
    @Override public ValueCodec visitInt16(ScalarSchema s) { return scalar(s); }
    @Override public ValueCodec visitInt32(ScalarSchema s) { return scalar(s); }
    @Override public ValueCodec visitInt64(ScalarSchema s) { return scalar(s); }
    @Override public ValueCodec visitFloat32(ScalarSchema s) { return scalar(s); }
    @Override public ValueCodec visitFloat64(ScalarSchema s) { return scalar(s); }
    @Override public ValueCodec visitString(ScalarSchema s) { return scalar(s); }
    @Override public ValueCodec visitBytes(ScalarSchema s) { return scalar(s); }
    @Override public ValueCodec visitTimestamp(ScalarSchema s) { return TimestampValue.INSTANCE; }
    @Override public ValueCodec visitDuration(ScalarSchema s) { return DurationValue.INSTANCE; }
    @Override public ValueCodec visitEnum(EnumSchema s) { return new EnumValue((EnumBinding) child); }

    @Override
    public ValueCodec visitRecord(RecordSchema s) {
      MessagePlan p = plan((RecordBinding<?>) child);
      return delimited ? new GroupValue(p, fieldNumber) : new MessageValue(p);
    }

    @Override
    public ValueCodec visitUnion(UnionSchema s) {
      return union((UnionBinding) child);
    }

    // The model has no collection of collections (Schema.list and Schema.map reject them).
    @Override public ValueCodec visitList(ListSchema s) { throw nested(s); }
    @Override public ValueCodec visitMap(MapSchema s) { throw nested(s); }
    @Override public ValueCodec visitVector(VectorSchema s) { throw nested(s); }

    private IllegalStateException nested(Schema s) {
      return new IllegalStateException(s.describe() + " inside a collection: the model does not allow it");
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
      // A string member is a string field of the oneof (no plan: UnionValue writes it).
      members[i] = binding.schema().members().get(i).isString() ? null : plan(binding.member(i));
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
