package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.Limits;
import io.polycodec.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Malformed, truncated and hostile input gives a DecodeException with the format, a byte offset and the
 * field path, and nothing else: no other exception, no stack overflow, no allocation a length prefix
 * asks for but the input does not hold.
 */
class BadInputTest {
  record Inner(@Tag(1) String name, @Tag(2) int zip, @Tag(3) byte tiny) {}

  enum Level { LOW, HIGH }

  record Outer(
      @Tag(1) Inner inner, @Tag(2) List<Integer> numbers, @Tag(3) Map<String, Inner> byName, @Tag(4) Level level,
      @Tag(5) Instant at, @Tag(6) float[] vector, @Tag(7) Optional<Outer> next, @Tag(8) Optional<Kinds.Shape> shape,
      @Tag(9) byte[] blob) {}

  record WithUnion(Kinds.Shape shape) {}

  private static final Codec<Outer> OUTER = Codecs.get("protobuf", Outer.class);

  private static byte[] bytes(Writer w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    try {
      w.write(cos);
      cos.flush();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static DecodeException fails(Codec<?> codec, byte[] input, String path, String problem) {
    DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(input));
    assertEquals("protobuf", e.format(), e.getMessage());
    assertTrue(e.offset() >= 0 && e.offset() <= input.length, "offset " + e.offset() + ": " + e.getMessage());
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.problem().contains(problem), () -> "'" + e.getMessage() + "' should say " + problem);
    return e;
  }

  @Test
  void truncatedVarint() {
    byte[] input = bytes(out -> {
      out.writeTag(1, 2);
      out.writeUInt32NoTag(2);
      out.writeTag(2, 0);
    });
    byte[] truncated = java.util.Arrays.copyOf(input, input.length + 1);
    truncated[truncated.length - 1] = (byte) 0x80; // a varint that never ends
    fails(OUTER, truncated, "Outer.inner.zip", "");
    fails(OUTER, new byte[] {(byte) 0x80}, "Outer", ""); // a tag that never ends
  }

  @Test
  void lengthBeyondTheBuffer() {
    byte[] input = bytes(out -> {
      out.writeTag(1, 2);
      out.writeUInt32NoTag(4);
      out.writeTag(1, 2);
      out.writeUInt32NoTag(10); // the string claims 10 of the 2 bytes left
      out.writeRawBytes(new byte[] {'a', 'b'});
    });
    fails(OUTER, input, "Outer.inner.name", "exceeds");
    fails(OUTER, new byte[] {0x0A, 0x7F}, "Outer.inner", "exceeds");
  }

  @Test
  void wrongWireTypes() {
    fails(OUTER, bytes(out -> out.writeFixed32(4, 1)), "Outer.level", "wire type 5");
    fails(OUTER, bytes(out -> out.writeInt32(1, 1)), "Outer.inner", "wire type 0");
    fails(OUTER, bytes(out -> out.writeFixed64(2, 1)), "Outer.numbers", "wire type 1");
    fails(OUTER, bytes(out -> out.writeInt32(3, 1)), "Outer.byName", "wire type 0");
    fails(OUTER, bytes(out -> out.writeFixed64(6, 1)), "Outer.vector", "wire type 1");
    fails(OUTER, bytes(out -> out.writeInt32(5, 1)), "Outer.at", "wire type 0");
    fails(OUTER, bytes(out -> {
      out.writeTag(1, 2);
      out.writeUInt32NoTag(2);
      out.writeFixed32NoTag(0); // cut short: only the tag of a fixed32 fits
    }), "Outer.inner", "");
    fails(OUTER, new byte[] {0x0E}, "Outer.inner", "wire type 6"); // wire type 6 does not exist
    fails(OUTER, new byte[] {(byte) 0xFE, 0x06}, "Outer", ""); // nor for an unknown field
    fails(OUTER, new byte[] {0x57, 0x00}, "Outer", ""); // unknown field with wire type 7
  }

