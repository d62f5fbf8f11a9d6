package io.polycodec.protobuf;

import io.polycodec.bind.FieldSlots;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection growing while one record is decoded: repeated fields may arrive in several pieces
 * (packed chunks, unpacked elements, or both), so they gather in a field's slot and become the
 * canonical value (an unmodifiable list or map, an exact-length array) once the record is complete.
 *
 * <p>A singular message field (record, union or group) seen several times merges (protobuf's rule): its
 * fields stay pending in one {@link OfRecord} until the enclosing record is complete, so N occurrences
 * cost O(N) as in protobuf-java's in-place merge, never a rebuild per occurrence.
 */
interface Accumulator {

  /** The finished value. */
  Object finish();

  /** List elements in wire order. */
  final class OfList extends ArrayList<Object> implements Accumulator {
    private static final long serialVersionUID = 1L;

    OfList(List<?> start) {
      super(start);
    }

    @Override
    public Object finish() {
      return Collections.unmodifiableList(this);
    }
  }

  /** Map entries in wire order; a repeated key keeps its first position and its last value. */
  final class OfMap extends LinkedHashMap<Object, Object> implements Accumulator {
    private static final long serialVersionUID = 1L;

    OfMap(Map<?, ?> start) {
      super(start);
    }

    @Override
    public Object finish() {
      return Collections.unmodifiableMap(this);
    }
  }

  /** float32 vector elements. */
  final class OfFloats implements Accumulator {
    float[] values;
    int size;

    OfFloats(float[] start) {
      values = start.length == 0 ? new float[8] : Arrays.copyOf(start, start.length * 2);
      size = start.length;
    }

    void ensure(int extra) {
      if (size + extra > values.length) {
        values = Arrays.copyOf(values, Math.max(size + extra, values.length * 2));
      }
    }

    void add(float v) {
      ensure(1);
      values[size++] = v;
    }

    @Override
    public Object finish() {
      return values.length == size ? values : Arrays.copyOf(values, size);
    }
  }

  /** float64 vector elements. */
  final class OfDoubles implements Accumulator {
    double[] values;
    int size;

    OfDoubles(double[] start) {
      values = start.length == 0 ? new double[8] : Arrays.copyOf(start, start.length * 2);
      size = start.length;
    }

    void ensure(int extra) {
      if (size + extra > values.length) {
        values = Arrays.copyOf(values, Math.max(size + extra, values.length * 2));
      }
    }

    void add(double v) {
      ensure(1);
      values[size++] = v;
    }

    @Override
    public Object finish() {
      return values.length == size ? values : Arrays.copyOf(values, size);
    }
  }

  /** A record whose fields are still arriving: one per singular message field, merged in place. */
  final class OfRecord implements Accumulator {
    final MessagePlan plan;
    final FieldSlots slots;
    /** Unknown fields of a GenericRecord, in wire order; null until one arrives. */
    ByteArrayOutputStream unknown;
    /** Where the last occurrence ended, for errors found when the record is built. */
    int endOffset;

    OfRecord(MessagePlan plan) {
      this.plan = plan;
      this.slots = plan.binding.newSlots();
    }

    @Override
    public Object finish() {
      return plan.build(this);
    }
  }

  /** A union whose member record is still arriving; the same member merges, another one replaces. */
  final class OfUnion implements Accumulator {
    int member = -1;
    String memberName;
    OfRecord record;
    /** A string member's value (when record is null). */
    String string;
    io.polycodec.bind.UnionBinding binding;

    @Override
    public Object finish() {
      try {
        return binding.wrap(member, record != null ? record.finish() : string);
      } catch (io.polycodec.CodecException e) {
        throw e.prependField(memberName);
      }
    }
  }
}
