package io.polycodec.msgpack;

import io.polycodec.schema.Kind;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.DurationRange;
import io.polycodec.schema.TimestampRange;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.msgpack.core.MessagePacker;

/**
 * Scalars in their boxed form (list elements, map keys and values, optional fields): bool, int32, int64,
 * float32, float64, string, bytes (bin), timestamp (extension -1),
 * duration (array [seconds, nanos]). Record fields of primitive kinds take
 * unboxed paths in {@link RecordPlan} instead.
 *
 * <p>Integers are written in the smallest MessagePack int that holds them. Unsigned encodings (uint32,
 * uint64, fixed32, fixed64) write the Java value's bit pattern as an unsigned number, so that other
 * MessagePack consumers see 4294967295 rather than -1.
 */
final class ScalarPlan extends TypePlan {
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  final Kind kind;
  final boolean unsigned;

  private ScalarPlan(Kind kind, boolean unsigned) {
    this.kind = kind;
    this.unsigned = unsigned;
  }

  static ScalarPlan of(ScalarSchema s) {
    return new ScalarPlan(s.kind(), s.encoding() != null && s.encoding().isUnsigned());
  }

  @Override
  void write(EncodeContext cx, Object v) throws IOException {
    MessagePacker p = cx.packer;
    switch (kind) {
      case BOOL:
        p.packBoolean((Boolean) v);
        break;
      case INT8:
      case INT16:
      case INT32:
        writeInt32(p, (Integer) v, unsigned);
        break;
      case INT64:
        writeInt64(p, (Long) v, unsigned);
        break;
      case FLOAT32:
        p.packFloat((Float) v);
        break;
      case FLOAT64:
        p.packDouble((Double) v);
        break;
      case STRING:
        cx.writeString((String) v);
        break;
      case BYTES: {
        byte[] b = (byte[]) v;
        cx.checkBytes(b.length);
        p.packBinaryHeader(b.length);
        p.writePayload(b);
        break;
      }
      case TIMESTAMP:
        writeTimestamp(p, (Instant) v);
        break;
      case DURATION:
        writeDuration(p, (Duration) v);
        break;
      default:
        throw new AssertionError(kind);
    }
  }

  static void writeInt32(MessagePacker p, int v, boolean unsigned) throws IOException {
    if (unsigned) {
      p.packLong(Integer.toUnsignedLong(v));
    } else {
      p.packInt(v);
    }
  }

  static void writeInt64(MessagePacker p, long v, boolean unsigned) throws IOException {
    if (unsigned && v < 0) {
      p.packBigInteger(BigInteger.valueOf(v).add(TWO_TO_64));
    } else {
      p.packLong(v);
    }
  }

  static void writeTimestamp(MessagePacker p, Instant v) throws IOException {
    // msgpack-core picks the smallest of the three timestamp layouts that holds the value.
    p.packTimestamp(TimestampRange.checkEncodable(v));
  }

  /**
   * A duration as the array {@code [seconds, nanos]} (same sign, as in {@code google.protobuf.Duration}):
   * MessagePack has no duration type and no extension for one that other libraries know, while two
   * integers read in every MessagePack library and keep nanosecond precision.
   */
  static void writeDuration(MessagePacker p, Duration v) throws IOException {
    DurationRange.checkEncodable(v);
    p.packArrayHeader(2);
    p.packLong(DurationRange.seconds(v));
    p.packInt(DurationRange.nanos(v));
  }

  @Override
  Object read(MsgpackReader in) {
    switch (kind) {
      case BOOL: return in.readBool();
      case INT8:
      case INT16: return in.readNarrowInt(kind);
      case INT32: return in.readInt32(unsigned);
      case INT64: return in.readInt64(unsigned);
      case FLOAT32: return in.readFloat32();
      case FLOAT64: return in.readFloat64();
      case STRING: return in.readString();
      case BYTES: return in.readBytes();
      case TIMESTAMP: return in.readTimestamp(true);
      case DURATION: return in.readDuration();
      default: throw new AssertionError(kind);
    }
  }

  /** The MessagePack family a map key of this kind must have, for messages. */
  String expected() {
    switch (kind) {
      case BOOL: return "a bool";
      case INT32:
      case INT64: return "an integer";
      case STRING: return "a str";
      default: return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
