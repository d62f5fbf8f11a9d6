package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;

/**
 * Bytes: a {@code [ubyte]} vector in a table slot. FlatBuffers has no vectors of vectors, so a list
 * element is a table {@code polycodec.Bytes {value: [ubyte] (id: 0);}} holding the vector.
 */
final class BytesLayout extends OffsetLayout {
  static final BytesLayout INSTANCE = new BytesLayout();
  /** vtable offset of the holder table's only field. */
  private static final int VALUE_SLOT = 4;

  private BytesLayout() {}


  @Override
  int prepare(WriteContext w, Object value, boolean omitDefault) {
    byte[] a = (byte[]) value;
    w.checkBytes(a.length);
    return omitDefault && a.length == 0 ? 0 : w.builder.createByteVector(a);
  }

  @Override
  int prepareElement(WriteContext w, Object value) {
    byte[] a = (byte[]) value;
    w.checkBytes(a.length);
    FlatBufferBuilder b = w.builder;
    int vec = a.length == 0 ? 0 : b.createByteVector(a);
    b.startTable(1);
    if (vec != 0) {
      b.addOffset(0, vec, 0);
    }
    return b.endTable();
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    int vec = r.target(pos);
    return r.bytes(vec + 4, r.bb.getInt(vec));
  }

  @Override
  Object readElement(ReadContext r, int pos) {
    int f = r.field(r.target(pos), VALUE_SLOT);
    return f == 0 ? new byte[0] : readSlot(r, f);
  }

  @Override
  Object defaultValue() {
    return new byte[0];
  }

  @Override
  void verifySlot(Verifier v, int pos, int depth) {
    v.byteVector(v.follow(pos));
  }

  @Override
  void verifyElement(Verifier v, int pos, int depth) {
    int t = v.follow(pos);
    v.table(t, depth);
    int f = v.field(t, v.vt, v.vtSize, v.objSize, VALUE_SLOT, 4, 4);
    if (f != 0) {
      v.byteVector(v.follow(f));
    }
  }
}
