package io.polycodec.tck.zoo;

import io.polycodec.Fallback;
import io.polycodec.IntEncoded;
import io.polycodec.Quantized;
import io.polycodec.SchemaName;
import io.polycodec.Tag;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Quantization;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

/**
 * A fixed zoo of Java types covering every kind of the model and every way a record component can
 * hold one (primitives, boxes, {@code byte}/{@code short}, {@code Optional*}, {@code @Nullable},
 * lists, maps with each key kind, plain and quantized vectors, enums with {@code @Tag} numbers and a
 * {@code @Fallback}, sealed interfaces, recursion through lists, maps, optionals and unions,
 * {@code @Tag}, {@code @SchemaName}, {@code @IntEncoded}, an empty record). The kit round-trips each
 * through the typed path ({@link io.polycodec.bind.RecordBinding#of}), so that it is tested as well as
 * {@link io.polycodec.GenericRecord}. It lives in the main jar so that every backend runs it.
 */
public final class Zoo {
  private Zoo() {}

  /** The root record types of the zoo, in a fixed order. */
  public static List<Class<? extends Record>> types() {
    return List.of(Scalars.class, Boxes.class, Optionals.class, Lists.class, Maps.class, Vectors.class,
        Drawing.class, Tree.class, Formula.class, Tagged.class, Holder.class, Everyday.class);
  }

  /** An enum numbered by declaration order, with a fallback for unknown constants. */
  public enum Color { RED, GREEN, BLUE, @Fallback UNKNOWN }

  /** An enum with explicit, sparse and negative numbers, and no zero. */
  public enum Status { @Tag(5) ACTIVE, @Tag(-3) GONE, @Tag(100) ARCHIVED, @Tag(7) @SchemaName("on_hold") ON_HOLD }

  /** A small record used inside others. */
  public record Point(int x, int y) {}

  /** Every scalar kind as a non-optional component, {@code byte} and {@code short} included. */
  public record Scalars(boolean flag, byte tiny, short small, int count, long big, float ratio, double precise,
      String text, byte[] blob, Instant at, Color color, Status status) {}

  /** Boxed scalars (non-optional: null is an encoding error). */
  public record Boxes(Boolean flag, Byte tiny, Short small, Integer count, Long big, Float ratio, Double precise) {}

  /** Every way of being optional. */
  public record Optionals(Optional<String> text, OptionalInt count, OptionalLong big, OptionalDouble precise,
      Optional<Instant> at, Optional<Color> color, Optional<Point> point, Optional<Shape> shape,
      Optional<Float> ratio, Optional<Boolean> flag, Optional<byte[]> blob, @Nullable String note,
      @Nullable Integer boxed, @Nullable Byte tiny, @Nullable Short small, @Nullable Status status,
      @Nullable Point where) {}

  /** Lists of every element kind that can be one. */
  public record Lists(List<String> texts, List<Integer> counts, List<Long> bigs, List<Boolean> flags,
      List<Float> ratios, List<Double> precises, List<byte[]> blobs, List<Instant> ats, List<Color> colors,
      List<Point> points, List<Shape> shapes, @IntEncoded(IntEncoding.ZIGZAG) List<Integer> deltas) {}

  /** Maps with each key kind and several value kinds. */
  public record Maps(Map<String, Integer> byName, Map<Integer, String> byInt, Map<Long, Point> byLong,
      Map<Boolean, Color> byFlag, Map<String, Shape> shapes, Map<String, byte[]> blobs,
      Map<String, Instant> times, Map<Integer, Double> precise) {}

  /** Vectors, plain and quantized. */
  public record Vectors(float[] embedding, double[] series, @Quantized(Quantization.FP16) float[] half,
      @Quantized(Quantization.BF16) float[] brain, @Quantized(Quantization.INT8) float[] tiny) {}

  /** A union with explicit member tags. */
  public sealed interface Shape permits Circle, Square, Polygon {}

  /** A union member. */
  @Tag(5)
  public record Circle(double radius) implements Shape {}

  /** A union member. */
  @Tag(2)
  public record Square(double side, Optional<Color> fill) implements Shape {}

  /** A union member holding a list. */
  @Tag(9)
  public record Polygon(List<Point> corners, String label) implements Shape {}

  /** Unions as a required field, in a list and optional. */
  public record Drawing(Shape main, List<Shape> others, Optional<Shape> highlight, String title) {}

  /** Recursion through a list, a map and an optional field. */
  public record Tree(String label, List<Tree> children, Map<String, Tree> named, Optional<Tree> next) {}

  /** A recursive union: expressions. */
  public sealed interface Expr permits Lit, Neg, Add, Var {}

  /** A literal. */
  public record Lit(long value) implements Expr {}

  /** A negation. */
  public record Neg(Expr operand) implements Expr {}

  /** A sum. */
  public record Add(Expr left, Expr right) implements Expr {}

  /** A variable. */
  public record Var(String name) implements Expr {}

  /** A record holding an expression, so that the recursion starts at a field. */
  public record Formula(Expr expr, List<Expr> terms) {}

