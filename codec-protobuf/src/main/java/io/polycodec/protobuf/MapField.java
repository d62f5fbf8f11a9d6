package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.polycodec.CodecException;
import io.polycodec.EncodeException;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;

/**
 * A map as protobuf's {@code map<K, V>}: one entry message per key ({@code key = 1; value = 2}), in
 * ascending key order (strings by {@link String#compareTo}, numbers numerically, false before true) so
 * that equal maps encode identically. Keys with an unsigned encoding (uint32, fixed32, uint64,
 * fixed64) sort by their unsigned value, as protobuf's C++ deterministic serializer does (protobuf-java
 * sorts them as signed Java numbers). Both parts of an entry are always written, as protobuf-java does.
 * Reading accepts entries in any order, with their parts in any order, missing or repeated; a key seen
 * twice keeps its first position and its last value.
 */
final class MapField extends FieldCodec {
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Map.Entry<?, ?>> BY_KEY =
      (a, b) -> ((Comparable) a.getKey()).compareTo(b.getKey());
  private static final Comparator<Map.Entry<?, ?>> BY_UNSIGNED_INT_KEY =
      (a, b) -> Integer.compareUnsigned((Integer) a.getKey(), (Integer) b.getKey());
  private static final Comparator<Map.Entry<?, ?>> BY_UNSIGNED_LONG_KEY =
      (a, b) -> Long.compareUnsigned((Long) a.getKey(), (Long) b.getKey());

  private final ScalarValue key;
  private final ValueCodec value;
  private final Comparator<Map.Entry<?, ?>> order;
  private final int tag;
  private final int tagSize;
  private final int keyTag;
  private final int valueTag;

  MapField(RecordBinding<?> binding, int index, ScalarValue key, ValueCodec value) {
    super(binding, index);
    this.key = key;
    this.order = key.type.encoding().isUnsigned()
        ? (key.type.isWide() ? BY_UNSIGNED_LONG_KEY : BY_UNSIGNED_INT_KEY)
        : BY_KEY;
    this.value = value;
    this.tag = tag(WireFormat.WIRETYPE_LENGTH_DELIMITED);
    this.tagSize = tagSize();
    this.keyTag = FieldCodec.tagOf(1, key.wireType);
    this.valueTag = FieldCodec.tagOf(2, value.wireType);
  }

  @Override
  boolean accumulates() {
    return true;
  }

  @Override
  long size(Object record, Sizes sizes) {
    Map<?, ?> map = (Map<?, ?>) binding.get(record, index);
    if (map.isEmpty()) {
      sizes.enter(); // an empty map is a level too (the depth rule), though nothing is written
      sizes.exit();
      return 0;
    }
    sizes.checkCollection(map.size());
    Map.Entry<?, ?>[] entries = sorted(map);
    sizes.addRef(entries);
    long total = 0;
    sizes.enter();
    try {
      for (Map.Entry<?, ?> e : entries) {
        Object v = e.getValue();
        if (v == null) {
          throw new EncodeException("null map value").prependKey(e.getKey());
        }
        int slot = sizes.reserve();
        long body;
        try {
          body = 2L + key.size(e.getKey(), sizes) + value.size(v, sizes);
        } catch (EncodeException x) {
          throw x.prependKey(e.getKey());
        }
        sizes.set(slot, body);
        total += tagSize + CodedOutputStream.computeUInt32SizeNoTag((int) body) + body;
      }
    } finally {
      sizes.exit();
    }
    return total;
  }

  private Map.Entry<?, ?>[] sorted(Map<?, ?> map) {
    Map.Entry<?, ?>[] entries = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
    for (Map.Entry<?, ?> e : entries) {
      if (e.getKey() == null) {
        throw new EncodeException("null map key");
      }
    }
    if (entries.length > 1 && !naturallySorted(map)) {
      try {
        Arrays.sort(entries, order);
      } catch (ClassCastException e) {
        throw new EncodeException("map keys of mixed types: " + e.getMessage());
      }
    }
    return entries;
  }

