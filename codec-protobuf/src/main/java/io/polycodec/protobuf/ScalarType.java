package io.polycodec.protobuf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.polycodec.DecodeException;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ScalarSchema;
import java.io.IOException;

/**
 * The protobuf scalar types a Polycodec scalar maps to: the integer kinds with their {@link IntEncoding}
 * hint become int32/sint32/sfixed32/uint32/fixed32 and their 64-bit twins. Sizes, writes and reads go
 * through protobuf-java's CodedOutputStream/CodedInputStream; this table only picks the method.
 */
enum ScalarType {
  BOOL("bool", WireFormat.WIRETYPE_VARINT, Kind.BOOL),
  /** int8 is an int32 on the wire (protobuf has nothing narrower); decoding checks the range. */
  INT8("int32", WireFormat.WIRETYPE_VARINT, Kind.INT8),
  /** int16 is an int32 on the wire; decoding checks the range. */
  INT16("int32", WireFormat.WIRETYPE_VARINT, Kind.INT16),
  INT32("int32", WireFormat.WIRETYPE_VARINT, Kind.INT32),
  SINT32("sint32", WireFormat.WIRETYPE_VARINT, Kind.INT32),
  SFIXED32("sfixed32", WireFormat.WIRETYPE_FIXED32, Kind.INT32),
  UINT32("uint32", WireFormat.WIRETYPE_VARINT, Kind.INT32),
  FIXED32("fixed32", WireFormat.WIRETYPE_FIXED32, Kind.INT32),
  INT64("int64", WireFormat.WIRETYPE_VARINT, Kind.INT64),
  SINT64("sint64", WireFormat.WIRETYPE_VARINT, Kind.INT64),
  SFIXED64("sfixed64", WireFormat.WIRETYPE_FIXED64, Kind.INT64),
  UINT64("uint64", WireFormat.WIRETYPE_VARINT, Kind.INT64),
  FIXED64("fixed64", WireFormat.WIRETYPE_FIXED64, Kind.INT64),
  FLOAT("float", WireFormat.WIRETYPE_FIXED32, Kind.FLOAT32),
  DOUBLE("double", WireFormat.WIRETYPE_FIXED64, Kind.FLOAT64),
  STRING("string", WireFormat.WIRETYPE_LENGTH_DELIMITED, Kind.STRING),
  BYTES("bytes", WireFormat.WIRETYPE_LENGTH_DELIMITED, Kind.BYTES);

  private static final ScalarType[] INT32_BY_ENCODING = {INT32, SINT32, SFIXED32, UINT32, FIXED32};
  private static final ScalarType[] INT64_BY_ENCODING = {INT64, SINT64, SFIXED64, UINT64, FIXED64};

  /** The name in .proto files. */
  final String protoName;
  /** The wire type of one value. */
  final int wireType;
  /** The Polycodec kind. */
  final Kind kind;

  ScalarType(String protoName, int wireType, Kind kind) {
    this.protoName = protoName;
    this.wireType = wireType;
    this.kind = kind;
  }

  /** The protobuf type of a Polycodec scalar other than timestamp. */
  static ScalarType of(ScalarSchema s) {
    switch (s.kind()) {
      case BOOL: return BOOL;
      case INT8: return INT8;
      case INT16: return INT16;
      case INT32: return INT32_BY_ENCODING[ordinalOf(s.encoding())];
      case INT64: return INT64_BY_ENCODING[ordinalOf(s.encoding())];
      case FLOAT32: return FLOAT;
      case FLOAT64: return DOUBLE;
      case STRING: return STRING;
      case BYTES: return BYTES;
      default: throw new IllegalArgumentException(s.describe() + " is not a protobuf scalar");
    }
  }

  // The tables above list encodings in this order; the switch keeps them independent of the enum's order.
  private static int ordinalOf(IntEncoding e) {
    switch (e) {
      case VARINT: return 0;
      case ZIGZAG: return 1;
      case FIXED: return 2;
      case UNSIGNED: return 3;
      case UNSIGNED_FIXED: return 4;
      default: throw new AssertionError(e);
    }
  }

