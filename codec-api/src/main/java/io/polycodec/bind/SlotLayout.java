package io.polycodec.bind;

import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;

/**
 * Where each field of one record schema lives in its {@link FieldSlots}: fields of primitive kinds in
 * a {@code long[]}, all others in an {@code Object[]}, each array only as long as its own fields need,
 * so that decoding a record allocates no slot it cannot use. Computed once per binding.
 */
final class SlotLayout {
  private static final long[] NO_PRIMS = new long[0];
  private static final Object[] NO_REFS = new Object[0];

  /** Per field: its index in the prims array (primitive kinds) or in the refs array (the rest). */
  final int[] slot;
  /** Per field: whether its kind is bool, int32, int64, float32 or float64. */
  final boolean[] primitive;
  /**
   * Per field, both in one int for the setters' hot path: the refs index k, or {@code ~k} (negative)
   * for prims index k.
   */
  final int[] code;
  final int primCount;
  final int refCount;

  SlotLayout(RecordSchema schema) {
    int n = schema.size();
    slot = new int[n];
    primitive = new boolean[n];
    code = new int[n];
    int prims = 0;
    int refs = 0;
    for (int i = 0; i < n; i++) {
      Kind kind = schema.field(i).type().kind();
      primitive[i] = kind.isPrimitive();
      slot[i] = primitive[i] ? prims++ : refs++;
      code[i] = primitive[i] ? ~slot[i] : slot[i];
    }
    primCount = prims;
    refCount = refs;
  }

  long[] newPrims() {
    return primCount == 0 ? NO_PRIMS : new long[primCount];
  }

  Object[] newRefs() {
    return refCount == 0 ? NO_REFS : new Object[refCount];
  }
}
