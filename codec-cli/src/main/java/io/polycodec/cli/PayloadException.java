package io.polycodec.cli;

/**
 * A payload that does not decode or encode, located in a stream of them (record number, and the
 * codec's own format, offset and path); reported with exit status {@link PolycodecCli#NO}.
 */
public final class PayloadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The line to show, and the codec's exception. */
  public PayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
