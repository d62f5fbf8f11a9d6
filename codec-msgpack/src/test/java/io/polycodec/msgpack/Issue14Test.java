package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.IntEncoded;
import io.polycodec.schema.IntEncoding;
import org.junit.jupiter.api.Test;

/** Regression tests for the hostile-input review (issue 14): each failed before its fix. */
class Issue14Test {
  record ULong(@IntEncoded(IntEncoding.UNSIGNED) long v) {}

  record UInt(@IntEncoded(IntEncoding.UNSIGNED) int v) {}

  record SLong(long v) {}

  record SInt(int v) {}

  private static void refused(Codec<?> codec, String hex, String problem) {
    DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(Hex.bytes(hex)), hex);
    assertTrue(e.problem().contains(problem), e.getMessage());
    assertEquals("v", e.path().substring(e.path().lastIndexOf('.') + 1), e.getMessage());
  }

  @Test
  void aNegativeIntegerInAnUnsignedFieldIsAnErrorNotABitPattern() {
    Codec<ULong> ulong = Codecs.get("msgpack", ULong.class);
    Codec<UInt> uint = Codecs.get("msgpack", UInt.class);
    refused(ulong, "81 a1 76 d3 ff ff ff ff 00 00 00 00", "does not fit uint64");
    refused(ulong, "81 a1 76 ff", "does not fit uint64");
    refused(uint, "81 a1 76 ff", "does not fit uint32");
    refused(uint, "81 a1 76 d2 80 00 00 00", "does not fit uint32");
    refused(uint, "81 a1 76 cf 00 00 00 01 00 00 00 00", "does not fit uint32");
    // the whole unsigned range still reads, as the bit pattern of the Java value
    assertEquals(-1L, ulong.decode(Hex.bytes("81 a1 76 cf ff ff ff ff ff ff ff ff")).v());
    assertEquals(-1, uint.decode(Hex.bytes("81 a1 76 ce ff ff ff ff")).v());
    assertEquals(0, uint.decode(Hex.bytes("81 a1 76 00")).v());
  }

  @Test
  void anUnsignedNumberAboveTheSignedRangeInASignedFieldIsAnError() {
    refused(Codecs.get("msgpack", SLong.class), "81 a1 76 cf 80 00 00 00 00 00 00 00", "does not fit int64");
    refused(Codecs.get("msgpack", SInt.class), "81 a1 76 ce 80 00 00 00", "does not fit int32");
    assertEquals(Long.MIN_VALUE, Codecs.get("msgpack", SLong.class).decode(Hex.bytes("81 a1 76 d3 80 00 00 00 00 00 00 00")).v());
  }

  record Text(String s) {}

  @Test
  void aLongAsciiStringIsMeasuredByItsBytesNotSixBytesPerChar() {
    Codec<Text> codec = Codecs.get("msgpack", Text.class, io.polycodec.CodecOptions.defaults()
        .withLimits(io.polycodec.Limits.defaults().withMaxMessageBytes(4096)));
    Text t = new Text("a".repeat(1026));
    byte[] bytes = codec.encode(t);
    assertEquals(1 + 2 + 3 + 1026, bytes.length, "fixmap, fixstr key 's', str16 header, the text");
    assertEquals(t, codec.decode(bytes));
    Text tooBig = new Text("a".repeat(4096));
    assertThrows(io.polycodec.EncodeException.class, () -> codec.encode(tooBig));
  }
}
