package io.polycodec.flatbuffers;

import com.google.flatbuffers.reflection.BaseType;
import com.google.flatbuffers.reflection.EnumVal;
import io.polycodec.CodecOptions;
import io.polycodec.GenericRecord;
import io.polycodec.SchemaException;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads a FlatBuffers schema in flatc's binary form ({@code .bfbs}, written by
 * {@code flatc -b --schema --bfbs-builtins file.fbs}; without {@code --bfbs-builtins} flatc leaves out
 * attributes such as {@code bit_flags}, so such enums would not be recognised) into a {@link RecordSchema} and the
 * {@link FlatLayout} that makes a {@link FlatBuffersCodec} read and write exactly the bytes flatc does:
 * tables become records (field tags such that {@link io.polycodec.schema.FlatBuffersFieldIds} gives back
 * flatc's ids: id + 1 less the number of union {@code _type} slots below), structs become records laid out as structs (with
 * {@code force_align} and fixed-size arrays), enums keep their underlying type, unions become
 * {@link UnionSchema}s laid out inline (the {@code _type} field is implied; vectors of unions too), {@code = null} scalars and
 * {@code bit_flags} enums become enums whose constants are the single flags (combinations are
 * {@link io.polycodec.GenericEnum#unknown} numbers, kept and written back; the export writes
 * {@code (bit_flags)} again), strings, bytes, structs, tables and unions that are not {@code (required)} become optional fields (flatc may
 * leave them out, and absent is not the same as empty), scalar and enum defaults ({@code = 1234},
 * {@code = nan}, {@code = -inf}, {@code = None}) become the field's {@link Field#defaultValue() default},
 * {@code (required)} strings, bytes, structs, tables, unions and vectors become {@link Field#required() required},
 * {@code bit_flags} enums keep the attribute in the layout ({@link FlatLayout#isBitFlags}), and a field of
 * one without a default gets the number 0 ("no flags", which no constant has) as its default, {@code deprecated} stays deprecated, {@code [ubyte]} becomes bytes, {@code ubyte} and
 * {@code ushort} stay unsigned in the export, and the {@code file_identifier} is written and checked.
 *
 * <p>What the model cannot express yet is refused with a {@link SchemaException} that lists every such
 * construct at once (with its table and field): unions whose members are structs or strings or repeat a
 * table, 64-bit offsets. Enum numbers are {@code long}s, so {@code ulong} values such as {@code 1 << 40} import.
 * Reading uses flatbuffers-java's {@code com.google.flatbuffers.reflection} classes.
 */
public final class FbsImport {
  private final com.google.flatbuffers.reflection.Schema bfbs;
  private final RecordSchema.Builder[] builders;
  private final RecordSchema[] records;
  private final EnumSchema[] enums;
  private final UnionSchema[] unions;
  private final FlatLayout.Builder layout = FlatLayout.builder();
  private final List<String> unsupported = new ArrayList<>();
  private final java.util.Set<String> bitFlags = new java.util.HashSet<>();

  private FbsImport(com.google.flatbuffers.reflection.Schema bfbs) {
    this.bfbs = bfbs;
    this.builders = new RecordSchema.Builder[bfbs.objectsLength()];
    this.records = new RecordSchema[builders.length];
    this.enums = new EnumSchema[bfbs.enumsLength()];
    this.unions = new UnionSchema[enums.length];
  }

  /** A schema imported from a {@code .bfbs}: the root record, its layout, and codecs for it. Immutable. */
  public static final class Imported {
    private final RecordSchema schema;
    private final FlatLayout layout;

    Imported(RecordSchema schema, FlatLayout layout) {
      this.schema = schema;
      this.layout = layout;
    }

    /** The root table as a record schema. */
    public RecordSchema schema() {
      return schema;
    }

    /** The layout choices the {@code .bfbs} makes (structs, arrays, enum types, inline unions, identifier). */
    public FlatLayout layout() {
      return layout;
    }

    /** Default options with {@link FlatBuffersOptions#LAYOUT} set to {@link #layout()}. */
    public CodecOptions options() {
      return CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT, layout);
    }

    /** A FlatBuffers codec of {@link GenericRecord}s that reads and writes what flatc does for this schema. */
    public FlatBuffersCodec<GenericRecord> codec() {
      return FlatBuffersCodec.of(RecordBinding.generic(schema), options());
    }

    /** The {@code .fbs} of the imported schema, as {@link FbsExport} writes it with the layout. */
    public String fbs() {
      return FbsExport.render(schema, layout);
    }

    @Override
    public String toString() {
      return "FbsImport.Imported[" + schema.name() + "]";
    }
  }

  /**
   * The {@code root_type} of the binary schema {@code bfbs}.
   *
   * @throws SchemaException if the bytes are not a binary schema, it has no root type, or it uses
   *     constructs the model cannot express (all of them listed)
   */
  public static Imported read(byte[] bfbs) {
    return read(bfbs, null);
  }

  /**
   * The table named {@code table} (fully qualified, {@code MyGame.Example.Monster}) of the binary schema
   * {@code bfbs}, or its {@code root_type} when {@code table} is null. The {@code file_identifier} is
   * taken only when the root type is imported.
   *
   * @throws SchemaException if the bytes are not a binary schema, there is no such table, or it reaches
   *     constructs the model cannot express (all of them listed)
   */
  public static Imported read(byte[] bfbs, String table) {
    Objects.requireNonNull(bfbs, "bfbs");
    com.google.flatbuffers.reflection.Schema s;
    int rootIndex;
    ByteBuffer bb = ByteBuffer.wrap(bfbs);
    try {
      if (bfbs.length < 8 || !com.google.flatbuffers.reflection.Schema.SchemaBufferHasIdentifier(bb)) {
        throw new SchemaException("not a FlatBuffers binary schema (.bfbs): no \"BFBS\" file identifier");
      }
      s = com.google.flatbuffers.reflection.Schema.getRootAsSchema(bb);
      rootIndex = -1;
      String wanted = table;
      if (wanted == null) {
        if (s.rootTable() == null) {
          throw new SchemaException("the binary schema has no root_type; name the table to import");
        }
        wanted = s.rootTable().name();
      }
      for (int i = 0; i < s.objectsLength(); i++) {
        if (s.objects(i).name().equals(wanted)) {
          rootIndex = i;
        }
      }
      if (rootIndex < 0 || s.objects(rootIndex).isStruct()) {
        throw new SchemaException("the binary schema has no table " + wanted);
      }
      FbsImport im = new FbsImport(s);
      RecordSchema root = im.run(rootIndex);
      if (table == null || (s.rootTable() != null && s.rootTable().name().equals(table))) {
        String id = s.fileIdent();
        if (id != null && !id.isEmpty()) {
          im.layout.fileIdentifier(id);
        }
      }
      return new Imported(root, im.layout.build());
    } catch (SchemaException e) {
      throw e;
    } catch (RuntimeException e) {
      // Malformed bytes make flatbuffers-java's generated accessors throw anything (IndexOutOfBounds…).
      throw new SchemaException("not a readable FlatBuffers binary schema (.bfbs): " + e, e);
    }
  }

  private RecordSchema run(int root) {
    record(root);
    if (!unsupported.isEmpty()) {
      throw new SchemaException("the FlatBuffers schema uses what Polycodec cannot express yet: "
          + String.join("; ", unsupported.stream().distinct().toList()));
    }
    for (int i = 0; i < builders.length; i++) {
      if (builders[i] != null && records[i] == null) {
        records[i] = builders[i].build();
      }
    }
    return records[root];
  }

  /** The record of object {@code index}, its builder created (fields added) on first use. */
  private RecordSchema record(int index) {
    if (builders[index] != null) {
      return builders[index].ref();
    }
    com.google.flatbuffers.reflection.Object o = bfbs.objects(index);
    RecordSchema.Builder b = RecordSchema.builder(o.name());
    builders[index] = b;
    List<com.google.flatbuffers.reflection.Field> fields = new ArrayList<>();
    for (int i = 0; i < o.fieldsLength(); i++) {
      fields.add(o.fields(i));
    }
    if (o.isStruct()) {
      int align = o.minalign();
      int natural = 1;
      fields.sort(Comparator.comparingInt(com.google.flatbuffers.reflection.Field::offset));
      int tag = 1;
      for (com.google.flatbuffers.reflection.Field f : fields) {
        natural = Math.max(natural, naturalAlign(f.type()));
        String where = o.name() + "." + f.name();
        com.google.flatbuffers.reflection.Type t = f.type();
        Schema type;
        if (t.baseType() == BaseType.Array) {
          type = Schema.list(scalarOrNamed(t.element(), t.index(), where, o.name(), f.name()));
          layout.array(o.name(), f.name(), t.fixedLength());
        } else {
          type = scalarOrNamed(t.baseType(), t.index(), where, o.name(), f.name());
        }
        if (type != null) {
          b.field(Field.of(f.name(), tag++, type));
        }
      }
      layout.struct(o.name(), align > natural ? align : 0);
      return b.ref();
    }
    fields.sort(Comparator.comparingInt(com.google.flatbuffers.reflection.Field::id));
    // Tags that give back flatc's ids under FlatBuffersFieldIds: every _type slot below a field (its own
    // included, for a union) is an id without a tag of its own.
    int typeSlotsBelow = 0;
    for (com.google.flatbuffers.reflection.Field f : fields) {
      com.google.flatbuffers.reflection.Type t = f.type();
      String where = o.name() + "." + f.name();
      if (t.baseType() == BaseType.UType || t.baseType() == BaseType.Vector && t.element() == BaseType.UType) {
        typeSlotsBelow++;
        continue; // the type byte (or type vector) of the union field that follows it
      }
      int tag = f.id() + 1 - typeSlotsBelow;
      if (f.offset64() || t.baseType() == BaseType.Vector64) {
        unsupported.add(where + ": 64-bit offsets");
        continue;
      }
      Schema type;
      switch (t.baseType()) {
        case BaseType.Union:
          type = union(t.index(), where);
          break;
        case BaseType.Vector:
          if (t.element() == BaseType.UByte && t.index() < 0) {
            type = Schema.bytes();
          } else if (t.element() == BaseType.Union) {
            UnionSchema u = union(t.index(), where);
            type = u == null ? null : Schema.list(u);
          } else {
            Schema e = scalarOrNamed(t.element(), t.index(), where, o.name(), f.name());
            type = e == null ? null : Schema.list(e);
          }
          break;
        default:
          type = scalarOrNamed(t.baseType(), t.index(), where, o.name(), f.name());
      }
      if (type == null) {
        continue;
      }
      // flatc's tables may leave strings, structs, tables and unions out (absent is not "" or zeros) unless
      // they are required; scalars are optional only when declared "= null".
      io.polycodec.schema.Kind k = type.kind();
      boolean mayBeAbsent = k == io.polycodec.schema.Kind.STRING || k == io.polycodec.schema.Kind.RECORD
          || k == io.polycodec.schema.Kind.UNION || k == io.polycodec.schema.Kind.BYTES ? !f.required() : f.optional();
      if (k == io.polycodec.schema.Kind.LIST) {
        mayBeAbsent = false; // lists cannot be optional in the model: an empty one is left out, absent reads as empty
      }
      Field field = mayBeAbsent ? Field.optional(f.name(), tag, type) : Field.of(f.name(), tag, type);
      if (isScalarBase(t.baseType()) && !f.optional()) {
        field = withFlatcDefault(field, f, where);
      }
      if (f.required() && !mayBeAbsent) {
        field = field.withRequired(true); // [T] (required) too: a buffer without it is refused, an empty one written
      }
      if (f.deprecated()) {
        field = field.withDeprecated(true);
      }
      if (f.key()) {
        layout.key(o.name(), f.name());
      }
      if (tag > FlatBuffersProvider.MAX_TAG) {
        unsupported.add(where + ": id " + f.id() + " would need tag " + tag + ", above " + FlatBuffersProvider.MAX_TAG);
        continue;
      }
      b.field(field);
    }
    return b.ref();
  }

  private static boolean isScalarBase(byte base) {
    return base >= BaseType.Bool && base <= BaseType.Double;
  }

  /**
   * {@code field} with flatc's default for it ({@code = 1234}, {@code = nan}, {@code = -inf}, an enum constant
   * by number); a zero default (all bits zero) stays the kind's zero, which is what the model reads then.
   */
  private Field withFlatcDefault(Field field, com.google.flatbuffers.reflection.Field f, String where) {
    Schema type = field.type();
    long n = f.defaultInteger();
    Object value;
    switch (type.kind()) {
      case ENUM: {
        EnumSchema e = (EnumSchema) type;
        EnumSchema.Constant c = e.byNumber(n);
        if (c == null) {
          // A bit_flags enum's field without a default (flatc: 0, no flags) or with a combination: a number no
          // constant has, kept as the field's default (GenericEnum.unknown in generic values).
          value = n;
          break;
        }
        if (c == e.defaultConstant()) {
          return field; // what the model reads anyway
        }
        value = c.name();
        break;
      }
      case BOOL:
        value = n == 0 ? null : Boolean.TRUE;
        break;
      // ubyte and ushort share the model's int8/int16 (same bytes): their default is the same bits.
      case INT8:
        value = n == 0 ? null : (Object) (int) (byte) n;
        break;
      case INT16:
        value = n == 0 ? null : (Object) (int) (short) n;
        break;
      case INT32:
      case INT64:
        value = n == 0 ? null : (Object) n;
        break;
      case FLOAT32: {
        float v = (float) f.defaultReal();
        value = Float.floatToRawIntBits(v) == 0 ? null : (Object) v;
        break;
      }
      case FLOAT64: {
        double v = f.defaultReal();
        value = Double.doubleToRawLongBits(v) == 0 ? null : (Object) v;
        break;
      }
      default:
        return field;
    }
    if (value == null) {
      return field;
    }
    try {
      return field.withDefault(value);
    } catch (SchemaException e) {
      unsupported.add(where + ": default " + value + " (" + e.getMessage() + ")");
      return field;
    }
  }

  /** A struct member's natural alignment, to tell whether {@code force_align} raised the struct's. */
  private int naturalAlign(com.google.flatbuffers.reflection.Type t) {
    byte base = t.baseType() == BaseType.Array ? t.element() : t.baseType();
    if (base == BaseType.Obj) {
      return bfbs.objects(t.index()).minalign();
    }
    return switch (base) {
      case BaseType.Bool, BaseType.Byte, BaseType.UByte -> 1;
      case BaseType.Short, BaseType.UShort -> 2;
      case BaseType.Int, BaseType.UInt, BaseType.Float -> 4;
      case BaseType.Long, BaseType.ULong, BaseType.Double -> 8;
      default -> 1;
    };
  }

  /** A scalar, enum, string or object type; null (and the reason recorded) if it cannot be expressed. */
  private Schema scalarOrNamed(byte base, int index, String where, String record, String field) {
    if (index >= 0 && base != BaseType.Obj && base != BaseType.Union) {
      return enumeration(index, where);
    }
    switch (base) {
      case BaseType.Bool: return Schema.bool();
      case BaseType.Byte: return Schema.int8();
      case BaseType.UByte: layout.unsigned(record, field); return Schema.int8();
      case BaseType.Short: return Schema.int16();
      case BaseType.UShort: layout.unsigned(record, field); return Schema.int16();
      case BaseType.Int: return Schema.int32();
      case BaseType.UInt: return Schema.int32(IntEncoding.UNSIGNED);
      case BaseType.Long: return Schema.int64();
      case BaseType.ULong: return Schema.int64(IntEncoding.UNSIGNED);
      case BaseType.Float: return Schema.float32();
      case BaseType.Double: return Schema.float64();
      case BaseType.String: return Schema.string();
      case BaseType.Obj: return record(index);
      default:
        unsupported.add(where + ": type " + BaseType.name(base));
        return null;
    }
  }

  private EnumSchema enumeration(int index, String where) {
    if (enums[index] != null) {
      return enums[index];
    }
    com.google.flatbuffers.reflection.Enum e = bfbs.enums(index);
    List<EnumSchema.Constant> constants = new ArrayList<>();
    for (int i = 0; i < e.valuesLength(); i++) {
      EnumVal v = e.values(i);
      constants.add(new EnumSchema.Constant(v.name(), v.value()));
    }
    if (hasAttribute(e, "bit_flags")) {
      // The single flags are the constants (flatc's .bfbs holds their values, 1 << position); a combination
      // is a number no constant has, which a GenericEnum keeps (GenericEnum.unknown) and writes back as is.
      bitFlags.add(e.name());
      layout.bitFlags(e.name());
    }
    enums[index] = EnumSchema.of(e.name(), constants);
    layout.enumType(e.name(), BaseType.name(e.underlyingType().baseType()).toLowerCase(java.util.Locale.ROOT));
    return enums[index];
  }

  // A linear scan: attributesByKey's binary search relies on an order older flatc versions do not keep.
  private static boolean hasAttribute(com.google.flatbuffers.reflection.Enum e, String key) {
    for (int i = 0; i < e.attributesLength(); i++) {
      if (key.equals(e.attributes(i).key())) {
        return true;
      }
    }
    return false;
  }

  private UnionSchema union(int index, String where) {
    if (unions[index] != null) {
      return unions[index];
    }
    com.google.flatbuffers.reflection.Enum e = bfbs.enums(index);
    List<UnionSchema.Member> members = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < e.valuesLength(); i++) {
      EnumVal v = e.values(i);
      if (v.value() == 0) {
        continue; // NONE
      }
      com.google.flatbuffers.reflection.Type t = v.unionType();
      if (t == null || t.baseType() != BaseType.Obj || bfbs.objects(t.index()).isStruct()) {
        unsupported.add(where + ": union " + e.name() + " member " + v.name() + " is not a table");
        continue;
      }
      if (!seen.add(bfbs.objects(t.index()).name())) {
        unsupported.add(where + ": union " + e.name() + " has table " + bfbs.objects(t.index()).name() + " twice");
        continue;
      }
      members.add(new UnionSchema.Member(v.name(), (int) v.value(), record(t.index())));
    }
    if (members.isEmpty()) {
      unsupported.add(where + ": union " + e.name() + " has no table members");
      return null;
    }
    unions[index] = UnionSchema.of(e.name(), members);
    return unions[index];
  }

  /**
   * The fully qualified names of the tables (not structs) that the binary schema {@code bfbs} declares,
   * sorted, and its {@code root_type} (or null) — for tools that let users pick a table by a shorter name.
   *
   * @throws SchemaException if the bytes are not a readable binary schema
   */
  public static Tables tables(byte[] bfbs) {
    Objects.requireNonNull(bfbs, "bfbs");
    ByteBuffer bb = ByteBuffer.wrap(bfbs);
    try {
      if (bfbs.length < 8 || !com.google.flatbuffers.reflection.Schema.SchemaBufferHasIdentifier(bb)) {
        throw new SchemaException("not a FlatBuffers binary schema (.bfbs): no \"BFBS\" file identifier");
      }
      com.google.flatbuffers.reflection.Schema s = com.google.flatbuffers.reflection.Schema.getRootAsSchema(bb);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < s.objectsLength(); i++) {
        if (!s.objects(i).isStruct()) {
          names.add(s.objects(i).name());
        }
      }
      names.sort(null);
      return new Tables(List.copyOf(names), s.rootTable() == null ? null : s.rootTable().name());
    } catch (SchemaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SchemaException("not a readable FlatBuffers binary schema (.bfbs): " + e, e);
    }
  }

  /**
   * The tables of a binary schema ({@link #tables}).
   *
   * @param names the tables' fully qualified names, sorted
   * @param root the {@code root_type}, or null if the schema declares none
   */
  public record Tables(List<String> names, String root) {}
}
