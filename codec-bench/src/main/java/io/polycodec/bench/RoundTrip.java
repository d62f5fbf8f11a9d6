package io.polycodec.bench;

import java.util.Arrays;

/**
 * The check every benchmark's setup makes before anything is timed: each path decodes what it encoded
 * to the value expected. A benchmark of a codec that loses data would measure nothing, so a failure
 * stops the run with the path named.
 */
public final class RoundTrip {
  private RoundTrip() {}

  /**
   * Throws unless {@code actual} equals {@code expected}.
   *
   * @throws IllegalStateException naming {@code path} and both values
   */
  public static void check(String path, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(path + " does not round-trip:\n  expected " + shorten(expected)
          + "\n  actual   " + shorten(actual));
    }
  }

  /**
   * Throws unless the two encodings are identical (for paths that promise the same bytes).
   *
   * @throws IllegalStateException naming {@code path} and the first differing offset
   */
  public static void checkSameBytes(String path, byte[] expected, byte[] actual) {
    int at = Arrays.mismatch(expected, actual);
    if (at >= 0) {
      throw new IllegalStateException(path + ": encodings differ at byte " + at + " (lengths " + expected.length
          + " and " + actual.length + ")");
    }
  }

  private static String shorten(Object o) {
    String s = String.valueOf(o);
    return s.length() > 2_000 ? s.substring(0, 2_000) + "..." : s;
  }
}
