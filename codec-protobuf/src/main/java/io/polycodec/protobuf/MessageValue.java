package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * A record as a length-delimited message. Its body size is measured once, in the size pass, and kept
 * in {@link Sizes} for the write pass. A message read twice for the same field merges into the first,
 * as protobuf specifies.
 */
final class MessageValue extends ValueCodec {
  final MessagePlan plan;

  MessageValue(MessagePlan plan) {
    super(WireFormat.WIRETYPE_LENGTH_DELIMITED);
    this.plan = plan;
  }

  @Override
  boolean packable() {
    return false;
  }

  @Override
  int size(Object value, Sizes sizes) {
    int slot = sizes.reserve();
    long body = plan.bodySize(value, sizes);
    sizes.set(slot, body);
    return Sizes.checkedSize(CodedOutputStream.computeUInt32SizeNoTag((int) body) + body);
  }

  @Override
  void write(CodedOutputStream out, Object value, Sizes sizes) throws IOException {
    out.writeUInt32NoTag(sizes.next());
    plan.writeBody(out, value, sizes);
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
    int length = r.readLength();
    int old = r.in.pushLimit(length);
    plan.readFields(r, acc, 0);
    r.in.popLimit(old);
    return acc;
  }

  @Override
  boolean isDefault(Object value) {
    return false; // a message field that is set is written, even if empty
  }

  @Override
  Object missingValue() {
    return plan.binding.defaultValue();
  }

  @Override
  String describe() {
    return "message " + plan.binding.schema().name();
  }
}
