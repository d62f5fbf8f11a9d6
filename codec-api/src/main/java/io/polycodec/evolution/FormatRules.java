package io.polycodec.evolution;

import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.ProtoJsonNames;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;

/**
 * What a format's backend does when it reads data written with another schema, as fixed by the
 * decisions all backends share (docs/evolution.md has the table). Chosen by the format's name and
 * {@link Format#keying()}; a name Polycodec does not know gets the strictest rules of its keying.
 */
final class FormatRules {
  /** The formats Polycodec ships, plus one for any other. */
  enum Family {
    PROTOBUF, FLATBUFFERS, JSON, MSGPACK, UNKNOWN
  }

  final String name;
  final Family family;
  final FieldKeying keying;

  private FormatRules(String name, Family family, FieldKeying keying) {
    this.name = name;
    this.family = family;
    this.keying = keying;
  }

  static FormatRules of(Format format) {
    Family f;
    switch (format.name()) {
      case "protobuf": f = Family.PROTOBUF; break;
      case "flatbuffers": f = Family.FLATBUFFERS; break;
      case "json": f = Family.JSON; break;
      case "msgpack": f = Family.MSGPACK; break;
      default: f = Family.UNKNOWN; break;
    }
    return new FormatRules(format.name(), f, format.keying());
  }

  boolean byNumber() {
    return keying == FieldKeying.NUMBER;
  }

  /**
   * For a format keyed by name: the writer's field whose data the reader puts into {@code rf}, or null.
   * Usually the writer's field of the same name; in {@code protobuf-json} the field whose written key
   * ({@link ProtoJsonNames#keys}) the reader's index ({@link ProtoJsonNames#readerIndex}) maps to
   * {@code rf}, since keys follow JSON names and a name clash elsewhere in the record changes them.
   */
  Field writerFieldByName(RecordSchema w, RecordSchema r, Field rf) {
    if (!name.equals("protobuf-json")) {
      return w.field(rf.name());
    }
    int i = ProtoJsonNames.writerFieldFor(w, r, r.fields().indexOf(rf));
    return i < 0 ? null : w.field(i);
  }

  /** "by tag" or "by name", for messages. */
  String keyedBy() {
    return byNumber() ? "by tag" : "by name";
  }

  /**
   * Whether a non-optional field equal to its default may be left off the wire (Protobuf's and
   * FlatBuffers' convention), so that the reader sees "missing" rather than the value. Unknown
   * formats are assumed to do it.
   */
  boolean omitsDefaults() {
    return family == Family.PROTOBUF || family == Family.FLATBUFFERS || family == Family.UNKNOWN;
  }

  /**
   * Whether a reader refuses data lacking a required field of {@code kind}: every format for every kind,
   * except Protobuf for lists, maps and vectors (an empty one is not on the wire), and FlatBuffers for scalars (bool, numbers, enums), which it cannot mark required (flatc: "only
   * non-scalar fields in tables may be 'required'"); an absent FlatBuffers scalar is its default.
   */
  boolean enforcesRequired(io.polycodec.schema.Kind kind) {
    if (family == Family.PROTOBUF && kind.isCollection()) {
      return false; // an empty repeated field is left off the wire, so absent is read as empty
    }
    return !(family == Family.FLATBUFFERS && (kind.isPrimitive() || kind == io.polycodec.schema.Kind.ENUM));
  }

  /** Whether Polycodec's writer puts every non-optional field on the wire, whatever its value (JSON, MessagePack). */
  boolean writesEveryField() {
    return !omitsDefaults();
  }

  /**
   * Whether the writer puts non-optional field {@code f} on the wire even when it holds its default:
   * a required field in Protobuf (protobuf-java refuses a message lacking one); strings and bytes with a
   * default of their own in FlatBuffers (flatc's Java and C++ readers do not know such defaults); every
   * field in JSON and MessagePack. Otherwise a value equal to the default (the field's own, else its
   * kind's zero) is left off, as proto3 and flatc's builders do, and an imported proto2 message
   * re-encodes byte for byte.
   */
  boolean writesOwnDefault(io.polycodec.schema.Field f) {
    io.polycodec.schema.Kind k = f.type().kind();
    switch (family) {
      case PROTOBUF: return f.required();
      case FLATBUFFERS: return f.hasDefault() && (k == io.polycodec.schema.Kind.STRING || k == io.polycodec.schema.Kind.BYTES);
      case JSON:
      case MSGPACK: return true;
      default: return false;
    }
  }

  /** FlatBuffers: a field may leave the schema only after it was marked deprecated. */
  boolean removalNeedsDeprecation() {
    return family == Family.FLATBUFFERS;
  }

  /**
   * A field the data lacks reads as its default in a reader that requires it (no union involved), so
   * optional → required loses only the absence: a caveat. Proven on bytes for JSON and MessagePack
   * ({@code *EvolutionBytesTest}); other formats stay strict.
   */
  boolean absentReadsAsDefault() {
    return family == Family.JSON || family == Family.MSGPACK;
  }

  /**
   * A string read where bytes are expected gives the string's UTF-8 bytes: msgpack-java's
   * {@code unpackBinaryHeader} accepts the str family, as the MessagePack spec's compatibility notes
   * ask of deserializers (the old spec's raw type is today's str); a FlatBuffers string is a vector of
   * bytes (plus a terminating 0 outside its length), which a {@code [ubyte]} reader reads as is.
   */
  boolean readsStringAsBytes() {
    return family == Family.MSGPACK || family == Family.FLATBUFFERS;
  }

  /** Integers read as floats, float32 read as float64 (the text-like readers). */
  boolean readsNumbersLoosely() {
    return family == Family.JSON || family == Family.MSGPACK;
  }

  /**
   * Why an integer written as {@code w} cannot be read as {@code r} (same kind, or int32 to int64),
   * or null if it can.
   */
  String integerChange(ScalarSchema w, ScalarSchema r) {
    boolean widening = w.kind() != r.kind();
    IntEncoding we = w.encoding();
    IntEncoding re = r.encoding();
    switch (family) {
      case PROTOBUF:
        if (!widening) {
          return we == re ? null : "changes the protobuf wire encoding (" + w.describe() + " → " + r.describe() + ")";
        }
        if (we == re && (we == IntEncoding.VARINT || we == IntEncoding.ZIGZAG)) {
          return null;
        }
        return we == re && we.isUnsigned()
            ? "is not readable in protobuf with the same Java value: a negative int holds an unsigned value"
                + " above 2^31, which reads as a different long"
            : "is not readable in protobuf: only int32 → int64 and sint32 → sint64 share a wire layout";
      case FLATBUFFERS:
        if (widening) {
          return "is a type change, which flatbuffers does not allow (the field's width is fixed in the table)";
        }
        return we.isUnsigned() == re.isUnsigned() ? null
            : "changes signedness, which is a type change in flatbuffers";
      case JSON:
      case MSGPACK:
        if (we.isUnsigned() != re.isUnsigned()) {
          return "changes signedness: an unsigned value above the signed range is written as a large number,"
              + " which the signed reader rejects (and a negative one the unsigned reader)";
        }
        if (widening && we.isUnsigned()) {
          return "is not readable in " + name + " with the same Java value: an unsigned int32 read as int64 is"
              + " not the sign-extended int";
        }
        return null;
      default:
        if (widening) {
          return "is a type change, which a format Polycodec does not know is assumed not to allow";
        }
        return we == re ? null : "changes the integer encoding, which a format Polycodec does not know may put on the wire";
    }
  }
}
