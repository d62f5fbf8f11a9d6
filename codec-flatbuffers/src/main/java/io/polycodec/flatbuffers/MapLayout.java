package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.schema.Kind;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map: a uoffset to a vector of entry tables {@code {key: K (id: 0); value: V (id: 1);}} in ascending
 * key order (strings by {@link String#compareTo}, numbers numerically, false before true), so that
 * equal maps encode to equal bytes. Keys and values follow the table rules (defaults omitted). Decoding
 * keeps wire order; a repeated key keeps its last value. An empty map is omitted.
 *
 * <p>A union value is laid out as flatc lays out a union field, in the entry table:
 * {@code {key (id: 0); value_type (id: 1); value (id: 2);}}, unless the map field keeps holder tables
 * ({@link HolderUnion}), when it is one holder-table offset at id 1.
 */
final class MapLayout extends OffsetLayout {
  private static final int KEY_SLOT = 4;
  /** The value's slot (id 1), or an inline union's type slot. */
  private static final int VALUE_SLOT = 6;
  /** An inline union value's own slot (id 2). */
  private static final int UNION_VALUE_SLOT = 8;

  final Layout key;
  final Layout value;
  private final Comparator<Map.Entry<?, ?>> order;
  /** Whether the value is flatc's inline union: type at id 1, value at id 2. */
  private final boolean twoIds;

  MapLayout(Kind keyKind, Layout key, Layout value) {
    this.key = key;
    this.value = value;
    this.order = comparator(keyKind);
    this.twoIds = value instanceof InlineUnionLayout;
  }

  @SuppressWarnings("unchecked")
  private static Comparator<Map.Entry<?, ?>> comparator(Kind keyKind) {
    switch (keyKind) {
      case STRING: return (a, b) -> ((String) a.getKey()).compareTo((String) b.getKey());
      case INT32: return (a, b) -> Integer.compare((Integer) a.getKey(), (Integer) b.getKey());
      case INT64: return (a, b) -> Long.compare((Long) a.getKey(), (Long) b.getKey());
      case BOOL: return (a, b) -> Boolean.compare((Boolean) a.getKey(), (Boolean) b.getKey());
      default: throw new AssertionError(keyKind);
    }
  }


  @Override
  int prepare(WriteContext w, Object v, boolean omitDefault) {
    Map.Entry<?, ?>[] entries = ((Map<?, ?>) v).entrySet().toArray(new Map.Entry<?, ?>[0]);
    int n = entries.length;
    w.checkCollection(n);
    if (n == 0 && omitDefault) {
      w.enter(); // an empty map is a level too (the depth rule), though nothing is written
      w.exit();
      return 0;
    }
    for (Map.Entry<?, ?> e : entries) {
      if (e.getKey() == null) {
        throw new EncodeException("null key");
      }
      if (e.getValue() == null) {
        throw new EncodeException("null value").prependKey(e.getKey());
      }
    }
    try {
      Arrays.sort(entries, order);
    } catch (ClassCastException e) {
      throw new EncodeException("a key does not fit the map's key type: " + e.getMessage(), e);
    }
    w.enter();
    FlatBufferBuilder b = w.builder;
    int base = w.reserve(n);
    for (int k = 0; k < n; k++) {
      int entry;
      try {
        entry = entry(w, entries[k]);
      } catch (CodecException e) {
        throw e.prependKey(entries[k].getKey());
      } catch (ClassCastException e) {
        throw new EncodeException("entry does not fit the map's types: " + e.getMessage(), e)
            .prependKey(entries[k].getKey());
      }
      w.stack[base + k] = entry;
    }
    b.startVector(4, n, 4);
    for (int k = n - 1; k >= 0; k--) {
      b.addOffset(w.stack[base + k]);
    }
    w.release(base);
    int vector = b.endVector();
    w.exit();
    return vector;
  }

  private int entry(WriteContext w, Map.Entry<?, ?> e) {
    FlatBufferBuilder b = w.builder;
    int keyOff = key.isOffset() ? key.prepare(w, e.getKey(), true) : 0;
    int valueOff = value.isOffset() ? value.prepare(w, e.getValue(), true) : 0;
    if (twoIds) {
      // flatc's union field in the entry table: the type byte just below it.
      b.startTable(3);
      b.addOffset(2, valueOff, 0);
      b.addByte(1, (byte) ((InlineUnionLayout) value).tagOf(e.getValue()), 0);
      add(b, key, 0, e.getKey(), keyOff);
      return b.endTable();
    }
    b.startTable(2);
    // Larger slot first, as in tables.
    if (value.slotSize() >= key.slotSize()) {
      add(b, value, 1, e.getValue(), valueOff);
      add(b, key, 0, e.getKey(), keyOff);
    } else {
      add(b, key, 0, e.getKey(), keyOff);
      add(b, value, 1, e.getValue(), valueOff);
    }
    return b.endTable();
  }

  private static void add(FlatBufferBuilder b, Layout l, int id, Object v, int off) {
    if (l.isOffset()) {
      if (off != 0) {
        b.addOffset(id, off, 0);
      }
    } else {
      l.addInline(b, id, v, false);
    }
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    int vec = r.target(pos);
    int n = r.bb.getInt(vec);
    Map<Object, Object> out = new LinkedHashMap<>(Math.max(16, (int) (n / 0.75f) + 1));
    for (int k = 0; k < n; k++) {
      int p = vec + 4 + 4 * k;
      int t = r.target(p);
      Object kv = null;
      try {
        int kp = r.field(t, KEY_SLOT);
        kv = kp == 0 ? key.defaultValue() : key.readSlot(r, kp);
        if (twoIds) {
          int vp = r.field(t, UNION_VALUE_SLOT);
          int tp = r.field(t, VALUE_SLOT);
          out.put(kv, vp == 0 ? value.defaultValue() : ((InlineUnionLayout) value).read(r, tp, vp));
          continue;
        }
        int vp = r.field(t, VALUE_SLOT);
        out.put(kv, vp == 0 ? value.defaultValue() : value.readSlot(r, vp));
      } catch (CodecException e) {
        e.withOffset(t);
        throw kv != null ? e.prependKey(kv) : e.prependIndex(k);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  Object defaultValue() {
    return Map.of();
  }

  @Override
  void verifySlot(Verifier v, int pos, int depth) {
    int vec = v.follow(pos);
    int n = v.collection(vec, 4, 4, depth + 1);
    for (int k = 0; k < n; k++) {
      try {
        int t = v.follow(vec + 4 + 4 * k);
        v.table(t, depth + 1);
        int vt = v.vt;
        int vtSize = v.vtSize;
        int obj = v.objSize;
        int kp = v.field(t, vt, vtSize, obj, KEY_SLOT, key.slotSize(), key.slotAlign());
        if (kp != 0 && key.needsVerification()) {
          key.verifySlot(v, kp, depth + 1);
        }
        if (twoIds) {
          int vp = v.field(t, vt, vtSize, obj, UNION_VALUE_SLOT, 4, 4);
          int tp = v.field(t, vt, vtSize, obj, VALUE_SLOT, 1, 1);
          if (vp != 0) {
            ((InlineUnionLayout) value).verify(v, tp, vp, depth + 1);
          }
          continue;
        }
        int vp = v.field(t, vt, vtSize, obj, VALUE_SLOT, value.slotSize(), value.slotAlign());
        if (vp != 0 && value.needsVerification()) {
          value.verifySlot(v, vp, depth + 1);
        }
      } catch (DecodeException e) {
        throw e.prependIndex(k);
      }
    }
  }
}
