package io.polycodec.cli.schema;

import io.polycodec.cli.CliException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles {@code .fbs} source to flatc's binary schema ({@code flatc -b --schema --bfbs-builtins}) with an
 * installed {@code flatc}: flatbuffers-java reads {@code .bfbs} but not {@code .fbs} text, and a second
 * parser would disagree with flatc somewhere. {@code --bfbs-builtins} keeps attributes such as
 * {@code bit_flags} in the output. The executable is the one given, else {@code $FLATC}, else
 * {@code flatc} on the {@code PATH}. Immutable.
 */
public final class Flatc {
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
    String exe = executable != null ? executable : SchemaCompilerRun.onPath("flatc",
        "reading .fbs files needs flatc: put it on the PATH, set $FLATC or pass --flatc"
            + " (Debian: apt-get install flatbuffers-compiler), or pass a binary schema made with"
            + " flatc -b --schema --bfbs-builtins file.fbs");
    String name = file.getFileName().toString();
    String bfbs = name.substring(0, name.length() - ".fbs".length()) + ".bfbs";
    return SchemaCompilerRun.run("flatc", file, exe, out -> {
      List<String> args = new ArrayList<>(List.of("-b", "--schema", "--bfbs-builtins", "-o", out.toString()));
      args.add("-I");
      args.add(file.toAbsolutePath().getParent().toString());
      for (Path p : includes) {
        args.add("-I");
        args.add(p.toAbsolutePath().toString());
      }
      args.add(file.toAbsolutePath().toString());
      return args;
    }, out -> out.resolve(bfbs), "install flatc, or pass a binary schema made with flatc -b --schema --bfbs-builtins");
  }
}
