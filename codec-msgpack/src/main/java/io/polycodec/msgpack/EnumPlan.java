package io.polycodec.msgpack;

import io.polycodec.bind.EnumBinding;
import io.polycodec.schema.EnumSchema;
import java.io.IOException;
import java.util.List;
import org.msgpack.core.MessageFormat;
import org.msgpack.value.ValueType;

/**
 * Enums: by name (a str) when keyed by name, by number (an int) when keyed by tag. Either form is read in
 * either mode, so data stays readable when the mode changes. A {@link io.polycodec.GenericEnum} holding a
 * number the schema does not name is written as its number. Names of Java enum constants are encoded
 * once per plan; decoding matches raw bytes against the constants' names.
 */
final class EnumPlan extends TypePlan {
  private final EnumBinding binding;
  private final boolean byName;
  private final String enumName;
  private final NameTable names;
  private final Object[] valuesByIndex;
  // For Java enums in name mode: the packed str of each constant, by ordinal.
  private final byte[][] packedByOrdinal;

  EnumPlan(EnumBinding binding, boolean byName) {
    this.binding = binding;
    this.byName = byName;
    EnumSchema schema = binding.schema();
    this.enumName = schema.name();
    List<EnumSchema.Constant> cs = schema.constants();
    String[] n = new String[cs.size()];
    valuesByIndex = new Object[cs.size()];
    for (int i = 0; i < n.length; i++) {
      n[i] = cs.get(i).name();
      valuesByIndex[i] = binding.forName(n[i]);
    }
    names = new NameTable(n);
    Object[] constants = binding.javaType().getEnumConstants();
    if (byName && constants != null) {
      packedByOrdinal = new byte[constants.length][];
      for (Object c : constants) {
        String name = binding.name(c);
        packedByOrdinal[((Enum<?>) c).ordinal()] =
            name != null ? Packing.string(name) : Packing.integer(binding.number(c));
      }
    } else {
      packedByOrdinal = null;
    }
  }

  @Override
  void write(EncodeContext cx, Object v) throws IOException {
    if (packedByOrdinal != null) {
      cx.packer.writePayload(packedByOrdinal[((Enum<?>) v).ordinal()]);
      return;
    }
    String name = byName ? binding.name(v) : null;
    if (name != null) {
      cx.writeString(name);
    } else {
      cx.packer.packLong(binding.number(v));
    }
  }

  @Override
  Object read(MsgpackReader in) {
    int at = in.offset();
    MessageFormat f = in.peek();
    if (f.getValueType() == ValueType.STRING) {
      int i = in.readEnumName(names);
      if (i >= 0) {
        return valuesByIndex[i];
      }
      String name = in.lastKey();
      Object v = binding.forName(name);
      if (v == null) {
        throw MsgpackReader.fail(at, enumName + " has no constant named '" + name + "'");
      }
      return v;
    }
    if (f.getValueType() == ValueType.INTEGER) {
      long number = in.readInt64(false);
      Object v = binding.forNumber(number);
      if (v == null) {
        throw MsgpackReader.fail(at, enumName + " has no constant numbered " + number);
      }
      return v;
    }
    throw MsgpackReader.fail(at, "expected " + enumName + " as a str or an integer, found " + MsgpackReader.describe(f));
  }
}
