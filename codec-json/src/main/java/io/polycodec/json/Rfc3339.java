package io.polycodec.json;

import io.polycodec.schema.TimestampRange;
import java.time.Instant;

/**
 * RFC 3339 timestamps without {@link java.time.format.DateTimeFormatter}, whose general machinery costs
 * more than the rest of a typical record's encoding (measured in codec-bench). Writing gives exactly
 * {@link Instant#toString()}'s text for every instant of {@link io.polycodec.schema.TimestampRange};
 * reading handles the common shape {@code yyyy-mm-ddThh:mm:ss[.f…]} followed by {@code Z} or
 * {@code ±hh:mm} and reports anything else as "not handled", so that the caller falls back to the
 * formatter and the accepted language and its errors stay the formatter's.
 */
final class Rfc3339 {
  /** The longest text {@link #format} writes: {@code 9999-12-31T23:59:59.999999999Z}. */
  static final int MAX_LENGTH = 30;

  private static final long SECONDS_PER_DAY = 86_400;
  // Days from 0000-03-01 (the start of a 400-year era in the proleptic Gregorian calendar) to 1970-01-01.
  private static final long DAYS_0000_03_01_TO_EPOCH = 719_468;
  private static final int DAYS_PER_ERA = 146_097;

  private Rfc3339() {}

  /**
   * Writes the instant {@code seconds}/{@code nanos} (year 1 to 9999) into {@code out} as
   * {@link Instant#toString()} does: fractions in groups of three digits, none when zero.
   *
   * @return the number of chars written
   */
  static int format(long seconds, int nanos, char[] out) {
    long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    // Civil date from a day count (H. Hinnant's algorithm, with March-based years).
    long z = days + DAYS_0000_03_01_TO_EPOCH;
    long era = Math.floorDiv(z, DAYS_PER_ERA);
    int dayOfEra = (int) (z - era * DAYS_PER_ERA);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthIndex = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

    digits(out, 0, year, 4);
    out[4] = '-';
    digits(out, 5, month, 2);
    out[7] = '-';
    digits(out, 8, day, 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int n = 19;
    if (nanos != 0) {
      out[n++] = '.';
      if (nanos % 1_000_000 == 0) {
        digits(out, n, nanos / 1_000_000, 3);
        n += 3;
      } else if (nanos % 1_000 == 0) {
        digits(out, n, nanos / 1_000, 6);
        n += 6;
      } else {
        digits(out, n, nanos, 9);
        n += 9;
      }
    }
    out[n++] = 'Z';
    return n;
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * The instant of {@code len} chars of {@code text} at {@code off}, if they have the common shape and
   * valid fields; otherwise null (the caller asks the formatter, which decides).
   *
   * @throws io.polycodec.DecodeException if the text is well formed but outside {@link TimestampRange}
   */
  static Instant parse(char[] text, int off, int len) {
    if (len < 20) {
      return null;
    }
    int end = off + len;
    int year = number(text, off, 4);
    int month = number(text, off + 5, 2);
    int day = number(text, off + 8, 2);
    int hour = number(text, off + 11, 2);
    int minute = number(text, off + 14, 2);
    int second = number(text, off + 17, 2);
    char t = text[off + 10];
    if ((year | month | day | hour | minute | second) < 0
        || text[off + 4] != '-' || text[off + 7] != '-' || (t != 'T' && t != 't')
        || text[off + 13] != ':' || text[off + 16] != ':'
        || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int i = off + 19;
    int nanos = 0;
    if (text[i] == '.') {
      int digits = 0;
      for (i++; i < end && digits < 10 && text[i] >= '0' && text[i] <= '9'; i++, digits++) {
        nanos = nanos * 10 + (text[i] - '0');
      }
      if (digits == 0 || digits > 9) {
        return null;
      }
      for (int k = digits; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (end - i == 1 && (text[i] == 'Z' || text[i] == 'z')) {
      offsetSeconds = 0;
    } else if (end - i == 6 && (text[i] == '+' || text[i] == '-') && text[i + 3] == ':') {
      int oh = number(text, i + 1, 2);
      int om = number(text, i + 4, 2);
      if (oh < 0 || om < 0 || om > 59 || oh > 18 || (oh == 18 && om != 0)) {
        return null;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (text[i] == '-' ? -1 : 1);
    } else {
      return null;
    }
    long seconds = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
    return TimestampRange.decode(seconds, nanos);
  }

  /** The value of {@code width} ASCII digits at {@code at}, or -1 if any is not a digit. */
  private static int number(char[] text, int at, int width) {
    int v = 0;
    for (int i = at; i < at + width; i++) {
      int d = text[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11: return 30;
      default: return 31;
    }
  }

  /** Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's algorithm). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    int yearOfEra = (int) (y - era * 400);
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * DAYS_PER_ERA + dayOfEra - DAYS_0000_03_01_TO_EPOCH;
  }
}
