package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * A record written as a group (proto2 {@code group}, editions {@code DELIMITED} message encoding):
 * a start-group tag, the fields, and an end-group tag with the same field number, no length prefix.
 * Used only where a {@link WireLayout} asks for it, for schemas imported from such .proto files.
 */
final class GroupValue extends ValueCodec {
  private final MessagePlan plan;
  private final int endTag;
  private final int endTagSize;

  GroupValue(MessagePlan plan, int fieldNumber) {
    super(WireFormat.WIRETYPE_START_GROUP);
    this.plan = plan;
    this.endTag = FieldCodec.tagOf(fieldNumber, WireFormat.WIRETYPE_END_GROUP);
    this.endTagSize = CodedOutputStream.computeTagSize(fieldNumber);
  }

  @Override
  boolean packable() {
    return false;
  }

  @Override
  int size(Object value, Sizes sizes) {
    return Sizes.checkedSize(plan.bodySize(value, sizes) + endTagSize);
  }

  @Override
  void write(CodedOutputStream out, Object value, Sizes sizes) throws IOException {
    plan.writeBody(out, value, sizes);
    out.writeUInt32NoTag(endTag);
  }

  @Override
  Object read(ProtoReader r, Object previous) throws IOException {
    return ((Accumulator) readMerging(r, null)).finish(); // merging goes through readMerging
  }

  @Override
  boolean merges() {
    return true;
  }

  @Override
  Object readMerging(ProtoReader r, Object pending) throws IOException {
    Accumulator.OfRecord acc = pending == null ? new Accumulator.OfRecord(plan) : (Accumulator.OfRecord) pending;
    plan.readFields(r, acc, endTag);
    return acc;
  }

  @Override
  boolean isDefault(Object value) {
    return false;
  }

  @Override
  Object missingValue() {
    return plan.binding.defaultValue();
  }

  @Override
  String describe() {
    return "group " + plan.binding.schema().name();
  }
}
