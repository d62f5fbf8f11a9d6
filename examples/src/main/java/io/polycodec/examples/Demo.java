package io.polycodec.examples;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.Format;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The README's demo: encodes one realistic {@link UserProfile} with every codec on the class path,
 * decodes it back, and prints the format, the payload size and whether the round trip was exact.
 */
public final class Demo {
  private Demo() {}

  /** One row of the demo's table. */
  public record Row(String format, String mediaType, int bytes, boolean exact) {}

  /** Encodes and decodes {@code value} with every available format. */
  public static List<Row> roundTripAll(UserProfile value) {
    List<Row> rows = new ArrayList<>();
    for (Format f : Codecs.formats()) {
      Codec<UserProfile> codec = Codecs.get(f.name(), UserProfile.class);
      byte[] bytes = codec.encode(value);
      UserProfile back = codec.decode(bytes);
      rows.add(new Row(f.name(), f.mediaType(), bytes.length, value.equals(back)));
    }
    return rows;
  }

  /** Prints the table to {@code out}. */
  public static void print(List<Row> rows, PrintStream out) {
    out.println();
    out.println("Polycodec demo: one UserProfile record through every codec on the class path");
    out.println();
    out.printf(Locale.ROOT, "  %-12s %-26s %8s  %s%n", "format", "media type", "bytes", "exact round trip");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "  %-12s %-26s %8d  %s%n", r.format(), r.mediaType(), r.bytes(), r.exact() ? "yes" : "NO");
    }
    out.println();
  }

  /** Runs the demo. */
  public static void main(String[] args) {
    List<Row> rows = roundTripAll(UserProfile.sample());
    print(rows, System.out);
    if (rows.stream().anyMatch(r -> !r.exact())) {
      throw new IllegalStateException("a round trip was not exact");
    }
  }
}
