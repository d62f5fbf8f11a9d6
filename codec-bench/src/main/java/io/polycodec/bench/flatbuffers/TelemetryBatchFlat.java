package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.bench.flatbuffers.gen.Reading;
import io.polycodec.bench.flatbuffers.gen.Timestamp;
import io.polycodec.bench.model.TelemetryBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** {@link TelemetryBatch} with flatc's generated classes by hand. */
public final class TelemetryBatchFlat implements FlatMapping<TelemetryBatch> {

  @Override
  public int build(FlatBufferBuilder b, TelemetryBatch v) {
    int deviceId = b.createString(v.deviceId());
    int[] readingOffsets = new int[v.readings().size()];
    for (int i = 0; i < readingOffsets.length; i++) {
      TelemetryBatch.Reading r = v.readings().get(i);
      readingOffsets[i] = Reading.createReading(b, r.timestampMicros(), r.sensorId(), r.value(), r.temperature(),
          r.alarm());
    }
    int readings = io.polycodec.bench.flatbuffers.gen.TelemetryBatch.createReadingsVector(b, readingOffsets);
    io.polycodec.bench.flatbuffers.gen.TelemetryBatch.startTelemetryBatch(b);
    io.polycodec.bench.flatbuffers.gen.TelemetryBatch.addDeviceId(b, deviceId);
    io.polycodec.bench.flatbuffers.gen.TelemetryBatch.addSequence(b, v.sequence());
    io.polycodec.bench.flatbuffers.gen.TelemetryBatch.addSentAt(b,
        Timestamp.createTimestamp(b, v.sentAt().getEpochSecond(), v.sentAt().getNano()));
    io.polycodec.bench.flatbuffers.gen.TelemetryBatch.addReadings(b, readings);
    return io.polycodec.bench.flatbuffers.gen.TelemetryBatch.endTelemetryBatch(b);
  }

  @Override
  public TelemetryBatch read(ByteBuffer buffer) {
    io.polycodec.bench.flatbuffers.gen.TelemetryBatch m =
        io.polycodec.bench.flatbuffers.gen.TelemetryBatch.getRootAsTelemetryBatch(buffer);
    int n = m.readingsLength();
    List<TelemetryBatch.Reading> readings = new ArrayList<>(n);
    Reading r = new Reading();
    for (int i = 0; i < n; i++) {
      m.readings(r, i);
      readings.add(new TelemetryBatch.Reading(r.timestampMicros(), r.sensorId(), r.value(), r.temperature(), r.alarm()));
    }
    return new TelemetryBatch(FlatFields.orEmpty(m.deviceId()), m.sequence(), FlatFields.instant(m.sentAt()),
        readings);
  }
}
