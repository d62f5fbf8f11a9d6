package io.polycodec.cli.schema;

import io.polycodec.cli.CliException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Compiles {@code .proto} source to a descriptor set with an installed {@code protoc}: protobuf-java
 * cannot parse {@code .proto} text, and a second parser would disagree with protoc somewhere. The
 * executable is the one given, else {@code $PROTOC}, else {@code protoc} on the {@code PATH}.
 * Immutable.
 */
public final class Protoc {
  private static final long TIMEOUT_SECONDS = 60;

  private final String executable;
  private final List<Path> includes;

  private Protoc(String executable, List<Path> includes) {
    this.executable = executable;
    this.includes = List.copyOf(includes);
  }

  /**
   * A compiler that runs {@code executable} (null: {@code $PROTOC}, else {@code protoc} from the
   * {@code PATH}) with {@code includes} as import paths, after the folder of the compiled file.
   */
  public static Protoc of(String executable, List<Path> includes) {
    String exe = executable != null ? executable : System.getenv("PROTOC");
    return new Protoc(exe, Objects.requireNonNull(includes, "includes"));
  }

  /**
   * The descriptor set ({@code --include_imports}) of {@code file}.
   *
   * @throws CliException if protoc is not found, fails (with its first error line), or runs over a minute
   */
  public byte[] compile(Path file) {
    String exe = executable != null ? executable : onPath();
    Path out = null;
    try {
      out = Files.createTempFile("polycodec-", ".desc");
      List<String> cmd = new ArrayList<>(List.of(exe, "--include_imports", "--descriptor_set_out=" + out));
      Path dir = file.toAbsolutePath().getParent();
      cmd.add("--proto_path=" + dir);
      for (Path p : includes) {
        cmd.add("--proto_path=" + p.toAbsolutePath());
      }
      cmd.add(file.toAbsolutePath().toString());
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] log = p.getInputStream().readNBytes(64 * 1024);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new CliException(file + ": protoc did not finish within " + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        String first = new String(log, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("no message");
        throw new CliException(file + ": protoc failed: " + first);
      }
      return Files.readAllBytes(out);
    } catch (IOException e) {
      throw new CliException(file + ": cannot run protoc (" + exe + "): " + e.getMessage()
          + "; install protoc, or pass a descriptor set made with protoc --include_imports --descriptor_set_out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(file + ": interrupted while protoc ran", e);
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
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
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "protoc"))) {
          return Path.of(dir, "protoc").toString();
        }
      }
    }
    throw new CliException("reading .proto files needs protoc: put it on the PATH, set $PROTOC or pass --protoc,"
        + " or pass a descriptor set made with protoc --include_imports --descriptor_set_out");
  }
}
