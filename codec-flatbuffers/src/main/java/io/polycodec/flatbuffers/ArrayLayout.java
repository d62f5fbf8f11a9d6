package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecException;
import io.polycodec.EncodeException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A FlatBuffers fixed-size array inside a struct ({@code [int:2]}, {@code [Vec3:4]}): exactly
 * {@code length} elements inline, with no length prefix, so the struct's size and every element's
 * position are known from the schema alone. Bounds are the struct's bounds, which the verifier checks.
 */
final class ArrayLayout extends Layout {
  final Layout element;
  final int length;

  ArrayLayout(Layout element, int length) {
    this.element = element;
    this.length = length;
  }

  @Override
  int slotSize() {
    return element.elementSize() * length;
  }

  @Override
  int slotAlign() {
    return element.elementAlign();
  }

  @Override
  boolean isOffset() {
    return false;
  }

  @Override
  boolean needsVerification() {
    return false;
  }

  @Override
  void putElement(FlatBufferBuilder b, Object value) {
    Object[] items = ((List<?>) value).toArray();
    if (items.length != length) {
      throw new EncodeException("a fixed-size array of " + length + " elements cannot hold " + items.length);
    }
    for (int k = length - 1; k >= 0; k--) {
      if (items[k] == null) {
        throw new EncodeException("null element").prependIndex(k);
      }
      try {
        element.putElement(b, items[k]);
      } catch (CodecException e) {
        throw e.prependIndex(k);
      } catch (ClassCastException e) {
        throw new EncodeException("element is a " + items[k].getClass().getName(), e).prependIndex(k);
      }
    }
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    Object[] out = new Object[length];
    int size = element.elementSize();
    for (int k = 0; k < length; k++) {
      int p = pos + k * size;
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
    Object[] out = new Object[length];
    Arrays.fill(out, element.defaultValue());
    return Collections.unmodifiableList(Arrays.asList(out));
  }
}
