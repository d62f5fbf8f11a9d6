package io.polycodec.flatbuffers;

import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;

/**
 * A union field as flatc writes it: the member's tag in a one-byte type slot at field id {@code n − 1}
 * and a uoffset to the member's table in the field's own slot {@code n} (ids from
 * {@link io.polycodec.schema.FlatBuffersFieldIds}). The value slot is what
 * {@link TablePlan} handles like any offset field; the plan also writes, reads and verifies the type slot
 * through {@link #tagOf}, {@link #read} and {@link #verify}. Member plans, tags and the tag lookup are
 * those of the union's {@link UnionLayout}, shared with holder-table uses of the same union.
 */
final class InlineUnionLayout extends OffsetLayout {
  final UnionLayout union;

  InlineUnionLayout(UnionLayout union) {
    this.union = union;
  }

  /** The type byte (member tag) of {@code value}. */
  int tagOf(Object value) {
    return union.tag(union.binding().memberIndex(value));
  }

  @Override
  int prepare(WriteContext w, Object value, boolean omitDefault) {
    int m = union.binding().memberIndex(value);
    if (m < 0) {
      throw new EncodeException(value.getClass().getName() + " is not a member of union " + union.binding().schema().name());
    }
    try {
      return union.member(m).write(w, value);
    } catch (CodecException e) {
      throw e.prependField(union.binding().schema().members().get(m).name());
    }
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    throw new AssertionError("an inline union is read with its type: read(r, typePos, pos)");
  }

  /**
   * The member at the value slot {@code pos}, whose type byte is at {@code typePos} (0 if absent).
   *
   * @throws DecodeException if the type is missing or not a member tag
   */
  Object read(ReadContext r, int typePos, int pos) {
    int m = memberIndex(r, typePos, pos);
    try {
      return union.member(m).read(r, r.target(pos));
    } catch (CodecException e) {
      throw e.prependField(union.binding().schema().members().get(m).name());
    }
  }

  /** The member index the type byte at {@code typePos} names; the value at {@code pos} is present. */
  int memberIndex(ReadContext r, int typePos, int pos) {
    int tag = typePos == 0 ? 0 : r.bb.get(typePos) & 0xFF;
    int m = union.memberOfTag(tag);
    if (m < 0) {
      throw new DecodeException(problem(tag)).withOffset(typePos == 0 ? pos : typePos);
    }
    return m;
  }

  private String problem(int tag) {
    return tag == 0 ? "union " + union.binding().schema().name() + " has a value but no type"
        : tag + " is not a member tag of union " + union.binding().schema().name();
  }

  /** Verifies the member behind the value slot {@code pos}; {@code depth} is the holding table's. */
  void verify(Verifier v, int typePos, int pos, int depth) {
    int tag = typePos == 0 ? 0 : v.byteAt(typePos) & 0xFF;
    int m = union.memberOfTag(tag);
    if (m < 0) {
      throw Verifier.error(typePos == 0 ? pos : typePos, problem(tag));
    }
    try {
      union.member(m).verify(v, v.follow(pos), depth + 1);
    } catch (DecodeException e) {
      throw e.prependField(union.binding().schema().members().get(m).name());
    }
  }

  @Override
  boolean needsVerification() {
    // Verified by the table plan, which knows where the type byte is.
    return false;
  }

  @Override
  Object defaultValue() {
    throw new DecodeException("required " + union.binding().schema().name() + " is missing");
  }
}
