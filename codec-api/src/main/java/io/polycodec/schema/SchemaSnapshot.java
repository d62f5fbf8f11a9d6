package io.polycodec.schema;

import io.polycodec.SchemaException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The canonical JSON text of a schema: stable (identical schemas give identical text), diff-friendly
 * (one field, constant or member per line; types sorted by name) and complete (every type reachable
 * from the root). It is what schema snapshots committed to a repository contain, and what record
 * schemas are compared by.
 *
 * <pre>{@code
 * {
 *   "polycodec": "schema/1",
 *   "root": "UserProfile",
 *   "types": [
 *     {"kind": "record", "name": "UserProfile", "fields": [
 *       {"name": "id", "tag": 1, "type": "int64"},
 *       {"name": "email", "tag": 2, "type": "string", "optional": true},
 *       {"name": "retries", "tag": 3, "type": "int32", "required": true, "default": "3"}
 *     ]}
 *   ]
 * }
 * }</pre>
 *
 * Type expressions are those of {@link Schema#describe()}. {@link #fromJson} reads such text back;
 * {@link #fingerprint} names a schema by the SHA-256 of its canonical text.
 */
public final class SchemaSnapshot {
  /** The value of the {@code "polycodec"} key, naming this text format and its version. */
  public static final String FORMAT = "schema/1";

  private SchemaSnapshot() {}

  /**
   * The canonical text of {@code root} and everything it reaches, ending in a newline.
   *
   * @throws IllegalArgumentException if two different types share a name
   */
  public static String toJson(RecordSchema root) {
    SchemaGraph graph = SchemaGraph.of(root);
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\n  \"polycodec\": ").append(quote(FORMAT)).append(",\n  \"root\": ").append(quote(root.name()))
        .append(",\n  \"types\": [\n");
    List<Schema> types = graph.namedTypes();
    for (int i = 0; i < types.size(); i++) {
      sb.append("    ").append(block(types.get(i)).replace("\n", "\n    "));
      sb.append(i + 1 < types.size() ? ",\n" : "\n");
    }
    return sb.append("  ]\n}\n").toString();
  }

  /**
   * The schema whose canonical text {@code text} is: {@code toJson(fromJson(t))} equals {@code t} for
   * every text {@link #toJson} produced, and {@code fromJson(toJson(s))} equals {@code s}. Any valid
   * JSON layout of the same content is accepted; the content is checked strictly (unknown keys,
   * undeclared or unreachable types, and anything the model itself rejects are errors).
   *
   * @throws SchemaException if the text is not JSON, not a {@value #FORMAT} snapshot, or describes an
   *     invalid schema; the message gives the line and column and says what was expected
   * @throws NullPointerException if {@code text} is null
   */
  public static RecordSchema fromJson(String text) {
    return SnapshotReader.read(SnapshotJson.parse(java.util.Objects.requireNonNull(text, "text")));
  }

  /**
   * The SHA-256 of {@code root}'s canonical text (UTF-8), as 64 lower-case hexadecimal digits. Equal
   * schemas have equal fingerprints on every machine and JVM; any change to a name, tag, type,
   * optionality, oneof group, deprecation, required flag or default value changes it (schemas without
   * required fields or defaults keep the fingerprints they had before those existed).
   */
  public static String fingerprint(RecordSchema root) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(toJson(root).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException(e);
    }
    StringBuilder sb = new StringBuilder(64);
    for (byte b : digest) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  /** One named type's block; nested named types appear by name only. */
  static String block(Schema s) {
    StringBuilder sb = new StringBuilder();
    if (s instanceof RecordSchema) {
      RecordSchema r = (RecordSchema) s;
      sb.append("{\"kind\": \"record\", \"name\": ").append(quote(r.name())).append(", \"fields\": [");
      List<Field> fields = r.fields();
      for (int i = 0; i < fields.size(); i++) {
        Field f = fields.get(i);
        sb.append(i == 0 ? "\n  " : ",\n  ");
        sb.append("{\"name\": ").append(quote(f.name())).append(", \"tag\": ").append(f.tag())
            .append(", \"type\": ").append(quote(f.type().describe()));
        if (f.optional()) {
          sb.append(", \"optional\": true");
        }
        if (f.oneof() != null) {
          sb.append(", \"oneof\": ").append(quote(f.oneof()));
        }
        if (f.deprecated()) {
          sb.append(", \"deprecated\": true");
        }
        // Written only when present, so snapshots of schemas without them keep their text and fingerprint.
        if (f.required()) {
          sb.append(", \"required\": true");
        }
        if (f.hasDefault()) {
          sb.append(", \"default\": ").append(escaped(f.defaultText()));
        }
        sb.append('}');
      }
      sb.append(fields.isEmpty() ? "]}" : "\n]}");
    } else if (s instanceof EnumSchema) {
      EnumSchema e = (EnumSchema) s;
      sb.append("{\"kind\": \"enum\", \"name\": ").append(quote(e.name())).append(", \"constants\": [");
      List<EnumSchema.Constant> cs = e.constants();
      for (int i = 0; i < cs.size(); i++) {
        sb.append(i == 0 ? "\n  " : ",\n  ");
        sb.append("{\"name\": ").append(quote(cs.get(i).name())).append(", \"number\": ").append(cs.get(i).number())
            .append('}');
      }
      sb.append("\n]}");
    } else if (s instanceof UnionSchema) {
      UnionSchema u = (UnionSchema) s;
      sb.append("{\"kind\": \"union\", \"name\": ").append(quote(u.name())).append(", \"members\": [");
      List<UnionSchema.Member> ms = u.members();
      for (int i = 0; i < ms.size(); i++) {
        UnionSchema.Member m = ms.get(i);
        sb.append(i == 0 ? "\n  " : ",\n  ");
        sb.append("{\"name\": ").append(quote(m.name())).append(", \"tag\": ").append(m.tag())
            .append(", \"type\": ").append(quote(m.isString() ? "string" : m.record().name())).append('}');
      }
      sb.append("\n]}");
    } else {
      throw new IllegalArgumentException(s.describe() + " is not a named type");
    }
    return sb.toString();
  }

  // Names are identifiers and type expressions use only ASCII punctuation, so no escaping is needed
  // beyond the quotes themselves; keep the check so that a future name rule cannot break the JSON.
  /** Any text (a string default may hold quotes, controls, any Unicode) as a JSON string. */
  private static String escaped(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String quote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        throw new IllegalArgumentException("unexpected character in schema name: " + s);
      }
    }
    return '"' + s + '"';
  }
}
