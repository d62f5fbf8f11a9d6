package io.polycodec.protobuf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.UnknownFields;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
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
  /** Required lists, maps and vectors: protobuf leaves an empty one off, so absent reads as empty, never refused. */
  private int[] requiredCollections;
  /** On a root plan: how many plans of its graph have a spun encoder (tests check the spun path is tested). */
  int spunInGraph;
  /** The spun encoder of this plan, or null (see {@link BodyCompiler}). */
  private CompiledBody compiled;

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
    int acc = 0;
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
    java.util.List<io.polycodec.schema.Field> fs = binding.schema().fields();
    requiredCollections = java.util.stream.IntStream.range(0, fs.size())
        .filter(i -> fs.get(i).required() && fs.get(i).type().kind().isCollection()).toArray();
  }

  /** 0 before {@link #compileBody}, 1 while it runs (a cycle of records), 2 after. */
  private int compileState;

  /**
   * Spins this plan's encoder, once its fields are known; without one, the interpreted loop below serves.
   * The plans of nested records are spun first, so that this plan's spun code can call theirs directly
   * (a plan met again through a recursive record is called through its {@link #bodySize} instead).
   */
  void compileBody() {
    if (compileState != 0) {
      return;
    }
    compileState = 1;
    for (FieldCodec f : ordered) {
      ValueCodec v = f instanceof ValueField ? ((ValueField) f).codec
          : f instanceof ListField ? ((ListField) f).element : null;
      if (v instanceof MessageValue) {
        ((MessageValue) v).plan.compileBody();
      }
    }
    try {
      compiled = BodyCompiler.compile(this, ordered);
    } catch (LinkageError e) {
      // ASM missing at run time (a module path assembled by hand without it): stay interpreted.
      compiled = null;
    }
    compileState = 2;
  }

  /** The spun encoder, or null (BodyCompiler links a parent's spun code to its children's). */
  CompiledBody compiled() {
    return compiled;
  }

  /** Whether {@link #compileBody} produced an encoder (tests check that the spun path is the one tested). */
  boolean isCompiled() {
    return compiled != null;
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
    CompiledBody c = compiled;
    if (c != null && sizes.spun) {
      return c.size(record, sizes);
    }
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
    CompiledBody c = compiled;
    if (c != null && sizes.spun) {
      c.write(out, record, sizes);
      return;
    }
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

  /** Reads fields up to the current limit and builds the record. */
  Object readBody(ProtoReader r) throws IOException {
    return readBody(r, 0);
  }

  /**
   * Reads fields up to {@code endTag} (the end-group tag of a group; 0 for a length-delimited message,
   * which ends at the current limit) and builds the record.
   */
  Object readBody(ProtoReader r, int endTag) throws IOException {
    Accumulator.OfRecord pending = new Accumulator.OfRecord(this);
    readFields(r, pending, endTag);
    return build(pending);
  }

  /**
   * Reads one occurrence of a message into {@code pending}, which earlier occurrences of the same field
   * filled: protobuf merges them, and keeping the fields pending (instead of building a record per
   * occurrence and copying it into the next) keeps the merge linear in the input.
   */
  void readFields(ProtoReader r, Accumulator.OfRecord pending, int endTag) throws IOException {
    r.enter();
    FieldSlots slots = pending.slots;
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
          if (pending.unknown == null) {
            pending.unknown = new ByteArrayOutputStream();
          }
          pending.unknown.write(r.source(), start, r.position() - start);
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
    pending.endOffset = r.offset();
    r.exit();
  }

  /** Builds the record {@code pending} holds, finishing the collections and messages still pending in it. */
  Object build(Accumulator.OfRecord pending) {
    FieldSlots slots = pending.slots;
    for (int i : accumulating) {
      Object v = slots.get(i);
      if (v instanceof Accumulator) {
        try {
          slots.set(i, ((Accumulator) v).finish());
        } catch (DecodeException e) {
          throw e.prependField(binding.schema().field(i).name());
        }
      }
    }
    for (int i : requiredCollections) {
      if (!slots.isSet(i)) {
        slots.set(i, io.polycodec.bind.Defaults.of(binding.schema().field(i).type()));
      }
    }
    if (pending.unknown != null) {
      slots.setUnknownFields(UnknownFields.of(ProtobufProvider.NAME, pending.unknown.toByteArray()));
    }
    try {
      return binding.build(slots);
    } catch (DecodeException e) {
      throw e.withOffset(pending.endOffset);
    }
  }

  @Override
  public String toString() {
    return "MessagePlan[" + binding.schema().name() + ", " + ordered.length + " fields]";
  }
}
