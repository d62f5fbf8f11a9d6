package io.polycodec.cli;

import io.polycodec.CodecOptions;
import io.polycodec.Limits;
import io.polycodec.cli.data.Transcoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** What every subcommand has: the caller's streams, {@code --verbose}, and file-or-stdio helpers. */
abstract class BaseCommand implements Callable<Integer>, Verbosity {
  final Streams streams;

  @Option(names = "--verbose", description = "Print the stack trace of an error.")
  boolean verbose;

  BaseCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public boolean verbose() {
    return verbose;
  }

  /** {@code file}, or standard input if null. The caller closes what it opened. */
  InputStream input(Path file) throws IOException {
    if (file == null) {
      return streams.in();
    }
    if (!Files.isRegularFile(file)) {
      throw new CliException(file + ": no such file");
    }
    return Files.newInputStream(file);
  }

  /** {@code file}, or standard output if null. */
  OutputStream output(Path file) throws IOException {
    return file == null ? streams.out() : Files.newOutputStream(file);
  }

  /** Runs {@code t} from {@code in} (or standard input) to {@code out} (or standard output). */
  int convert(Transcoder t, Path in, Path out, boolean delimited) throws IOException {
    try (InputStream input = input(in)) {
      OutputStream output = output(out);
      try {
        if (delimited) {
          t.stream(input, output);
        } else {
          t.one(input, output);
        }
      } finally {
        if (out != null) {
          output.close();
        } else {
          output.flush();
        }
      }
    }
    return PolycodecCli.OK;
  }

  /** All of {@code in}, if it holds at most {@code max} bytes (else a usage error naming {@code what}). */
  static byte[] readAll(InputStream in, int max, String what) throws IOException {
    byte[] buf = in.readNBytes(max + 1);
    if (buf.length > max) {
      throw new CliException(what + " is larger than " + max + " bytes (--max-bytes raises the limit)");
    }
    return buf;
  }

  /** Default codec options, with the message size limit raised to {@code maxBytes} if it is positive. */
  static CodecOptions options(int maxBytes) {
    return maxBytes <= 0 ? CodecOptions.defaults()
        : CodecOptions.defaults().withLimits(Limits.defaults().withMaxMessageBytes(maxBytes));
  }
}
