package io.polycodec.evolution;

/**
 * Encoding choices a schema does not express but a format's bytes depend on, per field: whether a
 * message field is written delimited (a Protobuf group, start and end tags) instead of length-prefixed,
 * and whether a repeated number is written unpacked (one tag per element) instead of packed. Schemas
 * imported from {@code .proto} files carry them ({@code io.polycodec.protobuf.WireLayout} implements
 * this); {@link Compatibility#check(io.polycodec.schema.RecordSchema, WireChoices,
 * io.polycodec.schema.RecordSchema, WireChoices, io.polycodec.Format)} compares them, and only the
 * Protobuf rules give them meaning.
 *
 * <p>Fields are named by the full name of their record and their number. Implementations are
 * immutable and thread-safe.
 */
public interface WireChoices {
  /** No choice made: every message length-prefixed, every repeated number packed. */
  WireChoices NONE = new WireChoices() {
    @Override
    public boolean isDelimited(String record, int field) {
      return false;
    }

    @Override
    public boolean isUnpacked(String record, int field) {
      return false;
    }

    @Override
    public String toString() {
      return "WireChoices.NONE";
    }
  };

  /** Whether message field {@code field} of record {@code record} is written delimited (as a group). */
  boolean isDelimited(String record, int field);

  /** Whether repeated field {@code field} of record {@code record} is written unpacked. */
  boolean isUnpacked(String record, int field);
}
