package io.polycodec.examples;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.Format;
import io.polycodec.examples.embeddings.EmbeddingScenario;
import io.polycodec.examples.profiles.ProfileScenario;
import io.polycodec.examples.telemetry.TelemetryScenario;
import io.polycodec.schema.Quantization;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The README's demo: one realistic {@link UserProfile} through every codec on the class path, then the
 * three scenarios (a user-profile service moving to Protobuf, telemetry with an evolving schema, an
 * embedding cache), and a summary.
 */
public final class Demo {
  private Demo() {}

  /** One row of the format table. */
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

  /** Prints the format table to {@code out}. */
  public static void print(List<Row> rows, PrintStream out) {
    out.println("0. One UserProfile record through every codec on the class path");
    out.printf(Locale.ROOT, "   %-13s %-26s %8s  %s%n", "format", "media type", "bytes", "exact round trip");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "   %-13s %-26s %8d  %s%n", r.format(), r.mediaType(), r.bytes(), r.exact() ? "yes" : "NO");
    }
  }

  /** Runs the demo; {@code args[0]} may name the output directory for the exported .proto. */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Path outputDir = Path.of(args.length > 0 ? args[0] : "target/polycodec-demo");
    long start = System.nanoTime();
    out.println();
    List<Row> formats = roundTripAll(UserProfile.sample());
    print(formats, out);
    out.println();
    ProfileScenario.Outcome profiles = ProfileScenario.run(out, outputDir);
    out.println();
    TelemetryScenario.Outcome telemetry = TelemetryScenario.run(out, 2_500);
    out.println();
    List<EmbeddingScenario.Row> embeddings = EmbeddingScenario.run(out, 10_000, 50, "protobuf");
    out.println();

    boolean exact = formats.stream().allMatch(Row::exact)
        && profiles.results().stream().filter(r -> r.status() == 200).allMatch(ProfileScenario.Result::exact);
    int json = bytesOf(formats, "json");
    int proto = bytesOf(formats, "protobuf");
    EmbeddingScenario.Row fp16 = embeddings.stream().filter(r -> r.quantization() == Quantization.FP16).findFirst().orElseThrow();
    EmbeddingScenario.Row int8 = embeddings.stream().filter(r -> r.quantization() == Quantization.INT8).findFirst().orElseThrow();
    out.println("Summary");
    out.printf(Locale.ROOT, "   %-44s %s%n", "formats on the class path", formats.size());
    out.printf(Locale.ROOT, "   %-44s %s%n", "every round trip exact", exact ? "yes" : "NO");
    out.printf(Locale.ROOT, "   %-44s %d -> %d bytes (%.0f%%)%n", "user profile, JSON -> Protobuf", json, proto, 100.0 * proto / json);
    out.printf(Locale.ROOT, "   %-44s %s%n", "406 for an unsupported Accept header",
        profiles.results().stream().anyMatch(r -> r.status() == 406) ? "yes" : "NO");
    out.printf(Locale.ROOT, "   %-44s %s%n", "rename is safe in protobuf, breaks json",
        profiles.verdicts().stream().anyMatch(v -> v.format().equals("protobuf") && v.change().startsWith("rename") && v.backward())
            && profiles.verdicts().stream().anyMatch(v -> v.format().equals("json") && v.change().startsWith("rename") && !v.backward())
            ? "yes" : "NO");
    out.printf(Locale.ROOT, "   %-44s %,d msgs, %.1f B/msg, %s%n", "telemetry v1+v2+v3 read with v3", telemetry.messages(),
        (double) telemetry.streamBytes() / telemetry.messages(), telemetry.written().equals(telemetry.typed()) ? "all counted" : "MISCOUNTED");
    out.printf(Locale.ROOT, "   %-44s %.2fx / %.2fx the FP32 bytes, recall@10 %.3f / %.3f%n", "embeddings as FP16 / INT8",
        (double) fp16.bytes() / embeddings.get(0).bytes(), (double) int8.bytes() / embeddings.get(0).bytes(),
        fp16.recallAt10(), int8.recallAt10());
    out.printf(Locale.ROOT, "   %-44s %.1f s%n", "demo time", (System.nanoTime() - start) / 1e9);
    out.println();
    if (!exact) {
      throw new IllegalStateException("a round trip was not exact");
    }
  }

  private static int bytesOf(List<Row> rows, String format) {
    return rows.stream().filter(r -> r.format().equals(format)).findFirst().map(Row::bytes).orElse(0);
  }
}
