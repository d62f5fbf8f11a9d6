package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.polycodec.DecodeException;
import io.polycodec.schema.TimestampRange;
import java.io.IOException;
import java.time.Instant;

/**
 * An {@link Instant} as a {@code google.protobuf.Timestamp} message: {@code int64 seconds = 1;
 * int32 nanos = 2;}, each left out when zero, within {@link TimestampRange}. Its body is a few bytes
 * and cheap to measure, so it takes no slot in {@link Sizes}.
 */
final class TimestampValue extends ValueCodec {
  static final TimestampValue INSTANCE = new TimestampValue();

  private static final int SECONDS_TAG = FieldCodec.tagOf(1, WireFormat.WIRETYPE_VARINT);
  private static final int NANOS_TAG = FieldCodec.tagOf(2, WireFormat.WIRETYPE_VARINT);

  private TimestampValue() {
    super(WireFormat.WIRETYPE_LENGTH_DELIMITED);
  }

  @Override
  boolean packable() {
    return false;
  }

  private static int bodySize(Instant t) {
    long seconds = t.getEpochSecond();
    int nanos = t.getNano();
    return (seconds == 0 ? 0 : 1 + CodedOutputStream.computeInt64SizeNoTag(seconds))
        + (nanos == 0 ? 0 : 1 + CodedOutputStream.computeInt32SizeNoTag(nanos));
  }

  @Override
  int size(Object value, Sizes sizes) {
    Instant t = TimestampRange.checkEncodable((Instant) value);
    return 1 + bodySize(t); // the body is at most 17 bytes, so its length is one byte
  }

  @Override
  void write(CodedOutputStream out, Object value, Sizes sizes) throws IOException {
    Instant t = (Instant) value;
    out.writeUInt32NoTag(bodySize(t));
    if (t.getEpochSecond() != 0) {
      out.writeUInt32NoTag(SECONDS_TAG);
      out.writeInt64NoTag(t.getEpochSecond());
    }
    if (t.getNano() != 0) {
      out.writeUInt32NoTag(NANOS_TAG);
      out.writeInt32NoTag(t.getNano());
    }
  }

  @Override
  Object read(ProtoReader r, Object previous) throws IOException {
    int length = r.readLength();
    int old = r.in.pushLimit(length);
    long seconds = 0;
    long nanos = 0;
    if (previous != null) {
      seconds = ((Instant) previous).getEpochSecond();
      nanos = ((Instant) previous).getNano();
    }
    while (true) {
      int tag = r.in.readTag();
      if (tag == 0) {
        break;
      }
      if (tag == SECONDS_TAG) {
        seconds = r.in.readInt64();
      } else if (tag == NANOS_TAG) {
        nanos = r.in.readInt32();
      } else if (WireFormat.getTagFieldNumber(tag) <= 2) {
        throw r.wrongWireType(WireFormat.getTagWireType(tag), "varint (Timestamp." + (tag >>> 3 == 1 ? "seconds" : "nanos") + ")");
      } else if (!r.in.skipField(tag)) {
        throw r.error("end-group tag without a group");
      }
    }
    r.in.popLimit(old);
    try {
      return TimestampRange.decode(seconds, nanos);
    } catch (DecodeException e) {
      throw e.withOffset(r.offset());
    }
  }

  @Override
  boolean isDefault(Object value) {
    return Instant.EPOCH.equals(value);
  }

  @Override
  Object missingValue() {
    return Instant.EPOCH;
  }

  @Override
  String describe() {
    return "google.protobuf.Timestamp";
  }
}
