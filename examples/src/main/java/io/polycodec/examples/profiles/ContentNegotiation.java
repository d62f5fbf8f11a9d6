package io.polycodec.examples.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the media type to answer with from an HTTP {@code Accept} header (RFC 9110 section 12.5.1):
 * the offered type with the highest quality; ties go to the client's order; {@code *}{@code /*} and
 * {@code application/*} match the first offered type; {@code q=0} refuses a type.
 */
public final class ContentNegotiation {
  private ContentNegotiation() {}

  /**
   * The offered media type to use, or empty if the client accepts none of them (answer 406).
   * A missing or blank header accepts anything.
   */
  public static Optional<String> choose(String acceptHeader, List<String> offered) {
    if (acceptHeader == null || acceptHeader.isBlank()) {
      return offered.isEmpty() ? Optional.empty() : Optional.of(offered.get(0));
    }
    List<String[]> ranges = new ArrayList<>();
    for (String part : acceptHeader.split(",")) {
      String[] bits = part.trim().split(";");
      String range = bits[0].trim().toLowerCase(Locale.ROOT);
      double q = 1.0;
      for (int i = 1; i < bits.length; i++) {
        String p = bits[i].trim();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (!range.isEmpty()) {
        ranges.add(new String[] {range, Double.toString(q)});
      }
    }
    String best = null;
    double bestQ = 0;
    for (String[] r : ranges) {
      double q = Double.parseDouble(r[1]);
      if (q <= bestQ) {
        continue;
      }
      for (String type : offered) {
        if (matches(r[0], type) && !refused(type, ranges)) {
          best = type;
          bestQ = q;
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean matches(String range, String type) {
    if (range.equals("*/*")) {
      return true;
    }
    if (range.endsWith("/*")) {
      return type.startsWith(range.substring(0, range.length() - 1));
    }
    return range.equals(type);
  }

  // An exact "type;q=0" refuses that type even if a wildcard would accept it.
  private static boolean refused(String type, List<String[]> ranges) {
    for (String[] r : ranges) {
      if (r[0].equals(type) && Double.parseDouble(r[1]) == 0) {
        return true;
      }
    }
    return false;
  }
}
