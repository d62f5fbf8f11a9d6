package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;

/**
 * One field of a compiled {@link MessagePlan}: its number and tag, and how to measure, write and read
 * it for records of one binding. Subclasses exist per field shape (primitive, singular value, list,
 * vector, map), so the per-call work is a virtual call and straight-line code. Immutable once the plan
 * is compiled.
 *
 * <p>Errors: the plan prepends the field's name to every exception a field codec lets through, while
 * measuring and while reading; field codecs add list indexes and map keys.
 */
abstract class FieldCodec {
  final RecordBinding<?> binding;
  final int index;
  final String name;
  final int number;
  /** Fields of the same oneof group, cleared when this one is read; null if none. */
  int[] oneofSiblings;

  FieldCodec(RecordBinding<?> binding, int index) {
    this.binding = binding;
    this.index = index;
    this.name = binding.schema().field(index).name();
    this.number = binding.schema().field(index).tag();
  }

  /** The tag of this field with {@code wireType}. */
  final int tag(int wireType) {
    return tagOf(number, wireType);
  }

  /** The tag of field {@code number} with {@code wireType} (protobuf-java keeps its own helper private). */
  static int tagOf(int number, int wireType) {
    return (number << 3) | wireType;
  }

  /** The size of a tag of this field. */
  final int tagSize() {
    return CodedOutputStream.computeTagSize(number);
  }

  /** The encoded size of this field of {@code record} (0 if it is left out), noting in {@code sizes} what writing needs. */
  abstract long size(Object record, Sizes sizes);

  /** Writes this field of {@code record} as {@link #size} measured it. */
  abstract void write(CodedOutputStream out, Object record, Sizes sizes) throws IOException;

  /** Reads one occurrence of this field, which arrived with {@code wireType}, into {@code slots}. */
  abstract void read(ProtoReader r, int wireType, FieldSlots slots) throws IOException;

  /**
   * Whether {@link #writeDirect} serves, so that a spun record holding this field can be written with
   * nothing measured first (see {@link BodyCompiler}).
   */
  boolean writesDirect() {
    return false;
  }

  /** As {@link #size} and {@link #write} at once, into a buffer written ahead; only if {@link #writesDirect}. */
  void writeDirect(AheadBuffer out, Object record, Sizes sizes) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is not written directly");
  }

  /** Whether this field's slot holds an {@link Accumulator} while a record is decoded. */
  boolean accumulates() {
    return false;
  }
}
