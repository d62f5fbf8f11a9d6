package io.polycodec.schema;

import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import java.time.Instant;

/**
 * The instants the timestamp kind can hold: 0001-01-01T00:00:00Z through 9999-12-31T23:59:59.999999999Z,
 * the range of {@code google.protobuf.Timestamp} and of RFC 3339. Every backend accepts exactly this
 * range, so a timestamp that one format can write is readable in all of them.
 */
public final class TimestampRange {
  /** The earliest timestamp: 0001-01-01T00:00:00Z. */
  public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  /** The latest timestamp: 9999-12-31T23:59:59.999999999Z. */
  public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static final long MIN_SECONDS = MIN.getEpochSecond();
  private static final long MAX_SECONDS = MAX.getEpochSecond();

  private TimestampRange() {}

  /** Whether {@code seconds} and {@code nanos} (0 to 999,999,999) form a timestamp in range. */
  public static boolean contains(long seconds, long nanos) {
    return seconds >= MIN_SECONDS && seconds <= MAX_SECONDS && nanos >= 0 && nanos <= 999_999_999L;
  }

  /**
   * Returns {@code value} if it is in range.
   *
   * @throws EncodeException if it is not
   */
  public static Instant checkEncodable(Instant value) {
    if (value.getEpochSecond() < MIN_SECONDS || value.getEpochSecond() > MAX_SECONDS) {
      throw new EncodeException("timestamp " + value + " is outside " + MIN + " .. " + MAX);
    }
    return value;
  }

  /**
   * The instant of {@code seconds} and {@code nanos} read from the wire.
   *
   * @throws DecodeException if they are out of range (no offset or format: the caller adds them)
   */
  public static Instant decode(long seconds, long nanos) {
    if (!contains(seconds, nanos)) {
      throw new DecodeException("timestamp seconds=" + seconds + ", nanos=" + nanos + " is outside " + MIN + " .. " + MAX);
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }
}
