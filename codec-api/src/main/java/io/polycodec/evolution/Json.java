package io.polycodec.evolution;

/** Writes JSON string literals for {@link CompatibilityResult#toJson()}; codec-api has no JSON library. */
final class Json {
  private Json() {}

  /** Appends {@code s} as a JSON string: quotes, backslashes and control characters escaped (RFC 8259 §7). */
  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
