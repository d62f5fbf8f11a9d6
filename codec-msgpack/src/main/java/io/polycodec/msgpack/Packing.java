package io.polycodec.msgpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Pre-encodes constant keys and names once per plan with msgpack-core, so hot paths copy bytes. */
final class Packing {
  private Packing() {}

  /** A str holding {@code s}, encoded. */
  static byte[] string(String s) {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packString(s);
      return p.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An integer holding {@code v}, encoded in its smallest form. */
  static byte[] integer(long v) {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packLong(v);
      return p.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A map header for {@code n} entries, encoded. */
  static byte[] mapHeader(int n) {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packMapHeader(n);
      return p.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
