package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;

/**
 * How values of one schema type sit in a FlatBuffer: inline in a table slot or behind an offset, inline
 * in a vector or behind an offset, and how to write, read and verify them. One instance per type in a
 * compiled plan; immutable and shared by every encode, decode, verification and view.
 *
 * <p>Positions are absolute indexes into the message's buffer (0 = the root offset). "Slot" methods
 * take the position of a table field; "element" methods the position of a vector element. For offset
 * layouts both positions hold a uoffset to the out-of-line object.
 */
abstract class Layout {

  /** Bytes the value takes in a table slot: the scalar's size, 4 for an offset, 16 for a timestamp. */
  abstract int slotSize();

  /** The alignment a slot of this layout needs. */
  int slotAlign() {
    return slotSize();
  }

  /** Whether a table slot holds a uoffset to the value. */
  abstract boolean isOffset();

  /** Bytes of one element in a vector of this layout (4 when elements are offsets). */
  int elementSize() {
    return slotSize();
  }

  /** The alignment of a vector's elements. */
  int elementAlign() {
    return slotAlign();
  }

  /** Whether a vector of this layout holds uoffsets to its elements. */
  boolean elementIsOffset() {
    return isOffset();
  }

  /** Whether {@link #verifySlot} has anything to check beyond the slot's bounds and alignment. */
  boolean needsVerification() {
    return isOffset();
  }

  // ---- writing -------------------------------------------------------------------------------------

  /**
   * Offset layouts: writes the value's out-of-line object and returns its builder offset, or 0 when
   * {@code omitDefault} is set and the value is the type's default (empty), so that the slot stays absent.
   */
  int prepare(WriteContext w, Object value, boolean omitDefault) {
    throw new AssertionError(getClass());
  }

  /**
   * Inline layouts: adds the value to slot {@code id} of the table being built; a value equal to the
   * default is skipped unless {@code force} (present optional values are always written).
   */
  void addInline(FlatBufferBuilder b, int id, Object value, boolean force) {
    throw new AssertionError(getClass());
  }

  /** Offset elements: writes one vector element's object and returns its builder offset (never 0). */
  int prepareElement(WriteContext w, Object value) {
    return prepare(w, value, false);
  }

  /** Inline elements: writes one element into the vector being built (elements go last to first). */
  void putElement(FlatBufferBuilder b, Object value) {
    throw new AssertionError(getClass());
  }

  // ---- reading -------------------------------------------------------------------------------------

  /** The value of a present table field whose slot is at {@code pos}, in canonical Java form. */
  abstract Object readSlot(ReadContext r, int pos);

  /** The vector element at {@code pos}. */
  Object readElement(ReadContext r, int pos) {
    return readSlot(r, pos);
  }

  /** What a missing table field of this type decodes to (map entries; record fields use their binding). */
  abstract Object defaultValue();

  // ---- verifying -----------------------------------------------------------------------------------

  /**
   * Checks what a present slot at {@code pos} leads to; the slot's own bounds and alignment are already
   * checked. {@code depth} is the depth of the table holding the slot.
   */
  void verifySlot(Verifier v, int pos, int depth) {}

  /** Checks a vector element at {@code pos}; {@code depth} is the vector's depth. */
  void verifyElement(Verifier v, int pos, int depth) {
    verifySlot(v, pos, depth);
  }
}
