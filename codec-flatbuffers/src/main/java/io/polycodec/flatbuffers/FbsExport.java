package io.polycodec.flatbuffers;

import io.polycodec.SchemaException;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.FlatBuffersFieldIds;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the FlatBuffers schema ({@code .fbs}) that describes exactly the bytes {@link FlatBuffersCodec}
 * reads and writes, so that flatc and flatc-generated code interoperate with Polycodec:
 *
 * <ul>
 *   <li>fields are declared in tag order with the ids {@link FlatBuffersFieldIds} gives them (a union
 *       field, or a list of unions, laid out inline takes two: its implicit {@code _type}, then itself).
 *       Every field carries {@code id: n} (where tags leave no gap, those are flatc's implicit ids, so a
 *       hand-written schema without ids conforms); ids no field uses are filled with deprecated
 *       {@code ubyte} placeholders named {@code _unusedN};
 *   <li>optional scalars and enums are declared {@code = null}, non-optional enums with their default
 *       constant; a scalar's or enum's own default ({@link Field#defaultValue()}) is {@code = value}
 *       ({@code nan}, {@code inf}, {@code -inf} included); a string's or bytes' default is a comment, as
 *       flatc refuses them for its Java and C++ code (Polycodec always writes such a field);
 *   <li>{@link Field#required() required} strings, bytes, tables, unions and timestamps are
 *       {@code (required)}; a required scalar is a comment (flatc: "only non-scalar fields in tables may
 *       be 'required'");
 *   <li>int32/int64 with an unsigned {@link IntEncoding} become {@code uint}/{@code ulong};
 *   <li>a union {@code U} becomes {@code union U} (members aliased by name, type = member tag), used
 *       directly by inline union fields; where a holder table is used ({@link HolderUnion}, map values),
 *       {@code union U_Union} held by {@code table U { value: U_Union (id: 1); }};
 *   <li>a map field {@code f} of record {@code R} becomes a vector of {@code table R_f_Entry {key; value}}
 *       (a union value inline, as flatc lays out a union field: {@code value_type} id 1, {@code value} id 2)
 *       ({@code (key)} on signed-integer and bool keys, whose order matches FlatBuffers' own);
 *   <li>helper types live in namespace {@code polycodec}: {@code struct Timestamp}, {@code struct Duration}, {@code table Bytes}
 *       (bytes as list elements), {@code table Int8Vector}.
 * </ul>
 *
 * Dotted type names become namespaces; references are fully qualified.
 */
public final class FbsExport {
  private static final String TIMESTAMP = "polycodec.Timestamp";
  private static final String DURATION = "polycodec.Duration";
  private static final String BYTES = "polycodec.Bytes";
  private static final String INT8_VECTOR = "polycodec.Int8Vector";

  private final RecordSchema root;
  private final List<EnumSchema> enums = new ArrayList<>();
  private final List<UnionSchema> unions = new ArrayList<>();
  private final List<RecordSchema> records = new ArrayList<>();
  /** Every type name the output declares, with what declares it (for collision messages). */
  private final Map<String, String> declared = new LinkedHashMap<>();
  private boolean usesTimestamp;
  private boolean usesDuration;
  private boolean usesBytes;
  private boolean usesInt8;
  private final StringBuilder out = new StringBuilder();
  private String namespace = "";

  private final FlatLayout layout;
  /** Unions that some field holds through a holder table. */
  private final java.util.Set<String> held = new java.util.HashSet<>();

  private FbsExport(RecordSchema root, FlatLayout layout) {
    this.root = root;
    this.layout = java.util.Objects.requireNonNull(layout, "layout");
  }

  /**
   * The {@code .fbs} text for {@code root} and every type it reaches, with {@code root_type} set to it.
   *
   * @throws SchemaException if the schema graph is invalid, uses tags FlatBuffers codecs refuse, or a
   *     generated name (such as {@code R_f_Entry}) collides with a type of the schema
   */
  public static String render(RecordSchema root) {
    return new FbsExport(root, FlatLayout.DEFAULT).run();
  }

  /**
   * The {@code .fbs} text for {@code root} with the layout choices of {@code layout}: its struct records
   * become {@code struct}s (with {@code force_align} when set), their fixed-size arrays {@code [T:n]}.
   * The root is always a table, as flatc requires. This is what {@link FlatBuffersCodec#fbs()} writes
   * with the codec's {@link FlatBuffersCodec#layout()}.
   *
   * @throws SchemaException as {@link #render(RecordSchema)} does
   */
  public static String render(RecordSchema root, FlatLayout layout) {
    return new FbsExport(root, layout).run();
  }

  /** A union field, or list of unions, laid out inline as flatc does. */
  private boolean isInlineUnionField(RecordSchema r, Field f) {
    Schema t = f.type() instanceof ListSchema ? ((ListSchema) f.type()).element() : f.type();
    return t instanceof UnionSchema && layout.isInlineUnion(r.name(), f.name());
  }

  /** Whether map field {@code f}'s values are unions laid out inline in the entry table. */
  private boolean inlineUnionValue(RecordSchema r, Field f, MapSchema m) {
    return m.value() instanceof UnionSchema && layout.isInlineUnion(r.name(), f.name());
  }

  private boolean isStruct(RecordSchema r) {
    return r != root && layout.isStruct(r.name());
  }

  private void writeStructAfterMembers(RecordSchema r, java.util.Set<String> written) {
    if (!written.add(r.name())) {
      return;
    }
    for (Field f : r.fields()) {
      Schema t = f.type().kind() == Kind.LIST ? ((ListSchema) f.type()).element() : f.type();
      if (t instanceof RecordSchema && isStruct((RecordSchema) t)) {
        writeStructAfterMembers((RecordSchema) t, written);
      }
    }
    writeStruct(r);
  }

  private void writeStruct(RecordSchema r) {
    enter(r.name());
    out.append("\nstruct ").append(simple(r.name()));
    int align = layout.forceAlign(r.name());
    if (align != 0) {
      out.append(" (force_align: ").append(align).append(")");
    }
    out.append(" {\n");
    for (Field f : r.fields()) {
      out.append("  ").append(f.name()).append(": ");
      int n = layout.arrayLength(r.name(), f.name());
      if (n != 0 && f.type().kind() == Kind.LIST) {
        out.append("[").append(type(r, f, ((ListSchema) f.type()).element(), true)).append(":").append(n).append("]");
      } else {
        out.append(type(r, f, f.type(), false));
      }
      out.append(";\n");
    }
    out.append("}\n");
  }

  private String run() {
    SchemaGraph graph;
    try {
      graph = SchemaGraph.of(root);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new SchemaException(e.getMessage(), e);
    }
    // Unions some field holds in a holder table (not inline): those keep U_Union + table U.
    for (Schema s : graph.namedTypes()) {
      if (s instanceof RecordSchema) {
        RecordSchema r = (RecordSchema) s;
        for (Field f : r.fields()) {
          if (f.type() instanceof UnionSchema && !layout.isInlineUnion(r.name(), f.name())) {
            held.add(((UnionSchema) f.type()).name());
          }
          Schema inner = f.type() instanceof ListSchema ? ((ListSchema) f.type()).element()
              : f.type() instanceof MapSchema ? ((MapSchema) f.type()).value() : null;
          if (inner instanceof UnionSchema && !layout.isInlineUnion(r.name(), f.name())) {
            held.add(((UnionSchema) inner).name());
          }
        }
      }
    }
    for (Schema s : graph.namedTypes()) {
      if (s instanceof EnumSchema) {
        enums.add((EnumSchema) s);
        declare(((EnumSchema) s).name(), "enum " + ((EnumSchema) s).name());
      } else if (s instanceof UnionSchema) {
        UnionSchema u = (UnionSchema) s;
        unions.add(u);
        if (held.contains(u.name())) {
          declare(u.name(), "the holder table of union " + u.name());
        }
        declare(unionEnum(u), "the FlatBuffers union of " + u.name());
      } else {
        RecordSchema r = (RecordSchema) s;
        records.add(r);
        declare(r.name(), "record " + r.name());
      }
    }
    for (RecordSchema r : records) {
      for (Field f : r.fields()) {
        if (f.tag() > FlatBuffersProvider.MAX_TAG) {
          throw new SchemaException(r.name() + "." + f.name() + ": tag " + f.tag() + " is above the FlatBuffers limit of "
              + FlatBuffersProvider.MAX_TAG);
        }
        if (f.type().kind() == Kind.MAP) {
          declare(entryName(r, f), "the entry table of map " + r.name() + "." + f.name());
        }
        scanHelpers(f.type());
      }
    }
    for (UnionSchema u : unions) {
      for (UnionSchema.Member m : u.members()) {
        if (m.tag() > FlatBuffersProvider.MAX_UNION_TAG) {
          throw new SchemaException(u.name() + "." + m.name() + ": union member tags must be 1 to "
              + FlatBuffersProvider.MAX_UNION_TAG);
        }
      }
    }
    if (usesTimestamp) {
      declare(TIMESTAMP, "Polycodec's timestamp struct");
    }
    if (usesDuration) {
      declare(DURATION, "Polycodec's duration struct");
    }
    if (usesBytes) {
      declare(BYTES, "Polycodec's bytes holder");
    }
    if (usesInt8) {
      declare(INT8_VECTOR, "Polycodec's INT8 vector table");
    }

    out.append("// FlatBuffers schema of ").append(root.name()).append(", written by Polycodec.\n")
        .append("// Field ids follow tags in flatc's way (a union takes two: its _type, then itself); maps are vectors of entry\n")
        .append("// tables in key order.\n");
    for (EnumSchema e : enums) {
      writeEnum(e);
    }
    for (UnionSchema u : unions) {
      writeUnion(u);
    }
    if (usesTimestamp) {
      enter(TIMESTAMP);
      out.append("\nstruct Timestamp {\n  seconds: long;\n  nanos: int;\n}\n");
    }
    if (usesDuration) {
      enter(DURATION);
      out.append("\n// google.protobuf.Duration's fields: seconds and nanos have the same sign.\n")
          .append("struct Duration {\n  seconds: long;\n  nanos: int;\n}\n");
    }
    if (usesBytes) {
      enter(BYTES);
      out.append("\ntable Bytes {\n  value: [ubyte] (id: 0);\n}\n");
    }
    if (usesInt8) {
      enter(INT8_VECTOR);
      out.append("\ntable Int8Vector {\n  scale: float (id: 0);\n  values: [byte] (id: 1);\n}\n");
    }
    for (UnionSchema u : unions) {
      if (!held.contains(u.name())) {
        continue;
      }
      enter(u.name());
      out.append("\ntable ").append(simple(u.name())).append(" {\n  value: ").append(ref(unionEnum(u)))
          .append(" (id: 1);\n}\n");
    }
    // Structs first, each after the structs it holds: flatc needs a struct's size where it is used.
    java.util.Set<String> written = new java.util.HashSet<>();
    for (RecordSchema r : records) {
      if (isStruct(r)) {
        writeStructAfterMembers(r, written);
      }
    }
    for (RecordSchema r : records) {
      if (isStruct(r)) {
        continue;
      }
      writeTable(r);
      for (Field f : r.fields()) {
        if (f.type().kind() == Kind.MAP) {
          writeEntry(r, f, (MapSchema) f.type());
        }
      }
    }
    if (!namespace.isEmpty()) {
      out.append("\nnamespace;\n");
      namespace = "";
    }
    out.append("\nroot_type ").append(root.name()).append(";\n");
    if (!layout.fileIdentifier().isEmpty()) {
      out.append("file_identifier \"").append(layout.fileIdentifier()).append("\";\n");
    }
    return out.toString();
  }

  private void declare(String name, String what) {
    String prior = declared.putIfAbsent(name, what);
    if (prior != null) {
      throw new SchemaException("cannot write a .fbs schema: " + what + " and " + prior + " are both named " + name);
    }
  }

  private void scanHelpers(Schema type) {
    switch (type.kind()) {
      case TIMESTAMP:
        usesTimestamp = true;
        break;
      case DURATION:
        usesDuration = true;
        break;
      case LIST: {
        Schema e = ((ListSchema) type).element();
        if (e.kind() == Kind.BYTES) {
          usesBytes = true;
        }
        scanHelpers(e);
        break;
      }
      case MAP:
        scanHelpers(((MapSchema) type).value());
        break;
      case VECTOR:
        usesInt8 |= ((VectorSchema) type).quantization() == Quantization.INT8;
        break;
      default:
        break;
    }
  }

  /** The FlatBuffers union's name: the union's own when only inline fields use it, else {@code U_Union}. */
  private String unionEnum(UnionSchema u) {
    return held.contains(u.name()) ? u.name() + "_Union" : u.name();
  }

  static String entryName(RecordSchema r, Field f) {
    return r.name() + "_" + f.name() + "_Entry";
  }

  private static String namespaceOf(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** Switches to the namespace of {@code name}. */
  private void enter(String name) {
    String ns = namespaceOf(name);
    if (!ns.equals(namespace)) {
      out.append("\nnamespace").append(ns.isEmpty() ? "" : " " + ns).append(";\n");
      namespace = ns;
    }
  }

  /**
   * A reference to {@code name} from the current namespace. flatc resolves a name against the current
   * namespace and its parents first, so a type in a parent namespace with the same dotted suffix would
   * capture the reference; that cannot be written unambiguously.
   */
  private String ref(String name) {
    String ns = namespace;
    while (!ns.isEmpty()) {
      String shadow = ns + "." + name;
      if (!shadow.equals(name) && declared.containsKey(shadow)) {
        throw new SchemaException("cannot write a .fbs schema: in namespace " + namespace + ", " + name
            + " would resolve to " + shadow + "; rename one of them");
      }
      ns = namespaceOf(ns);
    }
    return name;
  }

  private void writeEnum(EnumSchema e) {
    enter(e.name());
    boolean flags = layout.isBitFlags(e.name());
    out.append("\nenum ").append(simple(e.name())).append(" : ").append(layout.enumType(e.name()))
        .append(flags ? " (bit_flags)" : "").append(" {\n");
    List<EnumSchema.Constant> cs = new ArrayList<>(e.constants());
    // flatc wants values ascending; a ulong's values above 2^63 - 1 are held as their (negative) bits.
    boolean ulong = layout.enumType(e.name()).equals("ulong");
    cs.sort(ulong ? (a, b) -> Long.compareUnsigned(a.number(), b.number())
        : Comparator.comparingLong(EnumSchema.Constant::number));
    for (int i = 0; i < cs.size(); i++) {
      long n = cs.get(i).number();
      if (flags && Long.bitCount(n) != 1) {
        throw new SchemaException("cannot write a .fbs schema: enum " + e.name() + " is bit_flags, but "
            + cs.get(i).name() + " = " + (ulong ? Long.toUnsignedString(n) : Long.toString(n)) + " is not a single bit");
      }
      // bit_flags values are bit positions in the .fbs (flatc computes 1 << position).
      String value = flags ? Integer.toString(Long.numberOfTrailingZeros(n)) : ulong ? Long.toUnsignedString(n) : Long.toString(n);
      out.append("  ").append(cs.get(i).name()).append(" = ").append(value)
          .append(i + 1 < cs.size() ? ",\n" : "\n");
    }
    out.append("}\n");
  }

  private void writeUnion(UnionSchema u) {
    enter(unionEnum(u));
    out.append("\nunion ").append(simple(unionEnum(u))).append(" {\n");
    List<UnionSchema.Member> ms = new ArrayList<>(u.members());
    ms.sort(Comparator.comparingInt(UnionSchema.Member::tag));
    for (int i = 0; i < ms.size(); i++) {
      UnionSchema.Member m = ms.get(i);
      out.append("  ").append(m.name()).append(": ").append(ref(m.type().name())).append(" = ").append(m.tag())
          .append(i + 1 < ms.size() ? ",\n" : "\n");
    }
    out.append("}\n");
  }

  private void writeTable(RecordSchema r) {
    enter(r.name());
    out.append("\ntable ").append(simple(r.name())).append(" {\n");
    // The codec's ids (FlatBuffersFieldIds); with no gap they are flatc's implicit ones for this order.
    int[] ids = FlatBuffersFieldIds.of(r, i -> isInlineUnionField(r, r.field(i)));
    int slots = FlatBuffersFieldIds.slotCount(ids);
    Field[] byId = new Field[slots];
    boolean[] typeSlot = new boolean[slots];
    for (int i = 0; i < ids.length; i++) {
      byId[ids[i]] = r.field(i);
      if (isInlineUnionField(r, r.field(i))) {
        typeSlot[ids[i] - 1] = true; // flatc declares it implicitly, as f_type
      }
    }
    for (int id = 0; id < byId.length; id++) {
      Field f = byId[id];
      if (f == null && typeSlot[id]) {
        continue;
      }
      if (f == null) {
        out.append("  ").append(placeholder(r, id)).append(": ubyte (id: ").append(id).append(", deprecated);\n");
        continue;
      }
      String typeName;
      if (isInlineUnionField(r, f) && f.type() instanceof ListSchema) {
        typeName = "[" + ref(unionEnum((UnionSchema) ((ListSchema) f.type()).element())) + "]";
      } else if (isInlineUnionField(r, f)) {
        typeName = ref(unionEnum((UnionSchema) f.type()));
      } else {
        typeName = type(r, f, f.type(), false);
      }
      out.append("  ").append(f.name()).append(": ").append(typeName);
      Kind k = f.type().kind();
      boolean scalar = k.isPrimitive() || k == Kind.ENUM;
      List<String> notes = new java.util.ArrayList<>();
      if (f.hasDefault() && scalar) {
        if (f.defaultValue() instanceof Long && k == Kind.ENUM && !layout.isBitFlags(((EnumSchema) f.type()).name())) {
          throw new SchemaException("cannot write a .fbs schema: " + r.name() + "." + f.name() + ": default "
              + f.defaultValue() + " is no constant of " + f.type().describe()
              + ", which flatc accepts only for a bit_flags enum (FlatLayout.Builder.bitFlags)");
        }
        out.append(" = ").append(defaultText(r, f));
      } else {
        out.append(fieldDefault(f.type(), f.optional()));
        if (f.hasDefault()) {
          // flatc 2.0.8 refuses string and vector defaults for most languages; Polycodec always writes the
          // value of such a field, so flatc's readers see it.
          notes.add("default " + quotedNote(f) + " in Polycodec (always written)");
        }
      }
      // flatc's deprecated: generated code no longer reads or writes the field, and its id stays taken.
      // Ids are always written: where tags leave no gap they equal flatc's implicit ones anyway, and
      // with gaps flatc needs them (on every field).
      List<String> attributes = new java.util.ArrayList<>();
      attributes.add("id: " + id);
      if (f.deprecated()) {
        attributes.add("deprecated");
      }
      if (f.name().equals(layout.key(r.name()))) {
        attributes.add("key");
      }
      if (f.required() && !scalar) {
        attributes.add("required");
      }
      out.append(" (").append(String.join(", ", attributes)).append(");");
      if (f.required() && scalar) {
        notes.add("required in Polycodec; FlatBuffers has no required scalars, an absent one reads as its default");
      }
      if (!notes.isEmpty()) {
        out.append("  // ").append(String.join("; ", notes));
      }
      out.append('\n');
    }
    out.append("}\n");
  }

  private static String placeholder(RecordSchema r, int id) {
    String name = "_unused" + id;
    while (r.indexOf(name) >= 0) {
      name = "_" + name;
    }
    return name;
  }

  private void writeEntry(RecordSchema r, Field f, MapSchema m) {
    enter(entryName(r, f));
    Kind k = m.key().kind();
    boolean orderMatches = k == Kind.BOOL || ((k == Kind.INT32 || k == Kind.INT64) && !m.key().encoding().isUnsigned());
    out.append("\ntable ").append(simple(entryName(r, f))).append(" {\n")
        .append("  key: ").append(type(r, f, m.key(), false)).append(" (id: 0").append(orderMatches ? ", key" : "")
        .append(");\n")
        .append(inlineUnionValue(r, f, m) ? "  value: " + ref(unionEnum((UnionSchema) m.value())) + " (id: 2);\n}\n"
            : "  value: " + type(r, f, m.value(), false) + fieldDefault(m.value(), false) + " (id: 1);\n}\n");
  }

  /** A scalar's default as flatc reads it: a ubyte's or ushort's (int8/int16 bits in the model) unsigned. */
  private String defaultText(RecordSchema r, Field f) {
    if (layout.isUnsigned(r.name(), f.name())) {
      if (f.type().kind() == Kind.INT8) {
        return Integer.toString(Byte.toUnsignedInt(((Integer) f.defaultValue()).byteValue()));
      }
      if (f.type().kind() == Kind.INT16) {
        return Integer.toString(Short.toUnsignedInt(((Integer) f.defaultValue()).shortValue()));
      }
    }
    return f.defaultText();
  }

  /** A string or bytes default for a comment: one line, control characters escaped. */
  private static String quotedNote(Field f) {
    String t = f.type().kind() == Kind.BYTES ? "base64:" + f.defaultText() : f.defaultText();
    StringBuilder sb = new StringBuilder("\"");
    t.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.append('"').toString();
  }

  private String fieldDefault(Schema type, boolean optional) {
    Kind k = type.kind();
    if (optional && (k.isPrimitive() || k == Kind.ENUM)) {
      return " = null";
    }
    if (!optional && k == Kind.ENUM) {
      return " = " + ((EnumSchema) type).defaultConstant().name();
    }
    return "";
  }

  private String type(RecordSchema r, Field f, Schema type, boolean element) {
    // A switch expression names every kind, so a new kind cannot be exported by accident as nothing.
    return switch (type.kind()) {
      case BOOL -> "bool";
      case INT8 -> layout.isUnsigned(r.name(), f.name()) ? "ubyte" : "byte";
      case INT16 -> layout.isUnsigned(r.name(), f.name()) ? "ushort" : "short";
      case INT32 -> ((ScalarSchema) type).encoding().isUnsigned() ? "uint" : "int";
      case INT64 -> ((ScalarSchema) type).encoding().isUnsigned() ? "ulong" : "long";
      case FLOAT32 -> "float";
      case FLOAT64 -> "double";
      case STRING -> "string";
      case BYTES -> element ? ref(BYTES) : "[ubyte]";
      case TIMESTAMP -> ref(TIMESTAMP);
      case DURATION -> ref(DURATION);
      case ENUM -> ref(((EnumSchema) type).name());
      case RECORD -> ref(((RecordSchema) type).name());
      case UNION -> ref(((UnionSchema) type).name());
      case LIST -> "[" + type(r, f, ((ListSchema) type).element(), true) + "]";
      case MAP -> "[" + ref(entryName(r, f)) + "]";
      case VECTOR -> vectorType((VectorSchema) type);
    };
  }

  private String vectorType(VectorSchema v) {
    if (v.element() == Kind.FLOAT64) {
      return "[double]";
    }
    return switch (v.quantization()) {
      case NONE -> "[float]";
      case FP16, BF16 -> "[ushort]";
      case INT8 -> ref(INT8_VECTOR);
    };
  }
}
