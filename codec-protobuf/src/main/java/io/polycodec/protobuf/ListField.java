package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.polycodec.CodecException;
import io.polycodec.EncodeException;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;
import java.util.List;

/**
 * A list as a repeated field: numbers, bools and enums packed into one length-delimited run (the
 * proto3 default), everything else one tagged value per element. Reading accepts packed and unpacked
 * runs of packable types alike, in any number of pieces, as protobuf parsers must.
 */
final class ListField extends FieldCodec {
  final ValueCodec element;
  final boolean packed;
  private final int tag;
  private final int tagSize;

  ListField(RecordBinding<?> binding, int index, ValueCodec element, boolean packed) {
    super(binding, index);
    this.element = element;
    this.packed = packed && element.packable();
    this.tag = tag(this.packed ? WireFormat.WIRETYPE_LENGTH_DELIMITED : element.wireType);
    this.tagSize = tagSize();
  }

  @Override
  boolean accumulates() {
    return true;
  }

  @Override
  long size(Object record, Sizes sizes) {
    List<?> list = (List<?>) binding.get(record, index);
    if (list.isEmpty()) {
      sizes.enter(); // an empty list is a level too (the depth rule), though nothing is written
      sizes.exit();
      return 0;
    }
    sizes.checkCollection(list.size());
    int i = 0;
    sizes.enter();
    try {
      if (packed) {
        int slot = sizes.reserve();
        long payload = 0;
        for (Object e : list) {
          payload += element.size(nonNull(e, i), sizes);
          i++;
        }
        sizes.set(slot, payload);
        return tagSize + CodedOutputStream.computeUInt32SizeNoTag((int) payload) + payload;
      }
      long total = 0;
      for (Object e : list) {
        total += tagSize + element.size(nonNull(e, i), sizes);
        i++;
      }
      return total;
    } catch (EncodeException e) {
      throw e.prependIndex(i);
    } finally {
      sizes.exit();
    }
  }

  private static Object nonNull(Object e, int i) {
    if (e == null) {
      throw new EncodeException("null list element");
    }
    return e;
  }

  @Override
  void write(CodedOutputStream out, Object record, Sizes sizes) throws IOException {
    List<?> list = (List<?>) binding.get(record, index);
    if (list.isEmpty()) {
      return;
    }
    if (packed) {
      out.writeUInt32NoTag(tag);
      out.writeUInt32NoTag(sizes.next());
      for (Object e : list) {
        element.write(out, e, sizes);
      }
    } else {
      for (Object e : list) {
        out.writeUInt32NoTag(tag);
        element.write(out, e, sizes);
      }
    }
  }

  @Override
  void read(ProtoReader r, int wireType, FieldSlots slots) throws IOException {
    boolean run = wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED && element.packable();
    if (wireType != element.wireType && !run) {
      throw r.wrongWireType(wireType, "repeated " + element.describe());
    }
    Object current = slots.get(index);
    Accumulator.OfList acc;
    if (current instanceof Accumulator.OfList) {
      acc = (Accumulator.OfList) current;
    } else {
      acc = new Accumulator.OfList(current == null ? List.of() : (List<?>) current);
      slots.set(index, acc);
    }
    r.enter();
    try {
      if (run) {
        int length = r.readLength();
        int old = r.in.pushLimit(length);
        while (!r.in.isAtEnd()) {
          r.checkCollectionSize(acc.size() + 1);
          acc.add(element.read(r, null));
        }
        r.in.popLimit(old);
      } else {
        r.checkCollectionSize(acc.size() + 1);
        acc.add(element.read(r, null));
      }
    } catch (CodecException e) {
      throw e.prependIndex(acc.size());
    } finally {
      r.exit();
    }
  }
}
