package io.polycodec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Utf8#encode}: the JDK's UTF-8 bytes for every valid string, the shared error for the others. */
class Utf8EncodeTest {

  @Test
  void everyBmpCharAndPairEncodesAsTheJdkDoes() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < Character.MIN_SURROGATE; c++) {
      all.append(c);
    }
    for (int c = Character.MAX_SURROGATE + 1; c <= 0xFFFF; c++) {
      all.append((char) c);
    }
    all.appendCodePoint(0x10000).appendCodePoint(0x1F600).appendCodePoint(Character.MAX_CODE_POINT);
    assertEncodesAsJdk(all.toString(), 5);
  }

  @Test
  void randomStringsEncodeAsTheJdkDoes() {
    long seed = 0x5EED_2023L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(40);
      for (int k = 0; k < n; k++) {
        switch (random.nextInt(4)) {
          case 0 -> b.append((char) random.nextInt(0x80));
          case 1 -> b.append((char) (0x80 + random.nextInt(0x780)));
          case 2 -> b.append((char) (0x800 + random.nextInt(Character.MIN_SURROGATE - 0x800)));
          default -> b.appendCodePoint(0x10000 + random.nextInt(Character.MAX_CODE_POINT - 0xFFFF));
        }
      }
      String s = b.toString();
      try {
        assertEncodesAsJdk(s, round % 7);
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ", round " + round + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void unpairedSurrogatesAreRefusedWithTheSharedWording() {
    for (String s : new String[] {"ab\uD800", "\uDC00x", "a\uD800b", "\uD800\uD800\uDC00x", "\uDBFF"}) {
      byte[] dst = new byte[3 * s.length()];
      EncodeException e = assertThrows(EncodeException.class, () -> Utf8.encode(s, dst, 0));
      EncodeException expected = assertThrows(EncodeException.class, () -> Utf8.encodedLength(s));
      assertEquals(expected.getMessage(), e.getMessage(), s);
    }
  }

  @Test
  void returnsTheLengthEncodedLengthCounts() {
    String s = "Grüße, €, 😀 and ascii";
    byte[] dst = new byte[3 * s.length()];
    assertEquals(Utf8.encodedLength(s), Utf8.encode(s, dst, 0));
  }

  private static void assertEncodesAsJdk(String s, int offset) {
    byte[] expected = s.getBytes(StandardCharsets.UTF_8);
    byte[] dst = new byte[offset + 3 * s.length()];
    Arrays.fill(dst, (byte) 0x55);
    int n = Utf8.encode(s, dst, offset);
    assertEquals(expected.length, n);
    assertArrayEquals(expected, Arrays.copyOfRange(dst, offset, offset + n));
    for (int k = 0; k < offset; k++) {
      assertEquals((byte) 0x55, dst[k], "wrote before the offset");
    }
  }
}
