package io.polycodec.cli;

import io.polycodec.cli.data.Transcoder;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polycodec transcode}: a payload from one format to another. */
@Command(name = "transcode", mixinStandardHelpOptions = true,
    description = {"Re-encode a payload from one format to another (standard input to standard output).",
        "Without a schema both formats must be self-describing (msgpack, json)."})
final class TranscodeCommand extends BaseCommand {
  @Option(names = "--from", required = true, description = "The payload's format.")
  String from;

  @Option(names = "--to", required = true, description = "The format to write.")
  String to;

  @Mixin
  SchemaOptions schema = new SchemaOptions();

  @Option(names = "--in", paramLabel = "FILE", description = "Read from FILE instead of standard input.")
  Path in;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path out;

  @Option(names = "--delimited", description = "A stream of payloads (length-delimited; JSON Lines for json).")
  boolean delimited;

  @Option(names = "--pretty", description = "Indent JSON output.")
  boolean pretty;

  @Option(names = "--max-bytes", paramLabel = "N", description = "Largest payload accepted (default: 64 MiB).")
  int maxBytes;

  TranscodeCommand(Streams streams) {
    super(streams);
  }

  @Override
  public Integer call() throws Exception {
    return convert(Transcoder.of(from, to, schema.resolve(), options(maxBytes), pretty), in, out, delimited);
  }
}
