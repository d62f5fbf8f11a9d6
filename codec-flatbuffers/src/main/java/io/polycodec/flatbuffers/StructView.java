package io.polycodec.flatbuffers;

import io.polycodec.CodecException;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import java.util.Locale;
import java.util.Objects;

/**
 * A reusable, zero-copy reader of one FlatBuffers {@code struct} ({@link FlatStruct}) in a message, as
 * flatc's generated Java reuses a struct object: {@link FlatView#getStruct(int, StructView)} and
 * {@link FlatList#getStruct(int, StructView)} point it at a struct and return it, so a hot loop reads
 * struct fields without allocating anything. Getters take the member's index in {@link #schema()}
 * ({@link #fieldIndex} resolves a name once), read the bytes when called and must match the member's
 * kind, otherwise they throw {@link IllegalArgumentException}; getters with an element index read an
 * element of a fixed-size array member.
 *
 * <p>Unlike views, a {@code StructView} is mutable (each {@code getStruct} call repositions it) and must
 * not be shared between threads. Until first positioned it reads nothing and its getters throw
 * {@link IllegalStateException}. Its lifetime is that of the {@link FlatView} it was positioned from.
 */
public final class StructView {
  private StructLayout layout;
  private ReadContext r;
  private int pos;

  /** A view positioned nowhere yet. */
  public StructView() {}

  StructView at(StructLayout structLayout, ReadContext context, int position) {
    this.layout = structLayout;
    this.r = context;
    this.pos = position;
    return this;
  }

  private StructLayout layout() {
    if (layout == null) {
      throw new IllegalStateException("this StructView has not been positioned by a getStruct call");
    }
    return layout;
  }

  /** The schema of the struct it reads. */
  public RecordSchema schema() {
    return layout().schema;
  }

  /** The byte offset of the struct in the message (for diagnostics). */
  public int offset() {
    layout();
    return pos;
  }

