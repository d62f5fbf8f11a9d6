package io.polycodec.msgpack;

import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.UnknownFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.value.ValueType;

/**
 * The entries of a record map that a {@link GenericRecord}'s schema does not know, kept so that a reader
 * with an older schema loses nothing when it re-encodes. On decode they are captured as their raw bytes
 * and stored in {@link UnknownFields} as one MessagePack map (so the bytes describe themselves); on encode
 * they are merged back among the known fields in ascending key order, so a record read and re-encoded
 * without changes comes out byte for byte as it was written. Entries whose key cannot be a key in the
 * codec's mode (a str in tag mode, an int in name mode) or that name a field the schema knows are
 * dropped.
 */
final class UnknownEntries {
  private static final Comparator<UnknownEntries.Entry> BY_KEY = (a, b) -> a.name != null
      ? a.name.compareTo(b.name)
      : Long.compare(a.tag, b.tag);

  private static final class Entry {
    final String name;
    final long tag;
    final int from;
    final int to;

    Entry(String name, long tag, int from, int to) {
      this.name = name;
      this.tag = tag;
      this.from = from;
      this.to = to;
    }
  }

  private final byte[] bytes;
  private final List<Entry> entries;
  private int next;

  private UnknownEntries(byte[] bytes, List<Entry> entries) {
    this.bytes = bytes;
    this.entries = entries;
  }

  /** The map of {@code count} entries found at the given offset ranges of the message. */
  static UnknownFields capture(MsgpackReader in, int[] ranges, int count) {
    byte[] header = Packing.mapHeader(count);
    int length = header.length;
    for (int i = 0; i < count; i++) {
      length += ranges[2 * i + 1] - ranges[2 * i];
    }
    byte[] out = new byte[length];
    System.arraycopy(header, 0, out, 0, header.length);
    int at = header.length;
    for (int i = 0; i < count; i++) {
      at += in.copyTo(ranges[2 * i], ranges[2 * i + 1], out, at);
    }
    return UnknownFields.of(MsgpackProvider.NAME, out);
  }

  /**
   * The unknown entries of {@code record} to write, sorted by key, or null if there are none.
   *
   * @throws EncodeException if its MessagePack unknown fields are not a map
   */
  static UnknownEntries of(GenericRecord record, boolean byName, NameTable names, TagTable tags) {
    UnknownFields u = record.unknownFields();
    if (u.isEmpty() || !u.isFormat(MsgpackProvider.NAME)) {
      return null;
    }
    byte[] bytes = u.bytes();
    List<Entry> entries = new ArrayList<>();
    try {
      MsgpackReader in = new MsgpackReader(bytes, 0, bytes.length, Limits.defaults());
      int n = in.readMapHeader(false);
      for (int i = 0; i < n; i++) {
        int from = in.offset();
        ValueType t = in.peek().getValueType();
        String name = null;
        long tag = -1;
        boolean keep;
        if (t == ValueType.STRING) {
          name = in.readString();
          keep = byName && names.find(name) < 0;
        } else if (t == ValueType.INTEGER) {
          Object k = in.readInteger();
          tag = k instanceof Long ? (Long) k : -1;
          keep = !byName && k instanceof Long && tags.find(tag) < 0;
        } else {
          in.skipValue();
          keep = false;
        }
        in.skipValue();
        if (keep) {
          entries.add(new Entry(name, tag, from, in.offset()));
        }
      }
      in.expectEnd();
    } catch (DecodeException e) {
      throw new EncodeException("the record's MessagePack unknown fields are not a map of entries: " + e.getMessage(), e);
    }
    if (entries.isEmpty()) {
      return null;
    }
    entries.sort(BY_KEY);
    return new UnknownEntries(bytes, entries);
  }

  int size() {
    return entries.size();
  }

  /** Writes the entries whose keys sort before the known field keyed {@code name} or {@code tag}. */
  void writeBefore(MessagePacker p, String name, int tag) throws IOException {
    while (next < entries.size()) {
      Entry e = entries.get(next);
      if (name != null ? e.name.compareTo(name) > 0 : e.tag > tag) {
        return;
      }
      p.writePayload(bytes, e.from, e.to - e.from);
      next++;
    }
  }

  /** Writes the entries not yet written. */
  void writeRest(MessagePacker p) throws IOException {
    for (; next < entries.size(); next++) {
      Entry e = entries.get(next);
      p.writePayload(bytes, e.from, e.to - e.from);
    }
  }
}
