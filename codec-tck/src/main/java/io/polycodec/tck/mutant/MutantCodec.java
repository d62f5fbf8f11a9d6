package io.polycodec.tck.mutant;

import io.polycodec.Codec;
import io.polycodec.DecodeException;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import io.polycodec.bind.FieldSlots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real codec with one {@link Mutant}'s bug. */
final class MutantCodec<T> implements Codec<T> {
  private final Mutant mutant;
  private final Codec<T> real;
  private final RecordBinding<T> binding;
  private final MutantProvider provider;
  // NOT_THREAD_SAFE: scratch state shared by all calls, as a careless "optimization" would.
  private final ByteArrayOutputStream scratch = new ByteArrayOutputStream();
  private byte[] lastInput;

  // IGNORES_DEPTH_THROUGH_MAP_VALUES: the real codec at the configured limits, which judges depth.
  private final Codec<T> strict;

  MutantCodec(Mutant mutant, Codec<T> real, RecordBinding<T> binding, MutantProvider provider) {
    this(mutant, real, binding, provider, real);
  }

  MutantCodec(Mutant mutant, Codec<T> real, RecordBinding<T> binding, MutantProvider provider, Codec<T> strict) {
    this.mutant = mutant;
    this.real = real;
    this.binding = binding;
    this.provider = provider;
    this.strict = strict;
  }

  private boolean racy() {
    return mutant == Mutant.NOT_THREAD_SAFE || mutant == Mutant.TYPED_PATH_NOT_THREAD_SAFE && !binding.isGeneric();
  }

  @Override
  public Format format() {
    return real.format();
  }

  @Override
  public Limits limits() {
    return strict.limits();
  }

  @Override
  @SuppressWarnings("unchecked")
  public byte[] encode(T value) {
    if (mutant == Mutant.CANONICALISES_NAN_ON_ENCODE && value instanceof GenericRecord) {
      return real.encode((T) canonicalNans(value));
    }
    byte[] bytes = real.encode(value);
    if (!racy()) {
      return bytes;
    }
    scratch.reset();
    for (int i = 0; i < bytes.length; i += 4) {
      scratch.write(bytes, i, Math.min(4, bytes.length - i));
      if ((i & 15) == 0) {
        Thread.yield();
      }
    }
    return scratch.toByteArray();
  }

  @Override
  public T decode(byte[] bytes) {
    if (racy()) {
      lastInput = bytes;
      Thread.yield();
      return real.decode(lastInput);
    }
    switch (mutant) {
      case THROWS_INDEX_OUT_OF_BOUNDS_ON_TRUNCATION:
        try {
          return real.decode(bytes);
        } catch (DecodeException e) {
          throw new IndexOutOfBoundsException("index " + bytes.length + " out of bounds for length " + bytes.length);
        }
      case DECODES_REMOVED_FIELD_INTO_WRONG_SLOT:
        return wrongSlot(bytes, real.decode(bytes));
      case ACCEPTS_TRAILING_BYTES:
        return ignoringTrailingBytes(bytes);
      case RETAINS_INPUT:
        return retaining(bytes, real.decode(bytes));
      case IGNORES_DEPTH_THROUGH_MAP_VALUES:
        return depthWithoutMapValues(bytes);
      case HANGS_ON_TRUNCATED_INPUT:
        try {
          return real.decode(bytes);
        } catch (DecodeException e) {
          hang();
          throw e;
        }
      default:
        return mangle(real.decode(bytes));
    }
  }

  @Override
  public T decode(byte[] bytes, int offset, int length) {
    if (mutant != Mutant.THROWS_INDEX_OUT_OF_BOUNDS_ON_TRUNCATED_SLICE) {
      return Codec.super.decode(bytes, offset, length);
    }
    try {
      return decode(Arrays.copyOfRange(bytes, offset, offset + length));
    } catch (DecodeException e) {
      // The "fast path" reads the caller's array directly and trusts the lengths it finds.
      throw new IndexOutOfBoundsException("Index " + (offset + length) + " out of bounds for length " + bytes.length);
    }
  }

  @Override
  public T decodeDelimited(InputStream in) throws IOException {
    if (mutant != Mutant.ALLOCATES_DECLARED_FRAME_LENGTH) {
      return Codec.super.decodeDelimited(in);
    }
    int first = in.read();
    if (first < 0) {
      return null;
    }
    long length = first & 0x7F;
    for (int shift = 7, b = first; (b & 0x80) != 0; shift += 7) {
      b = in.read();
      if (b < 0 || shift > 28) {
        throw new DecodeException("bad frame length");
      }
      length |= (long) (b & 0x7F) << shift;
    }
    if (length > limits().maxMessageBytes()) {
      throw new DecodeException("frame of " + length + " bytes is over the limit");
    }
    byte[] frame = new byte[(int) length]; // the bug: trusts the declared length
    if (in.readNBytes(frame, 0, frame.length) != frame.length) {
      throw new DecodeException("stream ends inside a frame");
    }
    return decode(frame);
  }

