package io.polycodec.cli;

import io.polycodec.cli.schema.Protoc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code .proto} files are compiled: which protoc, which import paths. */
final class ProtoOptions {
  @Option(names = "--protoc", paramLabel = "EXE", description = "protoc for .proto files (default: $PROTOC, else PATH).")
  String protoc;

  @Option(names = {"-I", "--proto-path"}, paramLabel = "DIR", description = "Import path for .proto files (repeatable).")
  List<Path> protoPaths = new ArrayList<>();

  Protoc protoc() {
    return Protoc.of(protoc, protoPaths);
  }
}
