package io.polycodec.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the CLI in-process through picocli with captured streams. */
final class CliRun {
  private CliRun() {}

  /** What one run printed and returned. */
  record Result(int status, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "status " + status + "\n--- stdout\n" + out() + "--- stderr\n" + stderr;
    }
  }

  static Result run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = PolycodecCli.run(new Streams(new ByteArrayInputStream(stdin),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    return new Result(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  static Result run(String... args) {
    return run(new byte[0], args);
  }

  static Result runText(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  /** A test resource as a path (they are files under target/test-classes). */
  static String resource(String name) {
    try {
      return Path.of(CliRun.class.getResource("/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The folder the test classes were compiled to, for --classpath. */
  static String testClasses() {
    try {
      return Path.of(CliRun.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hex(String hex) {
    String h = hex.replace(" ", "");
    byte[] b = new byte[h.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }
}
