package io.polycodec.flatbuffers;

/**
 * A string: a uoffset to a length-prefixed, zero-terminated UTF-8 vector. A string the model requires
 * (a non-optional field, a map key or value) is always written, even when empty: a schema that declares
 * it {@code (required)} (flatc's verifier and generated code then refuse a buffer without it) must be
 * able to read what Polycodec writes. Reading still takes an absent string as empty, as older buffers
 * left empty strings out.
 */
final class StringLayout extends OffsetLayout {
  static final StringLayout INSTANCE = new StringLayout();

  private StringLayout() {}

  @Override
  int prepare(WriteContext w, Object value, boolean omitDefault) {
    return w.string((String) value);
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
