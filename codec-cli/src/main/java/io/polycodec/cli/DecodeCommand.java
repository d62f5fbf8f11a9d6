package io.polycodec.cli;

import io.polycodec.cli.data.Transcoder;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polycodec decode}: a payload to JSON, like {@code protoc --decode}. */
@Command(name = "decode", mixinStandardHelpOptions = true,
    description = {"Decode a payload (standard input or --in) and print it as JSON.",
        "MessagePack and JSON decode without a schema; protobuf and flatbuffers need --schema or --classpath."})
final class DecodeCommand extends BaseCommand {
  @Option(names = {"-f", "--format"}, required = true, description = "protobuf, msgpack, flatbuffers or json.")
  String format;

  @Mixin
  SchemaOptions schema = new SchemaOptions();

  @Option(names = "--in", paramLabel = "FILE", description = "Read the payload from FILE instead of standard input.")
  Path in;

  @Option(names = "--pretty", description = "Indent the JSON.")
  boolean pretty;

  @Option(names = "--delimited", description = "A stream of length-delimited payloads; one JSON line each.")
  boolean delimited;

  @Option(names = "--max-bytes", paramLabel = "N", description = "Largest payload accepted (default: 64 MiB).")
  int maxBytes;

  DecodeCommand(Streams streams) {
    super(streams);
  }

  @Override
  public Integer call() throws Exception {
    return convert(Transcoder.of(format, "json", schema.resolve(), options(maxBytes), pretty), in, null, delimited);
  }
}
