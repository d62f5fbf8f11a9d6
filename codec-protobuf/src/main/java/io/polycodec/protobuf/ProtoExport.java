package io.polycodec.protobuf;

import io.polycodec.SchemaException;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a schema as a proto3 {@code .proto} file (proto2 through {@link #proto} when it has required
 * fields or defaults of their own) describing exactly what the protobuf codec writes, so
 * that protoc generates classes (Java, Go, Python…) that read and write the same bytes.
 *
 * <ul>
 *   <li>Records become messages, unions wrapper messages with one {@code oneof} (named {@code value})
 *       whose fields are the members, enums enums. Type names lose the package prefix if they start
 *       with it; remaining dots become underscores ({@code Outer.Inner} → {@code Outer_Inner}). Types
 *       are referred to by fully qualified name, so field names never shadow them.
 *   <li>Optional scalars and enums are {@code optional} (proto3 presence); message-typed fields have
 *       presence anyway. Oneof groups become {@code oneof}s.
 *   <li>Timestamps are {@code google.protobuf.Timestamp}, durations {@code google.protobuf.Duration}; float vectors {@code repeated float}/
 *       {@code double}; quantized vectors {@code bytes} in the VectorBytes layout (a comment says which).
 *   <li>An enum without a constant numbered 0 gets a first constant {@code <ENUM>_UNSPECIFIED = 0},
 *       which proto3 requires; Polycodec never writes it and a typed reader rejects it unless the enum
 *       has a {@code @Fallback}.
 * </ul>
 *
 * What protoc would reject is refused here with a {@link SchemaException}: two types that flatten to one
 * name, enum constants that collide in their shared scope (proto3 scopes them next to their enum, not
 * inside it), fields whose JSON names collide, and field numbers protobuf reserves.
 */
public final class ProtoExport {
  private final String protoPackage;
  /** Whether to write proto2: the schema has required fields or defaults of their own, which proto3 lacks. */
  private boolean proto2;
  private final Map<String, String> messageNames = new HashMap<>();
  private final StringBuilder out = new StringBuilder(1024);

  private ProtoExport(String protoPackage) {
    this.protoPackage = protoPackage;
  }

  /**
   * The proto3 text of {@code root} and every type it reaches, in package {@code protoPackage} (empty
   * for none).
   *
   * @throws SchemaException if protoc would not accept the result (see the class description)
   */
  public static String proto3(RecordSchema root, String protoPackage) {
    Field needs = proto2Field(root);
    if (needs != null) {
      throw new SchemaException(needs.name() + ": proto3 has no " + (needs.required() ? "required fields" : "field defaults")
          + "; ProtoExport.proto writes such a schema as proto2");
    }
    return export(root, protoPackage, false);
  }

  /**
   * The {@code .proto} text of {@code root} and every type it reaches: proto3 as {@link #proto3} writes it,
   * unless a field is {@link Field#required() required} or has a {@link Field#defaultValue() default} of
   * its own; then proto2 ({@code syntax = "proto2"}), where every singular field is labeled
   * {@code optional} or {@code required}, defaults are {@code [default = …]}, and the bytes on the wire
   * are the same as the proto3 export's for the same values.
   *
   * @throws SchemaException if protoc would not accept the result (see the class description)
   */
  public static String proto(RecordSchema root, String protoPackage) {
    return export(root, protoPackage, proto2Field(root) != null);
  }

  private static String export(RecordSchema root, String protoPackage, boolean proto2) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(protoPackage, "protoPackage");
    if (!protoPackage.isEmpty() && !protoPackage.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
      throw new SchemaException("'" + protoPackage + "' is not a protobuf package name");
    }
    ProtoExport e = new ProtoExport(protoPackage);
    e.proto2 = proto2;
    return e.write(root);
  }

  /** The first field reachable from {@code root} that only proto2 can say (required, or an own default), or null. */
  private static Field proto2Field(RecordSchema root) {
    SchemaGraph graph;
    try {
      graph = SchemaGraph.of(root);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new SchemaException(e.getMessage(), e);
    }
    for (Schema s : graph.namedTypes()) {
      if (s instanceof RecordSchema) {
        for (Field f : ((RecordSchema) s).fields()) {
          // A required list, map or vector is a plain repeated field: protobuf cannot require one.
          if (f.required() && !f.type().kind().isCollection() || f.hasDefault()) {
            return f;
          }
        }
      }
    }
    return null;
  }

  private String write(RecordSchema root) {
    SchemaGraph graph;
    try {
      graph = SchemaGraph.of(root);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new SchemaException(e.getMessage(), e);
    }
    List<Schema> types = new ArrayList<>();
    types.add(root);
    for (Schema s : graph.namedTypes()) {
      if (s != graph.type(root.name())) {
        types.add(s);
      }
    }
    Map<String, String> scope = new HashMap<>();
    boolean timestamps = false;
    boolean durations = false;
    for (Schema s : types) {
      String name = nameOf(s);
      String flat = flatten(name);
      claim(scope, flat, (s instanceof EnumSchema ? "enum " : "message ") + name);
      messageNames.put(name, flat);
      timestamps |= uses(s, Kind.TIMESTAMP);
      durations |= uses(s, Kind.DURATION);
    }
    for (Schema s : types) {
      if (s instanceof EnumSchema) {
        EnumSchema e = (EnumSchema) s;
        for (String constant : constantNames(e)) {
          claim(scope, constant, "constant " + constant + " of enum " + e.name());
        }
      }
    }
    out.append("// Written by Polycodec from the schema of ").append(root.name()).append(".\n");
    out.append(proto2 ? "syntax = \"proto2\";\n\n" : "syntax = \"proto3\";\n\n");
    if (!protoPackage.isEmpty()) {
      out.append("package ").append(protoPackage).append(";\n\n");
    }
    if (durations) {
      out.append("import \"google/protobuf/duration.proto\";\n");
    }
    if (timestamps) {
      out.append("import \"google/protobuf/timestamp.proto\";\n");
    }
    if (durations || timestamps) {
      out.append('\n');
    }
    for (int i = 0; i < types.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      Schema s = types.get(i);
      if (s instanceof RecordSchema) {
        record((RecordSchema) s);
      } else if (s instanceof UnionSchema) {
        union((UnionSchema) s);
      } else {
        enumeration((EnumSchema) s);
      }
    }
    return out.toString();
  }

  private static void claim(Map<String, String> scope, String name, String what) {
    String prior = scope.putIfAbsent(name, what);
    if (prior != null) {
      throw new SchemaException("in the exported .proto, " + what + " and " + prior + " would both be named " + name
          + " in one scope (proto3 puts enum constants next to their enum); rename one (@SchemaName)");
    }
  }

  private static String nameOf(Schema s) {
    if (s instanceof RecordSchema) {
      return ((RecordSchema) s).name();
    }
    return s instanceof UnionSchema ? ((UnionSchema) s).name() : ((EnumSchema) s).name();
  }

  private String flatten(String name) {
    String local = !protoPackage.isEmpty() && name.startsWith(protoPackage + ".")
        ? name.substring(protoPackage.length() + 1)
        : name;
    return local.replace('.', '_');
  }

  private String ref(Schema named) {
    String flat = messageNames.get(nameOf(named));
    return protoPackage.isEmpty() ? "." + flat : "." + protoPackage + "." + flat;
  }

  private static boolean uses(Schema s, Kind kind) {
    if (!(s instanceof RecordSchema)) {
      return false;
    }
    for (Field f : ((RecordSchema) s).fields()) {
      Schema t = f.type();
      if (t instanceof ListSchema) {
        t = ((ListSchema) t).element();
      } else if (t instanceof MapSchema) {
        t = ((MapSchema) t).value();
      }
      if (t.kind() == kind) {
        return true;
      }
    }
    return false;
  }

  private static void checkNumber(String where, int number) {
    if (number > PlanCompiler.MAX_FIELD_NUMBER || (number >= 19000 && number <= 19999)) {
      throw new SchemaException(where + ": " + number + " is not a valid protobuf field number");
    }
  }

  // protoc refuses proto3 fields whose names are equal once underscores are dropped and case ignored,
  // because their JSON names would collide.
  private static void checkJsonNames(String message, List<String> names) {
    Map<String, String> seen = new HashMap<>();
    for (String n : names) {
      String key = n.replace("_", "").toLowerCase(Locale.ROOT);
      String prior = seen.putIfAbsent(key, n);
      if (prior != null) {
        throw new SchemaException(message + ": fields " + prior + " and " + n
            + " have colliding JSON names, which proto3 does not allow; rename one");
      }
    }
  }

  private void record(RecordSchema r) {
    out.append("message ").append(messageNames.get(r.name())).append(" {\n");
    List<String> names = new ArrayList<>();
    Set<String> oneofsDone = new LinkedHashSet<>();
    for (Field f : r.fields()) {
      checkNumber(r.name() + "." + f.name(), f.tag());
      names.add(f.name());
      if (f.oneof() == null) {
        field(f, "  ", true);
        continue;
      }
      if (!oneofsDone.add(f.oneof())) {
        continue;
      }
      names.add(f.oneof());
      out.append("  oneof ").append(f.oneof()).append(" {\n");
      for (Field member : r.fields()) {
        if (f.oneof().equals(member.oneof())) {
          if (member.type().kind().isCollection()) {
            throw new SchemaException(r.name() + "." + member.name() + ": a oneof member cannot be a collection");
          }
          field(member, "    ", false);
        }
      }
      out.append("  }\n");
    }
    checkJsonNames(r.name(), names);
    out.append("}\n");
  }

  private void field(Field f, String indent, boolean mayBeOptional) {
    Schema t = f.type();
    out.append(indent);
    String comment = null;
    switch (t.kind()) {
      case LIST:
        out.append("repeated ").append(type(((ListSchema) t).element()));
        break;
      case MAP: {
        MapSchema m = (MapSchema) t;
        out.append("map<").append(type(m.key())).append(", ").append(type(m.value())).append('>');
        break;
      }
      case VECTOR: {
        VectorSchema v = (VectorSchema) t;
        if (v.quantization() == Quantization.NONE) {
          out.append("repeated ").append(v.element() == Kind.FLOAT64 ? "double" : "float");
        } else {
          out.append("bytes");
          comment = "a float32 vector stored as " + v.quantization() + " in Polycodec's VectorBytes layout";
        }
        break;
      }
      default:
        boolean message = t.kind() == Kind.RECORD || t.kind() == Kind.UNION || t.kind() == Kind.TIMESTAMP
            || t.kind() == Kind.DURATION;
        if (t.kind().isNarrowInt()) {
          comment = t.describe() + " in Polycodec: " + t.kind().minValue() + " to " + t.kind().maxValue()
              + ", checked on decode";
        }
        if (proto2 && mayBeOptional) {
          // proto2 labels every singular field; a non-optional one is "optional" with the same bytes
          // (a zero left off reads as zero, protobuf's default for it too).
          out.append(f.required() ? "required " : "optional ");
        } else if (mayBeOptional && f.optional() && !message) {
          out.append("optional ");
        }
        out.append(type(t));
        break;
    }
    out.append(' ').append(f.name()).append(" = ").append(f.tag());
    List<String> options = new ArrayList<>();
    if (f.deprecated()) {
      options.add("deprecated = true");
    }
    if (f.hasDefault()) {
      options.add("default = " + defaultLiteral(f));
    }
    if (!options.isEmpty()) {
      out.append(" [").append(String.join(", ", options)).append(']');
    }
    out.append(';');
    if (comment != null) {
      out.append(" // ").append(comment);
    }
    out.append('\n');
  }

  /** {@code f}'s default as a .proto literal: numbers, inf, -inf, nan, true/false, a constant, a quoted string. */
  private static String defaultLiteral(Field f) {
    Object d = f.defaultValue();
    switch (f.type().kind()) {
      case STRING: {
        byte[] utf8 = ((String) d).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return quoted(utf8, true);
      }
      case BYTES:
        return quoted((byte[]) d, false);
      case ENUM:
        if (d instanceof Long) {
          throw new SchemaException("cannot write a .proto: field " + f.name() + ": default " + d + " is no constant of "
              + f.type().describe() + ", and a proto2 enum default must name one");
        }
        return f.defaultText();
      default:
        return f.defaultText();
    }
  }

  /** A C-style quoted literal as protoc reads it; non-ASCII UTF-8 of strings is kept, other bytes are octal escapes. */
  private static String quoted(byte[] bytes, boolean utf8) {
    StringBuilder sb = new StringBuilder("\"");
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b == '"' || b == '\\') {
        sb.append('\\').append((char) b);
      } else if (b >= 0x20 && b < 0x7F) {
        sb.append((char) b);
      } else if (utf8 && b >= 0x80) {
        int n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        sb.append(new String(bytes, i, n, java.nio.charset.StandardCharsets.UTF_8));
        i += n;
        continue;
      } else {
        sb.append('\\').append(String.format(Locale.ROOT, "%03o", b));
      }
      i++;
    }
    return sb.append('"').toString();
  }

  private String type(Schema t) {
    // A switch expression names every kind, so a new kind must say what it exports as.
    return switch (t.kind()) {
      case TIMESTAMP -> ".google.protobuf.Timestamp";
      case DURATION -> ".google.protobuf.Duration";
      case RECORD, UNION, ENUM -> ref(t);
      case BOOL, INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, STRING, BYTES -> ScalarType.of((ScalarSchema) t).protoName;
      case LIST, MAP, VECTOR -> throw new IllegalStateException(t.describe() + " has no single protobuf type");
    };
  }

  private void union(UnionSchema u) {
    String group = "value";
    for (UnionSchema.Member m : u.members()) {
      if (m.name().equals(group)) {
        group = "member";
      }
    }
    out.append("// A union: exactly one member is set.\n");
    out.append("message ").append(messageNames.get(u.name())).append(" {\n");
    out.append("  oneof ").append(group).append(" {\n");
    List<String> names = new ArrayList<>();
    names.add(group);
    for (UnionSchema.Member m : u.members()) {
      checkNumber(u.name() + "." + m.name(), m.tag());
      names.add(m.name());
      out.append("    ").append(ref(m.type())).append(' ').append(m.name()).append(" = ").append(m.tag()).append(";\n");
    }
    checkJsonNames(u.name(), names);
    out.append("  }\n}\n");
  }

  private static String unspecified(EnumSchema e) {
    String simple = e.name().substring(e.name().lastIndexOf('.') + 1);
    return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_UNSPECIFIED";
  }

  private static List<String> constantNames(EnumSchema e) {
    List<String> names = new ArrayList<>();
    if (e.byNumber(0) == null) {
      names.add(unspecified(e));
    }
    for (EnumSchema.Constant c : e.constants()) {
      names.add(c.name());
    }
    return names;
  }

  private void enumeration(EnumSchema e) {
    out.append("enum ").append(messageNames.get(e.name())).append(" {\n");
    EnumSchema.Constant zero = e.byNumber(0);
    if (zero == null) {
      out.append("  ").append(unspecified(e)).append(" = 0; // proto3 needs a zero; Polycodec never writes it\n");
    } else {
      out.append("  ").append(zero.name()).append(" = 0;\n");
    }
    for (EnumSchema.Constant c : e.constants()) {
      if (c.number() != (int) c.number()) {
        throw new SchemaException("cannot write a .proto: enum " + e.name() + ": " + c.name() + " = " + c.number()
            + " is outside int32, the range of protobuf enum numbers");
      }
      if (c != zero) {
        out.append("  ").append(c.name()).append(" = ").append(c.number()).append(";\n");
      }
    }
    out.append("}\n");
  }
}
