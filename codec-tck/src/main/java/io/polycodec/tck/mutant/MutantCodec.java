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
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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

  MutantCodec(Mutant mutant, Codec<T> real, RecordBinding<T> binding, MutantProvider provider) {
    this.mutant = mutant;
    this.real = real;
    this.binding = binding;
    this.provider = provider;
  }

  @Override
  public Format format() {
    return real.format();
  }

  @Override
  public Limits limits() {
    return real.limits();
  }

  @Override
  public byte[] encode(T value) {
    byte[] bytes = real.encode(value);
    if (mutant != Mutant.NOT_THREAD_SAFE) {
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
    switch (mutant) {
      case THROWS_INDEX_OUT_OF_BOUNDS_ON_TRUNCATION:
        try {
          return real.decode(bytes);
        } catch (DecodeException e) {
          throw new IndexOutOfBoundsException("index " + bytes.length + " out of bounds for length " + bytes.length);
        }
      case NOT_THREAD_SAFE:
        lastInput = bytes;
        Thread.yield();
        return real.decode(lastInput);
      case DECODES_REMOVED_FIELD_INTO_WRONG_SLOT:
        return wrongSlot(bytes, real.decode(bytes));
      default:
        return mangle(real.decode(bytes));
    }
  }

  @Override
  public T decode(ByteBuffer buffer) {
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

  @Override
  public String toString() {
    return real + " with " + mutant;
  }
}
