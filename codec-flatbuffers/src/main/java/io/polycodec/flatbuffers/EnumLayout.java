package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.DecodeException;
import io.polycodec.bind.EnumBinding;

/**
 * An enum as its number in 4 bytes (FlatBuffers {@code int} underlying type). A non-optional field
 * holding the enum's default constant is omitted, and the exported schema declares that constant as
 * the field's default, so that FlatBuffers readers agree.
 */
final class EnumLayout extends Layout {
  private final EnumBinding binding;
  private final int defaultNumber;

  EnumLayout(EnumBinding binding) {
    this.binding = binding;
    this.defaultNumber = binding.schema().defaultConstant().number();
  }

  EnumBinding binding() {
    return binding;
  }

  /** The number of the constant a missing field decodes to. */
  int defaultNumber() {
    return defaultNumber;
  }

  @Override
  int slotSize() {
    return 4;
  }

  @Override
  boolean isOffset() {
    return false;
  }

  @Override
  void addInline(FlatBufferBuilder b, int id, Object value, boolean force) {
    int n = binding.number(value);
    if (force || n != defaultNumber) {
      b.addInt(n);
      b.slot(id);
    }
  }

  @Override
  void putElement(FlatBufferBuilder b, Object value) {
    b.addInt(binding.number(value));
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    return valueOf(r.bb.getInt(pos), pos);
  }

  /** The enum value numbered {@code n}, as the binding represents it. */
  Object valueOf(int n, int pos) {
    Object v = binding.forNumber(n);
    if (v == null) {
      throw new DecodeException(n + " is not a number of enum " + binding.schema().name()).withOffset(pos);
    }
    return v;
  }

  @Override
  Object defaultValue() {
    return binding.defaultValue();
  }
}
