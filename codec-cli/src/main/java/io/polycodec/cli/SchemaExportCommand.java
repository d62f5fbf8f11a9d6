package io.polycodec.cli;

import io.polycodec.cli.schema.Version;
import io.polycodec.flatbuffers.FbsExport;
import io.polycodec.protobuf.ProtoExport;
import io.polycodec.schema.SchemaSnapshot;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polycodec schema export}: a record's (or an imported message's) schema as .proto, .fbs or snapshot. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Print the schema of a compiled record (--classpath, --type) or of a schema file (--schema)",
        "as a .proto file, a .fbs file or a Polycodec snapshot (for a SchemaHistory folder)."})
final class SchemaExportCommand extends BaseCommand {
  /** What to write. */
  enum Target {
    proto, fbs, snapshot
  }

  @Mixin
  SchemaOptions schema = new SchemaOptions();

  @Option(names = "--to", required = true, description = "${COMPLETION-CANDIDATES}")
  Target to;

  @Option(names = "--package", paramLabel = "PKG", defaultValue = "",
      description = "The protobuf package of --to proto (default: none).")
  String protoPackage;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path out;

  SchemaExportCommand(Streams streams) {
    super(streams);
  }

  @Override
  public Integer call() throws Exception {
    Version v = schema.resolve();
    if (v == null) {
      throw new CliException("name the schema: --classpath and --type for a compiled record, or --schema");
    }
    String text = switch (to) {
      case proto -> ProtoExport.proto(v.schema(), protoPackage);
      case fbs -> v.flat() != null ? v.flat().fbs() : FbsExport.render(v.schema());
      case snapshot -> SchemaSnapshot.toJson(v.schema());
    };
    OutputStream o = output(out);
    try {
      o.write(text.getBytes(StandardCharsets.UTF_8));
      if (!text.endsWith("\n")) {
        o.write('\n');
      }
    } finally {
      if (out != null) {
        o.close();
      } else {
        o.flush();
      }
    }
    return PolycodecCli.OK;
  }
}