  /** Explicit sparse tags, renamed fields, integer encodings and a dotted type name. */
  @SchemaName("zoo.TaggedRecord")
  public record Tagged(
      @Tag(7) String a,
      @Tag(2) @IntEncoded(IntEncoding.ZIGZAG) int delta,
      @Tag(40) @IntEncoded(IntEncoding.FIXED) long fixed,
      @Tag(3) @IntEncoded(IntEncoding.UNSIGNED) int unsigned,
      @Tag(11) @IntEncoded(IntEncoding.UNSIGNED_FIXED) long unsignedFixed,
      @Tag(12) @IntEncoded(IntEncoding.FIXED) int fixed32,
      @Tag(9) @SchemaName("display_name") String displayName,
      @Tag(100) Status status,
      @Tag(1) @IntEncoded(IntEncoding.ZIGZAG) OptionalLong maybeDelta) {}

  /**
   * The everyday Java types (docs/types.md): those held as text, durations, sets, and each inside
   * Optional, @Nullable, List, Set, SortedSet and Map (as keys too).
   */
  public record Everyday(UUID id, URI home, BigDecimal price, BigInteger big, LocalDate day, LocalTime time,
      LocalDateTime local, OffsetDateTime stamp, Duration ttl, byte tiny, Short small, Set<String> tags,
      SortedSet<Integer> ranks, Optional<UUID> parent, Optional<Duration> grace, Optional<OffsetDateTime> seen,
      @Nullable BigDecimal discount, @Nullable Duration timeout, List<UUID> ids, Set<LocalDate> days,
      SortedSet<LocalTime> times, List<BigInteger> bigs, List<Duration> steps, List<OffsetDateTime> stamps,
      Map<String, BigDecimal> prices, Map<UUID, Duration> timeouts, Map<LocalDate, URI> links,
      SortedSet<UUID> sortedIds) {}

  /**
   * An {@link Everyday} at the edges of every type: nil and max UUIDs, scales of ±2,147,483,647, leap days,
   * years 0, 10000 and ±999,999,999, offsets of ±18:00, the longest durations Protobuf allows and negative
   * ones with nanos. Every format must give it back equal (BigDecimal scales and offsets included).
   */
  public static Everyday everydayEdges() {
    UUID nil = new UUID(0, 0);
    UUID max = new UUID(-1, -1);
    java.util.TreeSet<Integer> ranks = new java.util.TreeSet<>(List.of(Integer.MIN_VALUE, -1, 0, 7, Integer.MAX_VALUE));
    java.util.TreeSet<LocalTime> times = new java.util.TreeSet<>(List.of(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.NOON));
    java.util.TreeSet<UUID> sortedIds = new java.util.TreeSet<>(List.of(nil, max, UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
    Map<String, BigDecimal> prices = new java.util.LinkedHashMap<>();
    prices.put("tiny", new BigDecimal("1E-2147483647"));
    prices.put("huge", new BigDecimal("-1E+2147483647"));
    prices.put("scaled", new BigDecimal("0.00"));
    Map<UUID, Duration> timeouts = new java.util.LinkedHashMap<>();
    timeouts.put(nil, io.polycodec.schema.DurationRange.MIN);
    timeouts.put(max, io.polycodec.schema.DurationRange.MAX);
    Map<LocalDate, URI> links = new java.util.LinkedHashMap<>();
    links.put(LocalDate.of(2024, 2, 29), URI.create("https://example.org/a?b=c#d"));
    links.put(LocalDate.MIN, URI.create(""));
    return new Everyday(max, URI.create("http://[::1]:8080/%20x?q=%E2%82%AC"),
        new BigDecimal("-123456789012345678901234567890.123456789000"), new BigInteger("-" + "9".repeat(300)),
        LocalDate.of(2000, 2, 29), LocalTime.MAX, LocalDateTime.of(10000, 1, 1, 0, 0),
        OffsetDateTime.of(LocalDateTime.MAX, java.time.ZoneOffset.MIN), Duration.ofSeconds(-1, -500_000_000).plusNanos(1),
        Byte.MIN_VALUE, Short.MAX_VALUE, new java.util.HashSet<>(List.of("b", "a", "", "é")), ranks,
        Optional.of(nil), Optional.of(Duration.ofNanos(-1)), Optional.of(OffsetDateTime.of(LocalDateTime.MIN, java.time.ZoneOffset.MAX)),
        new BigDecimal("1E+1000"), null, List.of(max, nil, max), new java.util.HashSet<>(List.of(LocalDate.MAX,
        LocalDate.of(0, 1, 1), LocalDate.of(1900, 2, 28))), times,
        List.of(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).negate()),
        List.of(Duration.ZERO, Duration.ofMillis(-1500), io.polycodec.schema.DurationRange.MAX, Duration.ofDays(366)),
        List.of(OffsetDateTime.parse("2026-12-03T10:15:30.5+05:30:45"), OffsetDateTime.parse("-0001-12-31T23:59:59Z")),
        prices, timeouts, links, sortedIds);
  }

  /** A record with no fields. */
  public record Empty() {}

  /** Empty records in every position. */
  public record Holder(Empty one, Optional<Empty> maybe, List<Empty> many, Map<String, Empty> named) {}
}
