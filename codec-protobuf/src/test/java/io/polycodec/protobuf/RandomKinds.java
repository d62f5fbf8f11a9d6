package io.polycodec.protobuf;

import io.polycodec.protobuf.Kinds.Address;
import io.polycodec.protobuf.Kinds.Circle;
import io.polycodec.protobuf.Kinds.Color;
import io.polycodec.protobuf.Kinds.Everything;
import io.polycodec.protobuf.Kinds.Lists;
import io.polycodec.protobuf.Kinds.Maps;
import io.polycodec.protobuf.Kinds.Optionals;
import io.polycodec.protobuf.Kinds.Scalars;
import io.polycodec.protobuf.Kinds.Shape;
import io.polycodec.protobuf.Kinds.Square;
import io.polycodec.protobuf.Kinds.Tree;
import io.polycodec.protobuf.Kinds.Vectors;
import io.polycodec.schema.TimestampRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Seeded random values of {@link Kinds}, biased towards the edges protobuf cares about: zero (left out),
 * negative numbers (ten-byte varints), extremes, -0.0, NaN with payloads, infinities, surrogate pairs,
 * empty versus absent, and the ends of the timestamp range.
 */
final class RandomKinds {
  private final SplittableRandom random;

  RandomKinds(long seed) {
    this.random = new SplittableRandom(seed);
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  boolean bool() {
    return random.nextBoolean();
  }

  int int32() {
    switch (random.nextInt(8)) {
      case 0: return 0;
      case 1: return Integer.MIN_VALUE;
      case 2: return Integer.MAX_VALUE;
      case 3: return -1;
      case 4: return random.nextInt(-200, 200);
      default: return random.nextInt();
    }
  }

  long int64() {
    switch (random.nextInt(8)) {
      case 0: return 0;
      case 1: return Long.MIN_VALUE;
      case 2: return Long.MAX_VALUE;
      case 3: return -1;
      case 4: return random.nextLong(-70_000, 70_000);
      case 5: return random.nextInt();
      default: return random.nextLong();
    }
  }

  float float32() {
    switch (random.nextInt(10)) {
      case 0: return 0f;
      case 1: return -0f;
      case 2: return Float.NaN;
      case 3: return Float.intBitsToFloat(0x7fc00000 | random.nextInt(1 << 22)); // NaN with a payload
      case 4: return random.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
      case 5: return random.nextBoolean() ? Float.MIN_VALUE : -Float.MAX_VALUE;
      default: return Float.intBitsToFloat(random.nextInt());
    }
  }

  double float64() {
    switch (random.nextInt(10)) {
      case 0: return 0d;
      case 1: return -0d;
      case 2: return Double.NaN;
      case 3: return Double.longBitsToDouble(0x7ff8000000000000L | random.nextLong(1L << 51));
      case 4: return random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      case 5: return random.nextBoolean() ? Double.MIN_VALUE : -Double.MAX_VALUE;
      default: return Double.longBitsToDouble(random.nextLong());
    }
  }

  /** A finite float, for quantized vectors (INT8 cannot hold NaN or infinities). */
  float finiteFloat() {
    return random.nextBoolean() ? (float) random.nextDouble(-1000, 1000) : (float) random.nextGaussian();
  }

  String string() {
    int n = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(6)) {
        case 0: sb.append((char) random.nextInt(0x20, 0x7f)); break;
        case 1: sb.append((char) random.nextInt(0x80, 0x800)); break;
        case 2: sb.append((char) random.nextInt(0x800, 0xd800)); break;
        case 3: sb.appendCodePoint(random.nextInt(0x10000, 0x110000)); break; // a surrogate pair
        case 4: sb.append('\0'); break;
        default: sb.append((char) random.nextInt(0xe000, 0x10000)); break;
      }
    }
    return sb.toString();
  }

  byte[] bytes() {
    byte[] b = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(1, 20)];
    random.nextBytes(b);
    return b;
  }

  Instant instant() {
    switch (random.nextInt(6)) {
      case 0: return Instant.EPOCH;
      case 1: return TimestampRange.MIN;
      case 2: return TimestampRange.MAX;
      case 3: return Instant.ofEpochSecond(random.nextLong(-100, 100), random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000));
      default:
        return Instant.ofEpochSecond(random.nextLong(TimestampRange.MIN.getEpochSecond(), TimestampRange.MAX.getEpochSecond() + 1),
            random.nextInt(1_000_000_000));
    }
  }

  Color color() {
    Color[] all = Color.values();
    return all[random.nextInt(all.length)];
  }

  Address address() {
    return new Address(string(), int32());
  }

  Shape shape(int depth) {
    return random.nextBoolean() ? new Circle(float64()) : new Square(float64(), address());
  }

  <T> List<T> list(Supplier<T> element) {
    int n = random.nextInt(3) == 0 ? 0 : random.nextInt(1, 6);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(element.get());
    }
    return out;
  }

  <K, V> Map<K, V> map(Supplier<K> key, Supplier<V> value) {
    int n = random.nextInt(3) == 0 ? 0 : random.nextInt(1, 6);
    Map<K, V> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      out.put(key.get(), value.get());
    }
    return out;
  }

  <T> Optional<T> optional(Supplier<T> value) {
    return chance(40) ? Optional.empty() : Optional.of(value.get());
  }

  <T> T nullable(Supplier<T> value) {
    return chance(40) ? null : value.get();
  }

  float[] floats(Supplier<Float> element) {
    int n = random.nextInt(3) == 0 ? 0 : random.nextInt(1, 9);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = element.get();
    }
    return out;
  }

  Scalars scalars() {
    return new Scalars(bool(), int32(), int64(), float32(), float64(), string(), bytes(), instant(), color(),
        int32(), int64(), int32(), int64(), int32(), int64(), int32(), int64());
  }

  Optionals optionals() {
    return new Optionals(nullable(this::bool), chance(40) ? OptionalInt.empty() : OptionalInt.of(int32()),
        chance(40) ? OptionalLong.empty() : OptionalLong.of(int64()), nullable(this::float32), nullable(this::float64),
        optional(this::string), optional(this::bytes), optional(this::instant), optional(this::color),
        optional(this::address), optional(() -> shape(0)), nullable(this::int32));
  }

  Lists lists() {
    return new Lists(list(this::bool), list(this::int32), list(this::int64), list(this::float32), list(this::float64),
        list(this::string), list(this::bytes), list(this::instant), list(this::color), list(this::address),
        list(() -> shape(0)), list(this::int32), list(this::int64), list(this::int32), list(this::int64),
        list(this::int32), list(this::int64), list(this::int32), list(this::int64));
  }

  Vectors vectors() {
    double[] series = new double[random.nextInt(3) == 0 ? 0 : random.nextInt(1, 9)];
    for (int i = 0; i < series.length; i++) {
      series[i] = float64();
    }
    return new Vectors(floats(this::float32), series, floats(this::float32), floats(this::float32),
        floats(this::finiteFloat));
  }

  Maps maps() {
    return new Maps(map(this::string, this::int32), map(this::int32, this::string), map(this::int64, this::address),
        map(this::bool, this::color), map(this::string, () -> shape(0)), map(this::string, this::instant),
        map(this::string, this::bytes), map(this::string, this::float64), map(this::int32, this::float32),
        map(this::int64, this::bool), map(this::string, this::int64));
  }

  Tree tree(int depth) {
    List<Tree> children = depth >= 3 ? List.of() : list(() -> tree(depth + 1));
    Optional<Tree> parent = depth >= 3 ? Optional.empty() : optional(() -> tree(depth + 2));
    return new Tree(string(), children, parent, optional(() -> shape(0)));
  }

  Everything everything() {
    return new Everything(scalars(), optionals(), lists(), vectors(), maps(), tree(0), shape(0));
  }
}
