package io.polycodec.schema;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntPredicate;

/**
 * The FlatBuffers field ids of a record's fields, derived from their tags. It lives beside the model
 * because two parties must agree on it byte for byte: the {@code flatbuffers} backend, which writes and
 * reads the vtable slots, and the compatibility checker, which must call a change that moves a slot
 * breaking.
 *
 * <p>The rule is the one flatc uses for implicit ids, applied in tag order: a union field takes two ids,
 * its type byte and, just above it, its value (a list of unions likewise: its type vector, then its value
 * vector). So, walking the fields in tag order,
 * {@code id(f) = (tag(f) − 1) + (number of two-id fields with a smaller tag) + (1 if f takes two ids)},
 * and the type slot of a two-id field is {@code id(f) − 1}. With tags 1..n consecutive this is exactly
 * flatc's numbering of the same fields declared in that order, so a schema exported without {@code id:}
 * attributes reads the same bytes; with gaps, every field still keeps its slot as long as no two-id field
 * is added below it, removed below it, or turned into or out of one (those shift every later id, so they
 * are breaking changes in FlatBuffers). Stateless and thread-safe.
 */
public final class FlatBuffersFieldIds {
  private FlatBuffersFieldIds() {}

  /**
   * Whether {@code f} takes two ids when nothing says otherwise: a union field or a list of unions
   * (flatc's {@code u_type}/{@code u} and {@code [U]}). The FlatBuffers backend can lay out such a field
   * in a holder table instead, as one id; the checker, which sees no layout choices, assumes it does not.
   */
  public static boolean isUnionField(Field f) {
    Schema t = f.type();
    return t instanceof UnionSchema || t instanceof ListSchema && ((ListSchema) t).element() instanceof UnionSchema;
  }

  /** The ids of {@code r}'s fields, indexed as {@link RecordSchema#fields()}, every union field taking two. */
  public static int[] of(RecordSchema r) {
    return of(r, i -> isUnionField(r.field(i)));
  }

  /**
   * The ids of {@code r}'s fields, indexed as {@link RecordSchema#fields()}, where field {@code i} takes
   * two ids (a type slot below its value slot) exactly when {@code twoIds.test(i)}.
   */
  public static int[] of(RecordSchema r, IntPredicate twoIds) {
    int n = r.size();
    Integer[] byTag = new Integer[n];
    for (int i = 0; i < n; i++) {
      byTag[i] = i;
    }
    Arrays.sort(byTag, Comparator.comparingInt(i -> r.field(i).tag()));
    int[] ids = new int[n];
    int extra = 0;
    for (int i : byTag) {
      boolean two = twoIds.test(i);
      if (two) {
        extra++;
      }
      ids[i] = r.field(i).tag() - 1 + extra;
    }
    return ids;
  }

  /** One more than the largest id of {@code ids} (the vtable's slot count), or 0 if there is none. */
  public static int slotCount(int[] ids) {
    int max = -1;
    for (int id : ids) {
      max = Math.max(max, id);
    }
    return max + 1;
  }
}
