package io.polycodec.msgpack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds which of a fixed set of names a UTF-8 key is, comparing raw bytes so that decoding a field name
 * allocates no String. The caller passes a hint (the index it expects, usually the one after the last
 * match, since writers tend to keep field order), which makes the common case one comparison; otherwise
 * a small open-addressing table keyed by a hash of the bytes is probed. Immutable.
 */
final class NameTable {
  private final byte[][] names;
  private final int[] slots;
  private final int mask;

  /** The longest name's UTF-8 length. */
  int maxLength() {
    int max = 0;
    for (byte[] n : names) {
      max = Math.max(max, n == null ? 0 : n.length);
    }
    return max;
  }

  NameTable(String[] names) {
    this.names = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      this.names[i] = names[i].getBytes(StandardCharsets.UTF_8);
    }
    int size = Integer.highestOneBit(Math.max(4, names.length * 2) - 1) << 1;
    this.slots = new int[size];
    this.mask = size - 1;
    for (int i = 0; i < names.length; i++) {
      int s = hash(this.names[i], 0, this.names[i].length) & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = i + 1;
    }
  }

  /** The index of the name equal to {@code len} bytes of {@code a} at {@code off}, or -1. */
  int find(byte[] a, int off, int len, int hint) {
    if (hint < names.length && matches(names[hint], a, off, len)) {
      return hint;
    }
    for (int s = hash(a, off, len) & mask; ; s = (s + 1) & mask) {
      int i = slots[s] - 1;
      if (i < 0) {
        return -1;
      }
      if (matches(names[i], a, off, len)) {
        return i;
      }
    }
  }

  /** The index of {@code name}, or -1 (allocates its UTF-8 bytes; not for hot paths). */
  int find(String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    return find(b, 0, b.length, names.length);
  }

  private static boolean matches(byte[] name, byte[] a, int off, int len) {
    return name.length == len && Arrays.equals(name, 0, len, a, off, off + len);
  }

  private static int hash(byte[] a, int off, int len) {
    int h = len;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + a[i];
    }
    return h ^ (h >>> 16);
  }
}
