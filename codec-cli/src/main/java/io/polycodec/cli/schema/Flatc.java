package io.polycodec.cli.schema;

import io.polycodec.cli.CliException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles {@code .fbs} source to flatc's binary schema ({@code flatc -b --schema --bfbs-builtins}) with an
 * installed {@code flatc}: flatbuffers-java reads {@code .bfbs} but not {@code .fbs} text, and a second
 * parser would disagree with flatc somewhere. {@code --bfbs-builtins} keeps attributes such as
 * {@code bit_flags} in the output. The executable is the one given, else {@code $FLATC}, else
 * {@code flatc} on the {@code PATH}. Immutable.
 */
public final class Flatc {
  private static final long TIMEOUT_SECONDS = 60;

  private final String executable;
  private final List<Path> includes;

  private Flatc(String executable, List<Path> includes) {
    this.executable = executable;
    this.includes = List.copyOf(includes);
  }

  /**
   * A compiler that runs {@code executable} (null: {@code $FLATC}, else {@code flatc} from the
   * {@code PATH}) with {@code includes} as include paths, after the folder of the compiled file.
   */
  public static Flatc of(String executable, List<Path> includes) {
    String exe = executable != null ? executable : System.getenv("FLATC");
    return new Flatc(exe, Objects.requireNonNull(includes, "includes"));
  }

  /**
   * The binary schema of {@code file}.
   *
   * @throws CliException if flatc is not found, fails (with its first error line), or runs over a minute
   */
  public byte[] compile(Path file) {
    String exe = executable != null ? executable : onPath();
    Path out = null;
    try {
      out = Files.createTempDirectory("polycodec-bfbs-");
      List<String> cmd = new ArrayList<>(List.of(exe, "-b", "--schema", "--bfbs-builtins", "-o", out.toString()));
      cmd.add("-I");
      cmd.add(file.toAbsolutePath().getParent().toString());
      for (Path p : includes) {
        cmd.add("-I");
        cmd.add(p.toAbsolutePath().toString());
      }
      cmd.add(file.toAbsolutePath().toString());
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] log = p.getInputStream().readNBytes(64 * 1024);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new CliException(file + ": flatc did not finish within " + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        String first = new String(log, StandardCharsets.UTF_8).strip().lines()
            .filter(l -> !l.isBlank() && !l.strip().equals("error:")).findFirst().orElse("no message");
        throw new CliException(file + ": flatc failed: " + first.strip());
      }
      String name = file.getFileName().toString();
      Path bfbs = out.resolve(name.substring(0, name.length() - ".fbs".length()) + ".bfbs");
      return Files.readAllBytes(bfbs);
    } catch (IOException e) {
      throw new CliException(file + ": cannot run flatc (" + exe + "): " + e.getMessage()
          + "; install flatc, or pass a binary schema made with flatc -b --schema --bfbs-builtins", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(file + ": interrupted while flatc ran", e);
    } finally {
      if (out != null) {
        try (Stream<Path> files = Files.walk(out)) {
          for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(f);
          }
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  private static String onPath() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "flatc"))) {
          return Path.of(dir, "flatc").toString();
        }
      }
    }
    throw new CliException("reading .fbs files needs flatc: put it on the PATH, set $FLATC or pass --flatc"
        + " (Debian: apt-get install flatbuffers-compiler), or pass a binary schema made with"
        + " flatc -b --schema --bfbs-builtins file.fbs");
  }
}
