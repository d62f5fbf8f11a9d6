package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecException;
import io.polycodec.EncodeException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A list: a uoffset to a vector whose elements are inline (scalars, enums, timestamp structs) or
 * uoffsets (strings, bytes holders, tables, union holders). An empty list is omitted.
 */
final class ListLayout extends OffsetLayout {
  final Layout element;

  ListLayout(Layout element) {
    this.element = element;
  }


  @Override
  int prepare(WriteContext w, Object value, boolean omitDefault) {
    // A copy, so that any List (linked, concurrent, a view) is walked once and by index.
    Object[] items = ((List<?>) value).toArray();
    int n = items.length;
    if (element instanceof RecordLayout && ((RecordLayout) element).plan.keyField >= 0) {
      // Keyed tables are written in key order, as flatc's createSortedVectorOfTables does, so that
      // binary search (FlatList.lookupByKey, generated LookupByKey) finds them.
      for (int k = 0; k < n; k++) {
        nonNull(items[k]);
      }
      Arrays.sort(items, KeyOrder.of(((RecordLayout) element).plan));
    }
    w.checkCollection(n);
    if (n == 0 && omitDefault) {
      w.enter(); // an empty list is a level too (the depth rule), though nothing is written
      w.exit();
      return 0;
    }
    w.enter();
    FlatBufferBuilder b = w.builder;
    int vector;
    if (element.elementIsOffset()) {
      int base = w.reserve(n);
      for (int k = 0; k < n; k++) {
        int off;
        try {
          off = element.prepareElement(w, nonNull(items[k]));
        } catch (CodecException e) {
          throw e.prependIndex(k);
        } catch (ClassCastException e) {
          throw new EncodeException("element is a " + items[k].getClass().getName(), e).prependIndex(k);
        }
        w.stack[base + k] = off;
      }
      b.startVector(4, n, 4);
      for (int k = n - 1; k >= 0; k--) {
        b.addOffset(w.stack[base + k]);
      }
      w.release(base);
    } else {
      for (int k = 0; k < n; k++) {
        if (items[k] == null) {
          throw new EncodeException("null element").prependIndex(k);
        }
      }
      b.startVector(element.elementSize(), n, element.elementAlign());
      for (int k = n - 1; k >= 0; k--) {
        try {
          element.putElement(b, items[k]);
        } catch (CodecException e) {
          throw e.prependIndex(k);
        } catch (ClassCastException e) {
          throw new EncodeException("element is a " + items[k].getClass().getName(), e).prependIndex(k);
        }
      }
    }
    vector = b.endVector();
    w.exit();
    return vector;
  }

  private static Object nonNull(Object v) {
    if (v == null) {
      throw new EncodeException("null element");
    }
    return v;
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    return readVector(r, r.target(pos));
  }

  /** The list held by the vector at {@code vec}. */
  Object readVector(ReadContext r, int vec) {
    int n = r.bb.getInt(vec);
    int size = element.elementSize();
    Object[] out = new Object[n];
    for (int k = 0; k < n; k++) {
      int p = vec + 4 + k * size;
      try {
        out[k] = element.readElement(r, p);
      } catch (CodecException e) {
        throw e.withOffset(p).prependIndex(k);
      }
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  @Override
  Object defaultValue() {
    return List.of();
  }

  @Override
  void verifySlot(Verifier v, int pos, int depth) {
    int vec = v.follow(pos);
    int n = v.collection(vec, element.elementSize(), element.elementAlign(), depth + 1);
    if (element.needsVerification()) {
      for (int k = 0; k < n; k++) {
        try {
          element.verifyElement(v, vec + 4 + 4 * k, depth + 1);
        } catch (io.polycodec.DecodeException e) {
          throw e.prependIndex(k);
        }
      }
    }
  }
}
