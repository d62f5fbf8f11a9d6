package io.polycodec.protobuf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.UnknownFields;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The compiled form of one record binding: its fields in field-number order (the order protobuf-java
 * writes, which byte-identity needs), a number-to-field table for reading, and what to do with fields
 * the schema does not know: skipped for Java records, kept as {@link UnknownFields} and written back
 * after the known fields for {@link GenericRecord}s. Compiled once per binding by {@link PlanCompiler};
 * immutable and shared by every call afterwards.
 */
final class MessagePlan {
  /** Above this field number, lookups binary-search instead of indexing a table. */
  private static final int MAX_TABLE = 4096;

  final RecordBinding<?> binding;
  private final boolean keepUnknown;
  private FieldCodec[] ordered;
  private FieldCodec[] byNumber;
  private int[] sortedNumbers;
  private int[] accumulating;
  private Kind[] kinds;
  private boolean[] optional;

  MessagePlan(RecordBinding<?> binding) {
    this.binding = binding;
    this.keepUnknown = binding.isGeneric();
  }

  /** Completes the plan; separate from construction so that recursive records can refer to it first. */
  void init(FieldCodec[] fields) {
    FieldCodec[] sorted = fields.clone();
    Arrays.sort(sorted, (a, b) -> Integer.compare(a.number, b.number));
    this.ordered = sorted;
    int max = sorted.length == 0 ? 0 : sorted[sorted.length - 1].number;
    if (max <= MAX_TABLE) {
      byNumber = new FieldCodec[max + 1];
      for (FieldCodec f : sorted) {
        byNumber[f.number] = f;
      }
    } else {
      sortedNumbers = new int[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        sortedNumbers[i] = sorted[i].number;
      }
    }
    int n = binding.schema().size();
    kinds = new Kind[n];
    optional = new boolean[n];
    int acc = 0;
    for (int i = 0; i < n; i++) {
      Field f = binding.schema().field(i);
      kinds[i] = f.type().kind();
      optional[i] = f.optional();
    }
    for (FieldCodec f : fields) {
      if (f.accumulates()) {
        acc++;
      }
    }
    accumulating = new int[acc];
    acc = 0;
    for (FieldCodec f : fields) {
      if (f.accumulates()) {
        accumulating[acc++] = f.index;
      }
    }
  }

  private FieldCodec lookup(int number) {
    if (byNumber != null) {
      return number >= 0 && number < byNumber.length ? byNumber[number] : null;
    }
    int i = Arrays.binarySearch(sortedNumbers, number);
    return i >= 0 ? ordered[i] : null;
  }

  // ---- encoding ---------------------------------------------------------------------------------------

  /** The size of {@code record}'s fields, without a length prefix. */
  long bodySize(Object record, Sizes sizes) {
    sizes.enter();
    long total = 0;
    for (FieldCodec f : ordered) {
      try {
        total += f.size(record, sizes);
      } catch (EncodeException e) {
        throw e.prependField(f.name);
      }
    }
    if (keepUnknown) {
      UnknownFields u = ((GenericRecord) record).unknownFields();
      if (u.isFormat(ProtobufProvider.NAME)) {
        total += u.size();
      }
    }
    sizes.exit();
    return Sizes.checkedSize(total);
  }

  /** Writes {@code record}'s fields as {@link #bodySize} measured them. */
  void writeBody(CodedOutputStream out, Object record, Sizes sizes) throws IOException {
    for (FieldCodec f : ordered) {
      f.write(out, record, sizes);
    }
    if (keepUnknown) {
      UnknownFields u = ((GenericRecord) record).unknownFields();
      if (u.isFormat(ProtobufProvider.NAME) && !u.isEmpty()) {
        out.writeRawBytes(u.bytes());
      }
    }
  }

  // ---- decoding ---------------------------------------------------------------------------------------

