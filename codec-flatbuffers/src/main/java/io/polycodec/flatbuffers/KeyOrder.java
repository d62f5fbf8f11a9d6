package io.polycodec.flatbuffers;

import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ScalarSchema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * FlatBuffers' order of {@code key} fields, as flatc-generated {@code createSortedVectorOfTables} and
 * {@code LookupByKey} use it: strings by their UTF-8 bytes compared unsigned (not {@link String#compareTo},
 * which orders UTF-16 units), numbers numerically (unsigned integers as unsigned), false before true.
 */
final class KeyOrder {
  private KeyOrder() {}

  /** A comparator of records of {@code plan} by its key field. */
  static Comparator<Object> of(TablePlan plan) {
    int k = plan.keyField;
    Kind kind = plan.kinds[k];
    boolean unsigned = plan.schema.field(k).type() instanceof ScalarSchema
        && ((ScalarSchema) plan.schema.field(k).type()).encoding() != IntEncoding.VARINT
        && ((ScalarSchema) plan.schema.field(k).type()).encoding().isUnsigned();
    return (a, b) -> compare(kind, unsigned, plan.binding.get(a, k), plan.binding.get(b, k));
  }

  @SuppressWarnings("unchecked")
  static int compare(Kind kind, boolean unsigned, Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    switch (kind) {
      case STRING:
        return Arrays.compareUnsigned(((String) a).getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8));
      case INT32:
        return unsigned ? Integer.compareUnsigned((Integer) a, (Integer) b) : Integer.compare((Integer) a, (Integer) b);
      case INT64:
        return unsigned ? Long.compareUnsigned((Long) a, (Long) b) : Long.compare((Long) a, (Long) b);
      default:
        return ((Comparable<Object>) a).compareTo(b);
    }
  }
}
