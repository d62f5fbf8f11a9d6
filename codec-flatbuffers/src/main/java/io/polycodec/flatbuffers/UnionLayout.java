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
 *
 * <p>A member is a table, a struct or a string, each behind its uoffset as flatc writes them (a struct
 * member is its bytes, aligned, on their own): {@link #writeMember}, {@link #readMember} and
 * {@link #verifyMember} are the one place that tells them apart, for the holder, inline and vector forms.
 */
final class UnionLayout extends OffsetLayout {
  private static final int TYPE_SLOT = 4;
  private static final int VALUE_SLOT = 6;

  private final UnionBinding binding;
  private TablePlan[] members;
  /** Struct layouts of struct members (null elsewhere); a member with neither plan is a string. */
  private StructLayout[] structs;
  private byte[] tags;
  /** Member index + 1 by tag (0: not a member). */
  private final byte[] memberByTag = new byte[256];

  UnionLayout(UnionBinding binding) {
    this.binding = binding;
  }

  void init(TablePlan[] memberPlans, StructLayout[] structMembers) {
    UnionSchema u = binding.schema();
    this.members = memberPlans;
    this.structs = structMembers;
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
      member = writeMember(w, m, value);
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

  /**
   * The table plan of member {@code index}, for views.
   *
   * @throws IllegalArgumentException if the member is a struct or a string (no table to view)
   */
  TablePlan member(int index) {
    if (members[index] == null) {
      throw new IllegalArgumentException("member " + binding.schema().members().get(index).name() + " of union "
          + binding.schema().name() + " is a " + (structs[index] != null ? "struct" : "string")
          + ", not a table: read it with get(i)");
    }
    return members[index];
  }

  /** Writes {@code value} (a union value, maybe a {@code GenericUnion}) as member {@code m}; its uoffset. */
  int writeMember(WriteContext w, int m, Object value) {
    Object v = binding.unwrap(value);
    if (members[m] != null) {
      return members[m].write(w, v);
    }
    if (structs[m] != null) {
      // flatc's CreateStruct: the struct's bytes alone, aligned, referred to like a table.
      FlatBufferBuilder b = w.builder;
      b.prep(structs[m].slotAlign(), structs[m].slotSize());
      structs[m].putElement(b, v);
      return b.offset();
    }
    if (!(v instanceof String)) {
      throw new EncodeException("member " + binding.schema().members().get(m).name() + " holds a string, not a "
          + v.getClass().getName());
    }
    return w.string((String) v);
  }

  /** Reads member {@code m} at {@code target} (what its uoffset points to) as a union value. */
  Object readMember(ReadContext r, int m, int target) {
    Object v = members[m] != null ? members[m].read(r, target)
        : structs[m] != null ? structs[m].readSlot(r, target)
        : r.string(target);
    return binding.wrap(m, v);
  }

  /** Verifies member {@code m} at {@code target}; {@code depth} is the member table's. */
  void verifyMember(Verifier v, int m, int target, int depth) {
    if (members[m] != null) {
      members[m].verify(v, target, depth);
    } else if (structs[m] != null) {
      v.struct(target, structs[m].slotSize(), structs[m].slotAlign());
    } else {
      v.string(target);
    }
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    int holder = r.target(pos);
    int m = memberIndex(r, holder);
    try {
      return readMember(r, m, memberTable(r, holder));
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
      verifyMember(v, m, v.follow(valuePos), depth + 1);
    } catch (DecodeException e) {
      throw e.prependField(binding.schema().members().get(m).name());
    }
  }
}
