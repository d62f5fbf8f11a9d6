package io.polycodec.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The three streams a command uses: tests pass their own to run the CLI in-process.
 *
 * @param in standard input (payloads for decode, encode, transcode, inspect)
 * @param out standard output (results; raw bytes for encode and transcode)
 * @param err standard error (one line per error)
 */
public record Streams(InputStream in, PrintStream out, PrintStream err) {
  /** Checks that nothing is null. */
  public Streams {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }
}
