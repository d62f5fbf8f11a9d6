package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.UnionSchema;

/**
 * A union: a uoffset to a holder table {@code U {value: U_Union (id: 1);}} whose FlatBuffers union
 * field has its type byte (the member's tag) in slot 0 and the member's table in slot 1.
 *
 * <p>Table fields use flatc's inline layout by default ({@link InlineUnionLayout}, {@link UnionVectorLayout},
 * which share this layout's member plans and tag lookup); the holder is what map values, fields marked
 * {@link HolderUnion} (data written by earlier snapshots) and other nested positions use, since it fits
 * anywhere a single offset does.
 */
final class UnionLayout extends OffsetLayout {
  private static final int TYPE_SLOT = 4;
  private static final int VALUE_SLOT = 6;

  private final UnionBinding binding;
  private TablePlan[] members;
  private byte[] tags;
  /** Member index + 1 by tag (0: not a member). */
  private final byte[] memberByTag = new byte[256];

  UnionLayout(UnionBinding binding) {
    this.binding = binding;
  }

  void init(TablePlan[] memberPlans) {
    UnionSchema u = binding.schema();
    this.members = memberPlans;
    this.tags = new byte[memberPlans.length];
    for (int i = 0; i < memberPlans.length; i++) {
      int tag = u.members().get(i).tag();
      tags[i] = (byte) tag;
      memberByTag[tag] = (byte) (i + 1);
    }
  }

  UnionBinding binding() {
    return binding;
  }


  @Override
  int prepare(WriteContext w, Object value, boolean omitDefault) {
    int m = binding.memberIndex(value);
    if (m < 0) {
      throw new EncodeException(value.getClass().getName() + " is not a member of union " + binding.schema().name());
    }
    // The holder and its member are one level: by the depth rule (Limits#maxDepth) a union is its
    // member record, which enters that level itself.
    int member;
    try {
      member = members[m].write(w, value);
    } catch (CodecException e) {
      throw e.prependField(binding.schema().members().get(m).name());
    }
    FlatBufferBuilder b = w.builder;
    b.startTable(2);
    b.addOffset(1, member, 0);
    b.addByte(0, tags[m], 0);
    return b.endTable();
  }

  /**
   * The member index of the holder table at {@code holder}.
   *
   * @throws DecodeException if the holder has no member or an unknown one
   */
  int memberIndex(ReadContext r, int holder) {
    int typePos = r.field(holder, TYPE_SLOT);
    int tag = typePos == 0 ? 0 : r.bb.get(typePos) & 0xFF;
    int m = (memberByTag[tag] & 0xFF) - 1;
    if (m < 0 || r.field(holder, VALUE_SLOT) == 0) {
      throw new DecodeException(tag == 0
          ? "union " + binding.schema().name() + " holds no member"
          : tag + " is not a member tag of union " + binding.schema().name()).withOffset(holder);
    }
    return m;
  }

  /** The position of the member table of the holder at {@code holder} (after {@link #memberIndex}). */
  int memberTable(ReadContext r, int holder) {
    return r.target(r.field(holder, VALUE_SLOT));
  }

  /** The member tag of member {@code index}. */
  int tag(int index) {
    return tags[index] & 0xFF;
  }

  /** The index of the member tagged {@code tag} (0 to 255), or -1. */
  int memberOfTag(int tag) {
    return (memberByTag[tag] & 0xFF) - 1;
  }

  TablePlan member(int index) {
    return members[index];
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    int holder = r.target(pos);
    int m = memberIndex(r, holder);
    try {
      return members[m].read(r, memberTable(r, holder));
    } catch (CodecException e) {
      throw e.prependField(binding.schema().members().get(m).name());
    }
  }

  @Override
  Object defaultValue() {
    throw new DecodeException("required " + binding.schema().name() + " is missing");
  }

  @Override
  void verifySlot(Verifier v, int pos, int depth) {
    int holder = v.follow(pos);
    v.table(holder, depth + 1);
    int vt = v.vt;
    int vtSize = v.vtSize;
    int obj = v.objSize;
    int typePos = v.field(holder, vt, vtSize, obj, TYPE_SLOT, 1, 1);
    int valuePos = v.field(holder, vt, vtSize, obj, VALUE_SLOT, 4, 4);
    int tag = typePos == 0 ? 0 : v.byteAt(typePos) & 0xFF;
    int m = (memberByTag[tag] & 0xFF) - 1;
    if (m < 0) {
      throw Verifier.error(typePos == 0 ? holder : typePos, tag == 0
          ? "union " + binding.schema().name() + " holds no member"
          : tag + " is not a member tag of union " + binding.schema().name());
    }
    if (valuePos == 0) {
      throw Verifier.error(holder, "union " + binding.schema().name() + " has a type but no value");
    }
    try {
      members[m].verify(v, v.follow(valuePos), depth + 1);
    } catch (DecodeException e) {
      throw e.prependField(binding.schema().members().get(m).name());
    }
  }
}
