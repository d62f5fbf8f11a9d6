package io.polycodec.schema;

import io.polycodec.SchemaException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader for snapshot text (codec-api has no JSON library). It yields
 * {@link Node}s that remember their line and column, so that every later complaint about the
 * snapshot's content can say where the offending value is.
 *
 * <p>Strict RFC 8259: no comments, no trailing commas, no leading zeros, nothing after the document.
 * Nesting is bounded (snapshots are four levels deep), so hostile input cannot overflow the stack.
 */
final class SnapshotJson {
  private static final int MAX_DEPTH = 32;

  /** A parsed value: String, Long, Boolean, null, List of Node, or Map of String to Node. */
  static final class Node {
    final Object value;
    final int line;
    final int column;

    Node(Object value, int line, int column) {
      this.value = value;
      this.line = line;
      this.column = column;
    }

    String where() {
      return "line " + line + ", column " + column;
    }

    SchemaException error(String problem) {
      return new SchemaException("schema snapshot, " + where() + ": " + problem);
    }

    String kindName() {
      if (value == null) {
        return "null";
      }
      if (value instanceof String) {
        return "a string";
      }
      if (value instanceof Long) {
        return "a number";
      }
      if (value instanceof Boolean) {
        return "a boolean";
      }
      if (value instanceof List) {
        return "an array";
      }
      return "an object";
    }

    @SuppressWarnings("unchecked")
    Map<String, Node> object(String what) {
      if (!(value instanceof Map)) {
        throw error(what + " must be an object, not " + kindName());
      }
      return (Map<String, Node>) value;
    }

    @SuppressWarnings("unchecked")
    List<Node> array(String what) {
      if (!(value instanceof List)) {
        throw error(what + " must be an array, not " + kindName());
      }
      return (List<Node>) value;
    }

    String string(String what) {
      if (!(value instanceof String)) {
        throw error(what + " must be a string, not " + kindName());
      }
      return (String) value;
    }

    int integer(String what) {
      if (!(value instanceof Long)) {
        throw error(what + " must be an integer, not " + kindName());
      }
      long v = (Long) value;
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw error(what + " " + v + " is out of range");
      }
      return (int) v;
    }

    /** A whole number of the full {@code long} range (enum constants' numbers). */
    long longInteger(String what) {
      if (!(value instanceof Long)) {
        throw error(what + " must be an integer, not " + kindName());
      }
      return (Long) value;
    }

    boolean bool(String what) {
      if (!(value instanceof Boolean)) {
        throw error(what + " must be true or false, not " + kindName());
      }
      return (Boolean) value;
    }
  }

  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private SnapshotJson(String text) {
    this.text = text;
  }

  /**
   * Parses {@code text} as one JSON document.
   *
   * @throws SchemaException naming line and column if it is not well-formed JSON
   */
  static Node parse(String text) {
    SnapshotJson p = new SnapshotJson(text);
    p.skipWhitespace();
    if (p.pos >= text.length()) {
      throw p.error("the text is empty; expected a JSON object");
    }
    Node n = p.value(0);
    p.skipWhitespace();
    if (p.pos < text.length()) {
      throw p.error("unexpected " + p.describeCurrent() + " after the end of the document");
    }
    return n;
  }

  private Node value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested more than " + MAX_DEPTH + " levels deep");
    }
    int l = line;
    int c = column();
    if (pos >= text.length()) {
      throw error("the text ends where a value was expected");
    }
    char ch = text.charAt(pos);
    switch (ch) {
      case '{':
        return new Node(object(depth), l, c);
      case '[':
        return new Node(array(depth), l, c);
      case '"':
        return new Node(string(), l, c);
      case 't':
        literal("true");
        return new Node(Boolean.TRUE, l, c);
      case 'f':
        literal("false");
        return new Node(Boolean.FALSE, l, c);
      case 'n':
        literal("null");
        return new Node(null, l, c);
      default:
        if (ch == '-' || (ch >= '0' && ch <= '9')) {
          return new Node(number(), l, c);
        }
        throw error("unexpected " + describeCurrent() + " where a value was expected");
    }
  }

  private Map<String, Node> object(int depth) {
    pos++; // {
    Map<String, Node> out = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(out);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a quoted key, found " + describeCurrent());
      }
      int l = line;
      int c = column();
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Node v = value(depth + 1);
      if (out.put(key, v) != null) {
        throw new SchemaException("schema snapshot, line " + l + ", column " + c + ": duplicate key \"" + key + "\"");
      }
      skipWhitespace();
      char ch = peek();
      if (ch == ',') {
        pos++;
      } else if (ch == '}') {
        pos++;
        return Collections.unmodifiableMap(out);
      } else {
        throw error("expected ',' or '}' in an object, found " + describeCurrent());
      }
    }
  }

  private List<Node> array(int depth) {
    pos++; // [
    List<Node> out = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(out);
    }
    while (true) {
      skipWhitespace();
      out.add(value(depth + 1));
      skipWhitespace();
      char ch = peek();
      if (ch == ',') {
        pos++;
      } else if (ch == ']') {
        pos++;
        return Collections.unmodifiableList(out);
      } else {
        throw error("expected ',' or ']' in an array, found " + describeCurrent());
      }
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("the text ends inside a string");
      }
      char ch = text.charAt(pos);
      if (ch == '"') {
        pos++;
        return sb.toString();
      }
      if (ch < 0x20) {
        throw error("control character U+" + String.format("%04X", (int) ch) + " inside a string (escape it)");
      }
      if (ch != '\\') {
        sb.append(ch);
        pos++;
        continue;
      }
      pos++;
      if (pos >= text.length()) {
        throw error("the text ends inside an escape sequence");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"': sb.append('"'); break;
        case '\\': sb.append('\\'); break;
        case '/': sb.append('/'); break;
        case 'b': sb.append('\b'); break;
        case 'f': sb.append('\f'); break;
        case 'n': sb.append('\n'); break;
        case 'r': sb.append('\r'); break;
        case 't': sb.append('\t'); break;
        case 'u':
          if (pos + 4 > text.length()) {
            throw error("the text ends inside a \\u escape");
          }
          int cp = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
              throw error("\\u must be followed by four hexadecimal digits");
            }
            cp = cp * 16 + d;
          }
          pos += 4;
          sb.append((char) cp);
          break;
        default:
          pos--;
          throw error("invalid escape \\" + e);
      }
    }
  }

  // Snapshots hold only integers (tags, numbers); fractions and exponents are rejected with a clear message.
  private Long number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (pos >= text.length() || !isDigit(text.charAt(pos))) {
      throw error("a number needs digits");
    }
    if (text.charAt(pos) == '0' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
      throw error("numbers must not have leading zeros");
    }
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      throw error("only integers appear in a schema snapshot");
    }
    String digits = text.substring(start, pos);
    // Up to long's range: enum constants may be 64-bit (FlatBuffers); tags and the like are checked as ints.
    if (digits.length() > 20) {
      pos = start;
      throw error("number " + digits + " is out of range");
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("number " + digits + " is out of range");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void literal(String word) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describeCurrent() + " where a value was expected");
    }
    pos += word.length();
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "', found " + describeCurrent());
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private String describeCurrent() {
    if (pos >= text.length()) {
      return "the end of the text";
    }
    char c = text.charAt(pos);
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "character U+" + String.format("%04X", (int) c);
  }

  private SchemaException error(String problem) {
    return new SchemaException("schema snapshot, line " + line + ", column " + column() + ": " + problem);
  }
}
