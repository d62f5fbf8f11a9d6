package io.polycodec.flatbuffers;

import io.polycodec.schema.DurationRange;
import java.time.Duration;

/**
 * A duration as the struct {@code polycodec.Duration {seconds: long; nanos: int;}}: the fields of
 * {@code google.protobuf.Duration} (the same sign, within {@link DurationRange}) in the layout of
 * {@link TimestampLayout}'s struct, since FlatBuffers has no duration type of its own.
 */
final class DurationLayout extends SecondsNanosLayout {
  static final DurationLayout INSTANCE = new DurationLayout();

  private DurationLayout() {}

  @Override
  long seconds(Object value) {
    return DurationRange.seconds(DurationRange.checkEncodable((Duration) value));
  }

  @Override
  int nanos(Object value) {
    return DurationRange.nanos((Duration) value);
  }

  @Override
  Object make(long seconds, long nanos) {
    return DurationRange.decode(seconds, nanos);
  }

  @Override
  Object defaultValue() {
    return Duration.ZERO;
  }
}
