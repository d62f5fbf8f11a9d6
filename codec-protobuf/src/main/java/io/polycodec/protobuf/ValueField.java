package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;

/**
 * A singular field written through a {@link ValueCodec}: optional and required fields of any kind
 * (written whenever present: explicit presence, proto2 and proto3 {@code optional}) and other
 * non-optional strings, bytes, timestamps, enums, records and unions (left out when equal to their
 * default, the field's own or the kind's zero; records and unions are always written).
 */
final class ValueField extends FieldCodec {
  final ValueCodec codec;
  /** Explicit presence: written whenever non-null, even when equal to a default. */
  final boolean optional;
  private final int tag;
  private final int tagSize;

  /** The field's own default in canonical form (an enum's constant name), or null: then the codec's zero. */
  final Object ownDefault;

  ValueField(RecordBinding<?> binding, int index, ValueCodec codec, boolean optional, Object ownDefault) {
    super(binding, index);
    this.codec = codec;
    this.optional = optional;
    this.ownDefault = ownDefault;
    this.tag = tag(codec.wireType);
    this.tagSize = tagSize();
  }

  private boolean omitted(Object v) {
    if (v == null) {
      return true;
    }
    if (optional) {
      return false;
    }
    if (ownDefault == null) {
      return codec.isDefault(v);
    }
    return codec instanceof EnumValue ? ((EnumValue) codec).isNumber(v, ownDefault)
        : io.polycodec.schema.DefaultValues.isDefault(v, ownDefault);
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
