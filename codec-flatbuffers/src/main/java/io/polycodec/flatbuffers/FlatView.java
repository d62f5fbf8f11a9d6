package io.polycodec.flatbuffers;

import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A zero-copy view of one table (record) in a FlatBuffer: getters read the field straight from the
 * buffer when called, nothing is decoded up front. Obtain one with {@link FlatBuffersCodec#view}.
 *
 * <h2>Reading</h2>
 * Fields are addressed by their index in {@link #schema()} (fastest: resolve names once with
 * {@link #fieldIndex}) or by name. The typed getters must match the field's kind, otherwise they throw
 * {@link IllegalArgumentException}:
 * <ul>
 *   <li>{@link #getBoolean}, {@link #getInt}, {@link #getLong}, {@link #getFloat}, {@link #getDouble}
 *       read one scalar and allocate nothing; an absent field reads as its default, 0 / false unless it
 *       has one of its own ({@link #has} tells
 *       absent optional fields apart);
 *   <li>{@link #getString} decodes a string only when called; {@link #getUtf8} and {@link #getBytes}
 *       return its bytes as a read-only {@link ByteBuffer} over the message, without decoding or
 *       copying;
 *   <li>{@link #getFloatVector} and {@link #getDoubleVector} return read-only buffers over an
 *       unquantized vector's elements in place;
 *   <li>{@link #getRecord}, {@link #getUnion} and {@link #getList} return views of nested tables,
 *       union members and lists (one small object each, nothing copied);
 *   <li>{@link #get} and {@link #toValue()} decode a field or the whole table into the values
 *       {@link FlatBuffersCodec#decode} would produce, for what has no in-place form (maps, quantized
 *       vectors) or when a copy is wanted.
 * </ul>
 *
 * <h2>Lifetime</h2>
 * A view reads the buffer it was made from, directly and every time: it stays valid exactly as long as
 * the bytes between that buffer's position and limit (at the time {@code view} was called) are neither
 * modified nor released (a pooled or memory-mapped buffer returned to its owner). The caller must not
 * modify those bytes while any view, nested view or buffer returned by a view is in use: afterwards
 * reads return undefined values or throw unchecked exceptions, including
 * {@link IndexOutOfBoundsException}, because verification happened when the view was made. Values
 * returned by {@link #get}, {@link #getString} and {@link #toValue()} are copies and stay valid.
 * The buffer's position and limit are never changed, so it can be read elsewhere meanwhile.
 *
 * <p>A view is immutable and may be shared between threads as long as the bytes do not change.
 *
 * @param <T> the Java type the viewed table decodes to ({@link #toValue()})
 */
public final class FlatView<T> {
  private final TablePlan plan;
  private final ReadContext r;
  private final int table;
  private final int vt;
  private final int vtSize;

  FlatView(TablePlan plan, ReadContext r, int table) {
    this.plan = plan;
    this.r = r;
    this.table = table;
    this.vt = table - r.bb.getInt(table);
    this.vtSize = r.bb.getShort(vt) & 0xFFFF;
  }

  /** The schema of the viewed table. */
  public RecordSchema schema() {
    return plan.schema;
  }

  /** The byte offset of the viewed table in the message (for diagnostics). */
  public int offset() {
    return table;
  }

  /**
   * The index of the field named {@code name}, for the index-based getters.
   *
   * @throws IllegalArgumentException if the schema has no such field
   */
  public int fieldIndex(String name) {
    int i = plan.schema.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(plan.schema.name() + " has no field " + name);
    }
    return i;
  }

  // Position of field i's slot, or 0 if absent.
  private int pos(int i) {
    int o = plan.vtOffsets[i];
    if (o >= vtSize) {
      return 0;
    }
    int fo = r.bb.getShort(vt + o) & 0xFFFF;
    return fo == 0 ? 0 : table + fo;
  }

  private int pos(int i, Kind kind) {
    Objects.checkIndex(i, plan.size);
    if (plan.kinds[i] != kind) {
      throw new IllegalArgumentException(plan.schema.name() + "." + plan.names[i] + " is a "
          + plan.schema.field(i).type().describe() + ", not a " + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    return pos(i);
  }

  /** Whether field {@code i} is present in the buffer (absent: an unset optional field, or a default). */
  public boolean has(int i) {
    Objects.checkIndex(i, plan.size);
    return pos(i) != 0;
  }

  /** {@link #has(int)} by name. */
  public boolean has(String name) {
    return has(fieldIndex(name));
  }

  /** A bool field; its default (false unless the field has one) if absent. */
  public boolean getBoolean(int i) {
    int p = pos(i, Kind.BOOL);
    return p == 0 ? plan.defaultBits[i] != 0 : r.bb.get(p) != 0;
  }

  /** {@link #getBoolean(int)} by name. */
  public boolean getBoolean(String name) {
    return getBoolean(fieldIndex(name));
  }

  /** An int32 field, or an int8 or int16 field widened to int; its default (0 unless the field has one) if absent. */
  public int getInt(int i) {
    Objects.checkIndex(i, plan.size);
    Kind k = plan.kinds[i];
    if (k == Kind.INT8 || k == Kind.INT16) {
      int p = pos(i);
      return p == 0 ? (int) plan.defaultBits[i] : k == Kind.INT8 ? r.bb.get(p) : r.bb.getShort(p);
    }
    int p = pos(i, Kind.INT32);
    return p == 0 ? (int) plan.defaultBits[i] : r.bb.getInt(p);
  }

  /** {@link #getInt(int)} by name. */
  public int getInt(String name) {
    return getInt(fieldIndex(name));
  }

  /** An int64 field; its default (0 unless the field has one) if absent. */
  public long getLong(int i) {
    int p = pos(i, Kind.INT64);
    return p == 0 ? plan.defaultBits[i] : r.bb.getLong(p);
  }

  /** {@link #getLong(int)} by name. */
  public long getLong(String name) {
    return getLong(fieldIndex(name));
  }

  /** A float32 field; its default (0 unless the field has one) if absent. */
  public float getFloat(int i) {
    int p = pos(i, Kind.FLOAT32);
    return p == 0 ? Float.intBitsToFloat((int) plan.defaultBits[i]) : r.bb.getFloat(p);
  }

  /** {@link #getFloat(int)} by name. */
  public float getFloat(String name) {
    return getFloat(fieldIndex(name));
  }

  /** A float64 field; its default (0 unless the field has one) if absent. */
  public double getDouble(int i) {
    int p = pos(i, Kind.FLOAT64);
    return p == 0 ? Double.longBitsToDouble(plan.defaultBits[i]) : r.bb.getDouble(p);
  }

  /** {@link #getDouble(int)} by name. */
  public double getDouble(String name) {
    return getDouble(fieldIndex(name));
  }

  /**
   * A string field, decoded now: null if an optional field is absent, its default ("" unless the field has one) if a non-optional one is.
   *
   * @throws DecodeException if the bytes are not well-formed UTF-8
   */
  public String getString(int i) {
    int p = pos(i, Kind.STRING);
    try {
      if (p == 0) {
        return (String) plan.absent(i);
      }
      return r.string(r.target(p));
    } catch (CodecException e) {
      throw located(e, i);
    }
  }

  /** {@link #getString(int)} by name. */
  public String getString(String name) {
    return getString(fieldIndex(name));
  }

  /**
   * A string field's UTF-8 bytes, not decoded or checked, as a read-only buffer over the message (without
   * the terminating zero); null if an optional field is absent, empty if a non-optional one is.
   */
  public ByteBuffer getUtf8(int i) {
    return vectorBytes(pos(i, Kind.STRING), i);
  }

  /** {@link #getUtf8(int)} by name. */
  public ByteBuffer getUtf8(String name) {
    return getUtf8(fieldIndex(name));
  }

  /**
   * A bytes field as a read-only buffer over the message; null if an optional field is absent, empty if
   * a non-optional one is.
   */
  public ByteBuffer getBytes(int i) {
    return vectorBytes(pos(i, Kind.BYTES), i);
  }

  /** {@link #getBytes(int)} by name. */
  public ByteBuffer getBytes(String name) {
    return getBytes(fieldIndex(name));
  }

  private ByteBuffer vectorBytes(int p, int i) {
    if (p == 0) {
      Object absent;
      try {
        absent = plan.absent(i);
      } catch (CodecException e) {
        throw located(e, i);
      }
      if (absent == null) {
        return null;
      }
      byte[] a = absent instanceof String ? ((String) absent).getBytes(java.nio.charset.StandardCharsets.UTF_8)
          : (byte[]) absent;
      return a.length == 0 ? r.bb.slice(0, 0) : ByteBuffer.wrap(a).asReadOnlyBuffer();
    }
    int v = r.target(p);
    return r.bb.slice(v + 4, r.bb.getInt(v));
  }

  /** An enum field's number (a {@code long}, as enum numbers are; unsigned types unsigned); the field's default number if absent. */
  public long getEnumNumber(int i) {
    int p = pos(i, Kind.ENUM);
    if (p == 0) {
      return plan.defaultBits[i];
    }
    return ((EnumLayout) plan.layouts[i]).number(r.bb, p);
  }

  /** {@link #getEnumNumber(int)} by name. */
  public long getEnumNumber(String name) {
    return getEnumNumber(fieldIndex(name));
  }

  /**
   * A timestamp field; null if an optional field is absent, the epoch if a non-optional one is.
   *
   * @throws DecodeException if it is outside the timestamp range
   */
  public Instant getTimestamp(int i) {
    int p = pos(i, Kind.TIMESTAMP);
    if (p == 0) {
      return plan.optional(i) ? null : Instant.EPOCH;
    }
    try {
      return (Instant) TimestampLayout.INSTANCE.readSlot(r, p);
    } catch (CodecException e) {
      throw located(e, i);
    }
  }

  /** {@link #getTimestamp(int)} by name. */
  public Instant getTimestamp(String name) {
    return getTimestamp(fieldIndex(name));
  }

  /**
   * A duration field; null if an optional field is absent, zero if a non-optional one is.
   *
   * @throws DecodeException if it is not a duration (seconds and nanos of different signs, out of range)
   */
  public Duration getDuration(int i) {
    int p = pos(i, Kind.DURATION);
    if (p == 0) {
      return plan.optional(i) ? null : Duration.ZERO;
    }
    try {
      return (Duration) DurationLayout.INSTANCE.readSlot(r, p);
    } catch (CodecException e) {
      throw located(e, i);
    }
  }

  /** {@link #getDuration(int)} by name. */
  public Duration getDuration(String name) {
    return getDuration(fieldIndex(name));
  }

  /**
   * An unquantized float32 vector field, in place: a read-only, little-endian view of its elements
   * (empty if absent).
   *
   * @throws IllegalArgumentException if the field is not a float32 vector, or is quantized (use {@link #get})
   */
  public FloatBuffer getFloatVector(int i) {
    int p = numericVector(i, Kind.FLOAT32);
    if (p == 0) {
      return FloatBuffer.allocate(0).asReadOnlyBuffer();
    }
    int v = r.target(p);
    return r.bb.slice(v + 4, 4 * r.bb.getInt(v)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  /** {@link #getFloatVector(int)} by name. */
  public FloatBuffer getFloatVector(String name) {
    return getFloatVector(fieldIndex(name));
  }

  /** A float64 vector field, in place: a read-only view of its elements (empty if absent). */
  public DoubleBuffer getDoubleVector(int i) {
    int p = numericVector(i, Kind.FLOAT64);
    if (p == 0) {
      return DoubleBuffer.allocate(0).asReadOnlyBuffer();
    }
    int v = r.target(p);
    return r.bb.slice(v + 4, 8 * r.bb.getInt(v)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
  }

  /** {@link #getDoubleVector(int)} by name. */
  public DoubleBuffer getDoubleVector(String name) {
    return getDoubleVector(fieldIndex(name));
  }

  private int numericVector(int i, Kind element) {
    int p = pos(i, Kind.VECTOR);
    VectorLayout l = (VectorLayout) plan.layouts[i];
    if (l.element != element || l.quantization != Quantization.NONE) {
      throw new IllegalArgumentException(plan.schema.name() + "." + plan.names[i] + " is a "
          + plan.schema.field(i).type().describe() + ": only unquantized vectors have an in-place view; use get()");
    }
    return p;
  }

  /**
   * A view of a record field's table, or null if the field is absent (an optional record not set; a
   * non-optional record is always present in buffers Polycodec writes, and {@link #get} yields its
   * default if another writer left it out).
   */
  public FlatView<?> getRecord(int i) {
    int p = pos(i, Kind.RECORD);
    if (plan.layouts[i] instanceof StructLayout) {
      throw new IllegalArgumentException(plan.schema.name() + "." + plan.names[i]
          + " is a FlatBuffers struct: read it with getStruct");
    }
    return p == 0 ? null : new FlatView<>(((RecordLayout) plan.layouts[i]).plan, r, r.target(p));
  }

  /** {@link #getRecord(int)} by name. */
  public FlatView<?> getRecord(String name) {
    return getRecord(fieldIndex(name));
  }

  /**
   * Points {@code into} at the struct ({@link FlatStruct}) field {@code i} and returns it, or returns null
   * if the field is absent; allocates nothing. Reuse one {@link StructView} per thread for a hot loop.
   *
   * @throws IllegalArgumentException if field {@code i} is not a struct
   */
  public StructView getStruct(int i, StructView into) {
    Objects.requireNonNull(into, "into");
    int p = pos(i, Kind.RECORD);
    if (!(plan.layouts[i] instanceof StructLayout)) {
      throw new IllegalArgumentException(plan.schema.name() + "." + plan.names[i]
          + " is a table, not a FlatBuffers struct: read it with getRecord");
    }
    return p == 0 ? null : into.at((StructLayout) plan.layouts[i], r, p);
  }

  /** {@link #getStruct(int, StructView)} with a new {@link StructView}. */
  public StructView getStruct(int i) {
    return getStruct(i, new StructView());
  }

  /** {@link #getStruct(int)} by name. */
  public StructView getStruct(String name) {
    return getStruct(fieldIndex(name));
  }

  /** The name of the member a union field holds, or null if absent. */
  public String getUnionMember(int i) {
    int p = pos(i, Kind.UNION);
    if (p == 0) {
      return null;
    }
    if (plan.layouts[i] instanceof InlineUnionLayout) {
      InlineUnionLayout il = (InlineUnionLayout) plan.layouts[i];
      return il.union.binding().schema().members().get(inlineMember(il, p, i)).name();
    }
    UnionLayout u = (UnionLayout) plan.layouts[i];
    return u.binding().schema().members().get(memberIndex(u, p, i)).name();
  }

  /** {@link #getUnionMember(int)} by name. */
  public String getUnionMember(String name) {
    return getUnionMember(fieldIndex(name));
  }

  /** A view of the member table a union field holds, or null if absent; its schema tells the member. */
  public FlatView<?> getUnion(int i) {
    int p = pos(i, Kind.UNION);
    if (p == 0) {
      return null;
    }
    if (plan.layouts[i] instanceof InlineUnionLayout) {
      InlineUnionLayout il = (InlineUnionLayout) plan.layouts[i];
      return new FlatView<>(il.union.member(inlineMember(il, p, i)), r, r.target(p));
    }
    UnionLayout u = (UnionLayout) plan.layouts[i];
    int holder = r.target(p);
    return new FlatView<>(u.member(memberIndex(u, p, i)), r, u.memberTable(r, holder));
  }

  /** {@link #getUnion(int)} by name. */
  public FlatView<?> getUnion(String name) {
    return getUnion(fieldIndex(name));
  }

  private int inlineMember(InlineUnionLayout il, int p, int i) {
    try {
      return il.memberIndex(r, TablePlan.typePos(r.bb, table, vt, vtSize, plan.vtOffsets[i] - 2), p);
    } catch (CodecException e) {
      throw located(e, i);
    }
  }

  private int memberIndex(UnionLayout u, int p, int i) {
    try {
      return u.memberIndex(r, r.target(p));
    } catch (CodecException e) {
      throw located(e, i);
    }
  }

  /** A view of a list field's elements (empty if absent). */
  public FlatList getList(int i) {
    int p = pos(i, Kind.LIST);
    if (plan.layouts[i] instanceof UnionVectorLayout) {
      UnionVectorLayout u = (UnionVectorLayout) plan.layouts[i];
      ListLayout elements = u.elements;
      if (p == 0) {
        return new FlatList(elements, r, -1, -1);
      }
      int typePos = TablePlan.typePos(r.bb, table, vt, vtSize, plan.vtOffsets[i] - 2);
      if (typePos == 0) {
        throw located(new DecodeException("a vector of unions " + u.union.binding().schema().name()
            + " has no type vector").withOffset(p), i);
      }
      return new FlatList(elements, r, r.target(p), r.target(typePos));
    }
    ListLayout l = (ListLayout) plan.layouts[i];
    return p == 0 ? new FlatList(l, r, -1) : new FlatList(l, r, r.target(p));
  }

  /** {@link #getList(int)} by name. */
  public FlatList getList(String name) {
    return getList(fieldIndex(name));
  }

  /**
   * Field {@code i} decoded as {@link FlatBuffersCodec#decode} would: the canonical Java value, the
   * default if a non-optional field is absent, null if an optional field is.
   *
   * @throws DecodeException if the field's data cannot be decoded (bad UTF-8, unknown enum number…)
   */
  public Object get(int i) {
    Objects.checkIndex(i, plan.size);
    int p = pos(i);
    try {
      if (p != 0 && plan.layouts[i] instanceof UnionVectorLayout) {
        return ((UnionVectorLayout) plan.layouts[i]).read(r, TablePlan.typePos(r.bb, table, vt, vtSize,
            plan.vtOffsets[i] - 2), p);
      }
      if (p != 0 && plan.layouts[i] instanceof InlineUnionLayout) {
        return ((InlineUnionLayout) plan.layouts[i]).read(r, TablePlan.typePos(r.bb, table, vt, vtSize,
            plan.vtOffsets[i] - 2), p);
      }
      if (p != 0) {
        return plan.layouts[i].readSlot(r, p);
      }
      return plan.absent(i);
    } catch (CodecException e) {
      throw located(e, i);
    }
  }

  /** {@link #get(int)} by name. */
  public Object get(String name) {
    return get(fieldIndex(name));
  }

  /**
   * The whole table decoded, as {@link FlatBuffersCodec#decode} would.
   *
   * @throws DecodeException if it cannot be decoded
   */
  @SuppressWarnings("unchecked")
  public T toValue() {
    try {
      return (T) plan.read(r, table);
    } catch (CodecException e) {
      throw e.prependField(plan.schema.name()).withFormat(FlatBuffersProvider.FORMAT.name());
    }
  }

  private CodecException located(CodecException e, int i) {
    return e.prependField(plan.names[i]).prependField(plan.schema.name()).withFormat(FlatBuffersProvider.FORMAT.name());
  }

  @Override
  public String toString() {
    return "FlatView[" + plan.schema.name() + " at " + table + "]";
  }
}
