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
import io.polycodec.Tag;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.IntEncoding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Leaf records, written in one walk into a {@link LeafBuffer} by the size pass: the buffer writes what
 * {@code CodedOutputStream} writes, byte for byte, growing from a few bytes; a leaf of every scalar kind
 * encodes as the interpreted plan does; bad strings fail as they do there.
 */
class LeafBufferTest {
  private static final String[] TEXTS = {
      "", "a", "ascii only", "x".repeat(64), "y".repeat(65), "Bühne", "東京 – Tokyo", "😀 pair", "z".repeat(300),
      "é".repeat(64), "ü".repeat(200), "𝄞".repeat(40)};

  @Test
  void writesWhatCodedOutputStreamWrites() {
    Seeds.forEach(300, seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      LeafBuffer leaf = new LeafBuffer(1 + r.nextInt(16)); // grows many times
      byte[] expected = new byte[1 << 16];
      CodedOutputStream cos = CodedOutputStream.newInstance(expected);
      Sizes sizes = new Sizes(Limits.defaults(), true);
      try {
        for (int op = 0, n = r.nextInt(200); op < n; op++) {
          int i = edgy(r);
          long l = r.nextBoolean() ? i : r.nextLong() >> r.nextInt(64);
          switch (r.nextInt(10)) {
            case 0: leaf.writeUInt32NoTag(i); cos.writeUInt32NoTag(i); break;
            case 1: leaf.writeInt32NoTag(i); cos.writeInt32NoTag(i); break;
            case 2: leaf.writeSInt32NoTag(i); cos.writeSInt32NoTag(i); break;
            case 3: leaf.writeFixed32NoTag(i); cos.writeFixed32NoTag(i); break;
            case 4: leaf.writeUInt64NoTag(l); cos.writeUInt64NoTag(l); break;
            case 5: leaf.writeInt64NoTag(l); cos.writeInt64NoTag(l); break;
            case 6: leaf.writeSInt64NoTag(l); cos.writeSInt64NoTag(l); break;
            case 7: leaf.writeFixed64NoTag(l); cos.writeFixed64NoTag(l); break;
            case 8: leaf.writeBoolNoTag(i % 2 == 0); cos.writeBoolNoTag(i % 2 == 0); break;
            default:
              String t = TEXTS[r.nextInt(TEXTS.length)];
              leaf.writeString(t, sizes);
              cos.writeStringNoTag(t);
          }
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      assertArrayEquals(Arrays.copyOf(expected, cos.getTotalBytesWritten()), Arrays.copyOf(leaf.buf, leaf.pos));
    });
  }

  private static int edgy(SplittableRandom r) {
    int[] edges = {0, 1, -1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, Integer.MIN_VALUE};
    return r.nextBoolean() ? edges[r.nextInt(edges.length)] : r.nextInt() >> r.nextInt(32);
  }

  @Test
  void refusesWhatTheSizePassRefuses() {
    Sizes sizes = new Sizes(Limits.defaults().withMaxStringBytes(10), true);
    LeafBuffer leaf = new LeafBuffer(4);
    leaf.writeString("0123456789", sizes);
    assertThrows(EncodeException.class, () -> leaf.writeString("0123456789a", sizes));
    assertThrows(EncodeException.class, () -> leaf.writeString("ééééé é", sizes), "12 bytes in 7 chars");
    Sizes roomy = new Sizes(Limits.defaults(), true);
    for (String bad : new String[] {"a\uD800b", "\uDC00", "x".repeat(70) + "\uD83D"}) {
      EncodeException e = assertThrows(EncodeException.class, () -> leaf.writeString(bad, roomy));
      assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
    }
  }

  enum Mood { @Tag(0) CALM, @Tag(1) GLAD, @Tag(-3) GLUM }

  /** A leaf: strings, every scalar encoding, an enum with a negative number, optionals, a list of strings. */
  record Reading(
      @Tag(1) String label, @Tag(2) boolean on, @Tag(3) int count, @Tag(4) @IntEncoded(IntEncoding.ZIGZAG) int delta,
      @Tag(5) @IntEncoded(IntEncoding.FIXED) int fixed, @Tag(6) @IntEncoded(IntEncoding.UNSIGNED) int unsigned,
      @Tag(7) float ratio, @Tag(8) double value, @Tag(9) long big, @Tag(10) @IntEncoded(IntEncoding.ZIGZAG) long bigDelta,
      @Tag(11) @IntEncoded(IntEncoding.UNSIGNED_FIXED) long stamp, @Tag(12) @IntEncoded(IntEncoding.UNSIGNED) long id,
      @Tag(13) Mood mood, @Tag(14) Optional<String> note, @Tag(15) OptionalInt level, @Tag(16) OptionalLong seq,
      @Tag(17) OptionalDouble score, @Tag(18) List<String> tags, @Tag(19) Optional<Mood> maybe) {}

  record Batch(@Tag(1) String source, @Tag(2) List<Reading> readings, @Tag(3) Reading last) {}

  private static final ProtobufCodec<Batch> SPUN =
      new ProtobufCodec<>(RecordBinding.of(Batch.class), CodecOptions.defaults(), true);
  private static final ProtobufCodec<Batch> INTERPRETED =
      new ProtobufCodec<>(RecordBinding.of(Batch.class), CodecOptions.defaults(), false);

  @Test
  void aLeafOfEveryScalarKindEncodesAsTheInterpretedPlan() {
    MessagePlan reading = ((MessageValue) ((ValueField) fieldOf(SPUN.plan(), 3)).codec).plan;
    assertTrue(reading.isCompiled() && reading.compiled().isLeaf(), "Reading is written in one walk");
    assertFalse(SPUN.plan().compiled().isLeaf(), "Batch holds messages: two passes");
    Seeds.forEach(300, seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      List<Reading> list = new ArrayList<>();
      for (int i = 0, n = r.nextInt(40); i < n; i++) {
        list.add(reading(r));
      }
      Batch b = new Batch(TEXTS[r.nextInt(TEXTS.length)], list, reading(r));
      byte[] bytes = SPUN.encode(b);
      assertArrayEquals(INTERPRETED.encode(b), bytes);
      assertEquals(b, SPUN.decode(bytes));
    });
  }

  @Test
  void aBadStringInALeafFailsWithThePathTheInterpretedPlanGives() {
    SplittableRandom r = new SplittableRandom(7);
    Reading good = reading(r);
    Reading bad = new Reading("a\uD800", good.on(), good.count(), good.delta(), good.fixed(), good.unsigned(),
        good.ratio(), good.value(), good.big(), good.bigDelta(), good.stamp(), good.id(), good.mood(), good.note(),
        good.level(), good.seq(), good.score(), good.tags(), good.maybe());
    Batch b = new Batch("s", List.of(good, bad), good);
    EncodeException spun = assertThrows(EncodeException.class, () -> SPUN.encode(b));
    EncodeException interpreted = assertThrows(EncodeException.class, () -> INTERPRETED.encode(b));
    assertEquals(interpreted.getMessage(), spun.getMessage());
    assertTrue(spun.getMessage().contains("readings[1].label"), spun.getMessage());
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
