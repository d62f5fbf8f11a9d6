package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's flatc (2.0.8) for the oracle tests. Without flatc the tests are skipped with a message
 * saying how to install it, unless the environment variable {@code POLYCODEC_REQUIRE_FLATC=1} is set
 * (CI sets it), in which case they fail. {@code -Dpolycodec.flatc=/path/to/flatc} picks another binary.
 */
final class Flatc {
  static final String REQUIRE_ENV = "POLYCODEC_REQUIRE_FLATC";
  private static final String EXECUTABLE = System.getProperty("polycodec.flatc", "flatc");
  private static volatile String version;

  private Flatc() {}

  /** What to do when flatc is {@code found} or not, given the value of the environment variable. */
  enum Decision { RUN, SKIP, FAIL }

  static Decision decide(boolean found, String requireEnv) {
    if (found) {
      return Decision.RUN;
    }
    return "1".equals(requireEnv) ? Decision.FAIL : Decision.SKIP;
  }

  /** Skips (or fails, when required) the calling test unless flatc runs. */
  static void require() {
    String v = version();
    String why = "flatc not found (looked for '" + EXECUTABLE + "'): install it with 'apt-get install -y "
        + "flatbuffers-compiler' to run the FlatBuffers oracle tests";
    switch (decide(v != null, System.getenv(REQUIRE_ENV))) {
      case FAIL:
        fail(why + "; they are required because " + REQUIRE_ENV + "=1");
        break;
      case SKIP:
        Assumptions.assumeTrue(false, why + " (set " + REQUIRE_ENV + "=1 to make this a failure)");
        break;
      default:
        break;
    }
  }

  /** flatc's version line, or null if it cannot be run. */
  static String version() {
    String v = version;
    if (v == null) {
      try {
        v = run(Path.of("."), List.of("--version")).trim();
      } catch (IOException | AssertionError e) {
        return null;
      }
      version = v;
    }
    return v;
  }

  /**
   * {@code flatc --conform old new}: null if flatc accepts {@code newSchema} as an evolution of
   * {@code oldSchema}, else flatc's complaint.
   */
  static String conform(Path dir, String oldSchema, String newSchema) throws IOException {
    java.nio.file.Files.writeString(dir.resolve("old.fbs"), oldSchema);
    java.nio.file.Files.writeString(dir.resolve("new.fbs"), newSchema);
    try {
      run(dir, List.of("--conform", "old.fbs", "new.fbs"));
      return null;
    } catch (AssertionError e) {
      String m = e.getMessage();
      int at = m.indexOf("schemas don't conform");
      return at >= 0 ? m.substring(at).trim() : m;
    }
  }

  /**
   * Compiles {@code fbsFile} (already in {@code dir}) to flatc's binary schema, with the attributes
   * ({@code --bfbs-builtins}), and imports it.
   */
  static FbsImport.Imported importSchema(Path dir, String fbsFile) throws IOException {
    run(dir, List.of("-b", "--schema", "--bfbs-builtins", fbsFile));
    String bfbs = fbsFile.substring(0, fbsFile.length() - ".fbs".length()) + ".bfbs";
    return FbsImport.read(java.nio.file.Files.readAllBytes(dir.resolve(bfbs)));
  }

  /**
   * Writes {@code exported} as {@code exported.fbs} in {@code dir} and checks with {@code flatc --conform}
   * that it and {@code fbsFile} are compatible evolutions of each other, both ways (same ids, types,
   * names and defaults).
   */
  static void conformsBothWays(Path dir, String fbsFile, String exported) throws IOException {
    java.nio.file.Files.writeString(dir.resolve("exported.fbs"), exported);
    run(dir, List.of("--conform", fbsFile, "exported.fbs"));
    run(dir, List.of("--conform", "exported.fbs", fbsFile));
  }

  /** Runs flatc with {@code args} in {@code dir}; returns its output, failing the test if it fails. */
  static String run(Path dir, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(EXECUTABLE);
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("flatc did not finish: " + cmd);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("flatc failed (" + p.exitValue() + "): " + cmd + "\n" + out);
    }
    return out;
  }
}
