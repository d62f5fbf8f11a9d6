package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecOptions;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import org.junit.jupiter.api.Test;

/**
 * Strings of up to {@link WriteContext#MAX_SCRATCH_CHARS} chars are encoded and checked in one pass
 * into a scratch array and copied into the builder; longer ones go through the builder's own encoder.
 * Both must give the bytes flatbuffers-java's builder gives, and the string limit must count UTF-8 bytes.
 */
class StringEncodingTest {
  record Text(String s) {}

  @Test
  void bytesAreTheBuildersOnBothSidesOfTheThreshold() {
    FlatBuffersCodec<Text> codec = FlatBuffersCodec.of(Text.class);
    String mixed = "aé€😀";
    int t = WriteContext.MAX_SCRATCH_CHARS;
    for (int chars : new int[] {0, 1, 7, 85, 86, 300, t - 1, t, t + 1, 3 * t}) {
      StringBuilder b = new StringBuilder();
      while (b.length() < chars) {
        b.append(mixed);
      }
      for (String s : new String[] {"x".repeat(chars), b.substring(0, chars).replaceAll("[\\uD800-\\uDFFF]$", "z")}) {
        FlatBufferBuilder builder = new FlatBufferBuilder(16);
        int text = builder.createString(s);
        builder.startTable(1);
        builder.addOffset(0, text, 0);
        builder.finish(builder.endTable());
        assertArrayEquals(builder.sizedByteArray(), codec.encode(new Text(s)), "a string of " + s.length() + " chars");
        assertEquals(s, codec.decode(codec.encode(new Text(s))).s());
      }
    }
  }

  @Test
  void theLimitCountsUtf8BytesOfShortStrings() {
    FlatBuffersCodec<Text> codec = FlatBuffersCodec.of(Text.class,
        CodecOptions.defaults().withLimits(Limits.defaults().withMaxStringBytes(6)));
    assertEquals("€€", codec.decode(codec.encode(new Text("€€"))).s()); // 2 chars, 6 bytes
    EncodeException e = assertThrows(EncodeException.class, () -> codec.encode(new Text("€€a"))); // 3 chars, 7 bytes
    assertEquals("Text.s", e.path());
    assertTrue(e.problem().contains("7 bytes exceeds the limit of 6 bytes"), e.problem());
  }

  @Test
  void unpairedSurrogatesAreRefusedOnBothSidesOfTheThreshold() {
    FlatBuffersCodec<Text> codec = FlatBuffersCodec.of(Text.class);
    for (int before : new int[] {3, WriteContext.MAX_SCRATCH_CHARS + 5}) {
      String s = "x".repeat(before) + "\uDC00y";
      EncodeException e = assertThrows(EncodeException.class, () -> codec.encode(new Text(s)));
      assertEquals("Text.s", e.path());
      assertTrue(e.problem().contains("unpaired surrogate U+DC00 at index " + before), e.problem());
    }
  }
}
