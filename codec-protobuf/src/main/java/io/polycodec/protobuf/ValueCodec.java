package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.bind.FieldSlots;
import java.io.IOException;

/**
 * How one value of a schema type goes on the wire without its tag: a scalar, an enum number, a
 * Timestamp, a record as a message, a union as its wrapper message. Fields, list elements and map keys
 * and values all use these, so each type's wire rules live in one place. Immutable after the plan is
 * compiled.
 */
abstract class ValueCodec {
  /** The wire type of one value. */
  final int wireType;

  ValueCodec(int wireType) {
    this.wireType = wireType;
  }

  /** Whether repeated values are written packed (numbers, bools, enums). */
  abstract boolean packable();

  /**
   * The encoded size of {@code value} (including its length prefix, if any), recording in
   * {@code sizes} what the write pass will need.
   *
   * @throws io.polycodec.EncodeException if the value cannot be encoded
   */
  abstract int size(Object value, Sizes sizes);

  /** Writes {@code value} as {@link #size} measured it. */
  abstract void write(CodedOutputStream out, Object value, Sizes sizes) throws IOException;

  /**
   * Reads one value whose wire type has been checked. {@code previous} is the value already read for
   * the same field, or null; only a Timestamp merges into it (messages merge through
   * {@link #readMerging}, which keeps the merge linear).
   */
  abstract Object read(ProtoReader r, Object previous) throws IOException;

  /**
   * Whether repeated occurrences merge through an {@link Accumulator} (records, unions, groups): then
   * {@link #readMerging} returns one that the enclosing record finishes once it is complete.
   */
  boolean merges() {
    return false;
  }

  /**
   * Reads one occurrence of a value that may be repeated on the wire: {@code pending} is what an earlier
   * occurrence returned (or null). Messages return an {@link Accumulator} that gathers every occurrence
   * in place; other values are read with {@link #read}.
   */
  Object readMerging(ProtoReader r, Object pending) throws IOException {
    return read(r, pending);
  }

  /**
   * Reads one value into field {@code index} of {@code slots}; primitive kinds override this to use the
   * unboxed setters.
   */
  void readInto(ProtoReader r, FieldSlots slots, int index) throws IOException {
    slots.set(index, readMerging(r, slots.get(index)));
  }

  /** Whether a non-optional field holding {@code value} is left out, as proto3 does with defaults. */
  abstract boolean isDefault(Object value);

  /** The value a map entry without this part decodes to. */
  abstract Object missingValue();

  /** A short description for error messages, such as {@code int32} or {@code message Address}. */
  abstract String describe();
}
