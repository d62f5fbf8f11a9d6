package io.polycodec.bench.protobuf;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Instant ↔ google.protobuf.Timestamp, as every hand-written mapping needs. */
final class ProtoTime {
  private ProtoTime() {}

  static Timestamp toProto(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  static Instant fromProto(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