  /**
   * Reads fields up to the current limit and builds the record; {@code previous}, if not null, is a
   * record read earlier for the same field, which this one merges into.
   */
  Object readBody(ProtoReader r, Object previous) throws IOException {
    return readBody(r, previous, 0);
  }

  /**
   * Reads fields up to {@code endTag} (the end-group tag of a group; 0 for a length-delimited message,
   * which ends at the current limit) and builds the record, merging into {@code previous} if not null.
   */
  Object readBody(ProtoReader r, Object previous, int endTag) throws IOException {
    r.enter();
    FieldSlots slots = binding.newSlots();
    ByteArrayOutputStream unknown = null;
    if (previous != null) {
      prime(slots, previous);
      if (keepUnknown) {
        UnknownFields u = ((GenericRecord) previous).unknownFields();
        if (u.isFormat(ProtobufProvider.NAME) && !u.isEmpty()) {
          unknown = new ByteArrayOutputStream();
          u.writeTo(unknown);
        }
      }
    }
    CodedInputStream in = r.in;
    while (true) {
      int start = r.position();
      int tag = in.readTag();
      if (tag == endTag) {
        break;
      }
      if (tag == 0) {
        throw r.error("group " + binding.schema().name() + " (field " + (endTag >>> 3) + ") has no end-group tag");
      }
      FieldCodec f = lookup(tag >>> 3);
      if (f == null) {
        if (!in.skipField(tag)) {
          throw r.error("end-group tag (field " + (tag >>> 3) + ") without a group");
        }
        if (keepUnknown) {
          if (unknown == null) {
            unknown = new ByteArrayOutputStream();
          }
          unknown.write(r.source(), start, r.position() - start);
        }
        continue;
      }
      try {
        f.read(r, tag & 7, slots);
      } catch (DecodeException e) {
        throw e.withOffset(r.offset()).prependField(f.name);
      } catch (IOException e) {
        throw r.wrap(e).prependField(f.name);
      }
      if (f.oneofSiblings != null) {
        for (int j : f.oneofSiblings) {
          slots.clear(j);
        }
      }
    }
    for (int i : accumulating) {
      Object v = slots.get(i);
      if (v instanceof Accumulator) {
        slots.set(i, ((Accumulator) v).finish());
      }
    }
    if (unknown != null) {
      slots.setUnknownFields(UnknownFields.of(ProtobufProvider.NAME, unknown.toByteArray()));
    }
    Object record;
    try {
      record = binding.build(slots);
    } catch (DecodeException e) {
      throw e.withOffset(r.offset());
    }
    r.exit();
    return record;
  }

  /** Fills {@code slots} with the fields of {@code previous}, which a repeated occurrence merges into. */
  private void prime(FieldSlots slots, Object previous) {
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i].isPrimitive() && !optional[i]) {
        switch (kinds[i]) {
          case BOOL: slots.setBoolean(i, binding.getBoolean(previous, i)); break;
          case INT8: case INT16: case INT32: slots.setInt(i, binding.getInt(previous, i)); break;
          case INT64: slots.setLong(i, binding.getLong(previous, i)); break;
          case FLOAT32: slots.setFloat(i, binding.getFloat(previous, i)); break;
          default: slots.setDouble(i, binding.getDouble(previous, i)); break;
        }
        continue;
      }
      Object v = binding.get(previous, i);
      if (v == null) {
        continue;
      }
      switch (kinds[i]) {
        case BOOL: slots.setBoolean(i, (Boolean) v); break;
        case INT8: case INT16: case INT32: slots.setInt(i, (Integer) v); break;
        case INT64: slots.setLong(i, (Long) v); break;
        case FLOAT32: slots.setFloat(i, (Float) v); break;
        case FLOAT64: slots.setDouble(i, (Double) v); break;
        default: slots.set(i, v); break;
      }
    }
  }

  @Override
  public String toString() {
    return "MessagePlan[" + binding.schema().name() + ", " + ordered.length + " fields]";
  }
}
