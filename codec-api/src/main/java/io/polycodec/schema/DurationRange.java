package io.polycodec.schema;

import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import java.time.Duration;

/**
 * The spans the duration kind can hold, and the one way every binary format splits them: whole
 * {@linkplain #seconds seconds} and {@linkplain #nanos nanoseconds} <em>of the same sign</em>, as
 * {@code google.protobuf.Duration} does (-1.5 s is seconds -1, nanos -500,000,000; Java's own
 * {@link Duration#getSeconds()}/{@link Duration#getNano()} would say -2 and +500,000,000). The range is
 * Protobuf's, &plusmn;315,576,000,000 seconds (about 10,000 years), so a duration one format can write is
 * readable in all of them.
 */
public final class DurationRange {
  /** The largest number of whole seconds, either way: 315,576,000,000 (10,000 years of 365.25 days). */
  public static final long MAX_SECONDS = 315_576_000_000L;
  /** The shortest duration: -315,576,000,000.999999999 seconds. */
  public static final Duration MIN = Duration.ofSeconds(-MAX_SECONDS, -999_999_999L);
  /** The longest duration: 315,576,000,000.999999999 seconds. */
  public static final Duration MAX = Duration.ofSeconds(MAX_SECONDS, 999_999_999L);

  private DurationRange() {}

  /** Whether {@code seconds} and {@code nanos} (same sign, |nanos| &lt; 10^9) form a duration in range. */
  public static boolean contains(long seconds, long nanos) {
    return seconds >= -MAX_SECONDS && seconds <= MAX_SECONDS && nanos > -1_000_000_000L && nanos < 1_000_000_000L
        && !(seconds > 0 && nanos < 0) && !(seconds < 0 && nanos > 0);
  }

  /**
   * Returns {@code value} if it is in range.
   *
   * @throws EncodeException if it is not
   */
  public static Duration checkEncodable(Duration value) {
    if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
      throw new EncodeException("duration " + value + " is outside " + MIN + " .. " + MAX);
    }
    return value;
  }

  /** The whole seconds of {@code value}, truncated towards zero (Protobuf's {@code seconds}). */
  public static long seconds(Duration value) {
    long s = value.getSeconds();
    return s < 0 && value.getNano() > 0 ? s + 1 : s;
  }

  /** The nanoseconds of {@code value} beyond {@link #seconds}, with its sign (Protobuf's {@code nanos}). */
  public static int nanos(Duration value) {
    int n = value.getNano();
    return value.getSeconds() < 0 && n > 0 ? n - 1_000_000_000 : n;
  }

  /**
   * The duration of {@code seconds} and {@code nanos} read from the wire.
   *
   * @throws DecodeException if they are out of range or their signs differ (no offset or format: the
   *     caller adds them)
   */
  public static Duration decode(long seconds, long nanos) {
    if (!contains(seconds, nanos)) {
      throw new DecodeException("duration seconds=" + seconds + ", nanos=" + nanos + " is not a duration"
          + " (seconds within ±" + MAX_SECONDS + ", nanos within ±999999999 of the same sign)");
    }
    return Duration.ofSeconds(seconds, nanos);
  }
}
