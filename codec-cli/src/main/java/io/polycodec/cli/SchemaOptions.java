package io.polycodec.cli;

import io.polycodec.cli.schema.ClassSchemas;
import io.polycodec.cli.schema.SchemaFiles;
import io.polycodec.cli.schema.Version;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a command finds its schema: a file or folder ({@code --schema}), or a compiled class. */
final class SchemaOptions {
  @Option(names = "--schema", paramLabel = "PATH",
      description = "A snapshot .json, a history folder (latest version), a descriptor set (.desc/.pb/.binpb/"
          + ".protoset), a .proto file (needs protoc), a FlatBuffers binary schema .bfbs or a .fbs file (needs flatc).")
  Path schema;

  @Option(names = "--type", paramLabel = "NAME",
      description = "The type: snapshot type name, message or table full name, or with --classpath a class name.")
  String type;

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "Class path (folders, jars) to load --type from as a compiled record.")
  String classPath;

  @Mixin
  ProtoOptions proto = new ProtoOptions();

  /** The schema the options name, or null if they name none. */
  Version resolve() {
    if (classPath != null) {
      if (schema != null) {
        throw new CliException("give either --schema or --classpath, not both");
      }
      if (type == null) {
        throw new CliException("--classpath needs --type, the record's class name");
      }
      return ClassSchemas.load(classPath, type);
    }
    return schema == null ? null : SchemaFiles.latest(schema, type, proto.protoc(), proto.flatc());
  }
}
