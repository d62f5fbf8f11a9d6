package io.polycodec.msgpack;

import java.util.HexFormat;

/** Hex strings in tests: spaces and dashes ignored. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", "").replace("-", ""));
  }

  static String of(byte[] b) {
    return HexFormat.ofDelimiter(" ").formatHex(b);
  }
}
