package io.polycodec.protobuf;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import io.polycodec.Codec;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports protobuf message types (a {@link Descriptor}, or a {@link FileDescriptorSet} as
 * {@code protoc --descriptor_set_out} writes it) as Polycodec schemas, so that
 * {@link GenericRecord}s read and write any message given its descriptor.
 *
 * <p>The mapping is exact and total: every field maps, or the import fails with a
 * {@link SchemaException} naming it; nothing is silently left to unknown fields.
 * <ul>
 *   <li>Messages become records named by their full name ({@code pkg.Outer.Inner}); fields keep their
 *       names and numbers. Fields with presence (proto3 {@code optional} and message fields, proto2
 *       {@code optional}, oneof members) become optional fields; real oneofs become oneof groups.
 *   <li>proto2 {@code required} fields become {@link Field#required() required} fields, and fields with
 *       {@code [default = …]} non-optional fields with that {@link Field#defaultValue() default} (a
 *       missing value reads as the default, as protobuf's getters return it); both keep explicit presence
 *       on the wire (docs/defaults.md).
 *   <li>Integer types become int32/int64 with their {@link IntEncoding} (sint → ZIGZAG, sfixed → FIXED,
 *       uint → UNSIGNED, fixed → UNSIGNED_FIXED); the others map to their namesakes.
 *   <li>Repeated fields become lists, map fields maps (every key type protobuf allows maps).
 *   <li>Enums become enums by number; of aliased constants ({@code allow_alias}) the first name is the
 *       constant and the others are the schema's aliases (read by name, never written).
 *       A GenericRecord keeps numbers the enum does not list and writes them back.
 *   <li>Well-known types ({@code google.protobuf.Timestamp}, {@code Any}, {@code Struct}, wrappers…)
 *       are ordinary messages, so that every value they can hold round-trips.
 *   <li>Wire choices the model does not express, unpacked repeated fields and groups, are returned as
 *       a {@link WireLayout}; {@link Imported#codec()} applies it, so messages re-encode byte for byte.
 *   <li>Not imported: extensions (they are not fields of the message; a GenericRecord keeps them as
 *       unknown fields and writes them back).
 * </ul>
 */
public final class ProtoImport {
  private static final List<FileDescriptor> WELL_KNOWN = List.of(
      AnyProto.getDescriptor(), ApiProto.getDescriptor(), DescriptorProtos.getDescriptor(),
      DurationProto.getDescriptor(), EmptyProto.getDescriptor(), FieldMaskProto.getDescriptor(),
      SourceContextProto.getDescriptor(), StructProto.getDescriptor(), TimestampProto.getDescriptor(),
      TypeProto.getDescriptor(), WrappersProto.getDescriptor());

  private final Map<String, RecordSchema> records = new HashMap<>();
  private final Map<String, EnumSchema> enums = new HashMap<>();
  private final WireLayout.Builder layout = WireLayout.builder();

  private ProtoImport() {}

  /** A message type imported: its schema and the wire layout that re-encodes it exactly. */
  public static final class Imported {
    private final RecordSchema schema;
    private final WireLayout layout;

    private Imported(RecordSchema schema, WireLayout layout) {
      this.schema = schema;
      this.layout = layout;
    }

    /** The record schema of the message (and, through it, of every type it reaches). */
    public RecordSchema schema() {
      return schema;
    }

    /** Unpacked repeated fields and groups in the message or the types it reaches. */
    public WireLayout layout() {
      return layout;
    }

    /** Default codec options with this layout. */
    public CodecOptions options() {
      return CodecOptions.defaults().with(ProtobufOptions.LAYOUT, layout);
    }

    /** A protobuf codec for GenericRecords of this message, with its layout. */
    public Codec<GenericRecord> codec() {
      return codec(options());
    }

    /** A protobuf codec for GenericRecords of this message with {@code options} (the layout is added). */
    public Codec<GenericRecord> codec(CodecOptions options) {
      return new ProtobufProvider().create(RecordBinding.generic(schema), options.with(ProtobufOptions.LAYOUT, layout));
    }

    @Override
    public String toString() {
      return "Imported[" + schema.name() + ", " + layout + "]";
    }
  }

  /**
   * Imports {@code message} and every type it reaches.
   *
   * @throws SchemaException if a field cannot be mapped, naming it
   */
  public static Imported message(Descriptor message) {
    Objects.requireNonNull(message, "message");
    ProtoImport im = new ProtoImport();
    RecordSchema schema = im.record(message);
    return new Imported(schema, im.layout.build());
  }

  /**
   * Imports enum {@code e} as Polycodec maps it in messages: constants by number, the first name of
   * aliased numbers the constant, the others its aliases.
   *
   * @throws SchemaException if the enum cannot be mapped
   */
  public static EnumSchema enumeration(EnumDescriptor e) {
    return new ProtoImport().enumSchema(Objects.requireNonNull(e, "e"));
  }

  /**
   * Imports the message named {@code fullName} (such as {@code pkg.Outer.Inner}) from {@code set}.
   *
   * @throws SchemaException if the set does not build, has no such message, or a field cannot be mapped
   */
  public static Imported message(FileDescriptorSet set, String fullName) {
    for (FileDescriptor f : files(set)) {
      Descriptor d = find(f.getMessageTypes(), fullName);
      if (d != null) {
        return message(d);
      }
    }
    throw new SchemaException("no message named " + fullName + " in the descriptor set");
  }

  private static Descriptor find(List<Descriptor> types, String fullName) {
    for (Descriptor d : types) {
      if (d.getFullName().equals(fullName)) {
        return d;
      }
      if (fullName.startsWith(d.getFullName() + ".")) {
        Descriptor inner = find(d.getNestedTypes(), fullName);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  /**
   * Builds the files of {@code set}, resolving imports within the set and, for the well-known types
   * ({@code google/protobuf/*.proto}) it leaves out, against protobuf-java's own copies.
   *
   * @throws SchemaException if a file's imports cannot be resolved or it does not validate
   */
  public static List<FileDescriptor> files(FileDescriptorSet set) {
    Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
    for (FileDescriptorProto p : set.getFileList()) {
      protos.put(p.getName(), p);
    }
    Map<String, FileDescriptor> built = new HashMap<>();
    for (FileDescriptor wk : WELL_KNOWN) {
      if (!protos.containsKey(wk.getName())) {
        built.put(wk.getName(), wk);
      }
    }
    List<FileDescriptor> out = new ArrayList<>();
    for (String name : protos.keySet()) {
      out.add(build(name, protos, built, new HashSet<>()));
    }
    return out;
  }

  private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
      Map<String, FileDescriptor> built, Set<String> inProgress) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      throw new SchemaException("the descriptor set lacks " + name + ", which another file imports");
    }
    if (!inProgress.add(name)) {
      throw new SchemaException("files import each other in a cycle through " + name);
    }
    FileDescriptor[] deps = new FileDescriptor[proto.getDependencyCount()];
    for (int i = 0; i < deps.length; i++) {
      deps[i] = build(proto.getDependency(i), protos, built, inProgress);
    }
    try {
      FileDescriptor f = FileDescriptor.buildFrom(proto, deps);
      built.put(name, f);
      return f;
    } catch (DescriptorValidationException e) {
      throw new SchemaException(name + " does not validate: " + e.getMessage(), e);
    }
  }

  // ---- mapping ----------------------------------------------------------------------------------------

  private RecordSchema record(Descriptor d) {
    RecordSchema existing = records.get(d.getFullName());
    if (existing != null) {
      return existing;
    }
    RecordSchema.Builder b = RecordSchema.builder(d.getFullName());
    records.put(d.getFullName(), b.ref());
    for (FieldDescriptor f : d.getFields()) {
      try {
        b.field(field(d, f));
      } catch (IllegalArgumentException e) {
        throw new SchemaException(d.getFullName() + "." + f.getName() + ": " + e.getMessage(), e);
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new SchemaException(d.getFullName() + ": " + e.getMessage(), e);
    }
  }

  private Field field(Descriptor owner, FieldDescriptor f) {
    String record = owner.getFullName();
    if (f.isMapField()) {
      Descriptor entry = f.getMessageType();
      FieldDescriptor k = entry.findFieldByNumber(1);
      FieldDescriptor v = entry.findFieldByNumber(2);
      Schema key = element(owner, k);
      if (!(key instanceof ScalarSchema)) {
        throw new SchemaException(record + "." + f.getName() + ": map key type " + k.getType() + " is not supported");
      }
      return Field.of(f.getName(), f.getNumber(), Schema.map((ScalarSchema) key, element(owner, v)));
    }
    Schema type = element(owner, f);
    if (f.getType() == FieldDescriptor.Type.GROUP) {
      layout.delimited(record, f.getNumber());
    }
    if (f.isRepeated()) {
      if (f.isPackable() && !f.isPacked()) {
        layout.unpacked(record, f.getNumber());
      }
      return Field.of(f.getName(), f.getNumber(), Schema.list(type));
    }
    OneofDescriptor oneof = f.getRealContainingOneof();
    if (oneof != null) {
      return Field.optional(f.getName(), f.getNumber(), type).withOneof(oneof.getName());
    }
    if (f.isRequired()) {
      return withDefault(Field.of(f.getName(), f.getNumber(), type).withRequired(true), f, type);
    }
    if (f.toProto().hasDefaultValue()) {
      // proto2 optional with [default = …]: a missing value reads as the default, so the field is not
      // optional in the model; it keeps explicit presence (written whatever its value).
      return withDefault(Field.of(f.getName(), f.getNumber(), type), f, type);
    }
    return f.hasPresence()
        ? Field.optional(f.getName(), f.getNumber(), type)
        : Field.of(f.getName(), f.getNumber(), type);
  }

  /** {@code field} with proto2's {@code [default = …]} of {@code f}, if it declares one. */
  private static Field withDefault(Field field, FieldDescriptor f, Schema type) {
    if (!f.toProto().hasDefaultValue()) {
      return field;
    }
    Object d = f.getDefaultValue();
    if (d instanceof com.google.protobuf.Descriptors.EnumValueDescriptor) {
      // By number: of aliased constants the import keeps the first name.
      d = ((EnumSchema) type).byNumber(((com.google.protobuf.Descriptors.EnumValueDescriptor) d).getNumber()).name();
    } else if (d instanceof com.google.protobuf.ByteString) {
      d = ((com.google.protobuf.ByteString) d).toByteArray();
    }
    return field.withDefault(d);
  }

  private Schema element(Descriptor owner, FieldDescriptor f) {
    switch (f.getType()) {
      case BOOL: return Schema.bool();
      case INT32: return Schema.int32();
      case SINT32: return Schema.int32(IntEncoding.ZIGZAG);
      case SFIXED32: return Schema.int32(IntEncoding.FIXED);
      case UINT32: return Schema.int32(IntEncoding.UNSIGNED);
      case FIXED32: return Schema.int32(IntEncoding.UNSIGNED_FIXED);
      case INT64: return Schema.int64();
      case SINT64: return Schema.int64(IntEncoding.ZIGZAG);
      case SFIXED64: return Schema.int64(IntEncoding.FIXED);
      case UINT64: return Schema.int64(IntEncoding.UNSIGNED);
      case FIXED64: return Schema.int64(IntEncoding.UNSIGNED_FIXED);
      case FLOAT: return Schema.float32();
      case DOUBLE: return Schema.float64();
      case STRING: return Schema.string();
      case BYTES: return Schema.bytes();
      case ENUM: return enumSchema(f.getEnumType());
      case MESSAGE:
      case GROUP:
        return record(f.getMessageType());
      default:
        throw new SchemaException(owner.getFullName() + "." + f.getName() + ": field type " + f.getType()
            + " is not supported");
    }
  }

  private EnumSchema enumSchema(EnumDescriptor e) {
    EnumSchema existing = enums.get(e.getFullName());
    if (existing != null) {
      return existing;
    }
    List<EnumSchema.Constant> constants = new ArrayList<>();
    Set<Integer> numbers = new HashSet<>();
    Map<String, Integer> aliases = new LinkedHashMap<>();
    for (EnumValueDescriptor v : e.getValues()) {
      if (numbers.add(v.getNumber())) {
        constants.add(new EnumSchema.Constant(v.getName(), v.getNumber()));
      } else {
        aliases.put(v.getName(), v.getNumber());
      }
    }
    EnumSchema s;
    try {
      s = EnumSchema.of(e.getFullName(), constants, aliases);
    } catch (IllegalArgumentException x) {
      throw new SchemaException("enum " + e.getFullName() + ": " + x.getMessage(), x);
    }
    enums.put(e.getFullName(), s);
    return s;
  }
}
