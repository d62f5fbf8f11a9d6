package io.polycodec.evolution;

import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.schema.IntEncoding;
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
