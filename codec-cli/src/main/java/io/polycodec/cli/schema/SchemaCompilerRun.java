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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One run of an installed schema compiler ({@code protoc}, {@code flatc}) for {@link Protoc} and
 * {@link Flatc}: bounded in time, its first error line in the exception, its temporary output removed
 * whatever happens.
 */
final class SchemaCompilerRun {
  private static final long TIMEOUT_SECONDS = 60;

  private SchemaCompilerRun() {}

  /**
   * Runs {@code exe} with {@code args} (built for a fresh temporary directory, which the compiler writes
   * into) and returns the bytes of the file {@code result} names in that directory.
   *
   * @param tool the compiler's name, for messages
   * @param file the schema file compiled, for messages
   * @param remedy what the user can do when the compiler cannot be run at all
   * @throws CliException if the compiler cannot be started, fails (with its first error line), or runs over a minute
   */
  static byte[] run(String tool, Path file, String exe, Function<Path, List<String>> args,
      Function<Path, Path> result, String remedy) {
    Path out = null;
    try {
      out = Files.createTempDirectory("polycodec-" + tool + "-");
      List<String> cmd = new ArrayList<>();
      cmd.add(exe);
      cmd.addAll(args.apply(out));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] log = p.getInputStream().readNBytes(64 * 1024);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new CliException(file + ": " + tool + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        String first = new String(log, StandardCharsets.UTF_8).strip().lines()
            .filter(l -> !l.isBlank() && !l.strip().equals("error:")).findFirst().orElse("no message");
        throw new CliException(file + ": " + tool + " failed: " + first.strip());
      }
      return Files.readAllBytes(result.apply(out));
    } catch (IOException e) {
      throw new CliException(file + ": cannot run " + tool + " (" + exe + "): " + e.getMessage() + "; " + remedy, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(file + ": interrupted while " + tool + " ran", e);
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

  /** {@code tool} from the {@code PATH}, or a CliException saying {@code missing}. */
  static String onPath(String tool, String missing) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
          return Path.of(dir, tool).toString();
        }
      }
    }
    throw new CliException(missing);
  }
}
