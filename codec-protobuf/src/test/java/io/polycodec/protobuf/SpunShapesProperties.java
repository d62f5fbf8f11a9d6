package io.polycodec.protobuf;

import static io.polycodec.protobuf.ProtocRoundTripProperties.deterministic;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecOptions;
import io.polycodec.IntEncoded;
import io.polycodec.Tag;
import io.polycodec.bind.RecordBinding;
import io.polycodec.protobuf.testproto.Leaf;
import io.polycodec.schema.IntEncoding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every field shape {@link BodyCompiler} spins (optionals of each kind, enums, nested and optional
 * records, lists of records and strings, packed lists, Timestamps), in a record graph that is spun
 * throughout, against the protoc-generated classes of its twin (spun.proto): identical bytes on seeded
 * random values, the same bytes as the interpreted plans, and a decode back to the same value.
 */
class SpunShapesProperties {
  record SpunLeaf(@Tag(1) String label, @Tag(2) List<Integer> indices) {}

  record Shapes(
      @Tag(1) long id, @Tag(2) String name, @Tag(3) Optional<String> title, @Tag(4) OptionalInt bitrate,
      @Tag(5) @IntEncoded(IntEncoding.ZIGZAG) OptionalLong delta, @Tag(6) OptionalDouble ratio,
      @Tag(7) Kinds.Color color, @Tag(8) Optional<Kinds.Color> maybeColor, @Tag(9) Kinds.Address home,
      @Tag(10) Optional<Kinds.Address> work, @Tag(11) List<Kinds.Address> addresses, @Tag(12) List<String> tags,
      @Tag(13) List<Integer> indices, @Tag(14) @IntEncoded(IntEncoding.ZIGZAG) List<Long> deltas,
      @Tag(15) List<Kinds.Color> colors, @Tag(16) Instant at, @Tag(17) Optional<Instant> seen,
      @Tag(18) List<SpunLeaf> leaves, @Tag(19) @IntEncoded(IntEncoding.UNSIGNED_FIXED) List<Integer> fixeds,
      @Tag(20) boolean flag) {}

  private static final ProtobufCodec<Shapes> SPUN =
      new ProtobufCodec<>(RecordBinding.of(Shapes.class), CodecOptions.defaults(), true);
  private static final ProtobufCodec<Shapes> INTERPRETED =
      new ProtobufCodec<>(RecordBinding.of(Shapes.class), CodecOptions.defaults(), false);

  @Test
  void everyPlanOfTheGraphIsSpun() {
    assertTrue(SPUN.plan().isCompiled(), "Shapes itself");
    assertEquals(3, SPUN.plan().spunInGraph, "Shapes, Address and SpunLeaf");
    assertTrue(SPUN.plan().compiled().isDirect() && SPUN.plan().compiled().writesAhead(),
        "the graph is written in one walk (AheadBuffer), so the properties below test that path");
    assertEquals(0, INTERPRETED.plan().spunInGraph);
  }

  @Test
  void spunShapesWriteTheBytesProtobufJavaWrites() {
    Seeds.forEach(500, seed -> {
      Shapes value = shapes(seed);
      byte[] ours = SPUN.encode(value);
      assertArrayEquals(INTERPRETED.encode(value), ours, "bytes differ from the interpreted plan's");
      assertArrayEquals(deterministic(toProto(value)), ours, "bytes differ from protobuf-java's");
      assertEquals(value, SPUN.decode(ours));
    });
  }

  record Nullables(@Tag(1) @Kinds.Nullable String text, @Tag(2) @Kinds.Nullable Kinds.Address address,
      @Tag(3) @Kinds.Nullable Instant at, @Tag(4) @Kinds.Nullable Kinds.Color color,
      @Tag(5) @io.polycodec.Required String required, @Tag(6) @io.polycodec.Required Kinds.Color requiredColor,
      @Tag(7) int n) {}

