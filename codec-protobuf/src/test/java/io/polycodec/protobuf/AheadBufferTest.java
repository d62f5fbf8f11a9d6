package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.CodecOptions;
import io.polycodec.EncodeException;
import io.polycodec.IntEncoded;
import io.polycodec.Limits;
import io.polycodec.Quantized;
import io.polycodec.Tag;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Quantization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Records written directly, in one walk into an {@link AheadBuffer} by the size pass: the buffer writes
 * what {@code CodedOutputStream} writes, byte for byte, growing from a few bytes, with length prefixes
 * written after what they prefix (one, two and three bytes long); records of every scalar kind, nested
 * records, maps, Timestamps and packed lists encode as the interpreted plans do; bad values fail as they
 * do there.
 */
class AheadBufferTest {
  private static final String[] TEXTS = {
      "", "a", "ascii only", "x".repeat(64), "y".repeat(65), "Bühne", "東京 – Tokyo", "😀 pair", "z".repeat(300),
      "é".repeat(64), "ü".repeat(200), "𝄞".repeat(40)};

  @Test
  void writesWhatCodedOutputStreamWrites() {
    Seeds.forEach(300, seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      AheadBuffer buffer = new AheadBuffer(1 + r.nextInt(16)); // grows many times
      Sizes sizes = new Sizes(Limits.defaults(), true);
      byte[] expected = writeBoth(r, buffer, sizes, 0);
      assertArrayEquals(expected, Arrays.copyOf(buffer.buf, buffer.pos));
    });
  }

  /**
   * Writes the same random values into {@code buffer} and a {@code CodedOutputStream}, nested bodies with
   * their length after them in the first and measured before them in the second; returns the latter.
   */
  private static byte[] writeBoth(SplittableRandom r, AheadBuffer buffer, Sizes sizes, int depth) {
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    CodedOutputStream cos = CodedOutputStream.newInstance(expected);
    try {
      for (int op = 0, n = r.nextInt(depth == 0 ? 200 : 40); op < n; op++) {
        int i = edgy(r);
        long l = r.nextBoolean() ? i : r.nextLong() >> r.nextInt(64);
        switch (r.nextInt(depth < 2 ? 12 : 11)) {
          case 0: buffer.writeUInt32NoTag(i); cos.writeUInt32NoTag(i); break;
          case 1: buffer.writeInt32NoTag(i); cos.writeInt32NoTag(i); break;
          case 2: buffer.writeSInt32NoTag(i); cos.writeSInt32NoTag(i); break;
          case 3: buffer.writeFixed32NoTag(i); cos.writeFixed32NoTag(i); break;
          case 4: buffer.writeUInt64NoTag(l); cos.writeUInt64NoTag(l); break;
          case 5: buffer.writeInt64NoTag(l); cos.writeInt64NoTag(l); break;
          case 6: buffer.writeSInt64NoTag(l); cos.writeSInt64NoTag(l); break;
          case 7: buffer.writeFixed64NoTag(l); cos.writeFixed64NoTag(l); break;
          case 8: buffer.writeBoolNoTag(i % 2 == 0); cos.writeBoolNoTag(i % 2 == 0); break;
          case 9: case 10:
            String t = r.nextInt(8) == 0 ? "q".repeat(r.nextBoolean() ? 200 : 17_000) // two- and three-byte lengths
                : TEXTS[r.nextInt(TEXTS.length)];
            buffer.writeString(t, sizes);
            cos.writeStringNoTag(t);
            break;
          default: // a nested body, its length written after it here, before it by CodedOutputStream
            int start = buffer.beginLength();
            byte[] body = writeBoth(r, buffer, sizes, depth + 1);
            buffer.endLength(start);
            cos.writeUInt32NoTag(body.length);
            cos.writeRawBytes(body);
        }
      }
      cos.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return expected.toByteArray();
  }

  private static int edgy(SplittableRandom r) {
    int[] edges = {0, 1, -1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, Integer.MIN_VALUE};
    return r.nextBoolean() ? edges[r.nextInt(edges.length)] : r.nextInt() >> r.nextInt(32);
  }

  @Test
  void refusesWhatTheSizePassRefuses() {
    Sizes sizes = new Sizes(Limits.defaults().withMaxStringBytes(10), true);
    AheadBuffer buffer = new AheadBuffer(4);
    buffer.writeString("0123456789", sizes);
    assertThrows(EncodeException.class, () -> buffer.writeString("0123456789a", sizes));
    assertThrows(EncodeException.class, () -> buffer.writeString("ééééé é", sizes), "12 bytes in 7 chars");
    Sizes roomy = new Sizes(Limits.defaults(), true);
    for (String bad : new String[] {"a\uD800b", "\uDC00", "x".repeat(70) + "\uD83D"}) {
      EncodeException e = assertThrows(EncodeException.class, () -> buffer.writeString(bad, roomy));
      assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
    }
  }

  enum Mood { @Tag(0) CALM, @Tag(1) GLAD, @Tag(-3) GLUM }

  /** Strings, every scalar encoding, an enum with a negative number, optionals, a list of strings. */
  record Reading(
      @Tag(1) String label, @Tag(2) boolean on, @Tag(3) int count, @Tag(4) @IntEncoded(IntEncoding.ZIGZAG) int delta,
      @Tag(5) @IntEncoded(IntEncoding.FIXED) int fixed, @Tag(6) @IntEncoded(IntEncoding.UNSIGNED) int unsigned,
      @Tag(7) float ratio, @Tag(8) double value, @Tag(9) long big, @Tag(10) @IntEncoded(IntEncoding.ZIGZAG) long bigDelta,
      @Tag(11) @IntEncoded(IntEncoding.UNSIGNED_FIXED) long stamp, @Tag(12) @IntEncoded(IntEncoding.UNSIGNED) long id,
      @Tag(13) Mood mood, @Tag(14) Optional<String> note, @Tag(15) OptionalInt level, @Tag(16) OptionalLong seq,
      @Tag(17) OptionalDouble score, @Tag(18) List<String> tags, @Tag(19) Optional<Mood> maybe) {}

  /** Numbers only: written directly inside a parent that is, measured and written otherwise. */
  record Point(@Tag(1) int x, @Tag(2) @IntEncoded(IntEncoding.ZIGZAG) long y) {}

  /** Written directly whole: nested records, maps of scalars, a Timestamp, packed lists. */
  record Batch(@Tag(1) String source, @Tag(2) List<Reading> readings, @Tag(3) Reading last,
      @Tag(4) Map<String, String> labels, @Tag(5) Map<Integer, Long> counts, @Tag(6) Instant at,
      @Tag(7) List<Point> points, @Tag(8) List<Integer> packed, @Tag(9) Optional<Point> origin,
      @Tag(10) List<Mood> moods) {}

  /** Not written directly (a map of messages goes through its codec), around one that is. */
  record Mixed(@Tag(1) Batch batch, @Tag(2) Map<String, Point> byName, @Tag(3) Optional<Batch> other) {}

  private static final ProtobufCodec<Mixed> SPUN =
      new ProtobufCodec<>(RecordBinding.of(Mixed.class), CodecOptions.defaults(), true);
  private static final ProtobufCodec<Mixed> INTERPRETED =
      new ProtobufCodec<>(RecordBinding.of(Mixed.class), CodecOptions.defaults(), false);

  @Test
  void directRecordsEncodeAsTheInterpretedPlans() {
    MessagePlan batch = ((MessageValue) ((ValueField) fieldOf(SPUN.plan(), 1)).codec).plan;
    MessagePlan reading = ((MessageValue) ((ValueField) fieldOf(batch, 3)).codec).plan;
    MessagePlan point = ((MessageValue) ((ListField) fieldOf(batch, 7)).element).plan;
    assertTrue(batch.compiled().isDirect() && batch.compiled().writesAhead(), "Batch is written in one walk");
    assertTrue(reading.compiled().isDirect() && reading.compiled().writesAhead(), "Reading too");
    assertTrue(point.compiled().isDirect() && !point.compiled().writesAhead(), "Point: directly only inside a parent");
    assertTrue(SPUN.plan().isCompiled() && !SPUN.plan().compiled().isDirect(), "Mixed: two passes");
    Seeds.forEach(300, seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      Map<String, Point> byName = new HashMap<>();
      for (int i = 0, n = r.nextInt(4); i < n; i++) {
        byName.put(text(r), point(r));
      }
      Mixed m = new Mixed(batch(r), byName, r.nextBoolean() ? Optional.empty() : Optional.of(batch(r)));
      byte[] bytes = SPUN.encode(m);
      assertArrayEquals(INTERPRETED.encode(m), bytes);
      assertEquals(m, SPUN.decode(bytes));
      java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
      try {
        SPUN.encode(m, streamed);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      assertArrayEquals(bytes, streamed.toByteArray());
    });
  }

  private static String text(SplittableRandom r) {
    return r.nextInt(50) == 0 ? "w".repeat(20_000) : TEXTS[r.nextInt(TEXTS.length)]; // three-byte lengths too
  }

  private static Point point(SplittableRandom r) {
    return new Point(edgy(r), r.nextLong() >> r.nextInt(64));
  }

  private static Batch batch(SplittableRandom r) {
    List<Reading> readings = new ArrayList<>();
    for (int i = 0, n = r.nextInt(30); i < n; i++) {
      readings.add(reading(r));
    }
    Map<String, String> labels = r.nextBoolean() ? new HashMap<>() : new TreeMap<>();
    Map<Integer, Long> counts = new HashMap<>();
    List<Point> points = new ArrayList<>();
    List<Integer> packed = new ArrayList<>();
    List<Mood> moods = new ArrayList<>();
    for (int i = 0, n = r.nextInt(6); i < n; i++) {
      labels.put(text(r), text(r));
      counts.put(edgy(r), r.nextLong());
      points.add(point(r));
      packed.add(edgy(r));
      moods.add(Mood.values()[r.nextInt(3)]);
    }
    return new Batch(text(r), readings, reading(r), labels, counts,
        Instant.ofEpochSecond(r.nextLong(-62_135_596_800L, 253_402_300_799L), r.nextInt(1_000_000_000)), points,
        packed, r.nextBoolean() ? Optional.empty() : Optional.of(point(r)), moods);
  }

  /** Vectors of every layout beside a string: written directly, by VectorBytes straight into the buffer. */
  record Embedded(@Tag(1) String id, @Tag(2) float[] raw, @Tag(3) @Quantized(Quantization.FP16) float[] half,
      @Tag(4) @Quantized(Quantization.BF16) float[] brain, @Tag(5) @Quantized(Quantization.INT8) float[] int8,
      @Tag(6) double[] series) {}

  @Test
  void vectorsAreWrittenDirectlyAsTheInterpretedPlanWritesThem() {
    ProtobufCodec<Embedded> spun = new ProtobufCodec<>(RecordBinding.of(Embedded.class), CodecOptions.defaults(), true);
    ProtobufCodec<Embedded> interpreted =
        new ProtobufCodec<>(RecordBinding.of(Embedded.class), CodecOptions.defaults(), false);
    assertTrue(spun.plan().compiled().isDirect() && spun.plan().compiled().writesAhead());
    Seeds.forEach(300, seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      Embedded e = new Embedded(text(r), floats(r, true), floats(r, true), floats(r, true), floats(r, false),
          doubles(r));
      assertArrayEquals(interpreted.encode(e), spun.encode(e));
    });
    float[] nan = {1f, Float.NaN};
    Embedded bad = new Embedded("x", new float[0], new float[0], new float[0], nan, new double[0]);
    EncodeException a = assertThrows(EncodeException.class, () -> spun.encode(bad));
    assertEquals(assertThrows(EncodeException.class, () -> interpreted.encode(bad)).getMessage(), a.getMessage());
    assertTrue(a.getMessage().contains("int8"), a.getMessage());
  }

  private static float[] floats(SplittableRandom r, boolean oddOnes) {
    float[] v = new float[r.nextInt(4) == 0 ? 0 : r.nextInt(1, 1_000)];
    for (int i = 0; i < v.length; i++) {
      int pick = oddOnes ? r.nextInt(20) : 5;
      v[i] = pick == 0 ? Float.NaN : pick == 1 ? -0f : pick == 2 ? Float.intBitsToFloat(0x7fc00001)
          : pick == 3 ? Float.MAX_VALUE : pick == 4 ? Float.NEGATIVE_INFINITY : (float) r.nextGaussian();
    }
    return v;
  }

  private static double[] doubles(SplittableRandom r) {
    double[] v = new double[r.nextInt(3) == 0 ? 0 : r.nextInt(1, 300)];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextInt(10) == 0 ? Double.longBitsToDouble(0x7ff8000000000123L) : r.nextDouble(-1e9, 1e9);
    }
    return v;
  }

  @Test
  void badValuesFailWithThePathTheInterpretedPlansGive() {
    SplittableRandom r = new SplittableRandom(7);
    Reading good = reading(r);
    Reading bad = new Reading("a\uD800", good.on(), good.count(), good.delta(), good.fixed(), good.unsigned(),
        good.ratio(), good.value(), good.big(), good.bigDelta(), good.stamp(), good.id(), good.mood(), good.note(),
        good.level(), good.seq(), good.score(), good.tags(), good.maybe());
    Batch ok = batch(r);
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    List<Integer> nullElement = new ArrayList<>(List.of(1));
    nullElement.add(null);
    Object[][] cases = {
        {new Batch("s", List.of(good, bad), good, Map.of(), Map.of(), Instant.EPOCH, List.of(), List.of(),
            Optional.empty(), List.of()), "batch.readings[1].label"},
        {new Batch("s", List.of(), good, Map.of("k", "\uDC00"), Map.of(), Instant.EPOCH, List.of(), List.of(),
            Optional.empty(), List.of()), "batch.labels[\"k\"]"},
        {new Batch("s", List.of(), good, nullValue, Map.of(), Instant.EPOCH, List.of(), List.of(),
            Optional.empty(), List.of()), "batch.labels[\"k\"]"},
        {new Batch("s", List.of(), good, Map.of(), Map.of(), null, List.of(), List.of(), Optional.empty(), List.of()),
            "batch.at"},
        {new Batch("s", List.of(), good, Map.of(), Map.of(), Instant.EPOCH, List.of(), nullElement, Optional.empty(),
            List.of()), "batch.packed[1]"},
        {new Batch("s", List.of(), null, Map.of(), Map.of(), Instant.EPOCH, List.of(), List.of(), Optional.empty(),
            List.of()), "batch.last"},
    };
    for (Object[] c : cases) {
      Mixed m = new Mixed((Batch) c[0], Map.of(), Optional.of(ok));
      EncodeException spun = assertThrows(EncodeException.class, () -> SPUN.encode(m));
      EncodeException interpreted = assertThrows(EncodeException.class, () -> INTERPRETED.encode(m));
      assertEquals(interpreted.getMessage(), spun.getMessage());
      assertTrue(spun.getMessage().contains((String) c[1]), c[1] + ": " + spun.getMessage());
    }
  }

  @Test
  void limitsHoldWhenWritingDirectly() {
    Limits tight = Limits.defaults().withMaxCollectionSize(3).withMaxStringBytes(50);
    ProtobufCodec<Batch> spun = new ProtobufCodec<>(RecordBinding.of(Batch.class), CodecOptions.defaults().withLimits(tight), true);
    ProtobufCodec<Batch> interpreted =
        new ProtobufCodec<>(RecordBinding.of(Batch.class), CodecOptions.defaults().withLimits(tight), false);
    Batch base = new Batch("s", List.of(), null, Map.of(), Map.of(), Instant.EPOCH, List.of(), List.of(), Optional.empty(),
        List.of());
    Batch[] bad = {
        new Batch("x".repeat(51), List.of(), base.last(), Map.of(), Map.of(), Instant.EPOCH, List.of(), List.of(),
            Optional.empty(), List.of()),
        new Batch("s", List.of(), base.last(), Map.of("a", "1", "b", "2", "c", "3", "d", "4"), Map.of(), Instant.EPOCH,
            List.of(), List.of(), Optional.empty(), List.of()),
        new Batch("s", List.of(), base.last(), Map.of(), Map.of(), Instant.EPOCH, List.of(), List.of(1, 2, 3, 4),
            Optional.empty(), List.of()),
    };
    for (Batch b : bad) {
      Reading small = new Reading("r", true, 1, 2, 3, 4, 5f, 6d, 7L, 8L, 9L, 10L, Mood.GLUM, Optional.of("n"),
          OptionalInt.of(1), OptionalLong.empty(), OptionalDouble.empty(), List.of("t"), Optional.empty());
      Batch withLast = new Batch(b.source(), b.readings(), small, b.labels(), b.counts(), b.at(), b.points(),
          b.packed(), b.origin(), b.moods());
      EncodeException e = assertThrows(EncodeException.class, () -> spun.encode(withLast));
      assertEquals(assertThrows(EncodeException.class, () -> interpreted.encode(withLast)).getMessage(), e.getMessage());
      assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }
  }

  private static FieldCodec fieldOf(MessagePlan plan, int number) {
    try {
      java.lang.reflect.Method lookup = MessagePlan.class.getDeclaredMethod("lookup", int.class);
      lookup.setAccessible(true);
      return (FieldCodec) lookup.invoke(plan, number);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Reading reading(SplittableRandom r) {
    Mood[] moods = Mood.values();
    List<String> tags = new ArrayList<>();
    for (int i = 0, n = r.nextInt(4); i < n; i++) {
      tags.add(TEXTS[r.nextInt(TEXTS.length)]);
    }
    return new Reading(TEXTS[r.nextInt(TEXTS.length)], r.nextBoolean(), edgy(r), edgy(r), edgy(r), edgy(r),
        r.nextBoolean() ? 0f : (float) r.nextDouble(-1e6, 1e6), r.nextBoolean() ? 0d : r.nextDouble(),
        r.nextLong() >> r.nextInt(64), r.nextLong() >> r.nextInt(64), r.nextLong(), r.nextLong() >>> r.nextInt(64),
        moods[r.nextInt(moods.length)],
        r.nextBoolean() ? Optional.empty() : Optional.of(TEXTS[r.nextInt(TEXTS.length)]),
        r.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(edgy(r)),
        r.nextBoolean() ? OptionalLong.empty() : OptionalLong.of(r.nextLong()),
        r.nextBoolean() ? OptionalDouble.empty() : OptionalDouble.of(r.nextDouble()), tags,
        r.nextBoolean() ? Optional.empty() : Optional.of(moods[r.nextInt(moods.length)]));
  }
}
