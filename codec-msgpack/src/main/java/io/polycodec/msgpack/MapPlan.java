package io.polycodec.msgpack;

import io.polycodec.CodecException;
import io.polycodec.EncodeException;
import io.polycodec.schema.Kind;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import org.msgpack.value.ValueType;

/**
 * Maps as MessagePack maps with native keys (str, bool or int), written in ascending key order
 * (String.compareTo, numeric, false before true) so that equal maps encode identically. Decoded maps are
 * unmodifiable and keep wire order; a repeated key keeps its last value.
 */
final class MapPlan extends TypePlan {
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Map.Entry<?, ?>> BY_KEY =
      (a, b) -> ((Comparable) a.getKey()).compareTo(b.getKey());

  private final ScalarPlan key;
  private final TypePlan value;
  private final ValueType wireKey;

  MapPlan(ScalarPlan key, TypePlan value) {
    this.key = key;
    this.value = value;
    this.wireKey = key.kind == Kind.STRING ? ValueType.STRING
        : key.kind == Kind.BOOL ? ValueType.BOOLEAN : ValueType.INTEGER;
  }

  @Override
  void write(EncodeContext cx, Object v) throws IOException {
    Map<?, ?> map = (Map<?, ?>) v;
    cx.checkCollection(map.size());
    cx.enter();
    Map.Entry<?, ?>[] entries = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
    boolean sorted = map instanceof SortedMap && ((SortedMap<?, ?>) map).comparator() == null;
    for (Map.Entry<?, ?> e : entries) {
      if (e.getKey() == null) {
        throw new EncodeException("null map key");
      }
    }
    if (!sorted && entries.length > 1) {
      try {
        Arrays.sort(entries, BY_KEY);
      } catch (ClassCastException x) {
        throw new EncodeException("map keys of mixed or wrong classes: " + x.getMessage(), x);
      }
    }
    cx.packer.packMapHeader(entries.length);
    for (Map.Entry<?, ?> e : entries) {
      Object k = e.getKey();
      Object val = e.getValue();
      try {
        key.write(cx, k);
        if (val == null) {
          throw new EncodeException("null map value");
        }
        value.write(cx, val);
      } catch (CodecException x) {
        throw x.prependKey(k);
      } catch (ClassCastException x) {
        throw new EncodeException("a key or value of the wrong class: " + x.getMessage(), x).prependKey(k);
      }
    }
    cx.exit();
  }

  @Override
  Object read(MsgpackReader in) {
    int at = in.offset();
    int n = in.readMapHeader(true);
    in.enter(at);
    Map<Object, Object> out = new LinkedHashMap<>(n < 1 << 16 ? (int) (n / 0.75f) + 1 : 1 << 16);
    for (int i = 0; i < n; i++) {
      int keyAt = in.offset();
      if (in.peek().getValueType() != wireKey) {
        throw MsgpackReader.fail(keyAt, "a map key of the wrong type: expected " + key.expected() + ", found "
            + in.describe(keyAt));
      }
      Object k = key.read(in);
      try {
        if (in.tryNil()) {
          throw MsgpackReader.fail(in.offset() - 1, "nil map value; map values are never null");
        }
        out.put(k, value.read(in));
      } catch (CodecException x) {
        throw x.prependKey(k);
      }
    }
    in.exit();
    return Collections.unmodifiableMap(out);
  }
}
