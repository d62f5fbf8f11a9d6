package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Utf8;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.UnionSchema;
import java.io.IOException;

/**
 * A union as a wrapper message holding one {@code oneof} whose field numbers are the member tags:
 * {@code message Shape { oneof value { Circle circle = 1; Square square = 2; } }}. The member record is
 * always written, even when empty; a string member is a {@code string} field of the oneof. Reading a wrapper that holds no member, or a member tag the union
 * does not list, is a DecodeException; the same member twice merges, another member replaces.
 *
 * <p>Depth counts the member record only: a union value is one record in the model.
 */
final class UnionValue extends ValueCodec {
  private final UnionBinding binding;
  final MessagePlan[] members;
  private final int[] memberTags;
  private final String[] memberNames;

  UnionValue(UnionBinding binding, MessagePlan[] members) {
    super(WireFormat.WIRETYPE_LENGTH_DELIMITED);
    this.binding = binding;
    this.members = members;
    UnionSchema u = binding.schema();
    this.memberTags = new int[members.length];
    this.memberNames = new String[members.length];
    for (int i = 0; i < members.length; i++) {
      memberTags[i] = u.members().get(i).tag();
      memberNames[i] = u.members().get(i).name();
    }
  }

  @Override
  boolean packable() {
    return false;
  }

  private int member(Object value) {
    int m = binding.memberIndex(value);
    if (m < 0) {
      String what = value instanceof io.polycodec.GenericRecord
          ? "a " + ((io.polycodec.GenericRecord) value).schema().name() + " record"
          : "a " + value.getClass().getName();
      throw new EncodeException(what + " is not a member of union " + binding.schema().name());
    }
    return m;
  }

  private String stringMember(int m, Object v) {
    if (!(v instanceof String)) {
      throw new EncodeException("member " + memberNames[m] + " of union " + binding.schema().name()
          + " holds a string, not a " + v.getClass().getName());
    }
    return (String) v;
  }

  @Override
  int size(Object value, Sizes sizes) {
    int m = member(value);
    int wrapperSlot = sizes.reserve();
    int memberSlot = sizes.reserve();
    long body;
    try {
      Object v = binding.unwrap(value);
      body = members[m] == null ? sizes.checkString(Utf8.encodedLength(stringMember(m, v)))
          : members[m].bodySize(v, sizes);
    } catch (EncodeException e) {
      throw e.prependField(memberNames[m]);
    }
    sizes.set(memberSlot, body);
    long wrapper = CodedOutputStream.computeTagSize(memberTags[m])
        + CodedOutputStream.computeUInt32SizeNoTag((int) body) + body;
    sizes.set(wrapperSlot, wrapper);
    return Sizes.checkedSize(CodedOutputStream.computeUInt32SizeNoTag((int) wrapper) + wrapper);
  }

  @Override
  void write(CodedOutputStream out, Object value, Sizes sizes) throws IOException {
    int m = member(value);
    out.writeUInt32NoTag(sizes.next());
    out.writeTag(memberTags[m], WireFormat.WIRETYPE_LENGTH_DELIMITED);
    Object v = binding.unwrap(value);
    if (members[m] == null) {
      sizes.next(); // the string's length, which writeStringNoTag writes itself, as ScalarValue does
      out.writeStringNoTag((String) v);
      return;
    }
    out.writeUInt32NoTag(sizes.next());
    members[m].writeBody(out, v, sizes);
  }

  private int indexOfTag(int tag) {
    for (int i = 0; i < memberTags.length; i++) {
      if (memberTags[i] == tag) {
        return i;
      }
    }
    return -1;
  }

  @Override
  Object read(ProtoReader r, Object previous) throws IOException {
    return ((Accumulator) readMerging(r, null)).finish(); // merging goes through readMerging
  }

  @Override
  boolean merges() {
    return true;
  }

  @Override
  Object readMerging(ProtoReader r, Object pending) throws IOException {
    int length = r.readLength();
    int old = r.in.pushLimit(length);
    Accumulator.OfUnion result = pending == null ? new Accumulator.OfUnion() : (Accumulator.OfUnion) pending;
    while (true) {
      int tag = r.in.readTag();
      if (tag == 0) {
        break;
      }
      int m = indexOfTag(WireFormat.getTagFieldNumber(tag));
      if (m < 0) {
        throw r.error("union " + binding.schema().name() + " has no member tagged " + WireFormat.getTagFieldNumber(tag));
      }
      try {
        if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          throw r.wrongWireType(WireFormat.getTagWireType(tag),
              members[m] == null ? "string" : "message " + members[m].binding.schema().name());
        }
        if (members[m] == null) {
          r.checkStringLength();
          result.string = r.in.readStringRequireUtf8();
          result.member = m;
          result.memberName = memberNames[m];
          result.binding = binding;
          result.record = null;
          continue;
        }
        int memberLength = r.readLength();
        int memberOld = r.in.pushLimit(memberLength);
        if (m != result.member) {
          result.member = m;
          result.memberName = memberNames[m];
          result.binding = binding;
          result.record = new Accumulator.OfRecord(members[m]);
        }
        members[m].readFields(r, result.record, 0);
        r.in.popLimit(memberOld);
      } catch (CodecException e) {
        throw e.prependField(memberNames[m]);
      } catch (IOException e) {
        throw r.wrap(e).prependField(memberNames[m]);
      }
    }
    r.in.popLimit(old);
    if (result.member < 0) {
      throw r.error("union " + binding.schema().name() + " holds no member");
    }
    return result;
  }

  @Override
  boolean isDefault(Object value) {
    return false;
  }

  @Override
  Object missingValue() {
    throw new DecodeException("a map entry has no value, and a union has no default");
  }

  @Override
  String describe() {
    return "message " + binding.schema().name() + " (union)";
  }
}