  @Test
  void groupTags() {
    // A group where a message is expected.
    fails(OUTER, bytes(out -> {
      out.writeTag(1, 3);
      out.writeTag(1, 4);
    }), "Outer.inner", "wire type 3");
    // An end-group tag that closes nothing.
    fails(OUTER, bytes(out -> out.writeTag(99, 4)), "Outer", "end-group");
    // A group that never ends, and one closed with the wrong number.
    fails(OUTER, bytes(out -> out.writeTag(99, 3)), "Outer", "");
    fails(OUTER, bytes(out -> {
      out.writeTag(99, 3);
      out.writeTag(98, 4);
    }), "Outer", "");
    // A well-formed group in an unknown field is skipped, as protobuf does.
    Outer skipped = OUTER.decode(bytes(out -> {
      out.writeTag(99, 3);
      out.writeInt32(1, 5);
      out.writeTag(99, 4);
      out.writeInt32(4, 1);
    }));
    assertEquals(Level.HIGH, skipped.level());
  }

  @Test
  void tagZeroAndFieldNumberZero() {
    fails(OUTER, new byte[] {0x00}, "Outer", "");
    fails(OUTER, new byte[] {0x02, 0x00}, "Outer", "");
  }

  @Test
  void deepNesting() {
    // 150 levels of Outer.next: deeper than the default limit of 100.
    byte[] nested = new byte[0];
    for (int i = 0; i < 150; i++) {
      byte[] inner = nested;
      nested = bytes(out -> out.writeByteArray(7, inner));
    }
    byte[] deep = nested;
    DecodeException e = assertThrows(DecodeException.class, () -> OUTER.decode(deep));
    assertTrue(e.problem().contains("nesting"), e.getMessage());
    assertTrue(e.path().startsWith("Outer.next.next.next"), e.path());
    // Within the limit it decodes.
    Codec<Outer> lenient = Codecs.get("protobuf", Outer.class, CodecOptions.defaults().withLimits(Limits.defaults().withMaxDepth(200)));
    assertTrue(lenient.decode(deep).next().isPresent());
  }

  @Test
  void deeplyNestedUnknownGroupsDoNotOverflowTheStack() {
    int levels = 200_000;
    byte[] input = new byte[levels * 2 * 2];
    int p = 0;
    for (int i = 0; i < levels; i++) {
      input[p++] = (byte) 0xFB; // field 99, start group
      input[p++] = 0x06;
    }
    for (int i = 0; i < levels; i++) {
      input[p++] = (byte) 0xFC; // field 99, end group
      input[p++] = 0x06;
    }
    DecodeException e = assertThrows(DecodeException.class, () -> OUTER.decode(input));
    assertEquals("Outer", e.path(), e.getMessage());
    // A generic codec, which keeps unknown fields, fails the same way.
    assertThrows(DecodeException.class, () -> Codecs.generic("protobuf", Codecs.schemaOf(Outer.class)).decode(input));
  }

  @Test
  void invalidUtf8() {
    byte[] input = bytes(out -> {
      out.writeTag(1, 2);
      out.writeUInt32NoTag(4);
      out.writeTag(1, 2);
      out.writeUInt32NoTag(2);
      out.writeRawBytes(new byte[] {(byte) 0xC3, (byte) 0x28}); // a lead byte without its continuation
    });
    fails(OUTER, input, "Outer.inner.name", "UTF-8");
    fails(OUTER, bytes(out -> {
      out.writeTag(3, 2);
      out.writeUInt32NoTag(3);
      out.writeTag(1, 2);
      out.writeUInt32NoTag(1);
      out.writeRawBytes(new byte[] {(byte) 0xFF});
    }), "Outer.byName", "UTF-8");
  }

  @Test
  void twoGigabyteLengthOnTwentyBytesDoesNotAllocate() {
    for (int field : new int[] {1, 2, 3, 6, 9}) {
      byte[] input = new byte[20];
      input[0] = (byte) ((field << 3) | 2);
      input[1] = (byte) 0xFF; // 0x7FFFFFFF: just under 2 GiB
      input[2] = (byte) 0xFF;
      input[3] = (byte) 0xFF;
      input[4] = (byte) 0xFF;
      input[5] = 0x07;
      long allocated = allocatedBy(() -> {
        DecodeException e = assertThrows(DecodeException.class, () -> OUTER.decode(input));
        assertTrue(e.problem().contains("2147483647"), e.getMessage());
      });
      assertTrue(allocated < 1 << 20, "field " + field + ": decoding allocated " + allocated + " bytes");
    }
    // A length with more than 32 bits is no smaller.
    fails(OUTER, new byte[] {0x0A, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01}, "Outer.inner",
        "exceeds");
  }

