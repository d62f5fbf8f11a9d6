package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecException;
import io.polycodec.schema.TimestampRange;
import java.time.Instant;

/**
 * A timestamp as the struct {@code polycodec.Timestamp {seconds: long; nanos: int;}}: 16 bytes, 8-byte
 * aligned (4 bytes of padding after nanos), inline in tables and vectors. A non-optional field at the
 * epoch is omitted, like any other default.
 */
final class TimestampLayout extends Layout {
  static final TimestampLayout INSTANCE = new TimestampLayout();

  private TimestampLayout() {}

  @Override
  int slotSize() {
    return 16;
  }

  @Override
  int slotAlign() {
    return 8;
  }

  @Override
  boolean isOffset() {
    return false;
  }

  @Override
  void addInline(FlatBufferBuilder b, int id, Object value, boolean force) {
    Instant t = TimestampRange.checkEncodable((Instant) value);
    if (!force && t.getEpochSecond() == 0 && t.getNano() == 0) {
      return;
    }
    b.prep(8, 16);
    put(b, t);
    b.slot(id);
  }

  @Override
  void putElement(FlatBufferBuilder b, Object value) {
    put(b, TimestampRange.checkEncodable((Instant) value));
  }

  // The builder writes back to front: padding, then nanos, then seconds at the struct's start.
  private static void put(FlatBufferBuilder b, Instant t) {
    b.pad(4);
    b.putInt(t.getNano());
    b.putLong(t.getEpochSecond());
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    try {
      return TimestampRange.decode(r.bb.getLong(pos), r.bb.getInt(pos + 8));
    } catch (CodecException e) {
      throw e.withOffset(pos);
    }
  }

  @Override
  Object defaultValue() {
    return Instant.EPOCH;
  }
}
