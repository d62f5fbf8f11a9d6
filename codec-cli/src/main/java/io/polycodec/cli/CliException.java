package io.polycodec.cli;

/**
 * A usage or input error that the CLI reports as one line with exit status {@link PolycodecCli#USAGE}:
 * a file that is missing or of an unknown kind, an ambiguous type, an option that does not apply.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with the line to show. */
  public CliException(String message) {
    super(message);
  }

  /** An error with the line to show and its cause (shown with {@code --verbose}). */
  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
