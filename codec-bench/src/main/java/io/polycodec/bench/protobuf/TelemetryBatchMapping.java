package io.polycodec.bench.protobuf;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Parser;
import io.polycodec.bench.model.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;

/** {@link TelemetryBatch} ↔ the generated {@code polycodec.bench.TelemetryBatch}. */
public final class TelemetryBatchMapping
    implements ProtoMapping<TelemetryBatch, io.polycodec.bench.protobuf.gen.TelemetryBatch> {

  @Override
  public io.polycodec.bench.protobuf.gen.TelemetryBatch toProto(TelemetryBatch v) {
    io.polycodec.bench.protobuf.gen.TelemetryBatch.Builder b = io.polycodec.bench.protobuf.gen.TelemetryBatch.newBuilder()
        .setDeviceId(v.deviceId())
        .setSequence(v.sequence())
        .setSentAt(ProtoTime.toProto(v.sentAt()));
    for (TelemetryBatch.Reading r : v.readings()) {
      b.addReadings(io.polycodec.bench.protobuf.gen.TelemetryBatch.Reading.newBuilder()
          .setTimestampMicros(r.timestampMicros())
          .setSensorId(r.sensorId())
          .setValue(r.value())
          .setTemperature(r.temperature())
          .setAlarm(r.alarm()));
    }
    return b.build();
  }

  @Override
  public TelemetryBatch fromProto(io.polycodec.bench.protobuf.gen.TelemetryBatch m) {
    List<TelemetryBatch.Reading> readings = new ArrayList<>(m.getReadingsCount());
    for (io.polycodec.bench.protobuf.gen.TelemetryBatch.Reading r : m.getReadingsList()) {
      readings.add(new TelemetryBatch.Reading(
          r.getTimestampMicros(), r.getSensorId(), r.getValue(), r.getTemperature(), r.getAlarm()));
    }
    return new TelemetryBatch(m.getDeviceId(), m.getSequence(), ProtoTime.fromProto(m.getSentAt()), readings);
  }

  @Override
  public Parser<io.polycodec.bench.protobuf.gen.TelemetryBatch> parser() {
    return io.polycodec.bench.protobuf.gen.TelemetryBatch.parser();
  }

  @Override
  public Descriptors.Descriptor descriptor() {
    return io.polycodec.bench.protobuf.gen.TelemetryBatch.getDescriptor();
  }
}
