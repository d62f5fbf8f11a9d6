package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.Tag;
import io.polycodec.tck.AllocationBound;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A singular message field repeated N times merges in O(N), as protobuf-java's in-place merge does
 * (issue 14: 16,000 repeats of {@code tree{kids:[{}]}} in 64 KB used to allocate about 1.8 GB, because
 * each occurrence rebuilt the record and copied the list gathered so far into the next one).
 */
class MergeCostTest {
  record Tree(@Tag(1) List<Tree> kids) {}

  record Outer(@Tag(1) Tree tree) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(@Tag(1) List<Tree> kids) implements Shape {}

  record Square(@Tag(1) int side) implements Shape {}

  record WithShape(@Tag(1) Shape shape) {}

  record WithMap(@Tag(1) Map<String, Tree> trees) {}

  private static final int REPEATS = 16_000;
  private static final Limits LIMITS = Limits.defaults().withMaxCollectionSize(1 << 20);

  private static byte[] repeat(byte[] piece, int times) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < times; i++) {
      out.writeBytes(piece);
    }
    return out.toByteArray();
  }

  private static <T> T decodeWithinBound(Codec<T> codec, byte[] input) {
    assumeTrue(AllocationBound.supported(), "this JVM does not measure per-thread allocation");
    codec.decode(input); // warm up: plans and classes are not the decode's cost
    Object[] result = new Object[1];
    long used = AllocationBound.measure(() -> result[0] = codec.decode(input));
    long allowed = AllocationBound.allowance(input.length);
    assertTrue(used <= allowed, "decoding " + input.length + " bytes allocated " + used + " bytes, more than "
        + allowed);
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }

  @Test
  void repeatedRecordFieldMergesLinearly() {
    // field 1 (tree), length 2: field 1 (kids), length 0 -> tree{kids:[{}]}
    byte[] input = repeat(new byte[] {0x0A, 0x02, 0x0A, 0x00}, REPEATS);
    Codec<Outer> codec = Codecs.get("protobuf", Outer.class, CodecOptions.defaults().withLimits(LIMITS));
    Outer o = decodeWithinBound(codec, input);
    assertEquals(REPEATS, o.tree().kids().size(), "every occurrence merges its element into the one list");
  }

  @Test
  void repeatedRecordFieldMergesLinearlyForGenericRecords() {
    byte[] input = repeat(new byte[] {0x0A, 0x02, 0x0A, 0x00}, REPEATS);
    Codec<GenericRecord> codec = Codecs.generic("protobuf", io.polycodec.bind.RecordBinding.of(Outer.class).schema(),
        CodecOptions.defaults().withLimits(LIMITS));
    GenericRecord o = decodeWithinBound(codec, input);
    assertEquals(REPEATS, ((List<?>) ((GenericRecord) o.get("tree")).get("kids")).size());
  }

  @Test
  void repeatedUnionWrapperMergesLinearly() {
    // field 1 (shape wrapper), length 4: member circle (tag 1), length 2: kids, length 0
    byte[] input = repeat(new byte[] {0x0A, 0x04, 0x0A, 0x02, 0x0A, 0x00}, REPEATS);
    Codec<WithShape> codec = Codecs.get("protobuf", WithShape.class, CodecOptions.defaults().withLimits(LIMITS));
    WithShape w = decodeWithinBound(codec, input);
    assertEquals(REPEATS, ((Circle) w.shape()).kids().size());
  }

  @Test
  void repeatedMemberInsideOneWrapperMergesLinearly() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < REPEATS; i++) {
      body.writeBytes(new byte[] {0x0A, 0x02, 0x0A, 0x00});
    }
    byte[] members = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x0A);
    writeVarint(out, members.length);
    out.writeBytes(members);
    Codec<WithShape> codec = Codecs.get("protobuf", WithShape.class, CodecOptions.defaults().withLimits(LIMITS));
    WithShape w = decodeWithinBound(codec, out.toByteArray());
    assertEquals(REPEATS, ((Circle) w.shape()).kids().size());
  }

  @Test
  void anotherMemberReplacesAndTheSameMemberMerges() {
    // circle{kids:[{}]}, square{side:3}, circle{kids:[{}]}, circle{kids:[{}]} -> the last member, merged twice
    byte[] circle = {0x0A, 0x04, 0x0A, 0x02, 0x0A, 0x00};
    byte[] square = {0x0A, 0x04, 0x12, 0x02, 0x08, 0x03};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(circle);
    out.writeBytes(square);
    out.writeBytes(circle);
    out.writeBytes(circle);
    WithShape w = Codecs.get("protobuf", WithShape.class).decode(out.toByteArray());
    assertEquals(2, ((Circle) w.shape()).kids().size());
  }

  @Test
  void repeatedValueInsideOneMapEntryMergesLinearly() {
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    entry.writeBytes(new byte[] {0x0A, 0x01, 'k'});
    for (int i = 0; i < REPEATS; i++) {
      entry.writeBytes(new byte[] {0x12, 0x02, 0x0A, 0x00});
    }
    byte[] e = entry.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x0A);
    writeVarint(out, e.length);
    out.writeBytes(e);
    Codec<WithMap> codec = Codecs.get("protobuf", WithMap.class, CodecOptions.defaults().withLimits(LIMITS));
    WithMap w = decodeWithinBound(codec, out.toByteArray());
    assertEquals(REPEATS, w.trees().get("k").kids().size());
  }

  private static void writeVarint(ByteArrayOutputStream out, int v) {
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }
}
