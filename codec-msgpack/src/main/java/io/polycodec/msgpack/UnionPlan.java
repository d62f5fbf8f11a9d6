package io.polycodec.msgpack;

import io.polycodec.CodecException;
import io.polycodec.EncodeException;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.UnionSchema;
import java.io.IOException;
import java.util.List;

/**
 * Unions as a map of one entry: {member name (or tag): member record, or string for a string member}. An unknown member is an error
 * (unlike an unknown field, it cannot be skipped: the value would be lost).
 */
final class UnionPlan extends TypePlan {
  private final UnionBinding binding;
  private final String unionName;
  private final boolean byName;
  private final String[] memberNames;
  private final byte[][] keys;
  /** Record plans, or the string plan for a string member. */
  private final TypePlan[] members;
  private final NameTable names;
  private final TagTable tags;

  UnionPlan(UnionBinding binding, boolean byName, PlanCompiler compiler) {
    this.binding = binding;
    UnionSchema schema = binding.schema();
    this.unionName = schema.name();
    this.byName = byName;
    List<UnionSchema.Member> ms = schema.members();
    int n = ms.size();
    memberNames = new String[n];
    keys = new byte[n][];
    members = new TypePlan[n];
    int[] tagArray = new int[n];
    for (int i = 0; i < n; i++) {
      memberNames[i] = ms.get(i).name();
      tagArray[i] = ms.get(i).tag();
      keys[i] = byName ? Packing.string(memberNames[i]) : Packing.integer(tagArray[i]);
      members[i] = ms.get(i).isString() ? ScalarPlan.of((io.polycodec.schema.ScalarSchema) ms.get(i).type())
          : compiler.record(binding.member(i));
    }
    names = new NameTable(memberNames);
    tags = new TagTable(tagArray);
  }

  @Override
  void write(EncodeContext cx, Object value) throws IOException {
    int m = binding.memberIndex(value);
    if (m < 0) {
      throw new EncodeException(value.getClass().getName() + " is not a member of union " + unionName);
    }
    // No level of its own: by the depth rule (Limits#maxDepth) a union is its member record.
    cx.packer.packMapHeader(1);
    cx.packer.writePayload(keys[m]);
    try {
      members[m].write(cx, binding.unwrap(value));
    } catch (CodecException e) {
      throw e.prependField(memberNames[m]);
    }
  }

  @Override
  Object read(MsgpackReader in) {
    int at = in.offset();
    int n = in.readMapHeader(false);
    if (n != 1) {
      throw MsgpackReader.fail(at, "a union is a map of one entry {member: record}; found " + n + " entries");
    }
    int m;
    int keyAt = in.offset();
    if (byName) {
      m = in.readNameKey(names, 0);
      if (m < 0) {
        throw MsgpackReader.fail(keyAt, unionName + " has no member named '" + in.lastKey() + "'");
      }
    } else {
      long tag = in.readTagKey();
      m = tags.find(tag);
      if (m < 0) {
        throw MsgpackReader.fail(keyAt, unionName + " has no member "
            + (tag > 0 ? "tagged " + tag : "for that key (tags are positive int32s)"));
      }
    }
    Object v;
    try {
      v = members[m].read(in);
    } catch (CodecException e) {
      throw e.prependField(memberNames[m]);
    }
    return binding.wrap(m, v);
  }
}
