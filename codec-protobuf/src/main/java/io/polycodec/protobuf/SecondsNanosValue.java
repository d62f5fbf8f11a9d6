package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.polycodec.DecodeException;
import java.io.IOException;

/**
 * A value written as the message {@code {int64 seconds = 1; int32 nanos = 2;}}, each left out when zero:
 * the shape of both {@code google.protobuf.Timestamp} and {@code google.protobuf.Duration}. Its body is a
 * few bytes and cheap to measure, so it takes no slot in {@link Sizes}.
 */
abstract class SecondsNanosValue extends ValueCodec {
  private static final int SECONDS_TAG = FieldCodec.tagOf(1, WireFormat.WIRETYPE_VARINT);
  private static final int NANOS_TAG = FieldCodec.tagOf(2, WireFormat.WIRETYPE_VARINT);

  SecondsNanosValue() {
    super(WireFormat.WIRETYPE_LENGTH_DELIMITED);
  }

  /** The seconds of {@code value}, after checking that it is encodable (EncodeException if not). */
  abstract long seconds(Object value);

  /** The nanos of a value {@link #seconds} accepted. */
  abstract int nanos(Object value);

  /** The value of seconds and nanos read (DecodeException without an offset if they are not one). */
  abstract Object make(long seconds, long nanos);

  /** The well-known type's name, for messages. */
  abstract String typeName();

  @Override
  final boolean packable() {
    return false;
  }

  private static int bodySize(long seconds, int nanos) {
    return (seconds == 0 ? 0 : 1 + CodedOutputStream.computeInt64SizeNoTag(seconds))
        + (nanos == 0 ? 0 : 1 + CodedOutputStream.computeInt32SizeNoTag(nanos));
  }

  @Override
  final int size(Object value, Sizes sizes) {
    return 1 + bodySize(seconds(value), nanos(value)); // the body is at most 21 bytes: its length is one byte
  }

  @Override
  final void write(CodedOutputStream out, Object value, Sizes sizes) throws IOException {
    long seconds = seconds(value);
    int nanos = nanos(value);
    out.writeUInt32NoTag(bodySize(seconds, nanos));
    if (seconds != 0) {
      out.writeUInt32NoTag(SECONDS_TAG);
      out.writeInt64NoTag(seconds);
    }
    if (nanos != 0) {
      out.writeUInt32NoTag(NANOS_TAG);
      out.writeInt32NoTag(nanos);
    }
  }

  /** As {@link #write}, into a buffer written ahead. */
  final void writeDirect(AheadBuffer out, Object value) {
    long seconds = seconds(value);
    int nanos = nanos(value);
    out.writeUInt32NoTag(bodySize(seconds, nanos));
    if (seconds != 0) {
      out.writeUInt32NoTag(SECONDS_TAG);
      out.writeInt64NoTag(seconds);
    }
    if (nanos != 0) {
      out.writeUInt32NoTag(NANOS_TAG);
      out.writeInt32NoTag(nanos);
    }
  }

  @Override
  final Object read(ProtoReader r, Object previous) throws IOException {
    int length = r.readLength();
    int old = r.in.pushLimit(length);
    long seconds = 0;
    long nanos = 0;
    if (previous != null) {
      // A repeated message field merges into the earlier one, as protobuf-java does.
      seconds = seconds(previous);
      nanos = nanos(previous);
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
        throw r.wrongWireType(WireFormat.getTagWireType(tag),
            "varint (" + typeName() + "." + (tag >>> 3 == 1 ? "seconds" : "nanos") + ")");
      } else if (!r.in.skipField(tag)) {
        throw r.error("end-group tag without a group");
      }
    }
    r.in.popLimit(old);
    try {
      return make(seconds, nanos);
    } catch (DecodeException e) {
      throw e.withOffset(r.offset());
    }
  }

  @Override
  final String describe() {
    return "google.protobuf." + typeName();
  }
}
