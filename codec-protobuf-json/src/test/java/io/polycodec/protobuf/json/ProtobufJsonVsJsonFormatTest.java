package io.polycodec.protobuf.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.IntEncoded;
import io.polycodec.Tag;
import io.polycodec.protobuf.json.testproto.Circle;
import io.polycodec.protobuf.json.testproto.Color;
import io.polycodec.protobuf.json.testproto.Everything;
import io.polycodec.protobuf.json.testproto.Inner;
import io.polycodec.protobuf.json.testproto.Shape;
import io.polycodec.protobuf.json.testproto.Square;
import io.polycodec.schema.IntEncoding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Second opinion: protobuf-java's {@link JsonFormat} on the protoc-generated {@code Everything} message
 * and Polycodec's protobuf-json codec on the record of the same shape, holding the same random values.
 * For each seed: the two texts are equal modulo whitespace and key order, and each side reads the
 * other's text back to the same value. The seed is in the test's name; a failure names it.
 */
class ProtobufJsonVsJsonFormatTest {
  enum Hue { RED, GREEN, BLUE }

  record Part(@Tag(1) String label, @Tag(2) @IntEncoded(IntEncoding.ZIGZAG) int n) {}

  sealed interface Form permits Form.Circle, Form.Square {
    record Circle(@Tag(1) double radius) implements Form {}

    record Square(@Tag(1) double side) implements Form {}
  }

  record EverythingRecord(
      @Tag(1) boolean flag,
      @Tag(2) int small,
      @Tag(3) @IntEncoded(IntEncoding.ZIGZAG) long big,
      @Tag(4) @IntEncoded(IntEncoding.UNSIGNED) int unsignedSmall,
      @Tag(5) @IntEncoded(IntEncoding.UNSIGNED_FIXED) long unsignedBig,
      @Tag(6) float ratio,
      @Tag(7) double weight,
      @Tag(8) String displayName,
      @Tag(9) byte[] payload,
      @Tag(10) Instant createdAt,
      @Tag(11) Hue color,
      @Tag(12) List<Long> counts,
      @Tag(13) List<String> tags,
      @Tag(14) List<Part> inners,
      @Tag(15) Map<String, Long> scores,
      @Tag(16) Map<Integer, Part> byId,
      @Tag(17) OptionalInt maybeCount,
      @Tag(18) Optional<String> maybeName,
      @Tag(19) Part inner,
      @Tag(20) Form shape,
      @Tag(21) List<Hue> colors,
      @Tag(22) float[] vector,
      @Tag(23) Map<Boolean, String> byFlag) {}

