package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecException;
import io.polycodec.EncodeException;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;

/**
 * A record laid out as a FlatBuffers {@code struct}: its fields inline, in declaration order, each at the
 * next offset aligned to its own alignment, the whole padded to the largest alignment (or
 * {@code force_align}), exactly as flatc lays out the same {@code struct}. A struct sits inline in a
 * table slot, in a vector element or in another struct, so it costs no offset, vtable or verification
 * beyond its bounds and alignment: every byte pattern of a struct of numbers is a valid struct.
 *
 * <p>Structs have no presence of their own: a non-optional struct field is always written, even when
 * all zero; an optional one is present or not.
 */
final class StructLayout extends Layout {
  @SuppressWarnings("rawtypes")
  final RecordBinding binding;
  final RecordSchema schema;
  final String[] names;
  final Kind[] kinds;
  final Layout[] members;
  final int[] offsets;
  private final int size;
  private final int align;

  StructLayout(RecordBinding<?> binding, Layout[] members, int forceAlign) {
    this.binding = binding;
    this.schema = binding.schema();
    this.members = members;
    int n = members.length;
    this.names = new String[n];
    this.kinds = new Kind[n];
    this.offsets = new int[n];
    int at = 0;
    int maxAlign = 1;
    for (int i = 0; i < n; i++) {
      names[i] = schema.field(i).name();
      kinds[i] = schema.field(i).type().kind();
      int a = members[i].elementAlign();
      at = (at + a - 1) & -a;
      offsets[i] = at;
      at += members[i].elementSize();
      maxAlign = Math.max(maxAlign, a);
    }
    this.align = Math.max(maxAlign, forceAlign);
    this.size = (at + align - 1) & -align;
  }

  @Override
  int slotSize() {
    return size;
  }

  @Override
  int slotAlign() {
    return align;
  }

  @Override
  boolean isOffset() {
    return false;
  }

  @Override
  boolean needsVerification() {
    return false;
  }

  /** The index of the member named {@code name}, or -1. */
  int indexOf(String name) {
    return schema.indexOf(name);
  }

  // ---- writing -------------------------------------------------------------------------------------

  @Override
  void addInline(FlatBufferBuilder b, int id, Object value, boolean force) {
    b.prep(align, size);
    putElement(b, value);
    b.slot(id);
  }

  /**
   * Writes the struct's bytes at the builder's head: the builder writes back to front, so the last
   * field (after the tail padding) goes first, and each gap before a field is padded explicitly. The
   * caller has aligned the head (a vector's start, {@code prep}, or the enclosing struct's offsets).
   */
  @Override
  void putElement(FlatBufferBuilder b, Object value) {
    int end = size;
    for (int i = members.length - 1; i >= 0; i--) {
      int fieldEnd = offsets[i] + members[i].elementSize();
      b.pad(end - fieldEnd);
      Object v;
      try {
        v = binding.get(value, i);
        if (v == null) {
          throw new EncodeException("a struct field cannot be null");
        }
        members[i].putElement(b, v);
      } catch (CodecException e) {
        throw e.prependField(names[i]);
      } catch (ClassCastException e) {
        throw new EncodeException("value does not fit " + schema.field(i).type().describe() + ": " + e.getMessage(), e)
            .prependField(names[i]);
      }
      end = offsets[i];
    }
    b.pad(end);
  }

  // ---- reading -------------------------------------------------------------------------------------

  @Override
  Object readSlot(ReadContext r, int pos) {
    FieldSlots s = binding.newSlots();
    for (int i = 0; i < members.length; i++) {
      int p = pos + offsets[i];
      try {
        s.set(i, members[i].readElement(r, p));
      } catch (CodecException e) {
        throw e.withOffset(p).prependField(names[i]);
      }
    }
    try {
      return binding.build(s);
    } catch (CodecException e) {
      throw e.withOffset(pos);
    }
  }

  /** All members at their defaults (zeros, the enums' default constants, arrays of those). */
  @Override
  Object defaultValue() {
    FieldSlots s = binding.newSlots();
    for (int i = 0; i < members.length; i++) {
      s.set(i, members[i].defaultValue());
    }
    return binding.build(s);
  }
}