  @Test
  void nullableFieldsAreLeftOutAndRequiredOnesAlwaysWritten() {
    ProtobufCodec<Nullables> spun = new ProtobufCodec<>(RecordBinding.of(Nullables.class), CodecOptions.defaults(), true);
    ProtobufCodec<Nullables> interpreted =
        new ProtobufCodec<>(RecordBinding.of(Nullables.class), CodecOptions.defaults(), false);
    assertTrue(spun.plan().isCompiled());
    Nullables[] values = {
        new Nullables(null, null, null, null, "", Kinds.Color.RED, 0),
        new Nullables("", new Kinds.Address("", 0), Instant.EPOCH, Kinds.Color.RED, "r", Kinds.Color.INFRARED, 3),
    };
    for (Nullables v : values) {
      byte[] bytes = spun.encode(v);
      assertArrayEquals(interpreted.encode(v), bytes, v.toString());
      assertEquals(v, spun.decode(bytes));
    }
    // Null and "" or RED on the wire are told apart: the empty values of the second are all written.
    assertTrue(spun.encode(values[1]).length > spun.encode(values[0]).length + 8);
    for (Nullables bad : new Nullables[] {
        new Nullables(null, null, null, null, null, Kinds.Color.RED, 0),
        new Nullables(null, null, null, null, "", null, 0)}) {
      RuntimeException a = org.junit.jupiter.api.Assertions.assertThrows(io.polycodec.EncodeException.class, () -> spun.encode(bad));
      RuntimeException b = org.junit.jupiter.api.Assertions.assertThrows(io.polycodec.EncodeException.class,
          () -> interpreted.encode(bad));
      assertEquals(b.getMessage(), a.getMessage());
    }
  }

  private static Shapes with(Shapes s, int field, Object value) {
    Object[] args = new Object[Shapes.class.getRecordComponents().length];
    try {
      for (int i = 0; i < args.length; i++) {
        args[i] = i == field ? value : Shapes.class.getRecordComponents()[i].getAccessor().invoke(s);
      }
      return (Shapes) Shapes.class.getDeclaredConstructors()[0].newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void badValuesFailWithTheInterpretedPlansErrorAndPath() {
    Shapes good = shapes(42);
    List<String> nullTag = new ArrayList<>(List.of("a"));
    nullTag.add(null);
    List<Kinds.Address> nullAddress = new ArrayList<>(List.of(new Kinds.Address("x", 1)));
    nullAddress.add(null);
    List<Integer> nullIndex = new ArrayList<>(List.of(1));
    nullIndex.add(null);
    Object[][] cases = {
        {1, null, "name"}, {1, "a\uD800b", "name"}, {1, "\uDC00", "name"}, {11, List.of("ok", "\uD83D"), "tags[1]"},
        {1, "abcdefghijklm\uD800nopqrs", "name"}, {1, "0123456789abcde\uDFFF", "name"}, {2, null, "title"}, {3, null, "bitrate"}, {6, null, "color"}, {7, null, "maybeColor"},
        {8, null, "home"}, {8, new Kinds.Address(null, 1), "home.street"}, {9, null, "work"},
        {10, nullAddress, "addresses[1]"}, {11, nullTag, "tags[1]"}, {12, nullIndex, "indices[1]"},
        {14, null, "colors"}, {15, null, "at"}, {16, null, "seen"},
        {17, List.of(new SpunLeaf("l", nullIndex)), "leaves[0].indices[1]"},
    };
    for (Object[] c : cases) {
      Shapes bad = with(good, (Integer) c[0], c[1]);
      RuntimeException interpreted = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
          () -> INTERPRETED.encode(bad));
      RuntimeException spun = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> SPUN.encode(bad));
      assertEquals(interpreted.getClass(), spun.getClass(), (String) c[2]);
      assertEquals(interpreted.getMessage(), spun.getMessage(), (String) c[2]);
      assertTrue(spun instanceof io.polycodec.EncodeException, c[2] + ": " + spun);
      assertTrue(spun.getMessage().contains((String) c[2]), spun.getMessage());
    }
  }

