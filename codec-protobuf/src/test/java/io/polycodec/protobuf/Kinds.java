package io.polycodec.protobuf;

import io.polycodec.Fallback;
import io.polycodec.IntEncoded;
import io.polycodec.Quantized;
import io.polycodec.Tag;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Quantization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Java records covering every kind of the model; src/test/proto/polycodec/polycodec/test/kinds.proto is
 * their hand-written protobuf twin, compiled by protoc in the build.
 */
final class Kinds {
  private Kinds() {}

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @interface Nullable {}

  enum Color { @Tag(0) RED, @Tag(1) GREEN, @Tag(2) BLUE, @Tag(-1) INFRARED }

  /** Color as an older reader knows it: INFRARED missing, with a fallback. */
  enum OldColor { @Tag(0) RED, @Tag(1) GREEN, @Tag(2) BLUE, @Tag(99) @Fallback UNKNOWN }

  record Address(String street, int zip) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side, Address corner) implements Shape {}

  record Scalars(
      boolean flag, int i32, long i64, float f32, double f64, String text, byte[] blob, Instant at, Color color,
      @IntEncoded(IntEncoding.ZIGZAG) int zz32, @IntEncoded(IntEncoding.ZIGZAG) long zz64,
      @IntEncoded(IntEncoding.FIXED) int sf32, @IntEncoded(IntEncoding.FIXED) long sf64,
      @IntEncoded(IntEncoding.UNSIGNED) int u32, @IntEncoded(IntEncoding.UNSIGNED) long u64,
      @IntEncoded(IntEncoding.UNSIGNED_FIXED) int fx32, @IntEncoded(IntEncoding.UNSIGNED_FIXED) long fx64) {}

  record Optionals(
      @Nullable Boolean flag, OptionalInt i32, OptionalLong i64, @Nullable Float f32, @Nullable Double f64,
      Optional<String> text, Optional<byte[]> blob, Optional<Instant> at, Optional<Color> color,
      Optional<Address> address, Optional<Shape> shape, @Nullable @IntEncoded(IntEncoding.ZIGZAG) Integer zz32) {}

  record Lists(
      List<Boolean> flags, List<Integer> i32s, List<Long> i64s, List<Float> f32s, List<Double> f64s,
      List<String> texts, List<byte[]> blobs, List<Instant> ats, List<Color> colors, List<Address> addresses,
      List<Shape> shapes,
      @IntEncoded(IntEncoding.ZIGZAG) List<Integer> zz32s, @IntEncoded(IntEncoding.ZIGZAG) List<Long> zz64s,
      @IntEncoded(IntEncoding.FIXED) List<Integer> sf32s, @IntEncoded(IntEncoding.FIXED) List<Long> sf64s,
      @IntEncoded(IntEncoding.UNSIGNED) List<Integer> u32s, @IntEncoded(IntEncoding.UNSIGNED) List<Long> u64s,
      @IntEncoded(IntEncoding.UNSIGNED_FIXED) List<Integer> fx32s,
      @IntEncoded(IntEncoding.UNSIGNED_FIXED) List<Long> fx64s) {}

  record Vectors(
      float[] embedding, double[] series, @Quantized(Quantization.FP16) float[] half,
      @Quantized(Quantization.BF16) float[] brain, @Quantized(Quantization.INT8) float[] int8) {}

  record Maps(
      Map<String, Integer> scores, Map<Integer, String> names, Map<Long, Address> byId,
      Map<Boolean, Color> byFlag, Map<String, Shape> shapes, Map<String, Instant> times, Map<String, byte[]> blobs,
      Map<String, Double> doubles, Map<Integer, Float> floats, Map<Long, Boolean> bools, Map<String, Long> longs) {}

  record Tree(String label, List<Tree> children, Optional<Tree> parent, Optional<Shape> shape) {}

  record Everything(
      Scalars scalars, Optionals optionals, Lists lists, Vectors vectors, Maps maps, Tree tree, Shape shape) {}
}
