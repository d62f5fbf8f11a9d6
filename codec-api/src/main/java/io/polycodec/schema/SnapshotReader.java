package io.polycodec.schema;

import io.polycodec.SchemaException;
import io.polycodec.schema.SnapshotJson.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed snapshot into a {@link RecordSchema}: declares every named type first (records as
 * builder references, so that recursive and mutually recursive types resolve), then resolves field
 * and member types, then builds and validates the whole graph.
 */
final class SnapshotReader {
  private static final Set<String> TOP_KEYS = Set.of("polycodec", "root", "types");
  private static final Set<String> RECORD_KEYS = Set.of("kind", "name", "fields");
  private static final Set<String> FIELD_KEYS = Set.of("name", "tag", "type", "optional", "oneof", "deprecated",
      "required", "default");
  private static final Set<String> ENUM_KEYS = Set.of("kind", "name", "constants");
  private static final Set<String> CONSTANT_KEYS = Set.of("name", "number");
  private static final Set<String> UNION_KEYS = Set.of("kind", "name", "members");
  private static final Set<String> MEMBER_KEYS = Set.of("name", "tag", "type");
  private static final Set<String> SCALARS = Set.of("bool", "int8", "int16", "int32", "int64", "float32", "float64", "string",
      "bytes", "timestamp", "duration");
  private static final int MAX_TYPE_DEPTH = 8;

  private final Map<String, Schema> named = new LinkedHashMap<>();
  private final Map<String, RecordSchema.Builder> builders = new LinkedHashMap<>();
  private final Map<String, Node> recordBlocks = new LinkedHashMap<>();

  private SnapshotReader() {}

  static RecordSchema read(Node top) {
    return new SnapshotReader().run(top);
  }

  private RecordSchema run(Node top) {
    Map<String, Node> root = top.object("the snapshot");
    checkKeys(top, root, TOP_KEYS, "the snapshot", true);
    Node version = root.get("polycodec");
    String v = version.string("\"polycodec\"");
    if (!v.equals(SchemaSnapshot.FORMAT)) {
      throw version.error("unsupported snapshot format \"" + v + "\"; this version of Polycodec reads \""
          + SchemaSnapshot.FORMAT + "\"");
    }
    Node rootName = root.get("root");
    String rootType = rootName.string("\"root\"");
    List<Node> types = root.get("types").array("\"types\"");

    List<Node> unions = new ArrayList<>();
    for (Node t : types) {
      Map<String, Node> block = t.object("a type");
      Node kindNode = block.get("kind");
      if (kindNode == null) {
        throw t.error("a type needs a \"kind\" (record, enum or union)");
      }
      String kind = kindNode.string("\"kind\"");
      Node nameNode = block.get("name");
      if (nameNode == null) {
        throw t.error("a " + kind + " needs a \"name\"");
      }
      String name = nameNode.string("\"name\"");
      if (SCALARS.contains(name)) {
        throw nameNode.error("type name \"" + name + "\" is a scalar type's name; a snapshot cannot refer to it");
      }
      if (named.containsKey(name) || builders.containsKey(name)) {
        throw nameNode.error("type " + name + " is declared twice");
      }
      switch (kind) {
        case "record":
          checkKeys(t, block, RECORD_KEYS, "record " + name, true);
          try {
            RecordSchema.Builder b = RecordSchema.builder(name);
            builders.put(name, b);
            named.put(name, b.ref());
          } catch (IllegalArgumentException e) {
            throw nameNode.error(e.getMessage());
          }
          recordBlocks.put(name, t);
          break;
        case "enum":
          checkKeys(t, block, ENUM_KEYS, "enum " + name, true);
          named.put(name, enumeration(name, nameNode, block.get("constants")));
          break;
        case "union":
          checkKeys(t, block, UNION_KEYS, "union " + name, true);
          unions.add(t);
          named.put(name, null); // reserved; defined once every record exists
          break;
        default:
          throw kindNode.error("unknown kind \"" + kind + "\"; expected record, enum or union");
      }
    }
    for (Node u : unions) {
      Map<String, Node> block = u.object("a union");
      String name = block.get("name").string("\"name\"");
      named.put(name, union(name, block.get("name"), block.get("members")));
    }
    for (Map.Entry<String, Node> e : recordBlocks.entrySet()) {
      defineRecord(e.getKey(), e.getValue());
    }
    Schema rootSchema = named.get(rootType);
    if (!(rootSchema instanceof RecordSchema)) {
      throw rootName.error(rootSchema == null
          ? "root type " + rootType + " is not declared in \"types\""
          : "root type " + rootType + " must be a record");
    }
    RecordSchema result = (RecordSchema) rootSchema;
    SchemaGraph graph;
    try {
      graph = SchemaGraph.of(result);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new SchemaException("schema snapshot: " + e.getMessage(), e);
    }
    Set<String> reachable = new HashSet<>();
    for (Schema s : graph.namedTypes()) {
      reachable.add(SchemaGraph.nameOf(s));
    }
    for (Node t : types) {
      Node n = t.object("a type").get("name");
      if (!reachable.contains(n.string("\"name\""))) {
        throw n.error("type " + n.value + " is declared but not reachable from the root " + rootType
            + "; remove it (a snapshot lists exactly the types its root uses)");
      }
    }
    return result;
  }

