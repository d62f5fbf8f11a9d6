package io.polycodec.msgpack;

import io.polycodec.Fallback;
import io.polycodec.IntEncoded;
import io.polycodec.Quantized;
import io.polycodec.Tag;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Quantization;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Record types shared by the tests. */
final class TestTypes {
  private TestTypes() {}

  @Retention(RetentionPolicy.RUNTIME)
  @interface Nullable {}

  record Point(int x, int y) {}

  record Person(String name, Optional<String> nick, OptionalInt age) {}

  enum Color { RED, GREEN, BLUE }

  enum Level { LOW, HIGH, @Fallback UNKNOWN }

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  record Drawing(Shape shape) {}

  record Tagged(@Tag(7) String name, @Tag(2) int count) {}

  record Unsigned(@IntEncoded(IntEncoding.UNSIGNED) int u32, @IntEncoded(IntEncoding.UNSIGNED_FIXED) long u64) {}

  record Vectors(float[] f, double[] d, @Quantized(Quantization.FP16) float[] half,
      @Quantized(Quantization.INT8) float[] small) {}

  record Node(String label, List<Node> children, Optional<Node> next) {}

  record Stamp(Instant at) {}

  record Scores(Map<String, Integer> byName, Map<Long, String> byId, Map<Boolean, Double> byFlag) {}

  record Everything(
      boolean flag, byte tiny, short small, int count, long big, float ratio, double precise,
      Boolean boxedFlag, Integer boxedCount, String name, byte[] blob, Instant at, Color color,
      List<Point> points, Map<String, Integer> scores, Map<Long, Point> byId,
      float[] embedding, double[] series, @Quantized(Quantization.BF16) float[] half,
      Optional<String> nickname, OptionalInt maybeInt, OptionalLong maybeLong, OptionalDouble maybeDouble,
      @Nullable String note, @Nullable Integer nullableCount, Shape shape, Optional<Point> home,
      @IntEncoded(IntEncoding.ZIGZAG) int delta, List<Color> colors, List<String> tags,
      List<Instant> times, List<byte[]> blobs, Map<Integer, Shape> shapes, List<Double> doubles,
      List<Float> floats, List<Boolean> flags, List<Long> longs) {}
}
