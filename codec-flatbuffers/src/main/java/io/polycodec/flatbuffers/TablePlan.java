package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.FlatBuffersFieldIds;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One record type compiled to a FlatBuffers table: per field its vtable slot (see {@link FlatBuffersFieldIds}), its
 * {@link Layout}, and a code for the unboxed fast paths, in arrays indexed by the schema's field index.
 * Built once per codec and record binding; immutable after {@link #init}, thread-safe.
 */
final class TablePlan {
  // Field codes. Primitive kinds are read and written without boxing through the binding and FieldSlots.
  static final byte BOOL = 1;
  static final byte INT = 2;
  static final byte LONG = 3;
  static final byte FLOAT = 4;
  static final byte DOUBLE = 5;
  /** An out-of-line value: string, bytes, record, union, list, map, vector. */
  static final byte OFFSET = 6;
  /** Any other inline value (optional scalar, enum, timestamp), written through its layout. */
  static final byte INLINE = 7;
  static final byte BYTE = 8;
  static final byte SHORT = 9;
  /** A union written as flatc writes it: an offset plus a type byte in the slot before it. */
  static final byte UNION_INLINE = 10;
  /** A list of unions written as flatc writes it: a vector of offsets plus a vector of types before it. */
  static final byte UNION_VECTOR = 11;

  @SuppressWarnings("rawtypes")
  final RecordBinding binding;
  final RecordSchema schema;
  int size;
  String[] names;
  Kind[] kinds;
  int[] vtOffsets;
  Layout[] layouts;
  private boolean[] optional;
  /** For encoding: primitive codes only for non-optional fields (optional ones are boxed anyway). */
  private byte[] writeCodes;
  /** For decoding: primitive codes for optional fields too, since FieldSlots has primitive setters. */
  private byte[] readCodes;
  private int[] slotSizes;
  private int[] slotAligns;
  private boolean[] verifies;
  private int[] offsetFields;
  private int[] writeOrder;
  private int[][] oneofPeers;
  private int numSlots;
  /** Non-optional struct fields: absent, they read as the struct's own default (arrays full of zeros). */
  private boolean[] structDefault;
  /** The index of the record's FlatBuffers key field, or -1 (set by the compiler before {@link #init}). */
  int keyField = -1;
  /** Extra stack entries per table write for second offsets (vectors of unions): 0 or {@link #size}. */
  private int sideSlots;
  /**
   * Per non-optional primitive or enum field: the bits of its default (the field's own, else zero; an
   * enum's constant number), which the writer leaves out as flatc does and the views return when absent.
   */
  long[] defaultBits;
  /** Fields with a default of their own: an absent one reads as that value (FlatBuffers' rule). */
  private boolean[] ownDefault;
  /** Strings, bytes, tables, unions and timestamps marked required: refused when absent. */
  private boolean[] requiredOffset;
  /** Bools, numbers and enums marked required: FlatBuffers cannot say it, so absent reads as the default. */
  private boolean[] requiredScalar;

  TablePlan(RecordBinding<?> binding) {
    this.binding = binding;
    this.schema = binding.schema();
  }

  void init(Layout[] fieldLayouts) {
    size = schema.size();
    names = new String[size];
    kinds = new Kind[size];
    vtOffsets = new int[size];
    layouts = fieldLayouts;
    optional = new boolean[size];
    writeCodes = new byte[size];
    readCodes = new byte[size];
    oneofPeers = new int[size][];
    slotSizes = new int[size];
    slotAligns = new int[size];
    verifies = new boolean[size];
    structDefault = new boolean[size];
    defaultBits = new long[size];
    ownDefault = new boolean[size];
    requiredOffset = new boolean[size];
    requiredScalar = new boolean[size];
    List<Integer> offsets = new ArrayList<>();
    Map<String, List<Integer>> groups = new HashMap<>();
    // flatc's ids, derived from tags: an inline union (or vector of unions) takes its type slot too.
    int[] ids = FlatBuffersFieldIds.of(schema, i -> isTwoIds(fieldLayouts[i]));
    for (int i = 0; i < size; i++) {
      Field f = schema.field(i);
      names[i] = f.name();
      kinds[i] = f.type().kind();
      slotSizes[i] = layouts[i].slotSize();
      slotAligns[i] = layouts[i].slotAlign();
      verifies[i] = layouts[i].needsVerification();
      vtOffsets[i] = 4 + 2 * ids[i];
      optional[i] = f.optional();
      structDefault[i] = !f.optional() && layouts[i] instanceof StructLayout;
      ownDefault[i] = f.hasDefault();
      defaultBits[i] = defaultBits(f, layouts[i]);
      // FlatBuffers' (required) exists for non-scalar fields only (flatc: "only non-scalar fields in
      // tables may be 'required'"); an absent scalar is its default, whatever the schema says.
      requiredOffset[i] = f.required() && !isScalar(f.type().kind());
      requiredScalar[i] = f.required() && isScalar(f.type().kind());
      byte prim = primitiveCode(f.type().kind());
      readCodes[i] = prim != 0 ? prim : layouts[i].isOffset() ? OFFSET : INLINE;
      writeCodes[i] = prim != 0 && !f.optional() ? prim : layouts[i].isOffset() ? OFFSET : INLINE;
      if (layouts[i] instanceof InlineUnionLayout) {
        readCodes[i] = UNION_INLINE;
        writeCodes[i] = UNION_INLINE;
      }
      if (layouts[i] instanceof UnionVectorLayout) {
        readCodes[i] = UNION_VECTOR;
        writeCodes[i] = UNION_VECTOR;
        sideSlots = size;
      }
      if (layouts[i].isOffset()) {
        offsets.add(i);
      }
      if (f.oneof() != null) {
        groups.computeIfAbsent(f.oneof(), k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> members : groups.values()) {
      int[] peers = members.stream().mapToInt(Integer::intValue).toArray();
      for (int i : peers) {
        oneofPeers[i] = peers;
      }
    }
    offsetFields = offsets.stream().mapToInt(Integer::intValue).toArray();
    // Larger slots first, as flatc does, so that alignment padding between fields is rare.
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(layouts[b].slotSize(), layouts[a].slotSize()));
    writeOrder = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    numSlots = FlatBuffersFieldIds.slotCount(ids);
  }

  /** Whether a field of this layout takes two ids, a type slot below its value (flatc's unions). */
  static boolean isTwoIds(Layout layout) {
    return layout instanceof InlineUnionLayout || layout instanceof UnionVectorLayout;
  }

  private static boolean isScalar(Kind kind) {
    return kind.isPrimitive() || kind == Kind.ENUM;
  }

  private static long defaultBits(Field f, Layout layout) {
    Kind kind = f.type().kind();
    if (kind == Kind.ENUM) {
      return f.hasDefault()
          ? io.polycodec.schema.DefaultValues.enumNumber((io.polycodec.schema.EnumSchema) f.type(), f.defaultValue())
          : ((EnumLayout) layout).defaultNumber();
    }
    if (!f.hasDefault() || !kind.isPrimitive()) {
      return 0;
    }
    Object d = f.defaultValue();
    return switch (kind) {
      case BOOL -> (Boolean) d ? 1 : 0;
      case FLOAT32 -> Float.floatToRawIntBits((Float) d);
      case FLOAT64 -> Double.doubleToRawLongBits((Double) d);
      default -> ((Number) d).longValue();
    };
  }

  /**
   * What absent field {@code i} reads as, in canonical form: null if optional, the field's own default,
   * or its layout's.
   *
   * @throws DecodeException if the field is a required string, bytes, table, union or timestamp
   */
  Object absent(int i) {
    if (optional[i]) {
      return null;
    }
    if (requiredOffset[i]) {
      throw new DecodeException("required, but missing");
    }
    if (ownDefault[i]) {
      Object d = schema.field(i).defaultValue();
      return kinds[i] == Kind.ENUM ? binding.enumChild(i).forDefault(d) : d;
    }
    return layouts[i].defaultValue();
  }

  private static byte primitiveCode(Kind kind) {
    // Names every kind (no default), so a new kind must decide whether it is an inline primitive.
    return switch (kind) {
      case BOOL -> BOOL;
      case INT8 -> BYTE;
      case INT16 -> SHORT;
      case INT32 -> INT;
      case INT64 -> LONG;
      case FLOAT32 -> FLOAT;
      case FLOAT64 -> DOUBLE;
      case STRING, BYTES, TIMESTAMP, DURATION, ENUM, LIST, VECTOR, MAP, RECORD, UNION -> 0;
    };
  }

  boolean optional(int field) {
    return optional[field];
  }

  // ---- writing -------------------------------------------------------------------------------------

  /**
   * Writes {@code record} as a table and returns its offset. Errors from the binding (a null in a
   * non-optional field) and from layouts get the field's name here, while unwinding.
   */
  int write(WriteContext w, Object record) {
    w.enter();
    FlatBufferBuilder b = w.builder;
    int base = w.reserve(size + sideSlots);
    for (int i : offsetFields) {
      int off = 0;
      try {
        Object v = binding.get(record, i);
        if (v != null) {
          // A field with a default of its own is always written: flatc's Java and C++ readers do not
          // know string and bytes defaults, so leaving the value out would change what they read.
          off = layouts[i].prepare(w, v, !optional[i] && !ownDefault[i] && !requiredOffset[i]);
          if (writeCodes[i] == UNION_VECTOR) {
            w.stack[base + size + i] = w.sideOffset;
          }
        }
      } catch (CodecException e) {
        throw e.prependField(names[i]);
      } catch (ClassCastException e) {
        throw wrongType(e, i);
      }
      w.stack[base + i] = off;
    }
    b.startTable(numSlots);
    for (int i : writeOrder) {
      try {
        addField(w, b, record, i, base);
      } catch (CodecException e) {
        throw e.prependField(names[i]);
      } catch (ClassCastException e) {
        throw wrongType(e, i);
      }
    }
    int table = b.endTable();
    w.release(base);
    w.exit();
    return table;
  }

  private void addField(WriteContext w, FlatBufferBuilder b, Object record, int i, int base) {
    int id = (vtOffsets[i] - 4) >> 1;
    switch (writeCodes[i]) {
      // Scalars equal to their default (the field's own, else zero) are left out, as flatc's builders do.
      case BOOL:
        b.addBoolean(id, binding.getBoolean(record, i), defaultBits[i] != 0);
        break;
      case INT:
        b.addInt(id, binding.getInt(record, i), (int) defaultBits[i]);
        break;
      case BYTE:
        b.addByte(id, (byte) checkedNarrow(binding.getInt(record, i), Kind.INT8, i), (byte) defaultBits[i]);
        break;
      case SHORT:
        b.addShort(id, checkedNarrow(binding.getInt(record, i), Kind.INT16, i), (short) defaultBits[i]);
        break;
      case LONG:
        b.addLong(id, binding.getLong(record, i), defaultBits[i]);
        break;
      case FLOAT: {
        // Compare bits, not values: -0.0 == 0.0 but must survive the round trip.
        float f = binding.getFloat(record, i);
        if (Float.floatToRawIntBits(f) != (int) defaultBits[i]) {
          b.addFloat(f);
          b.slot(id);
        }
        break;
      }
      case DOUBLE: {
        double d = binding.getDouble(record, i);
        if (Double.doubleToRawLongBits(d) != defaultBits[i]) {
          b.addDouble(d);
          b.slot(id);
        }
        break;
      }
      case OFFSET: {
        int off = w.stack[base + i];
        if (off != 0) {
          b.addOffset(id, off, 0);
        }
        break;
      }
      case UNION_VECTOR: {
        int off = w.stack[base + i];
        if (off != 0) {
          b.addOffset(id, off, 0);
          b.addOffset(id - 1, w.stack[base + size + i], 0);
        }
        break;
      }
      case UNION_INLINE: {
        int off = w.stack[base + i];
        if (off != 0) {
          b.addOffset(id, off, 0);
          b.addByte(id - 1, (byte) ((InlineUnionLayout) layouts[i]).tagOf(binding.get(record, i)), 0);
        }
        break;
      }
      default: {
        Object v = binding.get(record, i);
        if (v != null) {
          if (ownDefault[i] && kinds[i] == Kind.ENUM) {
            if (binding.enumChild(i).number(v) != defaultBits[i]) {
              layouts[i].addInline(b, id, v, true);
            }
          } else {
            layouts[i].addInline(b, id, v, optional[i] || requiredOffset[i]);
          }
        }
        break;
      }
    }
  }

  // A typed byte or short is always in range; a value set on a binding of another kind might not be.
  private short checkedNarrow(int v, Kind kind, int field) {
    if (v < kind.minValue() || v > kind.maxValue()) {
      throw new EncodeException(v + " is outside the range of " + kind.name().toLowerCase(java.util.Locale.ROOT))
          .prependField(names[field]);
    }
    return (short) v;
  }

  private EncodeException wrongType(ClassCastException e, int field) {
    return new EncodeException("value does not fit " + schema.field(field).type().describe() + ": " + e.getMessage(), e)
        .prependField(names[field]);
  }

  // ---- reading -------------------------------------------------------------------------------------

  /** Reads the (verified or trusted) table at {@code table} into a record. */
  Object read(ReadContext r, int table) {
    ByteBuffer bb = r.bb;
    int vt = table - bb.getInt(table);
    int vtSize = bb.getShort(vt) & 0xFFFF;
    FieldSlots s = binding.newSlots();
    for (int i = 0; i < size; i++) {
      int o = vtOffsets[i];
      int fo = o >= vtSize ? 0 : bb.getShort(vt + o) & 0xFFFF;
      if (fo == 0) {
        if (requiredOffset[i]) {
          throw new DecodeException("required, but missing").withOffset(table).prependField(names[i]);
        }
        if (requiredScalar[i]) {
          // The binding refuses an unset required field; in FlatBuffers an absent scalar is its default.
          s.set(i, absent(i));
        } else if (structDefault[i]) {
          s.set(i, layouts[i].defaultValue());
        }
        continue;
      }
      int p = table + fo;
      switch (readCodes[i]) {
        case BOOL:
          s.setBoolean(i, bb.get(p) != 0);
          break;
        case INT:
          s.setInt(i, bb.getInt(p));
          break;
        case BYTE:
          s.setInt(i, bb.get(p));
          break;
        case SHORT:
          s.setInt(i, bb.getShort(p));
          break;
        case LONG:
          s.setLong(i, bb.getLong(p));
          break;
        case FLOAT:
          s.setFloat(i, bb.getFloat(p));
          break;
        case DOUBLE:
          s.setDouble(i, bb.getDouble(p));
          break;
        case UNION_VECTOR:
          try {
            s.set(i, ((UnionVectorLayout) layouts[i]).read(r, typePos(bb, table, vt, vtSize, o - 2), p));
          } catch (CodecException e) {
            throw e.withOffset(p).prependField(names[i]);
          }
          break;
        case UNION_INLINE:
          try {
            s.set(i, ((InlineUnionLayout) layouts[i]).read(r, typePos(bb, table, vt, vtSize, o - 2), p));
          } catch (CodecException e) {
            throw e.withOffset(p).prependField(names[i]);
          }
          break;
        default:
          try {
            s.set(i, layouts[i].readSlot(r, p));
          } catch (CodecException e) {
            throw e.withOffset(p).prependField(names[i]);
          }
          break;
      }
      int[] peers = oneofPeers[i];
      if (peers != null) {
        // Members of a oneof exclude each other: the last one present wins, as in Protobuf.
        for (int j : peers) {
          if (j != i) {
            s.clear(j);
          }
        }
      }
    }
    try {
      return binding.build(s);
    } catch (CodecException e) {
      throw e.withOffset(table);
    }
  }

  /** The position of the slot at {@code vtOffset} of a verified table, or 0 if absent. */
  static int typePos(ByteBuffer bb, int table, int vt, int vtSize, int vtOffset) {
    if (vtOffset >= vtSize) {
      return 0;
    }
    int fo = bb.getShort(vt + vtOffset) & 0xFFFF;
    return fo == 0 ? 0 : table + fo;
  }

  // ---- verifying -----------------------------------------------------------------------------------

  /** Verifies the table at {@code table}, at nesting {@code depth}, and everything it reaches. */
  void verify(Verifier v, int table, int depth) {
    v.table(table, depth);
    int vt = v.vt;
    int vtSize = v.vtSize;
    int obj = v.objSize;
    for (int i = 0; i < size; i++) {
      try {
        int p = v.field(table, vt, vtSize, obj, vtOffsets[i], slotSizes[i], slotAligns[i]);
        if (p != 0 && verifies[i]) {
          layouts[i].verifySlot(v, p, depth);
        } else if (p != 0 && readCodes[i] == UNION_VECTOR) {
          int typePos = v.field(table, vt, vtSize, obj, vtOffsets[i] - 2, 4, 4);
          ((UnionVectorLayout) layouts[i]).verify(v, typePos, p, depth);
        } else if (p != 0 && readCodes[i] == UNION_INLINE) {
          int typePos = v.field(table, vt, vtSize, obj, vtOffsets[i] - 2, 1, 1);
          ((InlineUnionLayout) layouts[i]).verify(v, typePos, p, depth);
        }
      } catch (DecodeException e) {
        throw e.prependField(names[i]);
      }
    }
  }
}