  /** The Polycodec integer encoding of an integer type. */
  IntEncoding encoding() {
    switch (this) {
      case SINT32: case SINT64: return IntEncoding.ZIGZAG;
      case SFIXED32: case SFIXED64: return IntEncoding.FIXED;
      case UINT32: case UINT64: return IntEncoding.UNSIGNED;
      case FIXED32: case FIXED64: return IntEncoding.UNSIGNED_FIXED;
      default: return IntEncoding.VARINT;
    }
  }

  /** Whether repeated values of this type are packed (every numeric type and bool). */
  boolean packable() {
    return wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  /** The bytes of one fixed-width value, or 0 for varints and length-delimited values. */
  int fixedWidth() {
    return wireType == WireFormat.WIRETYPE_FIXED32 ? 4 : wireType == WireFormat.WIRETYPE_FIXED64 ? 8 : 0;
  }

  // ---- 32-bit values (bool, the int32 family, float as raw bits) -------------------------------------

  int sizeInt(int v) {
    switch (this) {
      case BOOL: return 1;
      case INT8: case INT16: case INT32: return CodedOutputStream.computeInt32SizeNoTag(v);
      case SINT32: return CodedOutputStream.computeSInt32SizeNoTag(v);
      case UINT32: return CodedOutputStream.computeUInt32SizeNoTag(v);
      case SFIXED32: case FIXED32: case FLOAT: return 4;
      default: throw new AssertionError(this);
    }
  }

  void writeInt(CodedOutputStream out, int v) throws IOException {
    switch (this) {
      case BOOL: out.writeBoolNoTag(v != 0); return;
      case INT8: case INT16: case INT32: out.writeInt32NoTag(v); return;
      case SINT32: out.writeSInt32NoTag(v); return;
      case UINT32: out.writeUInt32NoTag(v); return;
      case SFIXED32: case FIXED32: case FLOAT: out.writeFixed32NoTag(v); return;
      default: throw new AssertionError(this);
    }
  }

  int readInt(CodedInputStream in) throws IOException {
    switch (this) {
      case BOOL: return in.readBool() ? 1 : 0;
      case INT8: return narrow(in.readInt32(), Byte.MIN_VALUE, Byte.MAX_VALUE);
      case INT16: return narrow(in.readInt32(), Short.MIN_VALUE, Short.MAX_VALUE);
      case INT32: return in.readInt32();
      case SINT32: return in.readSInt32();
      case UINT32: return in.readUInt32();
      case SFIXED32: case FIXED32: case FLOAT: return in.readFixed32();
      default: throw new AssertionError(this);
    }
  }

  // ---- 64-bit values (the int64 family, double as raw bits) ------------------------------------------

  int sizeLong(long v) {
    switch (this) {
      case INT64: return CodedOutputStream.computeInt64SizeNoTag(v);
      case SINT64: return CodedOutputStream.computeSInt64SizeNoTag(v);
      case UINT64: return CodedOutputStream.computeUInt64SizeNoTag(v);
      case SFIXED64: case FIXED64: case DOUBLE: return 8;
      default: throw new AssertionError(this);
    }
  }

  void writeLong(CodedOutputStream out, long v) throws IOException {
    switch (this) {
      case INT64: out.writeInt64NoTag(v); return;
      case SINT64: out.writeSInt64NoTag(v); return;
      case UINT64: out.writeUInt64NoTag(v); return;
      case SFIXED64: case FIXED64: case DOUBLE: out.writeFixed64NoTag(v); return;
      default: throw new AssertionError(this);
    }
  }

  long readLong(CodedInputStream in) throws IOException {
    switch (this) {
      case INT64: return in.readInt64();
      case SINT64: return in.readSInt64();
      case UINT64: return in.readUInt64();
      case SFIXED64: case FIXED64: case DOUBLE: return in.readFixed64();
      default: throw new AssertionError(this);
    }
  }

  private int narrow(int v, int min, int max) {
    if (v < min || v > max) {
      throw new DecodeException(v + " is outside the range of " + kind.rangeText());
    }
    return v;
  }

  /** Whether values of this type travel in a {@code long} (the int64 family and double). */
  boolean isWide() {
    return kind == Kind.INT64 || kind == Kind.FLOAT64;
  }
}
