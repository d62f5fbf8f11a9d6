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
 * Writes a schema as a proto3 {@code .proto} file describing exactly what the protobuf codec writes, so
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
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(protoPackage, "protoPackage");
    if (!protoPackage.isEmpty() && !protoPackage.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
      throw new SchemaException("'" + protoPackage + "' is not a protobuf package name");
    }
    return new ProtoExport(protoPackage).write(root);
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
    out.append("syntax = \"proto3\";\n\n");
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
        if (mayBeOptional && f.optional() && !message) {
          out.append("optional ");
        }
        out.append(type(t));
        break;
    }
    out.append(' ').append(f.name()).append(" = ").append(f.tag());
    if (f.deprecated()) {
      out.append(" [deprecated = true]");
    }
    out.append(';');
    if (comment != null) {
      out.append(" // ").append(comment);
    }
    out.append('\n');
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
      if (c != zero) {
        out.append("  ").append(c.name()).append(" = ").append(c.number()).append(";\n");
      }
    }
    out.append("}\n");
  }
}
