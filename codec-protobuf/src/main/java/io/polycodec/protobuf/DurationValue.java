package io.polycodec.protobuf;

import io.polycodec.schema.DurationRange;
import java.time.Duration;

/**
 * A {@link Duration} as a {@code google.protobuf.Duration} message: seconds and nanos of the same sign,
 * within {@link DurationRange}; data whose signs differ or whose nanos reach ±10^9 is refused.
 */
final class DurationValue extends SecondsNanosValue {
  static final DurationValue INSTANCE = new DurationValue();

  private DurationValue() {}

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
  String typeName() {
    return "Duration";
  }

  @Override
  boolean isDefault(Object value) {
    return Duration.ZERO.equals(value);
  }

  @Override
  Object missingValue() {
    return Duration.ZERO;
  }
}