  @Test
  void depthAndCollectionLimitsHoldOnTheSpunPath() {
    Shapes value = with(with(shapes(7), 10, List.of(new Kinds.Address("a", 1), new Kinds.Address("b", 2))),
        17, List.of());
    for (io.polycodec.Limits limits : new io.polycodec.Limits[] {
        io.polycodec.Limits.defaults().withMaxDepth(2), io.polycodec.Limits.defaults().withMaxCollectionSize(1)}) {
      CodecOptions options = CodecOptions.defaults().withLimits(limits);
      ProtobufCodec<Shapes> spun = new ProtobufCodec<>(RecordBinding.of(Shapes.class), options, true);
      ProtobufCodec<Shapes> interpreted = new ProtobufCodec<>(RecordBinding.of(Shapes.class), options, false);
      io.polycodec.EncodeException a = org.junit.jupiter.api.Assertions.assertThrows(io.polycodec.EncodeException.class,
          () -> spun.encode(value));
      io.polycodec.EncodeException b = org.junit.jupiter.api.Assertions.assertThrows(io.polycodec.EncodeException.class,
          () -> interpreted.encode(value));
      assertEquals(b.getMessage(), a.getMessage());
    }
  }

  private static Shapes shapes(long seed) {
    RandomKinds k = new RandomKinds(seed);
    SplittableRandom r = new SplittableRandom(~seed);
    List<Kinds.Address> addresses = new ArrayList<>();
    // A list without fast random access is copied by the spun code before its indexed loop.
    List<String> tags = r.nextBoolean() ? new ArrayList<>() : new java.util.LinkedList<>();
    List<Integer> indices = new ArrayList<>();
    List<Long> deltas = new ArrayList<>();
    List<Kinds.Color> colors = new ArrayList<>();
    List<SpunLeaf> leaves = new ArrayList<>();
    List<Integer> fixeds = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      addresses.add(k.address());
      tags.add(k.string());
      indices.add(k.int32());
      deltas.add(k.int64());
      colors.add(k.color());
      fixeds.add(k.int32());
      List<Integer> leafIndices = new ArrayList<>();
      for (int j = r.nextInt(3); j > 0; j--) {
        leafIndices.add(k.int32());
      }
      leaves.add(new SpunLeaf(k.string(), List.copyOf(leafIndices)));
    }
    return new Shapes(k.int64(), k.string(),
        r.nextBoolean() ? Optional.of(k.string()) : Optional.empty(),
        r.nextBoolean() ? OptionalInt.of(k.int32()) : OptionalInt.empty(),
        r.nextBoolean() ? OptionalLong.of(k.int64()) : OptionalLong.empty(),
        r.nextBoolean() ? OptionalDouble.of(k.float64()) : OptionalDouble.empty(),
        k.color(), r.nextBoolean() ? Optional.of(k.color()) : Optional.empty(), k.address(),
        r.nextBoolean() ? Optional.of(k.address()) : Optional.empty(), addresses, tags, indices, deltas, colors,
        k.instant(), r.nextBoolean() ? Optional.of(k.instant()) : Optional.empty(), leaves, fixeds, k.bool());
  }

  /** The generated message of {@code s}, written from spun.proto (proto3: zero and "" are not set). */
  private static io.polycodec.protobuf.testproto.Shapes toProto(Shapes s) {
    io.polycodec.protobuf.testproto.Shapes.Builder b = io.polycodec.protobuf.testproto.Shapes.newBuilder()
        .setId(s.id()).setName(s.name()).setColorValue(KindsToProto.number(s.color()))
        .setHome(KindsToProto.address(s.home())).setFlag(s.flag());
    // A Timestamp field has presence: the user sets it unless it holds the default they mean by "unset"
    // (a record field is always set).
    if (!s.at().equals(Instant.EPOCH)) {
      b.setAt(KindsToProto.timestamp(s.at()));
    }
    s.title().ifPresent(b::setTitle);
    s.bitrate().ifPresent(b::setBitrate);
    s.delta().ifPresent(b::setDelta);
    s.ratio().ifPresent(b::setRatio);
    s.maybeColor().ifPresent(c -> b.setMaybeColorValue(KindsToProto.number(c)));
    s.work().ifPresent(a -> b.setWork(KindsToProto.address(a)));
    s.addresses().forEach(a -> b.addAddresses(KindsToProto.address(a)));
    b.addAllTags(s.tags()).addAllIndices(s.indices()).addAllDeltas(s.deltas()).addAllFixeds(s.fixeds());
    s.colors().forEach(c -> b.addColorsValue(KindsToProto.number(c)));
    s.seen().ifPresent(t -> b.setSeen(KindsToProto.timestamp(t)));
    s.leaves().forEach(l -> b.addLeaves(Leaf.newBuilder().setLabel(l.label()).addAllIndices(l.indices())));
    return b.build();
  }
}
