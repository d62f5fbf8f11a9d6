package io.polycodec.cli;

import io.polycodec.cli.data.Transcoder;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polycodec encode}: JSON to a payload, the reverse of {@code decode}. */
@Command(name = "encode", mixinStandardHelpOptions = true,
    description = {"Encode JSON (standard input or --in) as a payload on standard output (or --out).",
        "MessagePack encodes any JSON without a schema; protobuf and flatbuffers need --schema or --classpath."})
final class EncodeCommand extends BaseCommand {
  @Option(names = {"-f", "--format"}, required = true, description = "protobuf, msgpack, flatbuffers or json.")
  String format;

  @Mixin
  SchemaOptions schema = new SchemaOptions();

  @Option(names = "--in", paramLabel = "FILE", description = "Read JSON from FILE instead of standard input.")
  Path in;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the payload to FILE instead of standard output.")
  Path out;

  @Option(names = "--delimited", description = "Input is JSON Lines; write one length-delimited payload per line.")
  boolean delimited;

  @Option(names = "--max-bytes", paramLabel = "N", description = "Largest input accepted (default: 64 MiB).")
  int maxBytes;

  EncodeCommand(Streams streams) {
    super(streams);
  }

  @Override
  public Integer call() throws Exception {
    return convert(Transcoder.of("json", format, schema.resolve(), options(maxBytes), false), in, out, delimited);
  }
}
