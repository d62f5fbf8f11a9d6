package org.example.tlv;

import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.UnknownFields;
import io.polycodec.bind.EnumBinding;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.bind.TypeBinding;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.TimestampRange;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import io.polycodec.vector.VectorBytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Record = fields until the end; field = key (tag varint, or length-prefixed name), length varint,
 * payload. Integers are zigzag varints (so int32 data reads as int64), floats little-endian bits (a
 * float32 payload reads as float64), collections a count then length-prefixed items, a union a member
 * key then the member record (or string). Interprets the binding at run time: small, not fast.
 */
final class TlvCodec<T> implements Codec<T> {
  private final RecordBinding<T> binding;
  private final Limits limits;
  private final Format format;
  private final boolean byName;

  TlvCodec(RecordBinding<T> binding, Limits limits, Format format) {
    this.binding = binding;
    this.limits = limits;
    this.format = format;
    this.byName = format.keying() == FieldKeying.NAME;
  }

  @Override
  public Format format() {
    return format;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  // ---- encoding ---------------------------------------------------------------------------------

  @Override
  public byte[] encode(T value) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      writeRecord(out, binding, value, 1);
      // What the decoder would refuse is not written: encode and decode share one set of limits.
      if (out.size() > limits.maxMessageBytes()) {
        throw new EncodeException("message of " + out.size() + " bytes exceeds the limit of " + limits.maxMessageBytes());
      }
      return out.toByteArray();
    } catch (CodecException e) {
      throw e.prependField(binding.schema().name()).withFormat(format.name());
    }
  }

  private void writeRecord(ByteArrayOutputStream out, RecordBinding<?> b, Object r, int depth) {
    // What could not be decoded is not written: the same depth bound, and no stack overflow on deep values.
    if (depth > limits.maxDepth()) {
      throw new EncodeException("nesting deeper than " + limits.maxDepth());
    }
    RecordSchema s = b.schema();
    for (int i = 0; i < s.size(); i++) {
      Field f = s.field(i);
      try {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        Kind k = f.type().kind();
        if (!f.optional() && k.isPrimitive()) {
          writePrimitive(payload, b, r, i, k);
        } else {
          Object v = b.get(r, i);
          if (v == null) {
            continue;
          }
          writeValue(payload, f.type(), b.child(i), v, depth);
        }
        if (byName) {
          writeBytes(out, f.name().getBytes(StandardCharsets.UTF_8));
        } else {
          writeVarint(out, f.tag());
        }
        writeBytes(out, payload.toByteArray());
      } catch (CodecException e) {
        throw e.prependField(f.name());
      }
    }
    if (r instanceof GenericRecord && ((GenericRecord) r).unknownFields().isFormat(format.name())) {
      out.writeBytes(((GenericRecord) r).unknownFields().bytes());
    }
  }

  private static void writePrimitive(ByteArrayOutputStream out, RecordBinding<?> b, Object r, int i, Kind k) {
    switch (k) {
      case BOOL: out.write(b.getBoolean(r, i) ? 1 : 0); break;
      case INT8: case INT16: case INT32: writeVarint(out, zigzag(b.getInt(r, i))); break;
      case INT64: writeVarint(out, zigzag(b.getLong(r, i))); break;
      case FLOAT32: writeFixed(out, Float.floatToRawIntBits(b.getFloat(r, i)), 4); break;
      default: writeFixed(out, Double.doubleToRawLongBits(b.getDouble(r, i)), 8); break;
    }
  }

  private void writeValue(ByteArrayOutputStream out, Schema type, TypeBinding child, Object v, int depth) {
    switch (type.kind()) {
      case BOOL: out.write((Boolean) v ? 1 : 0); break;
      case INT8: case INT16: case INT32: writeVarint(out, zigzag((Integer) v)); break;
      case INT64: writeVarint(out, zigzag((Long) v)); break;
      case FLOAT32: writeFixed(out, Float.floatToRawIntBits((Float) v), 4); break;
      case FLOAT64: writeFixed(out, Double.doubleToRawLongBits((Double) v), 8); break;
      case STRING: out.writeBytes(((String) v).getBytes(StandardCharsets.UTF_8)); break;
      case BYTES: out.writeBytes((byte[]) v); break;
      case TIMESTAMP: {
        Instant t = TimestampRange.checkEncodable((Instant) v);
        writeVarint(out, zigzag(t.getEpochSecond()));
        writeVarint(out, t.getNano());
        break;
      }
      case DURATION: {
        java.time.Duration d = io.polycodec.schema.DurationRange.checkEncodable((java.time.Duration) v);
        writeVarint(out, zigzag(io.polycodec.schema.DurationRange.seconds(d)));
        writeVarint(out, zigzag(io.polycodec.schema.DurationRange.nanos(d)));
        break;
      }
      case ENUM: {
        EnumBinding e = (EnumBinding) child;
        if (byName) {
          String name = e.name(v);
          if (name == null) {
            throw new EncodeException("enum " + type.describe() + " value " + e.number(v) + " has no name");
          }
          out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        } else {
          writeVarint(out, zigzag(e.number(v)));
        }
        break;
      }
      case LIST: {
        List<?> list = (List<?>) v;
        writeVarint(out, list.size());
        Schema element = ((ListSchema) type).element();
        for (int i = 0; i < list.size(); i++) {
          Object e = list.get(i);
          try {
            if (e == null) {
              throw new EncodeException("null element");
            }
            writeItem(out, element, child, e, depth + 1);
          } catch (CodecException x) {
            throw x.prependIndex(i);
          }
        }
        break;
      }
      case MAP: {
        MapSchema m = (MapSchema) type;
        Map<Object, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          if (e.getKey() == null) {
            throw new EncodeException("null map key");
          }
          if (e.getValue() == null) {
            throw new EncodeException("null map value").prependKey(e.getKey());
          }
          sorted.put(e.getKey(), e.getValue());
        }
        writeVarint(out, sorted.size());
        for (Map.Entry<Object, Object> e : sorted.entrySet()) {
          try {
            writeItem(out, m.key(), null, e.getKey(), depth + 1);
            writeItem(out, m.value(), child, e.getValue(), depth + 1);
          } catch (CodecException x) {
            throw x.prependKey(e.getKey());
          }
        }
        break;
      }
      case VECTOR: {
        VectorSchema vs = (VectorSchema) type;
        out.writeBytes(vs.element() == Kind.FLOAT64 ? VectorBytes.encode((double[]) v)
            : VectorBytes.encode((float[]) v, vs.quantization()));
        break;
      }
      case RECORD: writeRecord(out, (RecordBinding<?>) child, v, depth + 1); break;
      case UNION: {
        UnionBinding u = (UnionBinding) child;
        int m = u.memberIndex(v);
        if (m < 0) {
          throw new EncodeException(v.getClass().getName() + " is not a member of " + type.describe());
        }
        UnionSchema.Member member = u.schema().members().get(m);
        if (byName) {
          writeBytes(out, member.name().getBytes(StandardCharsets.UTF_8));
        } else {
          writeVarint(out, member.tag());
        }
        // A GenericUnion names an aliased member; the member's record or string is what goes on the wire.
        Object inner = u.unwrap(v);
        if (member.isString()) {
          writeValue(out, member.type(), null, inner, depth + 1);
        } else {
          writeRecord(out, u.member(m), inner, depth + 1);
        }
        break;
      }
      default:
        throw new AssertionError(type.kind());
    }
  }

  private void writeItem(ByteArrayOutputStream out, Schema type, TypeBinding child, Object v, int depth) {
    ByteArrayOutputStream item = new ByteArrayOutputStream();
    writeValue(item, type, child, v, depth);
    writeBytes(out, item.toByteArray());
  }

  private static void writeBytes(ByteArrayOutputStream out, byte[] b) {
    writeVarint(out, b.length);
    out.writeBytes(b);
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static void writeVarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static void writeFixed(ByteArrayOutputStream out, long bits, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (bits >>> (8 * i)) & 0xFF);
    }
  }

  // ---- decoding ---------------------------------------------------------------------------------

  /** A position in the input; every read is checked against the end of the enclosing item. */
  private static final class In {
    final byte[] b;
    int pos;

    In(byte[] b) {
      this.b = b;
    }
  }

  @Override
  public T decode(byte[] bytes) {
    if (bytes.length > limits.maxMessageBytes()) {
      throw DecodeException.at(format.name(), 0, "message of " + bytes.length + " bytes exceeds the limit");
    }
    In in = new In(bytes);
    try {
      @SuppressWarnings("unchecked")
      T v = (T) readRecord(in, binding, bytes.length, 1);
      return v;
    } catch (CodecException e) {
      throw e.prependField(binding.schema().name()).withFormat(format.name()).withOffset(in.pos);
    }
  }

  private Object readRecord(In in, RecordBinding<?> b, int end, int depth) {
    if (depth > limits.maxDepth()) {
      throw new DecodeException("nesting deeper than " + limits.maxDepth());
    }
    RecordSchema s = b.schema();
    FieldSlots slots = b.newSlots();
    ByteArrayOutputStream unknown = null;
    while (in.pos < end) {
      int start = in.pos;
      int index = byName ? s.indexOf(readString(in, end)) : s.indexOfTag(readVarint32(in, end));
      int length = readLength(in, end);
      int itemEnd = in.pos + length;
      if (index < 0) {
        // Kept as written, so that a GenericRecord re-encoded here loses nothing.
        if (unknown == null) {
          unknown = new ByteArrayOutputStream();
        }
        unknown.write(in.b, start, itemEnd - start);
        in.pos = itemEnd;
        continue;
      }
      Field f = s.field(index);
      try {
        if (f.oneof() != null) {
          for (int j = 0; j < s.size(); j++) {
            if (j != index && f.oneof().equals(s.field(j).oneof())) {
              slots.clear(j);
            }
          }
        }
        readField(in, slots, index, f.type(), b.child(index), itemEnd, depth);
        expectEnd(in, itemEnd);
      } catch (CodecException e) {
        throw e.prependField(f.name());
      }
    }
    if (unknown != null) {
      slots.setUnknownFields(UnknownFields.of(format.name(), unknown.toByteArray()));
    }
    return b.build(slots);
  }

  private void readField(In in, FieldSlots slots, int i, Schema type, TypeBinding child, int end, int depth) {
    switch (type.kind()) {
      case BOOL: slots.setBoolean(i, readBool(in, end)); break;
      case INT8: case INT16: slots.setInt(i, readNarrow(in, end, type.kind())); break;
      case INT32: slots.setInt(i, readInt32(in, end)); break;
      case INT64: slots.setLong(i, unzigzag(readVarint(in, end))); break;
      case FLOAT32: slots.setFloat(i, Float.intBitsToFloat((int) readFixed(in, end, 4))); break;
      case FLOAT64: slots.setDouble(i, readFloat64(in, end)); break;
      default: slots.set(i, readValue(in, type, child, end, depth)); break;
    }
  }

  private Object readValue(In in, Schema type, TypeBinding child, int end, int depth) {
    switch (type.kind()) {
      case BOOL: return readBool(in, end);
      case INT8: case INT16: return readNarrow(in, end, type.kind());
      case INT32: return readInt32(in, end);
      case INT64: return unzigzag(readVarint(in, end));
      case FLOAT32: return Float.intBitsToFloat((int) readFixed(in, end, 4));
      case FLOAT64: return readFloat64(in, end);
      case STRING: return readStringBody(in, end);
      case BYTES: {
        checkStringLength(end - in.pos);
        byte[] out = java.util.Arrays.copyOfRange(in.b, in.pos, end);
        in.pos = end;
        return out;
      }
      case TIMESTAMP: {
        long seconds = unzigzag(readVarint(in, end));
        long nanos = readVarint(in, end);
        return TimestampRange.decode(seconds, nanos);
      }
      case DURATION: {
        long seconds = unzigzag(readVarint(in, end));
        long nanos = unzigzag(readVarint(in, end));
        return io.polycodec.schema.DurationRange.decode(seconds, nanos);
      }
      case ENUM: {
        EnumBinding e = (EnumBinding) child;
        Object v;
        String shown;
        if (byName) {
          shown = readStringBody(in, end);
          v = e.forName(shown);
        } else {
          // Enum numbers are longs in the model (FlatBuffers' ulong bit_flags reach 1 << 40).
          long n = unzigzag(readVarint(in, end));
          shown = Long.toString(n);
          v = e.forNumber(n);
        }
        if (v == null) {
          throw new DecodeException("unknown constant " + shown + " of enum " + type.describe());
        }
        return v;
      }
      case LIST: {
        int count = readCount(in, end, 1);
        Schema element = ((ListSchema) type).element();
        List<Object> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          try {
            out.add(readItem(in, element, child, end, depth + 1));
          } catch (CodecException e) {
            throw e.prependIndex(i);
          }
        }
        return Collections.unmodifiableList(out);
      }
      case MAP: {
        int count = readCount(in, end, 2);
        MapSchema m = (MapSchema) type;
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
          Object key = readItem(in, m.key(), null, end, depth + 1);
          try {
            out.put(key, readItem(in, m.value(), child, end, depth + 1));
          } catch (CodecException e) {
            throw e.prependKey(key);
          }
        }
        return Collections.unmodifiableMap(out);
      }
      case VECTOR: {
        VectorSchema vs = (VectorSchema) type;
        int length = end - in.pos;
        Object out;
        if (vs.element() == Kind.FLOAT64) {
          if (length / 8 > limits.maxCollectionSize()) {
            throw new DecodeException("vector exceeds the collection limit");
          }
          out = VectorBytes.decodeDoubles(in.b, in.pos, length);
        } else {
          if (VectorBytes.elements(length, vs.quantization()) > limits.maxCollectionSize()) {
            throw new DecodeException("vector exceeds the collection limit");
          }
          out = VectorBytes.decode(in.b, in.pos, length, vs.quantization());
        }
        in.pos = end;
        return out;
      }
      case RECORD:
        return readRecord(in, (RecordBinding<?>) child, end, depth + 1);
      case UNION: {
        UnionBinding u = (UnionBinding) child;
        int m;
        String shown;
        if (byName) {
          shown = readString(in, end);
          m = u.schema().indexOfName(shown);
        } else {
          int tag = readVarint32(in, end);
          shown = Integer.toString(tag);
          m = u.schema().indexOfTag(tag);
        }
        if (m < 0) {
          throw new DecodeException("unknown member " + shown + " of union " + type.describe());
        }
        Object decoded = u.schema().members().get(m).isString() ? readStringBody(in, end)
            : readRecord(in, u.member(m), end, depth + 1);
        return u.wrap(m, decoded);
      }
      default:
        throw new AssertionError(type.kind());
    }
  }

  private Object readItem(In in, Schema type, TypeBinding child, int end, int depth) {
    int length = readLength(in, end);
    int itemEnd = in.pos + length;
    Object v = readValue(in, type, child, itemEnd, depth);
    expectEnd(in, itemEnd);
    return v;
  }

  private int readCount(In in, int end, int minItemBytes) {
    long count = readVarint(in, end);
    if (count < 0) { // a ten-byte varint can set the sign bit
      throw new DecodeException("element count " + Long.toUnsignedString(count) + " is out of range");
    }
    if (count > limits.maxCollectionSize()) {
      throw new DecodeException(count + " elements exceed the limit of " + limits.maxCollectionSize());
    }
    if (count * minItemBytes > end - in.pos) {
      throw new DecodeException(count + " elements cannot fit in " + (end - in.pos) + " bytes");
    }
    return (int) count;
  }

  private static void expectEnd(In in, int end) {
    if (in.pos != end) {
      throw new DecodeException((end - in.pos) + " unread bytes at the end of an item");
    }
  }

  private static boolean readBool(In in, int end) {
    if (end - in.pos != 1 || (in.b[in.pos] & 0xFE) != 0) {
      throw new DecodeException("a bool is one byte, 0 or 1");
    }
    return in.b[in.pos++] == 1;
  }

  private static int readInt32(In in, int end) {
    long v = unzigzag(readVarint(in, end));
    if (v != (int) v) {
      throw new DecodeException(v + " is out of int32 range");
    }
    return (int) v;
  }

  private static double readFloat64(In in, int end) {
    if (end - in.pos == 4) {
      return Float.intBitsToFloat((int) readFixed(in, end, 4));
    }
    return Double.longBitsToDouble(readFixed(in, end, 8));
  }

  private static long readFixed(In in, int end, int bytes) {
    if (end - in.pos != bytes) {
      throw new DecodeException("expected " + bytes + " bytes, found " + (end - in.pos));
    }
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v |= (long) (in.b[in.pos++] & 0xFF) << (8 * i);
    }
    return v;
  }

  private static long readVarint(In in, int end) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in.pos >= end) {
        throw new DecodeException("truncated varint");
      }
      int b = in.b[in.pos++];
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new DecodeException("varint longer than 10 bytes");
  }

  private static int readVarint32(In in, int end) {
    long v = readVarint(in, end);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new DecodeException("tag " + v + " is out of range");
    }
    return (int) v;
  }

  private static int readLength(In in, int end) {
    long n = readVarint(in, end);
    if (n < 0 || n > end - in.pos) {
      throw new DecodeException("length " + n + " exceeds the " + (end - in.pos) + " bytes left");
    }
    return (int) n;
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  private String readString(In in, int end) {
    int n = readLength(in, end);
    return readStringBody(in, in.pos + n);
  }

  private String readStringBody(In in, int end) {
    checkStringLength(end - in.pos);
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.b, in.pos, end - in.pos)).toString();
      in.pos = end;
      return s;
    } catch (CharacterCodingException e) {
      throw new DecodeException("malformed UTF-8", e);
    }
  }

  private void checkStringLength(int n) {
    if (n > limits.maxStringBytes()) {
      throw new DecodeException(n + " bytes exceed the string limit of " + limits.maxStringBytes());
    }
  }

  private int readNarrow(In in, int end, Kind kind) {
    int v = readInt32(in, end);
    if (v < kind.minValue() || v > kind.maxValue()) {
      throw new DecodeException(v + " is outside " + kind);
    }
    return v;
  }
}
