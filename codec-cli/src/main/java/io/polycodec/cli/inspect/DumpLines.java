package io.polycodec.cli.inspect;

import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * The shape every wire dump shares: one line per element, its byte offset first, nested elements
 * indented; byte strings shown as text when they are printable UTF-8, else as (shortened) hex.
 */
final class DumpLines {
  /** Bytes shown of a long binary value before it is shortened. */
  private static final int SHOWN = 32;

  private final PrintStream out;
  private int lines;

  DumpLines(PrintStream out) {
    this.out = out;
  }

  void line(long offset, int depth, String text) {
    out.printf("%8d  %s%s%n", offset, "  ".repeat(depth), text);
    lines++;
  }

  void note(int depth, String text) {
    out.printf("%8s  %s%s%n", "", "  ".repeat(depth), text);
    lines++;
  }

  int lines() {
    return lines;
  }

  /** {@code "text"} (JSON-escaped) if the bytes are printable UTF-8, else null. */
  static String text(byte[] b, int off, int len) {
    String s;
    try {
      s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        return null;
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** Hex of the bytes, the first {@value #SHOWN} only, then the count of those left out. */
  static String hex(byte[] b, int off, int len) {
    StringBuilder sb = new StringBuilder();
    int n = Math.min(len, SHOWN);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(Character.forDigit((b[off + i] >> 4) & 0xf, 16)).append(Character.forDigit(b[off + i] & 0xf, 16));
    }
    if (len > n) {
      sb.append(" … (").append(len - n).append(" more)");
    }
    return sb.toString();
  }

  /** Text if printable, else hex. */
  static String bytes(byte[] b, int off, int len) {
    String t = text(b, off, len);
    return t != null ? t : len == 0 ? "(empty)" : hex(b, off, len);
  }
}
