package io.polycodec.evolution;

import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;

/**
 * How Protobuf puts a scalar on the wire, and what a reader of another scalar type makes of it: the
 * type changes the language guide's "Updating a message type" and buf's WIRE rules accept, graded by
 * what happens to the values (docs/evolution.md has the table).
 */
enum ProtobufWire {
  /** Wire type 0, two's complement: bool, int32, int64, uint32, uint64, enum. */
  VARINT,
  /** Wire type 0, zigzag: sint32, sint64. */
  ZIGZAG,
  /** Wire type 5: fixed32, sfixed32. */
  FIXED32,
  /** Wire type 1: fixed64, sfixed64. */
  FIXED64,
  /** Wire type 2 holding raw bytes: string, bytes. */
  BYTES;

  /** A verdict on one scalar type change. */
  record Verdict(Severity severity, String message) {}

  /** The wire class of {@code s}, or null for what this class does not grade (floats, messages, lists…). */
  static ProtobufWire of(Schema s) {
    switch (s.kind()) {
      case BOOL:
      case ENUM:
        return VARINT;
      case STRING:
      case BYTES:
        return BYTES;
      case INT32:
      case INT64: {
        IntEncoding e = ((ScalarSchema) s).encoding();
        if (e == IntEncoding.ZIGZAG) {
          return ZIGZAG;
        }
        if (e == IntEncoding.FIXED || e == IntEncoding.UNSIGNED_FIXED) {
          return s.kind() == Kind.INT32 ? FIXED32 : FIXED64;
        }
        return VARINT;
      }
      default:
        return null;
    }
  }

  /** Whether a field of type {@code s} has implicit presence in proto3: a scalar or an enum, left off when default. */
  static boolean hasImplicitPresence(Schema s) {
    switch (s.kind()) {
      case BOOL:
      case INT32:
      case INT64:
      case FLOAT32:
      case FLOAT64:
      case STRING:
      case BYTES:
      case ENUM:
        return true;
      default:
        return false;
    }
  }

  /** Whether a repeated field of elements {@code s} may be packed: numbers, bools and enums. */
  static boolean packable(Schema s) {
    switch (s.kind()) {
      case BOOL:
      case INT32:
      case INT64:
      case FLOAT32:
      case FLOAT64:
      case ENUM:
        return true;
      default:
        return false;
    }
  }

  /** Whether a field of type {@code s} is a message or repeated message: what may be written as a group. */
  static boolean holdsMessage(Schema s) {
    Schema e = s.kind() == Kind.LIST ? ((ListSchema) s).element() : s;
    return e.kind() == Kind.RECORD;
  }

  /**
   * What a reader of {@code r} makes of a value written as {@code w}, both graded by {@link #of} and
   * different.
   */
  static Verdict change(Schema w, Schema r) {
    String change = w.describe() + " → " + r.describe();
    ProtobufWire wc = of(w);
    ProtobufWire rc = of(r);
    if (wc != rc) {
      // The wording other tools match; describe() says why in the docs' table.
      return new Verdict(Severity.BREAKING, change + " is not readable in protobuf");
    }
    switch (wc) {
      case BYTES:
        return w.kind() == Kind.STRING
            ? new Verdict(Severity.SAFE, change + ": a string is written as its UTF-8 bytes, which read as bytes")
            // Readable only if every value written is valid UTF-8, which the schema cannot promise; Polycodec
            // (and protobuf-java for proto3 strings) refuses the rest, so this is breaking, not a caveat.
            : new Verdict(Severity.BREAKING, change + " reads only bytes that are valid UTF-8: the same wire type,"
                + " but Polycodec (and protobuf-java, for proto3 strings) refuses any other bytes as a string");
      case ZIGZAG:
      case FIXED32:
      case FIXED64:
      case VARINT:
        return integers(w, r, change);
      default:
        throw new AssertionError(wc);
    }
  }

  private String describe() {
    switch (this) {
      case VARINT: return "varints (bool, int32, int64, uint32, uint64, enum)";
      case ZIGZAG: return "zigzag varints (sint32, sint64)";
      case FIXED32: return "4-byte fixed (fixed32, sfixed32)";
      case FIXED64: return "8-byte fixed (fixed64, sfixed64)";
      default: return "length-delimited bytes (string, bytes)";
    }
  }

  // Every number a writer type can hold, as an interval of the mathematical integers, decides the
  // grade: safe if the reader's type holds them all with the same value, else a caveat naming what
  // happens (truncation to 32 bits, a change of sign, any non-zero read as true). int32 and enum values
  // are sign-extended to 64 bits on the wire, which is why int32 → int64 keeps negative numbers.
  private static Verdict integers(Schema w, Schema r, String change) {
    Range wr = Range.of(w);
    Range rr = Range.of(r);
    if (r.kind() == Kind.ENUM && w.kind() != Kind.ENUM) {
      // The same verdict as for a removed constant: a Java enum without @Fallback refuses the number.
      return new Verdict(Severity.BREAKING, change + ": the same wire type, but a number that is no constant of "
          + r.describe() + " fails to decode unless the reader keeps unknown numbers (a GenericRecord does; a Java"
          + " enum needs a @Fallback constant)");
    }
    if (rr.contains(wr)) {
      return new Verdict(Severity.SAFE, change + ": the same wire type, and every " + w.describe()
          + " reads as the same number");
    }
    String what;
    if (r.kind() == Kind.BOOL) {
      what = "any non-zero number reads as true";
    } else if (rr.bits < wr.bits) {
      what = "numbers beyond " + rr.bits + " bits are truncated to their low " + rr.bits + " bits"
          + (wr.signed != rr.signed ? " and may change sign" : "");
    } else {
      what = wr.signed ? "negative numbers read as large unsigned ones" : "numbers above the signed range read as negative";
    }
    return new Verdict(Severity.CAVEAT, change + ": the same wire type, so data reads, but " + what);
  }

  /** The numbers a protobuf integer type holds: {@code bits} wide, signed or not; bool is 1 bit unsigned. */
  private record Range(int bits, boolean signed) {
    static Range of(Schema s) {
      switch (s.kind()) {
        case BOOL: return new Range(1, false);
        case ENUM: return new Range(32, true);
        default: {
          ScalarSchema x = (ScalarSchema) s;
          return new Range(x.kind() == Kind.INT32 ? 32 : 64, !x.encoding().isUnsigned());
        }
      }
    }

    boolean contains(Range o) {
      if (signed == o.signed) {
        return bits >= o.bits;
      }
      return signed && bits > o.bits; // an unsigned type fits a wider signed one
    }
  }
}
