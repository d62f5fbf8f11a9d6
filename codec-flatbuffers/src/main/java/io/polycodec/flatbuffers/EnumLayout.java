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
  private final long defaultNumber;
  /** The underlying type, as flatc spells it. */
  final String type;
  private final int size;
  private final boolean unsigned;

  EnumLayout(EnumBinding binding) {
    this(binding, "int");
  }

  /**
   * An enum of underlying type {@code type}.
   *
   * @throws io.polycodec.SchemaException if a constant's number does not fit the type
   */
  EnumLayout(EnumBinding binding, String type) {
    this.binding = binding;
    this.defaultNumber = binding.schema().defaultConstant().number();
    this.type = type;
    this.unsigned = type.startsWith("u");
    this.size = switch (type) {
      case "byte", "ubyte" -> 1;
      case "short", "ushort" -> 2;
      case "int", "uint" -> 4;
      case "long", "ulong" -> 8;
      default -> throw new IllegalArgumentException(type);
    };
    for (io.polycodec.schema.EnumSchema.Constant c : binding.schema().constants()) {
      if (!fits(c.number())) {
        throw new io.polycodec.SchemaException("enum " + binding.schema().name() + ": " + c.name() + " = " + c.number()
            + " does not fit its FlatBuffers underlying type " + type);
      }
    }
  }

  private boolean fits(long n) {
    return switch (size) {
      case 1 -> unsigned ? n >= 0 && n <= 0xFF : n >= Byte.MIN_VALUE && n <= Byte.MAX_VALUE;
      case 2 -> unsigned ? n >= 0 && n <= 0xFFFF : n >= Short.MIN_VALUE && n <= Short.MAX_VALUE;
      case 4 -> unsigned ? n >= 0 && n <= 0xFFFF_FFFFL : n == (int) n;
      default -> true; // an unsigned long's numbers above 2^63 - 1 are held as their bit pattern
    };
  }

  /** Reads the number at {@code pos} (unsigned types as their unsigned value; a ulong as its bits). */
  long number(java.nio.ByteBuffer bb, int pos) {
    return switch (size) {
      case 1 -> unsigned ? bb.get(pos) & 0xFF : bb.get(pos);
      case 2 -> unsigned ? bb.getShort(pos) & 0xFFFF : bb.getShort(pos);
      case 4 -> unsigned ? bb.getInt(pos) & 0xFFFF_FFFFL : bb.getInt(pos);
      default -> bb.getLong(pos);
    };
  }

  private void put(FlatBufferBuilder b, long n, boolean aligned) {
    switch (size) {
      case 1 -> { if (aligned) { b.addByte((byte) n); } else { b.putByte((byte) n); } }
      case 2 -> { if (aligned) { b.addShort((short) n); } else { b.putShort((short) n); } }
      case 4 -> { if (aligned) { b.addInt((int) n); } else { b.putInt((int) n); } }
      default -> { if (aligned) { b.addLong(n); } else { b.putLong(n); } }
    }
  }

  EnumBinding binding() {
    return binding;
  }

  /** The number of the constant a missing field decodes to. */
  long defaultNumber() {
    return defaultNumber;
  }

  @Override
  int slotSize() {
    return size;
  }

  @Override
  boolean isOffset() {
    return false;
  }

  @Override
  void addInline(FlatBufferBuilder b, int id, Object value, boolean force) {
    long n = binding.number(value);
    if (!fits(n)) {
      // Only a GenericEnum.unknown can hold a number the constants' check did not see.
      throw new io.polycodec.EncodeException("enum " + binding.schema().name() + ": number " + n
          + " does not fit its FlatBuffers underlying type " + type);
    }
    if (force || n != defaultNumber) {
      put(b, n, true);
      b.slot(id);
    }
  }

  @Override
  void putElement(FlatBufferBuilder b, Object value) {
    long n = binding.number(value);
    if (!fits(n)) {
      throw new io.polycodec.EncodeException("enum " + binding.schema().name() + ": number " + n
          + " does not fit its FlatBuffers underlying type " + type);
    }
    put(b, n, false);
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    return valueOf(number(r.bb, pos), pos);
  }

  /** The enum value numbered {@code n}, as the binding represents it. */
  Object valueOf(long n, int pos) {
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
