package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.bench.flatbuffers.gen.Timestamp;
import java.time.Instant;
import java.util.List;

/** The small pieces every hand-written FlatBuffers mapping repeats. */
final class FlatFields {
  private FlatFields() {}

  /** A non-optional string: FlatBuffers returns null for an absent one. */
  static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  static Instant instant(Timestamp t) {
    return t == null ? Instant.EPOCH : Instant.ofEpochSecond(t.seconds(), t.nanos());
  }

  static int stringVector(FlatBufferBuilder b, List<String> strings) {
    int[] offsets = new int[strings.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = b.createString(strings.get(i));
    }
    return b.createVectorOfTables(offsets);
  }

  /**
   * Adds an optional int32 that is present. flatc 2.0.8's Java {@code addX} for {@code int = null}
   * fields passes 0 as the default, so a present 0 would be dropped; force it.
   */
  static void addPresentInt(FlatBufferBuilder b, int slot, int value) {
    b.forceDefaults(true);
    b.addInt(slot, value, 0);
    b.forceDefaults(false);
  }
}