  // A SortedMap in natural order iterates in the order BY_KEY sorts: sorting again is wasted (a TreeMap is
  // the usual way to keep a record's map deterministic).
  private boolean naturallySorted(Map<?, ?> map) {
    return order == BY_KEY && map instanceof SortedMap && ((SortedMap<?, ?>) map).comparator() == null;
  }

  /** Scalar keys and values: written directly. */
  @Override
  boolean writesDirect() {
    return value instanceof ScalarValue;
  }

  @Override
  void writeDirect(AheadBuffer out, Object record, Sizes sizes) {
    Map<?, ?> map = (Map<?, ?>) binding.get(record, index);
    if (map.isEmpty()) {
      sizes.enter(); // an empty map is a level too, as in size
      sizes.exit();
      return;
    }
    sizes.checkCollection(map.size());
    Map.Entry<?, ?>[] entries = sorted(map);
    sizes.enter();
    for (Map.Entry<?, ?> e : entries) {
      Object v = e.getValue();
      if (v == null) {
        throw new EncodeException("null map value").prependKey(e.getKey());
      }
      out.writeUInt32NoTag(tag);
      int start = out.beginLength();
      out.writeUInt32NoTag(keyTag);
      key.writeDirect(out, e.getKey(), sizes);
      out.writeUInt32NoTag(valueTag);
      ((ScalarValue) value).writeDirect(out, v, sizes);
      out.endLength(start);
    }
    sizes.exit();
  }

  @Override
  void write(CodedOutputStream out, Object record, Sizes sizes) throws IOException {
    Map<?, ?> map = (Map<?, ?>) binding.get(record, index);
    if (map.isEmpty()) {
      return;
    }
    for (Map.Entry<?, ?> e : (Map.Entry<?, ?>[]) sizes.nextRef()) {
      out.writeUInt32NoTag(tag);
      out.writeUInt32NoTag(sizes.next());
      out.writeUInt32NoTag(keyTag);
      key.write(out, e.getKey(), sizes);
      out.writeUInt32NoTag(valueTag);
      value.write(out, e.getValue(), sizes);
    }
  }

  @Override
  void read(ProtoReader r, int wireType, FieldSlots slots) throws IOException {
    if (wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      throw r.wrongWireType(wireType, "a map entry (length-delimited)");
    }
    Object current = slots.get(index);
    Accumulator.OfMap acc;
    if (current instanceof Accumulator.OfMap) {
      acc = (Accumulator.OfMap) current;
    } else {
      acc = new Accumulator.OfMap(current == null ? Map.of() : (Map<?, ?>) current);
      slots.set(index, acc);
    }
    int length = r.readLength();
    int old = r.in.pushLimit(length);
    Object k = null;
    Object v = null;
    r.enter();
    try {
      while (true) {
        int t = r.in.readTag();
        if (t == 0) {
          break;
        }
        if (t == keyTag) {
          k = key.read(r, null);
        } else if (t == valueTag) {
          v = value.readMerging(r, v);
        } else if (WireFormat.getTagFieldNumber(t) == 1) {
          throw r.wrongWireType(WireFormat.getTagWireType(t), "map key " + key.describe());
        } else if (WireFormat.getTagFieldNumber(t) == 2) {
          throw r.wrongWireType(WireFormat.getTagWireType(t), "map value " + value.describe());
        } else if (!r.in.skipField(t)) {
          throw r.error("end-group tag without a group");
        }
      }
      if (k == null) {
        k = key.missingValue();
      }
      if (v == null) {
        v = value.missingValue();
      } else if (v instanceof Accumulator) {
        v = ((Accumulator) v).finish();
      }
    } catch (CodecException e) {
      if (k != null) {
        e.prependKey(k);
      }
      throw e;
    } finally {
      r.exit();
    }
    r.in.popLimit(old);
    if (!acc.containsKey(k)) {
      r.checkCollectionSize(acc.size() + 1);
    }
    acc.put(k, v);
  }
}
