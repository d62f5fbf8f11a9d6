package io.polycodec.msgpack;

import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Kind;
import java.io.IOException;
import java.util.Arrays;
import org.msgpack.core.MessagePacker;

/**
 * A record as a map from field name (or tag) to value: the compiled plan of one {@link RecordBinding}.
 * Arrays indexed by wire position hold each field's index in the schema, its key already encoded, and how
 * to write and read it, so encoding is a loop over arrays: no lookups by name, and fields of primitive
 * kinds go through the binding's primitive getters and the slots' primitive setters without boxing.
 *
 * <p>Optional fields are written only when present; every other field always. Like the keys of every
 * other map, fields come in ascending key order: by name (String.compareTo) in name mode, by tag in tag
 * mode. Reading matches keys by raw bytes (names) or by table (tags); unknown keys are skipped (a
 * {@link GenericRecord} keeps them, see {@link UnknownEntries}); a nil value counts as absent; a
 * repeated key keeps its last value; missing fields take their defaults (a missing required union is an
 * error, from the binding).
 */
final class RecordPlan extends TypePlan {
  // How a field moves between the binding and the wire; PRIMITIVE codes skip boxing.
  static final byte BOOL = 0;
  static final byte INT32 = 1;
  static final byte UINT32 = 2;
  static final byte INT64 = 3;
  static final byte UINT64 = 4;
  static final byte FLOAT32 = 5;
  static final byte FLOAT64 = 6;
  static final byte REF = 7;
  static final byte INT8 = 8;
  static final byte INT16 = 9;

  final RecordBinding<?> binding;
  final String name;
  private final boolean byName;
  // GenericRecords keep the entries their schema does not know (UnknownEntries); Java records cannot.
  private final boolean keepUnknown;

  // Filled by init() (after construction, so that recursive records can refer to their own plan).
  private int size;
  private int[] field;
  private String[] names;
  private int[] tags;
  private byte[][] keys;
  private byte[] writeCode;
  private byte[] readCode;
  private TypePlan[] types;
  private int[][] oneofOthers;
  private int alwaysWritten;
  private boolean hasReferences;
  private NameTable nameTable;
  private TagTable tagTable;

  RecordPlan(RecordBinding<?> binding, boolean byName) {
    this.binding = binding;
    this.name = binding.schema().name();
    this.byName = byName;
    this.keepUnknown = binding.isGeneric();
  }

  void init(int[] fieldByWire, String[] fieldNames, byte[][] encodedKeys, byte[] writeCodes, byte[] readCodes,
      TypePlan[] plans, int[][] oneofs, int[] tags) {
    this.size = fieldByWire.length;
    this.field = fieldByWire;
    this.names = fieldNames;
    this.tags = tags;
    this.keys = encodedKeys;
    this.writeCode = writeCodes;
    this.readCode = readCodes;
    this.types = plans;
    this.oneofOthers = oneofs;
    int always = 0;
    boolean refs = false;
    for (byte c : writeCodes) {
      if (c == REF) {
        refs = true;
      } else {
        always++;
      }
    }
    this.alwaysWritten = always;
    this.hasReferences = refs;
    this.nameTable = new NameTable(fieldNames);
    this.tagTable = new TagTable(tags);
  }

  @Override
  void write(EncodeContext cx, Object record) throws IOException {
    cx.enter();
    RecordBinding<?> b = binding;
    int n = size;
    int count = alwaysWritten;
    Object[] values = null;
    if (hasReferences) {
      // Optional fields decide the entry count, so fetch every reference value once, first.
      values = cx.scratch(n);
      for (int j = 0; j < n; j++) {
        if (writeCode[j] == REF) {
          Object v;
          try {
            v = b.get(record, field[j]);
          } catch (CodecException e) {
            throw e.prependField(names[j]);
          }
          values[j] = v;
          if (v != null) {
            count++;
          }
        }
      }
    }
    UnknownEntries unknown = keepUnknown ? UnknownEntries.of((GenericRecord) record, byName, nameTable, tagTable) : null;
    if (unknown != null) {
      count += unknown.size();
    }
    cx.packer.packMapHeader(count);
    for (int j = 0; j < n; j++) {
      if (unknown != null) {
        unknown.writeBefore(cx.packer, byName ? names[j] : null, tags[j]);
      }
      try {
        writeField(cx, b, record, j, values);
      } catch (CodecException e) {
        throw e.prependField(names[j]);
      } catch (ClassCastException e) {
        throw new EncodeException("a value of the wrong class: " + e.getMessage(), e).prependField(names[j]);
      }
    }
    if (unknown != null) {
      unknown.writeRest(cx.packer);
    }
    cx.exit();
  }

