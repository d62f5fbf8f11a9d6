package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.polycodec.bind.EnumBinding;
import java.io.IOException;

/**
 * An enum value as its number (an int32 varint, so negative numbers take ten bytes, as in protobuf).
 *
 * <p>Unknown numbers on read: the binding decides ({@link EnumBinding#forNumber}): a Java enum's
 * {@code @Fallback} constant, a {@code GenericEnum} that keeps the number (and writes it back), or,
 * with neither, a DecodeException naming the enum and the number.
 */
final class EnumValue extends ValueCodec {
  final EnumBinding binding;

  EnumValue(EnumBinding binding) {
    super(WireFormat.WIRETYPE_VARINT);
    this.binding = binding;
  }

  @Override
  boolean packable() {
    return true;
  }

  @Override
  int size(Object value, Sizes sizes) {
    return CodedOutputStream.computeInt32SizeNoTag(binding.number(value));
  }

  @Override
  void write(CodedOutputStream out, Object value, Sizes sizes) throws IOException {
    out.writeInt32NoTag(binding.number(value));
  }

  @Override
  Object read(ProtoReader r, Object previous) throws IOException {
    int number = r.in.readEnum();
    Object v = binding.forNumber(number);
    if (v == null) {
      throw r.error("enum " + binding.schema().name() + " has no constant numbered " + number
          + " (and no @Fallback constant)");
    }
    return v;
  }

  @Override
  boolean isDefault(Object value) {
    return binding.number(value) == 0;
  }

  /** Whether {@code value} is the constant named {@code constant} (compared by number, as on the wire). */
  boolean isConstant(Object value, String constant) {
    return binding.number(value) == binding.schema().byName(constant).number();
  }

  @Override
  Object missingValue() {
    return binding.defaultValue();
  }

  @Override
  String describe() {
    return "enum " + binding.schema().name();
  }
}
