package io.polycodec.cli;

/** A command that may be asked for stack traces with {@code --verbose}. */
interface Verbosity {
  /** Whether {@code --verbose} was given. */
  boolean verbose();
}
