package io.polycodec.flatbuffers;

/** A string: a uoffset to a length-prefixed, zero-terminated UTF-8 vector. */
final class StringLayout extends OffsetLayout {
  static final StringLayout INSTANCE = new StringLayout();

  private StringLayout() {}


  @Override
  int prepare(WriteContext w, Object value, boolean omitDefault) {
    String s = (String) value;
    return omitDefault && s.isEmpty() ? 0 : w.string(s);
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    return r.string(r.target(pos));
  }

  @Override
  Object defaultValue() {
    return "";
  }

  @Override
  void verifySlot(Verifier v, int pos, int depth) {
    v.string(v.follow(pos));
  }
}