  private void writeField(EncodeContext cx, RecordBinding<?> b, Object record, int j, Object[] values)
      throws IOException {
    MessagePacker p = cx.packer;
    int i = field[j];
    switch (writeCode[j]) {
      case BOOL:
        p.writePayload(keys[j]);
        p.packBoolean(b.getBoolean(record, i));
        break;
      case INT8:
      case INT16:
      case INT32:
        p.writePayload(keys[j]);
        p.packInt(b.getInt(record, i));
        break;
      case UINT32:
        p.writePayload(keys[j]);
        p.packLong(Integer.toUnsignedLong(b.getInt(record, i)));
        break;
      case INT64:
        p.writePayload(keys[j]);
        p.packLong(b.getLong(record, i));
        break;
      case UINT64:
        p.writePayload(keys[j]);
        ScalarPlan.writeInt64(p, b.getLong(record, i), true);
        break;
      case FLOAT32:
        p.writePayload(keys[j]);
        p.packFloat(b.getFloat(record, i));
        break;
      case FLOAT64:
        p.writePayload(keys[j]);
        p.packDouble(b.getDouble(record, i));
        break;
      default: {
        Object v = values[j];
        if (v != null) {
          values[j] = null;
          p.writePayload(keys[j]);
          types[j].write(cx, v);
        }
      }
    }
  }

  @Override
  Object read(MsgpackReader in) {
    int at = in.offset();
    int n = in.readMapHeader(false);
    in.enter(at);
    FieldSlots slots = binding.newSlots();
    int hint = 0;
    int[] unknownRanges = null;
    int unknownCount = 0;
    for (int k = 0; k < n; k++) {
      int keyAt = in.offset();
      int j = byName ? in.readNameKey(nameTable, hint) : tagTable.find(in.readTagKey());
      if (j < 0) {
        in.skipValue();
        if (keepUnknown) {
          if (unknownRanges == null || unknownRanges.length == 2 * unknownCount) {
            unknownRanges = unknownRanges == null ? new int[8] : Arrays.copyOf(unknownRanges, 4 * unknownCount);
          }
          unknownRanges[2 * unknownCount] = keyAt;
          unknownRanges[2 * unknownCount + 1] = in.offset();
          unknownCount++;
        }
        continue;
      }
      hint = j + 1;
      try {
        readField(in, j, slots);
      } catch (CodecException e) {
        throw e.prependField(names[j]);
      }
    }
    in.exit();
    if (unknownCount > 0) {
      slots.setUnknownFields(UnknownEntries.capture(in, unknownRanges, unknownCount));
    }
    try {
      return binding.build(slots);
    } catch (DecodeException e) {
      throw e.withOffset(at);
    }
  }

  private void readField(MsgpackReader in, int j, FieldSlots s) {
    int i = field[j];
    if (in.tryNil()) {
      s.clear(i);
      return;
    }
    switch (readCode[j]) {
      case BOOL:
        s.setBoolean(i, in.readBool());
        break;
      case INT32:
        s.setInt(i, in.readInt32(false));
        break;
      case INT8:
        s.setInt(i, in.readNarrowInt(Kind.INT8));
        break;
      case INT16:
        s.setInt(i, in.readNarrowInt(Kind.INT16));
        break;
      case UINT32:
        s.setInt(i, in.readInt32(true));
        break;
      case INT64:
        s.setLong(i, in.readInt64(false));
        break;
      case UINT64:
        s.setLong(i, in.readInt64(true));
        break;
      case FLOAT32:
        s.setFloat(i, in.readFloat32());
        break;
      case FLOAT64:
        s.setDouble(i, in.readFloat64());
        break;
      default:
        s.set(i, types[j].read(in));
        break;
    }
    int[] others = oneofOthers[j];
    if (others != null) {
      for (int o : others) {
        s.clear(o);
      }
    }
  }
}
