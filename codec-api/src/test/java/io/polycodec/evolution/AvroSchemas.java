package io.polycodec.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.schema.UnionSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: converts an Avro schema (its JSON form) into Polycodec's model where the model can say
 * the same thing, or explains why it cannot. A top-level schema that is not a record becomes the single
 * required field {@code value} (tag 1) of a record {@code Root}, so that "int read as long" becomes
 * "Root.value: int32 → int64". Record fields are tagged 1, 2, 3… in order; the tags play no part in
 * the JSON rules the Avro cases are checked with, since Avro, like JSON, resolves fields by name.
 */
final class AvroSchemas {
  /** Thrown when the model cannot express an Avro construct; the message says why. */
  static final class Inexpressible extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Inexpressible(String why) {
      super(why);
    }
  }

  private final Map<String, Schema> named = new HashMap<>();

  private AvroSchemas() {}

  /** The record for {@code avro}, or {@link Inexpressible}. */
  static RecordSchema convert(JsonNode avro) {
    AvroSchemas c = new AvroSchemas();
    RecordSchema root;
    if (avro.isObject() && avro.path("type").asText().equals("record")) {
      root = (RecordSchema) c.type(avro, "").schema;
    } else {
      Typed t = c.type(avro, "");
      Field f = t.optional ? Field.optional("value", 1, t.schema) : Field.of("value", 1, t.schema);
      root = RecordSchema.of("Root", f);
    }
    try {
      SchemaGraph.of(root);
    } catch (IllegalArgumentException e) {
      throw new Inexpressible("the model rejects it: " + e.getMessage()
          + " (Avro accepts such a schema, but no finite value of it exists)");
    }
    return root;
  }

  /** A converted type and whether Avro allows null there (a union with "null"). */
  private static final class Typed {
    final Schema schema;
    final boolean optional;

    Typed(Schema schema, boolean optional) {
      this.schema = schema;
      this.optional = optional;
    }
  }

  private Typed type(JsonNode n, String namespace) {
    if (n.isTextual()) {
      return new Typed(named(n.asText(), namespace), false);
    }
    if (n.isArray()) {
      return union(n, namespace);
    }
    String t = n.path("type").asText();
    switch (t) {
      case "record":
        return new Typed(record(n, namespace), false);
      case "enum":
        return new Typed(enumeration(n, namespace), false);
      case "array": {
        Typed items = type(n.get("items"), namespace);
        if (items.optional) {
          throw new Inexpressible("array of nullable items: list elements are never null in the model");
        }
        if (items.schema.kind().isCollection()) {
          throw new Inexpressible("array of " + items.schema.describe() + ": the model nests collections only inside records");
        }
        return new Typed(Schema.list(items.schema), false);
      }
      case "map": {
        Typed values = type(n.get("values"), namespace);
        if (values.optional) {
          throw new Inexpressible("map of nullable values: map values are never null in the model");
        }
        if (values.schema.kind().isCollection()) {
          throw new Inexpressible("map of " + values.schema.describe() + ": the model nests collections only inside records");
        }
        return new Typed(Schema.map(Schema.string(), values.schema), false);
      }
      case "fixed":
        throw new Inexpressible("fixed: the model has no fixed-size bytes type");
      default:
        return type(n.get("type"), namespace);
    }
  }

  private Schema named(String name, String namespace) {
    switch (name) {
      case "null": throw new Inexpressible("null as a type: the model has no null type (only optional fields)");
      case "boolean": return Schema.bool();
      case "int": return Schema.int32();
      case "long": return Schema.int64();
      case "float": return Schema.float32();
      case "double": return Schema.float64();
      case "string": return Schema.string();
      case "bytes": return Schema.bytes();
      default:
        break;
    }
    Schema s = named.get(name.contains(".") || namespace.isEmpty() ? name : namespace + "." + name);
    if (s == null) {
      s = named.get(name);
    }
    if (s == null) {
      throw new IllegalStateException("unknown Avro type " + name);
    }
    return s;
  }

  private static String fullName(JsonNode n, String namespace) {
    String name = n.get("name").asText();
    String ns = n.has("namespace") ? n.get("namespace").asText() : namespace;
    return name.contains(".") || ns.isEmpty() ? name : ns + "." + name;
  }

  private RecordSchema record(JsonNode n, String namespace) {
    String full = fullName(n, namespace);
    String ns = full.contains(".") ? full.substring(0, full.lastIndexOf('.')) : "";
    RecordSchema.Builder b = RecordSchema.builder(full);
    named.put(full, b.ref());
    int tag = 1;
    for (JsonNode f : n.get("fields")) {
      String name = f.get("name").asText();
      Typed t = type(f.get("type"), ns);
      if (f.has("default")) {
        checkDefault(name, t, f.get("default"));
      }
      b.field(t.optional ? Field.optional(name, tag++, t.schema) : Field.of(name, tag++, t.schema));
    }
    return b.build();
  }

  // A default the model would not give the field on its own cannot be expressed.
  private static void checkDefault(String field, Typed t, JsonNode d) {
    boolean implicit;
    if (t.optional) {
      implicit = d.isNull();
    } else {
      switch (t.schema.kind()) {
        case BOOL: implicit = d.isBoolean() && !d.asBoolean(); break;
        case INT32:
        case INT64: implicit = d.isIntegralNumber() && d.asLong() == 0; break;
        case FLOAT32:
        case FLOAT64: implicit = d.isNumber() && d.asDouble() == 0 && !Double.toString(d.asDouble()).startsWith("-"); break;
        case STRING:
        case BYTES: implicit = d.isTextual() && d.asText().isEmpty(); break;
        case LIST: implicit = d.isArray() && d.isEmpty(); break;
        case MAP: implicit = d.isObject() && d.isEmpty(); break;
        case ENUM: implicit = d.isTextual() && d.asText().equals(((EnumSchema) t.schema).defaultConstant().name()); break;
        default: implicit = false; break;
      }
    }
    if (!implicit) {
      throw new Inexpressible("field " + field + " has default " + d + ", but the model's default for "
          + (t.optional ? "an optional field is absent" : t.schema.describe() + " is fixed"));
    }
  }

  private EnumSchema enumeration(JsonNode n, String namespace) {
    if (n.has("default")) {
      throw new Inexpressible("enum default symbol (what an Avro reader substitutes for a symbol it does not know):"
          + " the schema model has no such fallback; it is a property of the Java binding (@Fallback)");
    }
    List<String> symbols = new ArrayList<>();
    for (JsonNode s : n.get("symbols")) {
      symbols.add(s.asText());
    }
    EnumSchema e = EnumSchema.of(fullName(n, namespace), symbols.toArray(new String[0]));
    named.put(e.name(), e);
    return e;
  }

  private Typed union(JsonNode branches, String namespace) {
    List<JsonNode> nonNull = new ArrayList<>();
    boolean hasNull = false;
    for (JsonNode b : branches) {
      if (b.isTextual() && b.asText().equals("null")) {
        hasNull = true;
      } else {
        nonNull.add(b);
      }
    }
    if (nonNull.isEmpty()) {
      throw new Inexpressible(branches.isEmpty() ? "empty union: the model has no type without values"
          : "union of null only: the model has no null type");
    }
    if (hasNull && nonNull.size() == 1) {
      Typed t = type(nonNull.get(0), namespace);
      if (t.schema.kind().isCollection()) {
        throw new Inexpressible("nullable " + t.schema.describe() + ": collections cannot be optional in the model"
            + " (an empty one means absent)");
      }
      return new Typed(t.schema, true);
    }
    List<RecordSchema> records = new ArrayList<>();
    for (JsonNode b : nonNull) {
      Typed t = type(b, namespace);
      if (t.schema.kind() != Kind.RECORD) {
        throw new Inexpressible("union with a " + t.schema.describe() + " branch: model unions hold records only,"
            + " and resolve members by name or tag rather than by Avro's type promotion");
      }
      records.add((RecordSchema) t.schema);
    }
    List<String> names = new ArrayList<>();
    for (RecordSchema r : records) {
      names.add(r.name().substring(r.name().lastIndexOf('.') + 1));
    }
    return new Typed(UnionSchema.of("Union_" + String.join("_", names), records.toArray(new RecordSchema[0])), hasNull);
  }
}
