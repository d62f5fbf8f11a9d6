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

  /** @throws io.polycodec.SchemaException naming the constant if a number is beyond int32 (protobuf enums are int32) */
  EnumValue(EnumBinding binding) {
    super(WireFormat.WIRETYPE_VARINT);
    this.binding = binding;
    for (io.polycodec.schema.EnumSchema.Constant c : binding.schema().constants()) {
      if (c.number() != (int) c.number()) {
        throw new io.polycodec.SchemaException("enum " + binding.schema().name() + ": " + c.name() + " = " + c.number()
            + " is outside int32, the range of protobuf enum numbers");
      }
    }
  }

  // A GenericEnum.unknown may hold any long; only int32 numbers have a protobuf encoding.
  private int number(Object value) {
    long n = binding.number(value);
    if (n != (int) n) {
      throw new io.polycodec.EncodeException("enum " + binding.schema().name() + ": number " + n
          + " is outside int32, the range of protobuf enum numbers");
    }
    return (int) n;
  }

  @Override
  boolean packable() {
    return true;
  }

  @Override
  int size(Object value, Sizes sizes) {
    return CodedOutputStream.computeInt32SizeNoTag(number(value));
  }

  @Override
  void write(CodedOutputStream out, Object value, Sizes sizes) throws IOException {
    out.writeInt32NoTag(number(value));
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

  /** Whether {@code value} has the number of canonical default {@code def} (compared by number, as on the wire). */
  boolean isNumber(Object value, Object def) {
    return binding.number(value) == io.polycodec.schema.DefaultValues.enumNumber(binding.schema(), def);
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
