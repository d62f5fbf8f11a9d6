package io.polycodec.cli.schema;

import io.polycodec.cli.CliException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles {@code .proto} source to a descriptor set with an installed {@code protoc}: protobuf-java
 * cannot parse {@code .proto} text, and a second parser would disagree with protoc somewhere. The
 * executable is the one given, else {@code $PROTOC}, else {@code protoc} on the {@code PATH}.
 * Immutable.
 */
public final class Protoc {
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
    String exe = executable != null ? executable : SchemaCompilerRun.onPath("protoc",
        "reading .proto files needs protoc: put it on the PATH, set $PROTOC or pass --protoc,"
            + " or pass a descriptor set made with protoc --include_imports --descriptor_set_out");
    return SchemaCompilerRun.run("protoc", file, exe, out -> {
      List<String> args = new ArrayList<>(List.of("--include_imports", "--descriptor_set_out=" + out.resolve("set.desc")));
      args.add("--proto_path=" + file.toAbsolutePath().getParent());
      for (Path p : includes) {
        args.add("--proto_path=" + p.toAbsolutePath());
      }
      args.add(file.toAbsolutePath().toString());
      return args;
    }, out -> out.resolve("set.desc"),
        "install protoc, or pass a descriptor set made with protoc --include_imports --descriptor_set_out");
  }
}