  @Override
  public T decode(ByteBuffer buffer) {
    if (mutant == Mutant.THROWS_INDEX_OUT_OF_BOUNDS_ON_TRUNCATED_SLICE && buffer.hasArray()) {
      return decode(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }
    if (mutant != Mutant.IGNORES_BUFFER_POSITION) {
      return Codec.super.decode(buffer);
    }
    ByteBuffer b = buffer.duplicate();
    b.position(0);
    byte[] copy = new byte[b.remaining()];
    b.get(copy);
    return decode(copy);
  }

  @SuppressWarnings("unchecked")
  private T mangle(T value) {
    if (!(value instanceof GenericRecord)) {
      return value;
    }
    return (T) mangleValue(value);
  }

  private Object mangleValue(Object v) {
    if (v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      GenericRecord.Builder b = r.toBuilder();
      for (int i = 0; i < r.schema().size(); i++) {
        Object x = r.get(i);
        if (x == null) {
          continue;
        }
        Object m = mangleValue(x);
        if (mutant == Mutant.DROPS_EMPTY_STRINGS && "".equals(m) && r.schema().field(i).optional()) {
          m = null;
        }
        b.set(i, m);
      }
      return b.build();
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        if (!(mutant == Mutant.DROPS_EMPTY_STRINGS && "".equals(e))) {
          out.add(mangleValue(e));
        }
      }
      if (mutant == Mutant.REVERSES_LISTS) {
        Collections.reverse(out);
      }
      return out;
    }
    if (v instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!(mutant == Mutant.DROPS_EMPTY_STRINGS && "".equals(e.getValue()))) {
          out.put(e.getKey(), mangleValue(e.getValue()));
        }
      }
      return out;
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (mutant == Mutant.ROUNDS_DOUBLES_TO_FLOATS) {
        return (double) (float) d;
      }
      return mutant == Mutant.LOSES_NEGATIVE_ZERO && d == 0 ? 0.0 : d;
    }
    if (v instanceof Float) {
      float f = (Float) v;
      return mutant == Mutant.LOSES_NEGATIVE_ZERO && f == 0 ? 0f : f;
    }
    if (v instanceof double[]) {
      double[] a = ((double[]) v).clone();
      for (int i = 0; i < a.length; i++) {
        a[i] = (Double) mangleValue(a[i]);
      }
      return a;
    }
    return v;
  }

  /** Decodes {@code bytes} as a recent other schema would, and moves a field the reader lacks into a same-typed one. */
  @SuppressWarnings("unchecked")
  private T wrongSlot(byte[] bytes, T decoded) {
    if (!(decoded instanceof GenericRecord)) {
      return decoded;
    }
    for (Codec<GenericRecord> writer : provider.writersFor(binding.schema())) {
      GenericRecord written;
      try {
        written = writer.decode(bytes);
      } catch (DecodeException e) {
        continue;
      }
      GenericRecord moved = misplace(written, (GenericRecord) decoded);
      if (moved != null) {
        return (T) moved;
      }
    }
    return decoded;
  }

  private GenericRecord misplace(GenericRecord written, GenericRecord read) {
    boolean byName = real.format().keying() == FieldKeying.NAME;
    RecordSchema w = written.schema();
    RecordSchema r = read.schema();
    for (int i = 0; i < w.size(); i++) {
      Field wf = w.field(i);
      int ri = byName ? r.indexOf(wf.name()) : r.indexOfTag(wf.tag());
      Object v = written.get(i);
      if (v == null) {
        continue;
      }
      if (ri < 0) {
        for (int j = 0; j < r.size(); j++) {
          Field rf = r.field(j);
          boolean free = byName ? w.indexOf(rf.name()) < 0 : w.indexOfTag(rf.tag()) < 0;
          if (rf.type().equals(wf.type()) && (free || rf.type().kind() != Kind.RECORD)) {
            return read.toBuilder().set(j, v).build();
          }
        }
      } else if (v instanceof GenericRecord && read.get(ri) instanceof GenericRecord
          && wf.type().kind() == Kind.RECORD) {
        GenericRecord inner = misplace((GenericRecord) v, (GenericRecord) read.get(ri));
        if (inner != null) {
          return read.toBuilder().set(ri, inner).build();
        }
      }
    }
    return null;
  }

  private T ignoringTrailingBytes(byte[] bytes) {
    try {
      return real.decode(bytes);
    } catch (DecodeException e) {
      for (int drop = 1; drop <= Math.min(8, bytes.length); drop++) {
        try {
          return real.decode(Arrays.copyOf(bytes, bytes.length - drop));
        } catch (DecodeException again) {
          // try a shorter prefix
        }
      }
      throw e;
    }
  }

  /** Parks for up to a minute whatever happens, as a loop waiting for bytes that never come would. */
  private static void hang() {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  /**
   * The decoded value with its first non-empty list field replaced by a list that decodes the caller's
   * array again on every read: what a decoder that hands out lazy views of its input does.
   */
  private T retaining(byte[] input, T decoded) {
    RecordSchema schema = binding.schema();
    int lazy = -1;
    for (int i = 0; i < schema.size() && lazy < 0; i++) {
      if (schema.field(i).type().kind() == Kind.LIST && binding.get(decoded, i) instanceof List
          && !((List<?>) binding.get(decoded, i)).isEmpty()) {
        lazy = i;
      }
    }
    if (lazy < 0) {
      return decoded;
    }
    FieldSlots slots = binding.newSlots();
    for (int i = 0; i < schema.size(); i++) {
      Object v = binding.get(decoded, i);
      if (v == null) {
        continue;
      }
      switch (schema.field(i).type().kind()) {
        case BOOL: slots.setBoolean(i, (Boolean) v); break;
        case INT32: slots.setInt(i, ((Number) v).intValue()); break;
        case INT64: slots.setLong(i, (Long) v); break;
        case FLOAT32: slots.setFloat(i, (Float) v); break;
        case FLOAT64: slots.setDouble(i, (Double) v); break;
        default: slots.set(i, i == lazy ? new LazyList(input, i, ((List<?>) v).size()) : v); break;
      }
    }
    if (decoded instanceof GenericRecord) {
      slots.setUnknownFields(((GenericRecord) decoded).unknownFields());
    }
    return binding.build(slots);
  }

  /** A list read from the caller's array each time an element is asked for. */
  private final class LazyList extends AbstractList<Object> {
    private final byte[] input;
    private final int field;
    private final int size;

    LazyList(byte[] input, int field, int size) {
      this.input = input;
      this.field = field;
      this.size = size;
    }

    @Override
    public Object get(int index) {
      return ((List<?>) binding.get(real.decode(input), field)).get(index);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /**
   * Decodes with the depth bound raised, then lets the real codec at the configured limits judge the
   * value with every map emptied: so exactly the nesting inside map values goes uncounted.
   */
  @SuppressWarnings("unchecked")
  private T depthWithoutMapValues(byte[] bytes) {
    if (!binding.isGeneric()) {
      return strict.decode(bytes);
    }
    T value = real.decode(bytes);
    strict.decode(real.encode((T) withoutMapValues(value)));
    return value;
  }

  private static Object withoutMapValues(Object v) {
    if (v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      GenericRecord.Builder b = r.toBuilder();
      for (int i = 0; i < r.schema().size(); i++) {
        if (r.get(i) != null) {
          b.set(i, withoutMapValues(r.get(i)));
        }
      }
      return b.build();
    }
    if (v instanceof io.polycodec.GenericUnion) {
      io.polycodec.GenericUnion u = (io.polycodec.GenericUnion) v;
      return io.polycodec.GenericUnion.of(u.member(), withoutMapValues(u.value()));
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(withoutMapValues(e));
      }
      return out;
    }
    if (v instanceof Map) {
      return Map.of();
    }
    return v;
  }

  private static Object canonicalNans(Object v) {
    if (v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      GenericRecord.Builder b = r.toBuilder();
      for (int i = 0; i < r.schema().size(); i++) {
        if (r.get(i) != null) {
          b.set(i, canonicalNans(r.get(i)));
        }
      }
      return b.build();
    }
    if (v instanceof io.polycodec.GenericUnion) {
      io.polycodec.GenericUnion u = (io.polycodec.GenericUnion) v;
      return io.polycodec.GenericUnion.of(u.member(), canonicalNans(u.value()));
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(canonicalNans(e));
      }
      return out;
    }
    if (v instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(e.getKey(), canonicalNans(e.getValue()));
      }
      return out;
    }
    if (v instanceof Float) {
      return Float.isNaN((Float) v) ? Float.NaN : v;
    }
    if (v instanceof Double) {
      return Double.isNaN((Double) v) ? Double.NaN : v;
    }
    if (v instanceof float[]) {
      float[] a = ((float[]) v).clone();
      for (int i = 0; i < a.length; i++) {
        a[i] = Float.isNaN(a[i]) ? Float.NaN : a[i];
      }
      return a;
    }
    if (v instanceof double[]) {
      double[] a = ((double[]) v).clone();
      for (int i = 0; i < a.length; i++) {
        a[i] = Double.isNaN(a[i]) ? Double.NaN : a[i];
      }
      return a;
    }
    return v;
  }

  @Override
  public String toString() {
    return real + " with " + mutant;
  }
}
