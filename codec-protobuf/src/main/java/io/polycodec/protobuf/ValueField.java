package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;

/**
 * A singular field written through a {@link ValueCodec}: optional fields of any kind (written whenever
 * present, proto3 {@code optional} presence) and non-optional strings, bytes, timestamps, enums,
 * records and unions (left out when equal to their default; records and unions are always written).
 */
final class ValueField extends FieldCodec {
  final ValueCodec codec;
  final boolean optional;
  private final int tag;
  private final int tagSize;

  ValueField(RecordBinding<?> binding, int index, ValueCodec codec, boolean optional) {
    super(binding, index);
    this.codec = codec;
    this.optional = optional;
    this.tag = tag(codec.wireType);
    this.tagSize = tagSize();
  }

  private boolean omitted(Object v) {
    return v == null || (!optional && codec.isDefault(v));
  }

  @Override
  long size(Object record, Sizes sizes) {
    Object v = binding.get(record, index);
    if (omitted(v)) {
      return 0;
    }
    return tagSize + (long) codec.size(v, sizes);
  }

  @Override
  void write(CodedOutputStream out, Object record, Sizes sizes) throws IOException {
    Object v = binding.get(record, index);
    if (!omitted(v)) {
      out.writeUInt32NoTag(tag);
      codec.write(out, v, sizes);
    }
  }

  @Override
  void read(ProtoReader r, int wireType, FieldSlots slots) throws IOException {
    if (wireType != codec.wireType) {
      throw r.wrongWireType(wireType, codec.describe());
    }
    codec.readInto(r, slots, index);
  }

  @Override
  boolean accumulates() {
    return codec.merges();
  }
}
