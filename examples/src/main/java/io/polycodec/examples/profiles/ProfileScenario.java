package io.polycodec.examples.profiles;

import io.polycodec.Codecs;
import io.polycodec.examples.UserProfile;
import io.polycodec.protobuf.ProtoExport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 1: a user-profile service moving from JSON to Protobuf. One record type served in every
 * representation by content negotiation; the client prints payload size and decode time side by side.
 */
public final class ProfileScenario {
  private ProfileScenario() {}

  /** What the client saw for one Accept header. */
  public record Result(String accept, int status, String contentType, int bytes, double decodeMicros, boolean exact) {}

  /** Everything the scenario produced. */
  public record Outcome(List<Result> results, Path protoFile, List<ProfileEvolution.Verdict> verdicts) {}

  /**
   * Runs the service and the client, writes the exported {@code .proto} into {@code outputDir}, checks the
   * planned schema changes; prints it all to {@code out}.
   */
  public static Outcome run(PrintStream out, Path outputDir) throws Exception {
    List<Result> results = serve(out);
    Path proto = exportProto(outputDir);
    out.println();
    out.println("   .proto for non-Java clients written to " + proto);
    List<ProfileEvolution.Verdict> verdicts = ProfileEvolution.check(List.of("protobuf", "json"));
    out.println();
    out.printf(Locale.ROOT, "   %-20s %-9s %-9s %-9s  %s%n", "planned change", "format", "backward", "forward", "first reason");
    for (ProfileEvolution.Verdict v : verdicts) {
      out.printf(Locale.ROOT, "   %-20s %-9s %-9s %-9s  %s%n", v.change(), v.format(), v.backward() ? "safe" : "BREAKS",
          v.forward() ? "safe" : "BREAKS", v.reason());
    }
    return new Outcome(results, proto, verdicts);
  }

  /** Writes {@code user_profile.proto} (package {@code polycodec.examples}) into {@code dir}. */
  public static Path exportProto(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("user_profile.proto");
    Files.writeString(file, ProtoExport.proto3(Codecs.schemaOf(UserProfile.class), "polycodec.examples"),
        StandardCharsets.UTF_8);
    return file;
  }

  /** Runs the service and the client; prints a table to {@code out}; returns what was seen. */
  static List<Result> serve(PrintStream out) throws Exception {
    UserProfile ada = UserProfile.sample();
    List<Result> results = new ArrayList<>();
    try (ProfileServer server = ProfileServer.start(Map.of(ada.id(), ada))) {
      ProfileClient client = new ProfileClient(server.baseUri());
      List<String> accepts = new ArrayList<>(server.offered());
      accepts.add("text/html");
      for (String accept : accepts) {
        ProfileClient.Response r = client.get(ada.id(), accept);
        if (r.status() != 200) {
          results.add(new Result(accept, r.status(), r.contentType(), r.body().length, 0, false));
          continue;
        }
        UserProfile back = ProfileClient.decode(r);
        results.add(new Result(accept, r.status(), r.contentType(), r.body().length, decodeMicros(r), ada.equals(back)));
      }
    }
    out.println("1. User-profile service moving from JSON to Protobuf: GET /users/" + ada.id() + " by content negotiation");
    out.printf(Locale.ROOT, "   %-25s %6s %-25s %8s %12s  %s%n", "Accept", "status", "Content-Type", "bytes", "decode (us)",
        "exact");
    for (Result r : results) {
      out.printf(Locale.ROOT, "   %-25s %6d %-25s %8d %12s  %s%n", r.accept(), r.status(), r.contentType(), r.bytes(),
          r.status() == 200 ? String.format(Locale.ROOT, "%.2f", r.decodeMicros()) : "-",
          r.status() == 200 ? (r.exact() ? "yes" : "NO") : "-");
    }
    return results;
  }

  // A rough in-process figure for the table (warm-up, then the mean of many decodes); the benchmarks in
  // codec-bench are the measurements to rely on.
  private static double decodeMicros(ProfileClient.Response r) {
    for (int i = 0; i < 20_000; i++) {
      ProfileClient.decode(r);
    }
    int n = 20_000;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      ProfileClient.decode(r);
    }
    return (System.nanoTime() - start) / 1_000.0 / n;
  }
}