  private static long allocatedBy(Runnable r) {
    var bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counting needs HotSpot's ThreadMXBean");
    com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled());
    r.run(); // warm up: class loading allocates
    long before = hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
    r.run();
    return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
  }

  @Test
  void limits() {
    Codec<Outer> strict = Codecs.get("protobuf", Outer.class, CodecOptions.defaults()
        .withLimits(Limits.defaults().withMaxStringBytes(4).withMaxCollectionSize(3)));
    fails(strict, bytes(out -> {
      out.writeTag(1, 2);
      out.writeUInt32NoTag(7);
      out.writeString(1, "hello");
    }), "Outer.inner.name", "limit");
    byte[] packed = bytes(out -> {
      out.writeTag(2, 2);
      out.writeUInt32NoTag(4);
      out.writeRawBytes(new byte[] {1, 2, 3, 4});
    });
    fails(strict, packed, "Outer.numbers[3]", "elements");
    fails(strict, bytes(out -> out.writeByteArray(6, new byte[16])), "Outer.vector", "elements");
    Codec<Outer> small = Codecs.get("protobuf", Outer.class, CodecOptions.defaults()
        .withLimits(Limits.defaults().withMaxMessageBytes(8)));
    assertThrows(DecodeException.class, () -> small.decode(new byte[9]));
  }

  @Test
  void valuesTheSchemaCannotHold() {
    fails(OUTER, bytes(out -> out.writeEnum(4, 7)), "Outer.level", "Level");
    fails(OUTER, bytes(out -> {
      out.writeTag(1, 2);
      out.writeUInt32NoTag(3);
      out.writeInt32(3, 300);
    }), "Outer.inner.tiny", "byte");
    byte[] tooLate = bytes(out -> {
      out.writeTag(5, 2);
      out.writeUInt32NoTag(CodedOutputStream.computeInt64Size(1, 253402300800L));
      out.writeInt64(1, 253402300800L); // 10000-01-01
    });
    fails(OUTER, tooLate, "Outer.at", "outside");
    fails(OUTER, bytes(out -> out.writeByteArray(6, new byte[5])), "Outer.vector", "multiple of 4");
  }

  @Test
  void unions() {
    Codec<WithUnion> codec = Codecs.get("protobuf", WithUnion.class);
    fails(codec, new byte[0], "WithUnion.shape", "missing");
    fails(codec, new byte[] {0x0A, 0x00}, "WithUnion.shape", "no member");
    fails(codec, bytes(out -> {
      out.writeTag(1, 2);
      out.writeUInt32NoTag(2);
      out.writeTag(9, 2);
      out.writeUInt32NoTag(0);
    }), "WithUnion.shape", "no member tagged 9");
    fails(codec, bytes(out -> {
      out.writeTag(1, 2);
      out.writeUInt32NoTag(2);
      out.writeInt32(1, 0);
    }), "WithUnion.shape.Circle", "wire type 0");
  }

  @Test
  void randomCorruptionYieldsOnlyDecodeExceptions() {
    Codec<Kinds.Everything> codec = Codecs.get("protobuf", Kinds.Everything.class);
    var generic = Codecs.generic("protobuf", Codecs.schemaOf(Kinds.Everything.class));
    Seeds.forEach(Integer.getInteger("polycodec.fuzz.trials", 300), seed -> {
      java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
      byte[] valid = codec.encode(new RandomKinds(seed).everything());
      byte[] bad = valid.clone();
      switch (random.nextInt(3)) {
        case 0:
          for (int i = 0, n = 1 + random.nextInt(4); i < n && bad.length > 0; i++) {
            bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
          }
          break;
        case 1:
          bad = java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1));
          break;
        default:
          random.nextBytes(bad);
          break;
      }
      for (Consumer<byte[]> decoder : List.<Consumer<byte[]>>of(codec::decode, generic::decode)) {
        try {
          decoder.accept(bad);
        } catch (DecodeException expected) {
          assertTrue(expected.offset() >= 0, expected.getMessage());
        }
      }
    });
  }
}
