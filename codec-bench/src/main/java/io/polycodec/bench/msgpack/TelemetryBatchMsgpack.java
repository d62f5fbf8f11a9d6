package io.polycodec.bench.msgpack;

import io.polycodec.bench.model.TelemetryBatch;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/** {@link TelemetryBatch} with msgpack-core by hand. */
public final class TelemetryBatchMsgpack implements MsgpackMapping<TelemetryBatch> {

  @Override
  public void write(MessagePacker p, TelemetryBatch v) throws IOException {
    p.packMapHeader(4);
    p.packString("deviceId").packString(v.deviceId());
    p.packString("sequence").packLong(v.sequence());
    p.packString("sentAt").packTimestamp(v.sentAt());
    p.packString("readings").packArrayHeader(v.readings().size());
    for (TelemetryBatch.Reading r : v.readings()) {
      p.packMapHeader(5);
      p.packString("timestampMicros").packLong(r.timestampMicros());
      p.packString("sensorId").packInt(r.sensorId());
      p.packString("value").packDouble(r.value());
      p.packString("temperature").packFloat(r.temperature());
      p.packString("alarm").packBoolean(r.alarm());
    }
  }

  @Override
  public TelemetryBatch read(MessageUnpacker u) throws IOException {
    String deviceId = "";
    long sequence = 0;
    Instant sentAt = Instant.EPOCH;
    List<TelemetryBatch.Reading> readings = List.of();
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "deviceId": deviceId = u.unpackString(); break;
        case "sequence": sequence = u.unpackLong(); break;
        case "sentAt": sentAt = u.unpackTimestamp(); break;
        case "readings": {
          int n = u.unpackArrayHeader();
          readings = new ArrayList<>(n);
          for (int j = 0; j < n; j++) {
            readings.add(readReading(u));
          }
          break;
        }
        default: u.skipValue(); break;
      }
    }
    return new TelemetryBatch(deviceId, sequence, sentAt, readings);
  }

  private static TelemetryBatch.Reading readReading(MessageUnpacker u) throws IOException {
    long timestampMicros = 0;
    int sensorId = 0;
    double value = 0;
    float temperature = 0;
    boolean alarm = false;
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "timestampMicros": timestampMicros = u.unpackLong(); break;
        case "sensorId": sensorId = u.unpackInt(); break;
        case "value": value = u.unpackDouble(); break;
        case "temperature": temperature = u.unpackFloat(); break;
        case "alarm": alarm = u.unpackBoolean(); break;
        default: u.skipValue(); break;
      }
    }
    return new TelemetryBatch.Reading(timestampMicros, sensorId, value, temperature, alarm);
  }
}