  private static void checkKeys(Node where, Map<String, Node> obj, Set<String> allowed, String what, boolean all) {
    for (Map.Entry<String, Node> e : obj.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw e.getValue().error("unknown key \"" + e.getKey() + "\" in " + what + "; expected " + sorted(allowed));
      }
    }
    if (all) {
      for (String k : allowed) {
        boolean optionalKey = k.equals("optional") || k.equals("oneof") || k.equals("deprecated")
            || k.equals("required") || k.equals("default");
        if (!optionalKey && !obj.containsKey(k)) {
          throw where.error(what + " lacks the key \"" + k + "\"");
        }
      }
    }
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }

  private static EnumSchema enumeration(String name, Node nameNode, Node constantsNode) {
    List<EnumSchema.Constant> constants = new ArrayList<>();
    for (Node c : constantsNode.array("the constants of enum " + name)) {
      Map<String, Node> obj = c.object("an enum constant");
      checkKeys(c, obj, CONSTANT_KEYS, "a constant of enum " + name, true);
      try {
        constants.add(new EnumSchema.Constant(obj.get("name").string("a constant's \"name\""),
            obj.get("number").longInteger("a constant's \"number\"")));
      } catch (IllegalArgumentException e) {
        throw c.error("enum " + name + ": " + e.getMessage());
      }
    }
    try {
      return EnumSchema.of(name, constants);
    } catch (IllegalArgumentException e) {
      throw nameNode.error(e.getMessage());
    }
  }

  private UnionSchema union(String name, Node nameNode, Node membersNode) {
    List<UnionSchema.Member> members = new ArrayList<>();
    for (Node m : membersNode.array("the members of union " + name)) {
      Map<String, Node> obj = m.object("a union member");
      checkKeys(m, obj, MEMBER_KEYS, "a member of union " + name, true);
      Node typeNode = obj.get("type");
      String typeName = typeNode.string("a member's \"type\"");
      Schema t = named.get(typeName);
      if (!(t instanceof RecordSchema)) {
        throw typeNode.error("member type " + typeName + " of union " + name
            + (t == null && !named.containsKey(typeName) ? " is not declared in \"types\"" : " must be a record"));
      }
      try {
        members.add(new UnionSchema.Member(obj.get("name").string("a member's \"name\""),
            obj.get("tag").integer("a member's \"tag\""), (RecordSchema) t));
      } catch (IllegalArgumentException e) {
        throw m.error("union " + name + ": " + e.getMessage());
      }
    }
    try {
      return UnionSchema.of(name, members);
    } catch (IllegalArgumentException e) {
      throw nameNode.error(e.getMessage());
    }
  }

  private void defineRecord(String name, Node blockNode) {
    Map<String, Node> block = blockNode.object("a record");
    RecordSchema.Builder b = builders.get(name);
    for (Node f : block.get("fields").array("the fields of record " + name)) {
      Map<String, Node> obj = f.object("a field");
      checkKeys(f, obj, FIELD_KEYS, "a field of record " + name, true);
      String fieldName = obj.get("name").string("a field's \"name\"");
      String where = "record " + name + ", field " + fieldName;
      int tag = obj.get("tag").integer("the \"tag\" of " + where);
      Node typeNode = obj.get("type");
      Schema type = typeExpression(typeNode, typeNode.string("the \"type\" of " + where), where);
      boolean optional = obj.containsKey("optional") && obj.get("optional").bool("\"optional\"");
      String oneof = obj.containsKey("oneof") ? obj.get("oneof").string("\"oneof\"") : null;
      boolean deprecated = obj.containsKey("deprecated") && obj.get("deprecated").bool("\"deprecated\"");
      boolean required = obj.containsKey("required") && obj.get("required").bool("\"required\"");
      String defaultText = obj.containsKey("default") ? obj.get("default").string("\"default\"") : null;
      try {
        Field field = optional ? Field.optional(fieldName, tag, type) : Field.of(fieldName, tag, type);
        if (oneof != null) {
          if (!optional) {
            throw new IllegalArgumentException("a field in oneof " + oneof + " must also say \"optional\": true");
          }
          field = field.withOneof(oneof);
        }
        field = field.withDeprecated(deprecated);
        if (required) {
          field = field.withRequired(true);
        }
        if (defaultText != null) {
          field = field.withDefaultText(defaultText);
        }
        b.field(field);
      } catch (IllegalArgumentException | SchemaException e) {
        throw f.error(where + ": " + e.getMessage());
      }
    }
    try {
      b.build();
    } catch (IllegalArgumentException e) {
      throw blockNode.error(e.getMessage());
    }
  }

  private Schema typeExpression(Node node, String text, String where) {
    TypeParser p = new TypeParser(text, node, where);
    Schema s = p.type(0);
    if (p.pos != text.length()) {
      throw p.error("unexpected '" + text.charAt(p.pos) + "'");
    }
    return s;
  }

  /** A recursive-descent parser of one {@link Schema#describe()} expression. */
  private final class TypeParser {
    final String text;
    final Node node;
    final String where;
    int pos;

    TypeParser(String text, Node node, String where) {
      this.text = text;
      this.node = node;
      this.where = where;
    }

    Schema type(int depth) {
      if (depth > MAX_TYPE_DEPTH) {
        throw error("nested too deeply");
      }
      String word = word();
      try {
        switch (word) {
          case "list": {
            expect('<');
            Schema element = type(depth + 1);
            expect('>');
            return Schema.list(element);
          }
          case "map": {
            expect('<');
            Schema key = type(depth + 1);
            expect(',');
            Schema value = type(depth + 1);
            expect('>');
            if (!(key instanceof ScalarSchema)) {
              throw error("a map key must be string, bool, int32 or int64, not " + key.describe());
            }
            return Schema.map((ScalarSchema) key, value);
          }
          case "vector": {
            expect('<');
            String element = word();
            Quantization q = Quantization.NONE;
            if (peek() == ',') {
              pos++;
              String qn = word();
              try {
                q = Quantization.valueOf(qn.toUpperCase(Locale.ROOT));
              } catch (IllegalArgumentException e) {
                throw error("unknown quantization \"" + qn + "\"; expected fp16, bf16 or int8");
              }
              if (q == Quantization.NONE || !qn.equals(qn.toLowerCase(Locale.ROOT))) {
                throw error("unknown quantization \"" + qn + "\"; expected fp16, bf16 or int8");
              }
            }
            expect('>');
            if (!element.equals("float32") && !element.equals("float64")) {
              throw error("a vector holds float32 or float64, not " + element);
            }
            return VectorSchema.of(element.equals("float32") ? Kind.FLOAT32 : Kind.FLOAT64, q);
          }
          default:
            break;
        }
        if (SCALARS.contains(word)) {
          Kind k = Kind.valueOf(word.toUpperCase(Locale.ROOT));
          if (peek() == '(') {
            if (k != Kind.INT32 && k != Kind.INT64) {
              throw error("an integer encoding applies to int32 and int64 only, not " + word);
            }
            pos++;
            String en = word();
            expect(')');
            IntEncoding enc;
            try {
              enc = IntEncoding.valueOf(en.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
              throw error("unknown integer encoding \"" + en + "\"; expected zigzag, fixed, unsigned or unsigned_fixed");
            }
            if (enc == IntEncoding.VARINT || !en.equals(en.toLowerCase(Locale.ROOT))) {
              throw error("unknown integer encoding \"" + en + "\"; expected zigzag, fixed, unsigned or unsigned_fixed");
            }
            return ScalarSchema.of(k, enc);
          }
          return ScalarSchema.of(k);
        }
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
      if (!named.containsKey(word)) {
        throw error("type " + word + " is not declared in \"types\"");
      }
      return named.get(word);
    }

    // An identifier or dotted type name; an empty one is an error.
    String word() {
      int start = pos;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          pos++;
        } else {
          break;
        }
      }
      if (start == pos) {
        throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "it ends too early");
      }
      return text.substring(start, pos);
    }

    char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'" + (pos < text.length() ? " at '" + text.charAt(pos) + "'" : " at its end"));
      }
      pos++;
    }

    SchemaException error(String problem) {
      return node.error(where + ": type \"" + text + "\": " + problem);
    }
  }
}
