package io.polycodec.flatbuffers;

import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.schema.Kind;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
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
  /** For flatc's vector of unions: the vector of member tags beside the vector of member tables, else -1. */
  private final int types;

  FlatList(ListLayout layout, ReadContext r, int vector) {
    this(layout, r, vector, -1);
  }

  /** A view of a vector of unions (its elements are offsets to member tables, its tags in {@code types}). */
  FlatList(ListLayout layout, ReadContext r, int vector, int types) {
    this.layout = layout;
    this.r = r;
    this.vector = vector;
    this.size = vector < 0 ? 0 : r.bb.getInt(vector);
    this.kind = kindOf(layout.element);
    this.types = types;
  }

  /** The member index of union element {@code k} of a vector of unions, from its type byte. */
  private int memberOfType(int k) {
    UnionLayout u = (UnionLayout) layout.element;
    int tag = r.bb.get(types + 4 + k) & 0xFF;
    int m = u.memberOfTag(tag);
    if (m < 0) {
      throw new DecodeException(tag + " is not a member tag of union " + u.binding().schema().name())
          .withOffset(types + 4 + k);
    }
    return m;
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
    if (l instanceof DurationLayout) {
      return Kind.DURATION;
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
  public long getEnumNumber(int k) {
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

  /**
   * A duration element.
   *
   * @throws DecodeException if it is not a duration (seconds and nanos of different signs, out of range)
   */
  public Duration getDuration(int k) {
    try {
      return (Duration) DurationLayout.INSTANCE.readElement(r, pos(k, Kind.DURATION));
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

  /**
   * A view of the element whose FlatBuffers key ({@link FlatKey}) equals {@code key}, found by binary
   * search in the vector (written in key order by Polycodec and by flatc's sorted vectors), or null.
   * Reads keys in place: a string key is compared with the elements' UTF-8 bytes without decoding them.
   *
   * @throws IllegalArgumentException if the elements are not tables with a key, or {@code key} is not a
   *     value of the key's kind ({@code String}, {@code Integer}, {@code Long}, …)
   */
  public FlatView<?> lookupByKey(Object key) {
    Objects.requireNonNull(key, "key");
    if (!(layout.element instanceof RecordLayout) || ((RecordLayout) layout.element).plan.keyField < 0) {
      throw new IllegalArgumentException("elements are not tables with a FlatBuffers key");
    }
    TablePlan plan = ((RecordLayout) layout.element).plan;
    int kf = plan.keyField;
    Kind kk = plan.kinds[kf];
    Object sample = plan.layouts[kf].defaultValue();
    if (kk == Kind.STRING ? !(key instanceof String) : key.getClass() != sample.getClass()) {
      throw new IllegalArgumentException("the key " + plan.schema.name() + "." + plan.names[kf] + " is a "
          + plan.schema.field(kf).type().describe() + "; " + key.getClass().getSimpleName() + " " + key + " is not one");
    }
    byte[] utf8 = kk == Kind.STRING ? ((String) key).getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int table = r.target(vector + 4 + 4 * mid);
      int p = r.field(table, plan.vtOffsets[kf]);
      int c;
      if (utf8 != null) {
        c = compareUtf8(p == 0 ? -1 : r.target(p), utf8);
      } else {
        Object v = p == 0 ? plan.layouts[kf].defaultValue() : plan.layouts[kf].readSlot(r, p);
        c = KeyOrder.compare(kk, isUnsigned(plan, kf), v, key);
      }
      if (c == 0) {
        return new FlatView<>(plan, r, table);
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  private static boolean isUnsigned(TablePlan plan, int kf) {
    io.polycodec.schema.Schema t = plan.schema.field(kf).type();
    return t instanceof io.polycodec.schema.ScalarSchema && ((io.polycodec.schema.ScalarSchema) t).encoding().isUnsigned();
  }

  // The string at s (or "" when s < 0) against key, by unsigned bytes.
  private int compareUtf8(int s, byte[] key) {
    int n = s < 0 ? 0 : r.bb.getInt(s);
    int common = Math.min(n, key.length);
    for (int i = 0; i < common; i++) {
      int c = Integer.compare(r.bb.get(s + 4 + i) & 0xFF, key[i] & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(n, key.length);
  }

  /** A view of the member table a union element holds; its schema tells the member. */
  public FlatView<?> getUnion(int k) {
    int p = pos(k, Kind.UNION);
    UnionLayout u = (UnionLayout) layout.element;
    try {
      if (types >= 0) {
        return new FlatView<>(u.member(memberOfType(k)), r, r.target(p));
      }
      int holder = r.target(p);
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
      if (types >= 0) {
        UnionLayout u = (UnionLayout) layout.element;
        int m = memberOfType(k);
        try {
          return u.member(m).read(r, r.target(p));
        } catch (CodecException e) {
          throw e.prependField(u.binding().schema().members().get(m).name());
        }
      }
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
    if (types >= 0) {
      Object[] all = new Object[size];
      for (int k = 0; k < size; k++) {
        all[k] = get(k);
      }
      return Collections.unmodifiableList(Arrays.asList(all));
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
