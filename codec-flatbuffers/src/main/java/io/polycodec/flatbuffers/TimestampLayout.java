package io.polycodec.flatbuffers;

import io.polycodec.schema.TimestampRange;
import java.time.Instant;

/** A timestamp as the struct {@code polycodec.Timestamp {seconds: long; nanos: int;}}, within {@link TimestampRange}. */
final class TimestampLayout extends SecondsNanosLayout {
  static final TimestampLayout INSTANCE = new TimestampLayout();

  private TimestampLayout() {}

  @Override
  long seconds(Object value) {
    return TimestampRange.checkEncodable((Instant) value).getEpochSecond();
  }

  @Override
  int nanos(Object value) {
    return ((Instant) value).getNano();
  }

  @Override
  Object make(long seconds, long nanos) {
    return TimestampRange.decode(seconds, nanos);
  }

  @Override
  Object defaultValue() {
    return Instant.EPOCH;
  }
}
