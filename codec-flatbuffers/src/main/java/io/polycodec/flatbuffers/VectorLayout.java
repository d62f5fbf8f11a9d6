package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.vector.VectorBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A numeric vector, as a FlatBuffers scalar vector that views can expose in place:
 * {@code float[]} as {@code [float]}, {@code double[]} as {@code [double]}, FP16 and BF16 as
 * {@code [ushort]} holding the 16-bit patterns, and INT8 as a table
 * {@code polycodec.Int8Vector {scale: float (id: 0); values: [byte] (id: 1);}}. The quantization math
 * is {@link VectorBytes}'s, shared with every backend. An empty vector is omitted.
 */
final class VectorLayout extends OffsetLayout {
  private static final int SCALE_SLOT = 4;
  private static final int VALUES_SLOT = 6;

  final Kind element;
  final Quantization quantization;

  VectorLayout(Kind element, Quantization quantization) {
    this.element = element;
    this.quantization = quantization;
  }


  /** Bytes per element of the stored vector. */
  int storedElementSize() {
    if (element == Kind.FLOAT64) {
      return 8;
    }
    switch (quantization) {
      case NONE: return 4;
      case FP16:
      case BF16: return 2;
      case INT8: return 1;
      default: throw new AssertionError(quantization);
    }
  }

  @Override
  int prepare(WriteContext w, Object value, boolean omitDefault) {
    FlatBufferBuilder b = w.builder;
    if (element == Kind.FLOAT64) {
      double[] d = (double[]) value;
      w.checkCollection(d.length);
      if (d.length == 0 && omitDefault) {
        return 0;
      }
      b.createUnintializedVector(8, d.length, 8).asDoubleBuffer().put(d);
      return b.endVector();
    }
    float[] f = (float[]) value;
    w.checkCollection(f.length);
    if (f.length == 0 && omitDefault) {
      return 0;
    }
    switch (quantization) {
      case NONE:
        b.createUnintializedVector(4, f.length, 4).asFloatBuffer().put(f);
        return b.endVector();
      case FP16:
      case BF16: {
        ByteBuffer dst = b.createUnintializedVector(2, f.length, 2);
        if (dst.hasArray()) {
          VectorBytes.encode(f, quantization, dst.array(), dst.arrayOffset());
        } else {
          dst.put(VectorBytes.encode(f, quantization));
        }
        return b.endVector();
      }
      case INT8: {
        byte[] stored = VectorBytes.encode(f, Quantization.INT8);
        float scale = ByteBuffer.wrap(stored, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        int values = b.createByteVector(stored, 4, f.length);
        b.startTable(2);
        b.addOffset(1, values, 0);
        b.addFloat(0, scale, 0);
        return b.endTable();
      }
      default:
        throw new AssertionError(quantization);
    }
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    int target = r.target(pos);
    ByteBuffer bb = r.bb;
    if (element == Kind.FLOAT64) {
      double[] out = new double[bb.getInt(target)];
      bb.slice(target + 4, out.length * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
      return out;
    }
    switch (quantization) {
      case NONE: {
        float[] out = new float[bb.getInt(target)];
        bb.slice(target + 4, out.length * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
      }
      case FP16:
      case BF16: {
        float[] out = new float[bb.getInt(target)];
        VectorBytes.decode(r.bytes(target + 4, out.length * 2), 0, quantization, out);
        return out;
      }
      case INT8: {
        int sp = r.field(target, SCALE_SLOT);
        int vp = r.field(target, VALUES_SLOT);
        int n = vp == 0 ? 0 : bb.getInt(r.target(vp));
        // VectorBytes' INT8 layout: the scale, then the values.
        byte[] stored = new byte[4 + n];
        ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN).putFloat(sp == 0 ? 0f : bb.getFloat(sp));
        if (n > 0) {
          bb.get(r.target(vp) + 4, stored, 4, n);
        }
        return VectorBytes.decode(stored, 0, stored.length, Quantization.INT8);
      }
      default:
        throw new AssertionError(quantization);
    }
  }

  @Override
  Object defaultValue() {
    return element == Kind.FLOAT64 ? new double[0] : new float[0];
  }

  @Override
  void verifySlot(Verifier v, int pos, int depth) {
    int target = v.follow(pos);
    if (quantization != Quantization.INT8) {
      v.numbers(target, storedElementSize());
      return;
    }
    v.table(target, depth);
    int vt = v.vt;
    int vtSize = v.vtSize;
    int obj = v.objSize;
    v.field(target, vt, vtSize, obj, SCALE_SLOT, 4, 4);
    int vp = v.field(target, vt, vtSize, obj, VALUES_SLOT, 4, 4);
    if (vp != 0) {
      v.numbers(v.follow(vp), 1);
    }
  }
}
