package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import java.io.IOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.junit.jupiter.api.Test;

/**
 * Strings are encoded and checked in one pass into a reused array below msgpack-core's small-string
 * threshold (512 chars), and by msgpack-core above it: both must give msgpack-core's own bytes, and the
 * string limit must count UTF-8 bytes, not chars.
 */
class StringEncodingTest {
  record Text(String s) {}

  @Test
  void bytesAreMsgpackCoresOnBothSidesOfTheThreshold() throws IOException {
    Codec<Text> codec = Codecs.get("msgpack", Text.class);
    String mixed = "aé€😀";
    for (int chars : new int[] {0, 1, 31, 32, 255, 256, 510, 511, 512, 513, 3000, 70_000}) {
      StringBuilder b = new StringBuilder();
      while (b.length() < chars) {
        b.append(mixed);
      }
      for (String s : new String[] {"x".repeat(chars), b.substring(0, chars).replaceAll("[\\uD800-\\uDFFF]$", "z")}) {
        MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
        p.packMapHeader(1).packString("s").packString(s);
        assertArrayEquals(p.toByteArray(), codec.encode(new Text(s)), "a string of " + s.length() + " chars");
        assertEquals(s, codec.decode(codec.encode(new Text(s))).s());
      }
    }
  }

  @Test
  void theLimitCountsUtf8BytesOfShortStrings() {
    Codec<Text> codec = Codecs.get("msgpack", Text.class,
        CodecOptions.defaults().withLimits(Limits.defaults().withMaxStringBytes(6)));
    assertEquals("€€", codec.decode(codec.encode(new Text("€€"))).s()); // 2 chars, 6 bytes
    EncodeException e = assertThrows(EncodeException.class, () -> codec.encode(new Text("€€a"))); // 3 chars, 7 bytes
    assertEquals("Text.s", e.path());
    assertTrue(e.problem().contains("7 bytes exceeds the limit of 6 bytes"), e.problem());
  }

  @Test
  void unpairedSurrogatesAreRefusedOnBothSidesOfTheThreshold() {
    Codec<Text> codec = Codecs.get("msgpack", Text.class);
    for (int before : new int[] {3, 600}) {
      String s = "x".repeat(before) + "\uD800y";
      EncodeException e = assertThrows(EncodeException.class, () -> codec.encode(new Text(s)));
      assertEquals("Text.s", e.path());
      assertTrue(e.problem().contains("unpaired surrogate U+D800 at index " + before), e.problem());
    }
  }
}
