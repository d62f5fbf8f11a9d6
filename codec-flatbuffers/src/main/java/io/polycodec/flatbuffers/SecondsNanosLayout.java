package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecException;

/**
 * A value stored as the struct {@code {seconds: long; nanos: int;}}: 16 bytes, 8-byte aligned (4 bytes of
 * padding after nanos), inline in tables and vectors; the layout of both {@code polycodec.Timestamp} and
 * {@code polycodec.Duration}. A non-optional field at zero seconds and nanos is omitted, like any other
 * default.
 */
abstract class SecondsNanosLayout extends Layout {
  /** The seconds of {@code value}, after checking that it is encodable (EncodeException if not). */
  abstract long seconds(Object value);

  /** The nanos of a value {@link #seconds} accepted. */
  abstract int nanos(Object value);

  /** The value of the seconds and nanos read (DecodeException without an offset if they are not one). */
  abstract Object make(long seconds, long nanos);

  @Override
  final int slotSize() {
    return 16;
  }

  @Override
  final int slotAlign() {
    return 8;
  }

  @Override
  final boolean isOffset() {
    return false;
  }

  @Override
  final void addInline(FlatBufferBuilder b, int id, Object value, boolean force) {
    long seconds = seconds(value);
    int nanos = nanos(value);
    if (!force && seconds == 0 && nanos == 0) {
      return;
    }
    b.prep(8, 16);
    put(b, seconds, nanos);
    b.slot(id);
  }

  @Override
  final void putElement(FlatBufferBuilder b, Object value) {
    put(b, seconds(value), nanos(value));
  }

  // The builder writes back to front: padding, then nanos, then seconds at the struct's start.
  private static void put(FlatBufferBuilder b, long seconds, int nanos) {
    b.pad(4);
    b.putInt(nanos);
    b.putLong(seconds);
  }

  @Override
  final Object readSlot(ReadContext r, int pos) {
    try {
      return make(r.bb.getLong(pos), r.bb.getInt(pos + 8));
    } catch (CodecException e) {
      throw e.withOffset(pos);
    }
  }
}