  /** One random value, built twice: as the record and as the generated message. */
  private record Pair(EverythingRecord record, Everything message) {}

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0x5eedL * 31 + i * 0x9E3779B97F4A7C15L);
  }

  private static final Codec<EverythingRecord> CODEC = Codecs.get("protobuf-json", EverythingRecord.class);
  private static final Codec<EverythingRecord> CODEC_DEFAULTS = Codecs.get("protobuf-json", EverythingRecord.class,
      CodecOptions.builder().set(ProtobufJsonOptions.EMIT_DEFAULTS, true).build());

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameTextAndEachReadsTheOther(long seed) throws InvalidProtocolBufferException {
    Pair pair = random(new Random(seed));
    check(seed, pair, CODEC, JsonFormat.printer());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameTextWithDefaultsEmitted(long seed) throws InvalidProtocolBufferException {
    Pair pair = random(new Random(seed));
    check(seed, pair, CODEC_DEFAULTS, JsonFormat.printer().alwaysPrintFieldsWithNoPresence());
  }

  private static void check(long seed, Pair pair, Codec<EverythingRecord> codec, JsonFormat.Printer printer)
      throws InvalidProtocolBufferException {
    String ours = new String(codec.encode(pair.record()), StandardCharsets.UTF_8);
    String theirs = printer.print(pair.message());
    String where = "seed " + seed + "\nours:   " + ours + "\ntheirs: " + theirs;
    assertNull(JsonTrees.difference(JsonTrees.parse(ours), JsonTrees.parse(theirs), "$"), where);

    Everything.Builder b = Everything.newBuilder();
    JsonFormat.parser().merge(ours, b);
    assertEquals(pair.message(), b.build(), "JsonFormat reading ours, " + where);

    EverythingRecord back = codec.decode(theirs.getBytes(StandardCharsets.UTF_8));
    Everything.Builder again = Everything.newBuilder();
    JsonFormat.parser().merge(new String(codec.encode(back), StandardCharsets.UTF_8), again);
    assertEquals(pair.message(), again.build(), "ours reading JsonFormat's, " + where);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // every form of each kind protobuf's parsers accept: numbers as strings and in exponent form,
      // 64-bit integers as numbers, enums by number, URL-safe unpadded base64, timestamp offsets,
      // proto names next to JSON names, null for "not set"
      "{\"small\":\"12\",\"big\":-5,\"unsigned_small\":4294967295,\"unsignedBig\":\"18446744073709551615\","
          + "\"ratio\":\"1.5\",\"weight\":\"-Infinity\",\"display_name\":\"x\",\"payload\":\"-_8\","
          + "\"createdAt\":\"1972-01-01T10:00:20.021+01:30\",\"color\":2,\"counts\":[1e2,\"3\"],"
          + "\"maybeName\":null,\"inner\":{\"n\":1.0},\"shape\":{\"Square\":{\"side\":2}}}",
  })
  void readsWhatJsonFormatReads(String json) throws InvalidProtocolBufferException {
    Everything.Builder b = Everything.newBuilder();
    JsonFormat.parser().merge(json, b);
    Everything expected = b.build();
    EverythingRecord ours = CODEC.decode(json.getBytes(StandardCharsets.UTF_8));
    Everything.Builder again = Everything.newBuilder();
    JsonFormat.parser().merge(new String(CODEC.encode(ours), StandardCharsets.UTF_8), again);
    assertEquals(expected, again.build());
  }

  // ---- generating -------------------------------------------------------------------------------------

  private static Pair random(Random r) {
    Everything.Builder m = Everything.newBuilder();
    boolean flag = r.nextBoolean();
    int small = anyInt(r);
    long big = anyLong(r);
    int unsignedSmall = anyInt(r);
    long unsignedBig = anyLong(r);
    float ratio = anyFloat(r);
    double weight = anyDouble(r);
    String displayName = anyString(r);
    byte[] payload = anyBytes(r);
    Instant createdAt = r.nextInt(4) == 0 ? Instant.EPOCH
        : Instant.ofEpochSecond(-62135596800L + (long) (r.nextDouble() * 315537897599L), r.nextInt(4) == 0 ? 0 : r.nextInt(1_000_000_000));
    Hue color = Hue.values()[r.nextInt(3)];
    List<Long> counts = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<Part> inners = new ArrayList<>();
    List<Hue> colors = new ArrayList<>();
    Map<String, Long> scores = new TreeMap<>();
    Map<Integer, Part> byId = new TreeMap<>();
    Map<Boolean, String> byFlag = new TreeMap<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      counts.add(anyLong(r));
      tags.add(anyString(r));
      Part p = anyPart(r);
      inners.add(p);
      m.addInners(inner(p));
      colors.add(Hue.values()[r.nextInt(3)]);
      scores.put(anyString(r), anyLong(r));
      Part q = anyPart(r);
      byId.put(anyInt(r), q);
      byFlag.put(r.nextBoolean(), anyString(r));
    }
    OptionalInt maybeCount = r.nextBoolean() ? OptionalInt.of(r.nextInt(3) - 1) : OptionalInt.empty();
    Optional<String> maybeName = r.nextBoolean() ? Optional.of(r.nextBoolean() ? "" : anyString(r)) : Optional.empty();
    Part inner = anyPart(r);
    Form shape = r.nextBoolean() ? new Form.Circle(anyDouble(r)) : new Form.Square(anyDouble(r));
    float[] vector = new float[r.nextInt(4)];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = anyFloat(r);
    }

    m.setFlag(flag).setSmall(small).setBig(big).setUnsignedSmall(unsignedSmall).setUnsignedBig(unsignedBig)
        .setRatio(ratio).setWeight(weight).setDisplayName(displayName).setPayload(ByteString.copyFrom(payload))
        .setColor(Color.forNumber(color.ordinal())).addAllCounts(counts).addAllTags(tags).putAllScores(scores)
        .setInner(inner(inner));
    if (!createdAt.equals(Instant.EPOCH)) {
      // Polycodec leaves a non-optional timestamp at the epoch out, as it leaves out every default
      m.setCreatedAt(Timestamp.newBuilder().setSeconds(createdAt.getEpochSecond()).setNanos(createdAt.getNano()));
    }
    byId.forEach((k, v) -> m.putById(k, inner(v)));
    byFlag.forEach(m::putByFlag);
    maybeCount.ifPresent(m::setMaybeCount);
    maybeName.ifPresent(m::setMaybeName);
    colors.forEach(c -> m.addColors(Color.forNumber(c.ordinal())));
    for (float f : vector) {
      m.addVector(f);
    }
    if (shape instanceof Form.Circle c) {
      m.setShape(Shape.newBuilder().setCircle(Circle.newBuilder().setRadius(c.radius())));
    } else {
      m.setShape(Shape.newBuilder().setSquare(Square.newBuilder().setSide(((Form.Square) shape).side())));
    }
    EverythingRecord rec = new EverythingRecord(flag, small, big, unsignedSmall, unsignedBig, ratio, weight,
        displayName, payload, createdAt, color, counts, tags, inners, scores, byId, maybeCount, maybeName, inner,
        shape, colors, vector, byFlag);
    return new Pair(rec, m.build());
  }

  private static Inner inner(Part p) {
    return Inner.newBuilder().setLabel(p.label()).setN(p.n()).build();
  }

  private static Part anyPart(Random r) {
    return new Part(anyString(r), anyInt(r));
  }

  private static int anyInt(Random r) {
    switch (r.nextInt(4)) {
      case 0: return 0;
      case 1: return r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
      case 2: return r.nextInt(200) - 100;
      default: return r.nextInt();
    }
  }

  private static long anyLong(Random r) {
    switch (r.nextInt(4)) {
      case 0: return 0;
      case 1: return r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
      case 2: return r.nextInt(200) - 100;
      default: return r.nextLong();
    }
  }

  private static float anyFloat(Random r) {
    float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
        Float.MAX_VALUE, 1e-5f, 0.1f};
    return r.nextInt(3) == 0 ? special[r.nextInt(special.length)] : Float.intBitsToFloat(r.nextInt());
  }

  // No -0.0: JsonFormat's parser reads a double's -0.0 as 0.0 (it goes through BigDecimal), a loss of
  // protobuf-java's that codec-protobuf's ProtoJsonCodec documents; Polycodec keeps it.
  private static double anyDouble(Random r) {
    double[] special = {0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
        Double.MAX_VALUE, 1e23, 0.1};
    double d = r.nextInt(3) == 0 ? special[r.nextInt(special.length)] : Double.longBitsToDouble(r.nextLong());
    return Double.isNaN(d) ? Double.NaN : d == 0 ? 0.0 : d;
  }

  private static String anyString(Random r) {
    String[] pieces = {"", "a", "é", "\u00ff", "\ud83d\ude00", "\"", "\\", "\n", "\u0000", "\u2028", "<", "snake_case"};
    StringBuilder s = new StringBuilder();
    for (int i = r.nextInt(4); i > 0; i--) {
      s.append(pieces[r.nextInt(pieces.length)]);
    }
    return s.toString();
  }

  private static byte[] anyBytes(Random r) {
    byte[] b = new byte[r.nextInt(6)];
    r.nextBytes(b);
    return b;
  }
}
