package io.polycodec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as users do ({@code java -jar target/polycodec.jar}, and the launcher script), on
 * files, with real exit codes and streams. Runs in the integration-test phase, after the jar is built.
 */
class CliProcessTest {
  private static Path jar;
  private static Path launcher;

  @TempDir
  Path tmp;

  @BeforeAll
  static void locate() {
    jar = Path.of(System.getProperty("polycodec.jar", "target/polycodec.jar"));
    launcher = Path.of(System.getProperty("polycodec.launcher", "src/main/sh/polycodec"));
    assertTrue(Files.isRegularFile(jar), "build the jar first (mvn package): " + jar.toAbsolutePath());
  }

  record Run(int status, byte[] out, String err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "status " + status + "\n--- stdout\n" + text() + "--- stderr\n" + err;
    }
  }

  private Run java(Path stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return exec(new ProcessBuilder(cmd), stdin);
  }

  private Run exec(ProcessBuilder pb, Path stdin) throws IOException, InterruptedException {
    Path out = tmp.resolve("out-" + System.nanoTime());
    Path err = tmp.resolve("err-" + System.nanoTime());
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    } else {
      pb.redirectInput(ProcessBuilder.Redirect.from(Files.createFile(tmp.resolve("empty-" + System.nanoTime())).toFile()));
    }
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("polycodec did not finish within 60 s: " + pb.command());
    }
    return new Run(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
  }

  @Test
  void checkGivesBufLikeLinesAndExitCodes() throws Exception {
    Path history = Files.createDirectories(tmp.resolve("history"));
    copy("history/Account.v1.json", history);
    copy("history/Account.v2.json", history);
    Path breaking = copy("account-breaking.json", tmp);
    Path compatible = copy("account-compatible.json", tmp);

    Run ok = java(null, "check", history.toString(), compatible.toString(), "--format", "protobuf",
        "--mode", "BACKWARD_TRANSITIVE");
    assertEquals(0, ok.status(), ok::toString);
    assertTrue(ok.text().startsWith("COMPATIBLE in protobuf"), ok::toString);

    Run no = java(null, "check", history.toString(), breaking.toString(), "--format", "protobuf");
    assertEquals(1, no.status(), no::toString);
    assertTrue(no.text().contains("  Account.v2.json → candidate (backward): Account.owner (tag 2): string → int64 is"
        + " not readable in protobuf"), no::toString);
    assertEquals("", no.err());

    Run json = java(null, "check", history.toString(), breaking.toString(), "--format", "protobuf", "--json");
    assertEquals(1, json.status(), json::toString);
    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) io.polycodec.Codecs.schemaless("json").decode(json.out());
    assertEquals(false, v.get("compatible"));
  }

  @Test
  void badInputIsOneLineOnStandardErrorWithStatusTwo() throws Exception {
    Path notSnapshot = copy("not-a-snapshot.json", tmp);
    Run r = java(null, "check", notSnapshot.toString(), notSnapshot.toString(), "-f", "json");
    assertEquals(2, r.status(), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
    assertTrue(r.err().startsWith("polycodec check: " + notSnapshot + ": not a schema snapshot"), r::toString);

    Run verbose = java(null, "check", notSnapshot.toString(), notSnapshot.toString(), "-f", "json", "--verbose");
    assertEquals(2, verbose.status(), verbose::toString);
    assertTrue(verbose.err().contains("\tat io.polycodec."), verbose::toString);

    Run unknown = java(null, "frobnicate");
    assertEquals(2, unknown.status(), unknown::toString);
  }

  @Test
  void decodeAndEncodeThroughFilesAndPipes() throws Exception {
    Path pb = Files.write(tmp.resolve("account.pb"), DataCommandsTest.ACCOUNT_PB);
    Path history = Files.createDirectories(tmp.resolve("h"));
    copy("history/Account.v1.json", history);
    copy("history/Account.v2.json", history);

    Run dec = java(pb, "decode", "-f", "protobuf", "--schema", history.toString());
    assertEquals(0, dec.status(), dec::toString);
    assertEquals("{\"id\":7,\"owner\":\"ann\",\"email\":\"a@b\"}\n", dec.text());

    Path json = Files.write(tmp.resolve("account.json"), dec.out());
    Run enc = java(json, "encode", "-f", "protobuf", "--schema", history.toString());
    assertEquals(0, enc.status(), enc::toString);
    assertArrayEquals(java.util.Arrays.copyOf(DataCommandsTest.ACCOUNT_PB, 12), enc.out());

    Path truncated = Files.write(tmp.resolve("bad.pb"), java.util.Arrays.copyOf(DataCommandsTest.ACCOUNT_PB, 5));
    Run bad = java(truncated, "decode", "-f", "protobuf", "--schema", history.toString());
    assertEquals(1, bad.status(), bad::toString);
    assertEquals(1, bad.err().lines().count(), bad::toString);
    assertTrue(bad.err().contains("protobuf: at offset 3"), bad::toString);
    assertFalse(bad.err().contains("Exception"), bad::toString);

    Run dump = java(truncated, "inspect", "-f", "protobuf");
    assertEquals(1, dump.status(), dump::toString);
    assertTrue(dump.text().contains("1: varint 7"), dump::toString);
  }

  @Test
  void launcherScriptFindsTheJar() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sh", launcher.toString(), "--version");
    pb.environment().put("POLYCODEC_JAR", jar.toAbsolutePath().toString());
    Run r = exec(pb, null);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.text().startsWith("polycodec "), r::toString);
    assertFalse(r.text().contains("development"), "the shaded jar carries its version: " + r);

    ProcessBuilder missing = new ProcessBuilder("sh", launcher.toString(), "--version");
    missing.environment().put("POLYCODEC_JAR", tmp.resolve("absent.jar").toString());
    Run m = exec(missing, null);
    assertEquals(2, m.status(), m::toString);
    assertTrue(m.err().contains("cannot find polycodec.jar"), m::toString);
  }

  private static Path copy(String resource, Path dir) throws IOException {
    Path target = dir.resolve(Path.of(resource).getFileName().toString());
    Files.copy(Path.of(CliRun.resource(resource)), target);
    return target;
  }
}
