package io.polycodec.cli;

import io.polycodec.CodecException;
import io.polycodec.Codecs;
import io.polycodec.Limits;
import io.polycodec.cli.inspect.WireDump;
import io.polycodec.cli.schema.Version;
import java.io.InputStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polycodec inspect}: a wire-level dump of a payload, for debugging bad ones. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Dump a payload's wire structure with byte offsets: protobuf tags, wire types and lengths;",
        "FlatBuffers vtables, offsets and fields (named with --schema); MessagePack formats and lengths.",
        "Prints as far as the bytes make sense, then the offset where they stop (exit status 1)."})
final class InspectCommand extends BaseCommand {
  @Option(names = {"-f", "--format"}, required = true, description = "protobuf, msgpack or flatbuffers.")
  String format;

  @Mixin
  SchemaOptions schema = new SchemaOptions();

  @Option(names = "--in", paramLabel = "FILE", description = "Read the payload from FILE instead of standard input.")
  Path in;

  @Option(names = "--max-bytes", paramLabel = "N", description = "Largest payload accepted (default: 64 MiB).")
  int maxBytes;

  InspectCommand(Streams streams) {
    super(streams);
  }

  @Override
  public Integer call() throws Exception {
    String name;
    try {
      name = Codecs.provider(format).format().name();
    } catch (CodecException e) {
      throw new CliException(e.getMessage(), e);
    }
    WireDump dump = WireDump.forFormat(name);
    if (dump == null) {
      throw new CliException("inspect reads protobuf, msgpack and flatbuffers; " + name + " is text: use decode");
    }
    Version v = schema.resolve();
    byte[] payload;
    try (InputStream input = input(in)) {
      payload = readAll(input, maxBytes > 0 ? maxBytes : Limits.defaults().maxMessageBytes(), "the payload");
    }
    dump.dump(payload, v == null ? null : v.schema(), streams.out());
    return PolycodecCli.OK;
  }
}
