package io.polycodec.protobuf;

import io.polycodec.schema.TimestampRange;
import java.time.Instant;

/** An {@link Instant} as a {@code google.protobuf.Timestamp} message, within {@link TimestampRange}. */
final class TimestampValue extends SecondsNanosValue {
  static final TimestampValue INSTANCE = new TimestampValue();

  private TimestampValue() {}

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
  String typeName() {
    return "Timestamp";
  }

  @Override
  boolean isDefault(Object value) {
    return Instant.EPOCH.equals(value);
  }

  @Override
  Object missingValue() {
    return Instant.EPOCH;
  }
}
