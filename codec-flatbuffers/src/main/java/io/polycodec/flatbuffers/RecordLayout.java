package io.polycodec.flatbuffers;

/** A record: a uoffset to its table. Non-optional records are always written, even at their default. */
final class RecordLayout extends OffsetLayout {
  final TablePlan plan;

  RecordLayout(TablePlan plan) {
    this.plan = plan;
  }


  @Override
  int prepare(WriteContext w, Object value, boolean omitDefault) {
    return plan.write(w, value);
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    return plan.read(r, r.target(pos));
  }

  @Override
  Object defaultValue() {
    return plan.binding.defaultValue();
  }

  @Override
  void verifySlot(Verifier v, int pos, int depth) {
    plan.verify(v, v.follow(pos), depth + 1);
  }
}
