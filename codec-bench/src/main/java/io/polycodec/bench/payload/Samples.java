package io.polycodec.bench.payload;

import io.polycodec.bench.model.MediaContent;
import io.polycodec.bench.model.TelemetryBatch;
import io.polycodec.bench.model.UserProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The benchmark inputs, built the same way on every call (seeded), so that every run and every format
 * sees identical values. Maps are built sorted so that formats which keep insertion order (Jackson)
 * and those which sort (Polycodec) write the same bytes.
 */
public final class Samples {
  /** Elements of the embedding: a common sentence-embedding size. */
  public static final int EMBEDDING_DIMENSIONS = 768;
  /** Readings in the telemetry batch. */
  public static final int TELEMETRY_READINGS = 1_000;

  private Samples() {}

  /** A profile with every field set, including non-ASCII text. */
  public static UserProfile userProfile() {
    TreeMap<String, String> prefs = new TreeMap<>();
    prefs.put("language", "en-GB");
    prefs.put("newsletter", "weekly");
    prefs.put("theme", "dark");
    prefs.put("timezone", "Europe/London");
    return new UserProfile(
        1_048_576L,
        "ada.lovelace",
        "Ada Lovelace — Analytical Engine",
        Optional.of("ada@example.org"),
        Instant.parse("2021-03-14T15:09:26.535897Z"),
        UserProfile.Status.SUSPENDED,
        List.of(
            new UserProfile.Address("12 St James's Square", "London", "SW1Y 4JH", "GB"),
            new UserProfile.Address("Ockham Park", "Ockham", "GU23 6NP", "GB")),
        List.of("admin", "editor", "reviewer"),
        prefs,
        1_337,
        4_812.75,
        true,
        "en-GB",
        Optional.of(Instant.parse("2024-11-02T08:15:00Z")));
  }

  /** The classic MediaContent instance, with a non-ASCII title. */
  public static MediaContent mediaContent() {
    MediaContent.Media media = new MediaContent.Media(
        "http://javaone.com/keynote.mpg",
        Optional.of("Javaone Keynote – Bühne 東京"),
        640,
        480,
        "video/mpg4",
        18_000_000L,
        58_982_400L,
        OptionalInt.of(262_144),
        List.of("Bill Gates", "Steve Jobs"),
        MediaContent.Player.JAVA,
        Optional.empty());
    return new MediaContent(media, List.of(
        new MediaContent.Image("http://javaone.com/keynote_large.jpg", Optional.of("Javaone Keynote"), 1024, 768,
            MediaContent.Size.LARGE),
        new MediaContent.Image("http://javaone.com/keynote_small.jpg", Optional.of("Javaone Keynote"), 320, 240,
            MediaContent.Size.SMALL)));
  }

  /** {@value #TELEMETRY_READINGS} readings of 16 sensors, one per millisecond, about one alarm in a hundred. */
  public static TelemetryBatch telemetryBatch() {
    return telemetryBatch(TELEMETRY_READINGS);
  }

  /** {@code count} readings like those of {@link #telemetryBatch()}. */
  public static TelemetryBatch telemetryBatch(int count) {
    SplittableRandom random = new SplittableRandom(20_241_128L);
    long start = 1_732_800_000_000_000L;
    List<TelemetryBatch.Reading> readings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      readings.add(new TelemetryBatch.Reading(
          start + i * 1_000L + random.nextInt(50),
          i % 16,
          1_013.25 + random.nextDouble(-5, 5),
          (float) (21.5 + random.nextDouble(-0.5, 0.5)),
          random.nextInt(100) == 0));
    }
    return new TelemetryBatch("sensor-hub-07/eu-west", 90_210L, Instant.parse("2024-11-28T13:20:01.250Z"),
        List.copyOf(readings));
  }

  /** A unit-length vector of {@value #EMBEDDING_DIMENSIONS} Gaussian floats. */
  public static float[] embeddingValues() {
    SplittableRandom random = new SplittableRandom(768L);
    float[] v = new float[EMBEDDING_DIMENSIONS];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      double g = gaussian(random);
      v[i] = (float) g;
      norm += g * g;
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = random.nextDouble();
    double w = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
  }
}
