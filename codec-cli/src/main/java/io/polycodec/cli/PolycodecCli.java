package io.polycodec.cli;

import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.SchemaException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code polycodec} command: {@code check}, {@code decode}, {@code encode}, {@code transcode},
 * {@code inspect} and {@code schema export}.
 *
 * <p>Exit status: {@value #OK} when the command did what was asked (for {@code check}: compatible);
 * {@value #NO} when the answer is no (for {@code check}: incompatible; for the data commands: the
 * payload does not decode or encode); {@value #USAGE} for a usage error or an input that cannot be
 * used (a missing file, a snapshot that does not parse, an unknown format). Errors are one line on
 * standard error, the stack trace only with {@code --verbose}.
 */
@Command(name = "polycodec", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Schema compatibility checks and wire tools for Polycodec's formats "
        + "(protobuf, msgpack, flatbuffers, json).",
    subcommands = {CheckCommand.class, DecodeCommand.class, EncodeCommand.class, TranscodeCommand.class,
        InspectCommand.class, SchemaCommand.class},
    footer = {"", "Exit status: 0 done (check: compatible); 1 the answer is no (check: incompatible; "
        + "decode/encode/transcode/inspect: the payload is invalid); 2 usage or input error."})
public final class PolycodecCli {
  /** Exit status: done; for {@code check}, compatible. */
  public static final int OK = 0;
  /** Exit status: the answer is no; incompatible, or a payload that does not decode or encode. */
  public static final int NO = 1;
  /** Exit status: a usage error, or an input that cannot be used. */
  public static final int USAGE = 2;

  private PolycodecCli() {}

  /** Runs the command with the process's streams and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(new Streams(System.in, System.out, System.err), args));
  }

  /**
   * Runs the command in-process with {@code streams} and returns its exit status; nothing is thrown
   * for bad arguments or bad input, they become a status and a line on {@code streams.err()}.
   */
  public static int run(Streams streams, String... args) {
    Objects.requireNonNull(streams, "streams");
    CommandLine cl = new CommandLine(new PolycodecCli(), new Factory(streams));
    cl.setOut(new PrintWriter(streams.out(), true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(streams.err(), true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd, streams.err()));
    cl.setExitCodeExceptionMapper(e -> USAGE);
    int status = cl.execute(args);
    streams.out().flush();
    return status;
  }

  private static int report(Exception e, CommandLine cmd, PrintStream err) {
    boolean verbose = cmd.getCommand() instanceof Verbosity v && v.verbose();
    String name = cmd.getCommandSpec().qualifiedName();
    int status;
    String line;
    if (e instanceof CliException c) {
      status = USAGE;
      line = c.getMessage();
    } else if (e instanceof PayloadException || e instanceof DecodeException || e instanceof EncodeException) {
      status = NO;
      line = e.getMessage();
    } else if (e instanceof SchemaException || e instanceof CodecException) {
      status = USAGE;
      line = e.getMessage();
    } else if (e instanceof IOException || e instanceof UncheckedIOException) {
      status = USAGE;
      line = "I/O error: " + e.getMessage();
    } else {
      status = USAGE;
      line = "internal error: " + e + (verbose ? "" : " (--verbose shows the stack trace)");
    }
    err.println(name + ": " + oneLine(line));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return status;
  }

  private static String oneLine(String s) {
    return s == null ? "(no message)" : s.replace("\r", "").replace("\n", " | ");
  }

  /** Lets commands take the caller's streams in their constructor. */
  private static final class Factory implements CommandLine.IFactory {
    private final Streams streams;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    Factory(Streams streams) {
      this.streams = streams;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(Streams.class).newInstance(streams);
      } catch (NoSuchMethodException e) {
        return fallback.create(cls);
      }
    }
  }
}
