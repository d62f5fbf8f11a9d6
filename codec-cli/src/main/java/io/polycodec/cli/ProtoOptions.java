package io.polycodec.cli;

import io.polycodec.cli.schema.Protoc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code .proto} and {@code .fbs} files are compiled: which protoc and flatc, which import paths. */
final class ProtoOptions {
  @Option(names = "--protoc", paramLabel = "EXE", description = "protoc for .proto files (default: $PROTOC, else PATH).")
  String protoc;

  @Option(names = {"-I", "--proto-path"}, paramLabel = "DIR",
      description = "Import path for .proto and .fbs files (repeatable).")
  List<Path> protoPaths = new ArrayList<>();

  @Option(names = "--flatc", paramLabel = "EXE", description = "flatc for .fbs files (default: $FLATC, else PATH).")
  String flatc;

  Protoc protoc() {
    return Protoc.of(protoc, protoPaths);
  }

  io.polycodec.cli.schema.Flatc flatc() {
    return io.polycodec.cli.schema.Flatc.of(flatc, protoPaths);
  }
}
