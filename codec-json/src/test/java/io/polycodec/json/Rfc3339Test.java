package io.polycodec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.DecodeException;
import io.polycodec.schema.TimestampRange;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The formatter-free timestamp path against the JDK: writing must equal {@link Instant#toString()};
 * whatever reading accepts, the JDK's RFC 3339 formatter must accept with the same instant.
 */
class Rfc3339Test {
  private static final long SEED = 3339;
  private static final DateTimeFormatter JDK = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
      .toFormatter();

  private static Instant randomInstant(SplittableRandom r) {
    long s = r.nextLong(TimestampRange.MIN.getEpochSecond(), TimestampRange.MAX.getEpochSecond() + 1);
    int nanos;
    switch (r.nextInt(4)) {
      case 0: nanos = 0; break;
      case 1: nanos = r.nextInt(1000) * 1_000_000; break;
      case 2: nanos = r.nextInt(1_000_000) * 1_000; break;
      default: nanos = r.nextInt(1_000_000_000); break;
    }
    return Instant.ofEpochSecond(s, nanos);
  }

  private static String format(Instant i) {
    char[] out = new char[Rfc3339.MAX_LENGTH];
    return new String(out, 0, Rfc3339.format(i.getEpochSecond(), i.getNano(), out));
  }

  private static Instant parse(String s) {
    return Rfc3339.parse(s.toCharArray(), 0, s.length());
  }

  private static Instant jdk(String s) {
    try {
      return OffsetDateTime.parse(s, JDK).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void writesExactlyWhatInstantToStringWrites() {
    Instant[] edges = {
      TimestampRange.MIN, TimestampRange.MAX, Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 1),
      Instant.parse("2000-02-29T23:59:59.999Z"), Instant.parse("1900-03-01T00:00:00.000001Z"),
      Instant.parse("1600-02-29T12:00:00Z"), Instant.parse("0004-02-29T00:00:00Z"), Instant.parse("1969-12-31T23:59:59Z"),
    };
    for (Instant i : edges) {
      assertEquals(i.toString(), format(i));
    }
    SplittableRandom r = new SplittableRandom(SEED);
    for (int k = 0; k < 200_000; k++) {
      Instant i = randomInstant(r);
      assertEquals(i.toString(), format(i), () -> "seed " + SEED + ": " + i.getEpochSecond() + "s " + i.getNano() + "ns");
    }
  }

  @Test
  void readsWhatItWritesAndAgreesWithTheJdkOnOtherOffsets() {
    SplittableRandom r = new SplittableRandom(SEED);
    for (int k = 0; k < 100_000; k++) {
      Instant i = randomInstant(r);
      assertEquals(i, parse(format(i)), () -> "seed " + SEED + ": " + i);
      int offsetMinutes = r.nextInt(-18 * 60, 18 * 60 + 1);
      OffsetDateTime local = i.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
      if (local.getYear() < 1 || local.getYear() > 9999) {
        continue;
      }
      String s = local.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      Instant fast = parse(s);
      assertNotNull(fast, () -> "the common shape must take the fast path: " + s);
      assertEquals(jdk(s), fast, s);
    }
  }

  /** Random damage to valid text: the fast path either declines or agrees with the JDK. */
  @Test
  void neverAcceptsWhatTheJdkRejectsOrDisagrees() {
    SplittableRandom r = new SplittableRandom(SEED);
    String alphabet = "0123456789-:T.Zz+t 9";
    int accepted = 0;
    for (int k = 0; k < 200_000; k++) {
      char[] c = format(randomInstant(r)).toCharArray();
      int edits = 1 + r.nextInt(2);
      for (int e = 0; e < edits; e++) {
        c[r.nextInt(c.length)] = alphabet.charAt(r.nextInt(alphabet.length()));
      }
      String s = new String(c);
      Instant fast;
      try {
        fast = parse(s);
      } catch (DecodeException outOfRange) {
        Instant j = jdk(s);
        assertTrue(j == null || j.isBefore(TimestampRange.MIN) || j.isAfter(TimestampRange.MAX), s);
        continue;
      }
      if (fast != null) {
        accepted++;
        assertEquals(jdk(s), fast, () -> "seed " + SEED + ": " + s);
      }
    }
    assertTrue(accepted > 1_000, "the damage left some valid texts: " + accepted);
  }

  @Test
  void declinesInvalidFieldsAndShapesItDoesNotHandle() {
    String[] declined = {
      "2021-02-29T00:00:00Z", "2021-13-01T00:00:00Z", "2021-00-10T00:00:00Z", "2021-04-31T00:00:00Z",
      "2021-01-01T24:00:00Z", "2021-01-01T23:60:00Z", "2021-01-01T23:59:60Z", "2021-01-01T00:00:00+18:01",
      "2021-01-01T00:00:00+19:00", "2021-01-01T00:00:00.Z", "2021-01-01T00:00:00.1234567890Z",
      "2021-01-01T00:00:00", "2021-01-01 00:00:00Z", "2021-01-01T00:00Z", "+2021-01-01T00:00:00Z",
      "2021-01-01T00:00:00+01:00:30", "2021-01-01T00:00:00+0100", "2021-1-01T00:00:00Z",
    };
    for (String s : declined) {
      assertNull(parse(s), s);
    }
    assertEquals(Instant.parse("2020-02-29T10:00:00Z"), parse("2020-02-29t12:00:00+02:00"));
    assertEquals(Instant.parse("2021-01-01T00:00:00.1Z"), parse("2021-01-01T00:00:00.1z"));
    assertEquals(Instant.parse("2021-01-01T05:30:00Z"), parse("2021-01-01T00:00:00-05:30"));
    assertThrows(DecodeException.class, () -> parse("0000-12-31T23:59:59Z"), "year 0 is outside the range");
  }
}
