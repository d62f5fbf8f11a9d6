package io.polycodec.flatbuffers;

import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.schema.Kind;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A zero-copy view of a list field's vector, from {@link FlatView#getList}. Element getters read the
 * element in place when called and must match the element kind (else {@link IllegalArgumentException});
 * scalar getters allocate nothing. Lifetime and thread-safety are those of the {@link FlatView} it
 * came from: valid only while the underlying bytes are unchanged.
 */
public final class FlatList {
  private final ListLayout layout;
  private final ReadContext r;
  private final int vector;
  private final int size;
  private final Kind kind;

  FlatList(ListLayout layout, ReadContext r, int vector) {
    this.layout = layout;
    this.r = r;
    this.vector = vector;
    this.size = vector < 0 ? 0 : r.bb.getInt(vector);
    this.kind = kindOf(layout.element);
  }

  private static Kind kindOf(Layout l) {
    if (l instanceof ScalarLayout) {
      return ((ScalarLayout) l).kind();
    }
    if (l instanceof StringLayout) {
      return Kind.STRING;
    }
    if (l instanceof BytesLayout) {
      return Kind.BYTES;
    }
    if (l instanceof TimestampLayout) {
      return Kind.TIMESTAMP;
    }
    if (l instanceof EnumLayout) {
      return Kind.ENUM;
    }
    if (l instanceof RecordLayout || l instanceof StructLayout) {
      return Kind.RECORD;
    }
    return Kind.UNION;
  }

  /** The number of elements. */
  public int size() {
    return size;
  }

  /** The kind of the elements. */
  public Kind elementKind() {
    return kind;
  }

  private int pos(int k, Kind expected) {
    Objects.checkIndex(k, size);
    if (kind != expected) {
      throw new IllegalArgumentException("elements are " + kind.name().toLowerCase(Locale.ROOT) + ", not "
          + expected.name().toLowerCase(Locale.ROOT));
    }
    return vector + 4 + k * layout.element.elementSize();
  }

  /** A bool element. */
  public boolean getBoolean(int k) {
    return r.bb.get(pos(k, Kind.BOOL)) != 0;
  }

  /** An int32 element. */
  public int getInt(int k) {
    return r.bb.getInt(pos(k, Kind.INT32));
  }

  /** An int64 element. */
  public long getLong(int k) {
    return r.bb.getLong(pos(k, Kind.INT64));
  }

  /** A float32 element. */
  public float getFloat(int k) {
    return r.bb.getFloat(pos(k, Kind.FLOAT32));
  }

  /** A float64 element. */
  public double getDouble(int k) {
    return r.bb.getDouble(pos(k, Kind.FLOAT64));
  }

  /** An enum element's number. */
  public int getEnumNumber(int k) {
    return ((EnumLayout) layout.element).number(r.bb, pos(k, Kind.ENUM));
  }

  /**
   * A string element, decoded now.
   *
   * @throws DecodeException if it is not well-formed UTF-8
   */
  public String getString(int k) {
    int p = pos(k, Kind.STRING);
    try {
      return r.string(r.target(p));
    } catch (CodecException e) {
      throw e.prependIndex(k).withFormat(FlatBuffersProvider.FORMAT.name());
    }
  }

  /** A string element's UTF-8 bytes, undecoded, as a read-only buffer over the message. */
  public ByteBuffer getUtf8(int k) {
    int v = r.target(pos(k, Kind.STRING));
    return r.bb.slice(v + 4, r.bb.getInt(v));
  }

  /** A bytes element as a read-only buffer over the message. */
  public ByteBuffer getBytes(int k) {
    int holder = r.target(pos(k, Kind.BYTES));
    int f = r.field(holder, 4);
    if (f == 0) {
      return r.bb.slice(0, 0);
    }
    int v = r.target(f);
    return r.bb.slice(v + 4, r.bb.getInt(v));
  }

  /**
   * A timestamp element.
   *
   * @throws DecodeException if it is outside the timestamp range
   */
  public Instant getTimestamp(int k) {
    try {
      return (Instant) TimestampLayout.INSTANCE.readElement(r, pos(k, Kind.TIMESTAMP));
    } catch (CodecException e) {
      throw e.prependIndex(k).withFormat(FlatBuffersProvider.FORMAT.name());
    }
  }

  /** A view of a record element's table. */
  public FlatView<?> getRecord(int k) {
    int p = pos(k, Kind.RECORD);
    if (layout.element instanceof StructLayout) {
      throw new IllegalArgumentException("elements are FlatBuffers structs: read them with getStruct");
    }
    return new FlatView<>(((RecordLayout) layout.element).plan, r, r.target(p));
  }

  /**
   * Points {@code into} at struct element {@code k} (a vector of {@link FlatStruct}s) and returns it;
   * allocates nothing.
   *
   * @throws IllegalArgumentException if the elements are not structs
   */
  public StructView getStruct(int k, StructView into) {
    Objects.requireNonNull(into, "into");
    int p = pos(k, Kind.RECORD);
    if (!(layout.element instanceof StructLayout)) {
      throw new IllegalArgumentException("elements are tables, not FlatBuffers structs: read them with getRecord");
    }
    return into.at((StructLayout) layout.element, r, p);
  }

  /** A view of the member table a union element holds; its schema tells the member. */
  public FlatView<?> getUnion(int k) {
    int p = pos(k, Kind.UNION);
    UnionLayout u = (UnionLayout) layout.element;
    int holder = r.target(p);
    try {
      return new FlatView<>(u.member(u.memberIndex(r, holder)), r, u.memberTable(r, holder));
    } catch (CodecException e) {
      throw e.prependIndex(k).withFormat(FlatBuffersProvider.FORMAT.name());
    }
  }

  /**
   * Element {@code k} decoded, as in the list {@link FlatBuffersCodec#decode} would produce.
   *
   * @throws DecodeException if it cannot be decoded
   */
  public Object get(int k) {
    Objects.checkIndex(k, size);
    int p = vector + 4 + k * layout.element.elementSize();
    try {
      return layout.element.readElement(r, p);
    } catch (CodecException e) {
      throw e.withOffset(p).prependIndex(k).withFormat(FlatBuffersProvider.FORMAT.name());
    }
  }

  /**
   * All elements decoded, as an unmodifiable list.
   *
   * @throws DecodeException if one cannot be decoded
   */
  @SuppressWarnings("unchecked")
  public List<Object> toList() {
    if (size == 0) {
      return List.of();
    }
    try {
      return (List<Object>) layout.readVector(r, vector);
    } catch (CodecException e) {
      throw e.withFormat(FlatBuffersProvider.FORMAT.name());
    }
  }

  @Override
  public String toString() {
    return "FlatList[" + size + " " + kind.name().toLowerCase(Locale.ROOT) + "]";
  }
}