  /**
   * The index of the member named {@code name}.
   *
   * @throws IllegalArgumentException if there is no such member
   */
  public int fieldIndex(String name) {
    int i = layout().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(layout.schema.name() + " has no field " + name);
    }
    return i;
  }

  // The member's own layout (the array's element layout for arrays) must have this kind.
  private int pos(int m, Kind kind) {
    StructLayout l = layout();
    Objects.checkIndex(m, l.members.length);
    Layout member = l.members[m];
    Kind actual = member instanceof ArrayLayout ? elementKind((ArrayLayout) member) : l.kinds[m];
    boolean ok = actual == kind || (kind == Kind.INT32 && (actual == Kind.INT8 || actual == Kind.INT16));
    if (!ok || member instanceof ArrayLayout) {
      throw mismatch(m, kind.name().toLowerCase(Locale.ROOT));
    }
    return pos + l.offsets[m];
  }

  private int elementPos(int m, int k, Kind kind) {
    StructLayout l = layout();
    Objects.checkIndex(m, l.members.length);
    if (!(l.members[m] instanceof ArrayLayout)) {
      throw mismatch(m, "fixed-size array");
    }
    ArrayLayout a = (ArrayLayout) l.members[m];
    Kind actual = elementKind(a);
    if (actual != kind && !(kind == Kind.INT32 && (actual == Kind.INT8 || actual == Kind.INT16))) {
      throw mismatch(m, "array of " + kind.name().toLowerCase(Locale.ROOT));
    }
    Objects.checkIndex(k, a.length);
    return pos + l.offsets[m] + k * a.element.elementSize();
  }

  private static Kind elementKind(ArrayLayout a) {
    return a.element instanceof ScalarLayout ? ((ScalarLayout) a.element).kind()
        : a.element instanceof EnumLayout ? Kind.ENUM : Kind.RECORD;
  }

  private IllegalArgumentException mismatch(int m, String wanted) {
    return new IllegalArgumentException(layout.schema.name() + "." + layout.names[m] + " is a "
        + layout.schema.field(m).type().describe()
        + (layout.members[m] instanceof ArrayLayout ? " (fixed-size array)" : "") + ", not a " + wanted);
  }

  private int narrow(int p, int m, Layout member) {
    Kind k = member instanceof ScalarLayout ? ((ScalarLayout) member).kind() : Kind.INT32;
    return k == Kind.INT8 ? r.bb.get(p) : k == Kind.INT16 ? r.bb.getShort(p) : r.bb.getInt(p);
  }

  /** A bool member. */
  public boolean getBoolean(int m) {
    return r.bb.get(pos(m, Kind.BOOL)) != 0;
  }

  /** An int32 member, or an int8 or int16 member widened to int. */
  public int getInt(int m) {
    return narrow(pos(m, Kind.INT32), m, layout.members[m]);
  }

  /** An int64 member. */
  public long getLong(int m) {
    return r.bb.getLong(pos(m, Kind.INT64));
  }

  /** A float32 member. */
  public float getFloat(int m) {
    return r.bb.getFloat(pos(m, Kind.FLOAT32));
  }

  /** A float64 member. */
  public double getDouble(int m) {
    return r.bb.getDouble(pos(m, Kind.FLOAT64));
  }

  /** An enum member's number. */
  public long getEnumNumber(int m) {
    return ((EnumLayout) layout.members[m]).number(r.bb, pos(m, Kind.ENUM));
  }

  /** Points {@code into} at the struct member {@code m} and returns it. */
  public StructView getStruct(int m, StructView into) {
    int p = pos(m, Kind.RECORD);
    return into.at((StructLayout) layout.members[m], r, p);
  }

  /** The length of fixed-size array member {@code m}. */
  public int arrayLength(int m) {
    StructLayout l = layout();
    Objects.checkIndex(m, l.members.length);
    if (!(l.members[m] instanceof ArrayLayout)) {
      throw mismatch(m, "fixed-size array");
    }
    return ((ArrayLayout) l.members[m]).length;
  }

  /** Element {@code k} of a bool array member. */
  public boolean getBoolean(int m, int k) {
    return r.bb.get(elementPos(m, k, Kind.BOOL)) != 0;
  }

  /** Element {@code k} of an int32 (or int8, int16) array member. */
  public int getInt(int m, int k) {
    int p = elementPos(m, k, Kind.INT32);
    return narrow(p, m, ((ArrayLayout) layout.members[m]).element);
  }

  /** Element {@code k} of an int64 array member. */
  public long getLong(int m, int k) {
    return r.bb.getLong(elementPos(m, k, Kind.INT64));
  }

  /** Element {@code k} of a float32 array member. */
  public float getFloat(int m, int k) {
    return r.bb.getFloat(elementPos(m, k, Kind.FLOAT32));
  }

  /** Element {@code k} of a float64 array member. */
  public double getDouble(int m, int k) {
    return r.bb.getDouble(elementPos(m, k, Kind.FLOAT64));
  }

  /** Element {@code k}'s number, of an enum array member. */
  public long getEnumNumber(int m, int k) {
    return ((EnumLayout) ((ArrayLayout) layout.members[m]).element).number(r.bb, elementPos(m, k, Kind.ENUM));
  }

  /** Points {@code into} at struct element {@code k} of array member {@code m} and returns it. */
  public StructView getStruct(int m, int k, StructView into) {
    int p = elementPos(m, k, Kind.RECORD);
    return into.at((StructLayout) ((ArrayLayout) layout.members[m]).element, r, p);
  }

  /**
   * The struct decoded into the record {@link FlatBuffersCodec#decode} would produce (a copy).
   *
   * @throws io.polycodec.DecodeException if it cannot be decoded (an enum number the Java enum lacks)
   */
  public Object toValue() {
    try {
      return layout().readSlot(r, pos);
    } catch (CodecException e) {
      throw e.prependField(layout.schema.name()).withFormat(FlatBuffersProvider.FORMAT.name());
    }
  }

  @Override
  public String toString() {
    return layout == null ? "StructView[unpositioned]" : "StructView[" + layout.schema.name() + " at " + pos + "]";
  }
}
