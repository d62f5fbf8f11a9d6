package io.polycodec.msgpack;

import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.VectorSchema;
import io.polycodec.vector.VectorBytes;
import java.io.IOException;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.value.ValueType;

/**
 * Vectors ({@code float[]}, {@code double[]}): by default one bin in the little-endian layout of
 * {@link VectorBytes} (quantized float32 vectors in their quantized layout), written straight into the
 * output buffer; with {@link MsgpackVectors#ARRAY} an array of float32 or float64 values (for a quantized
 * vector, the values after quantization, as the bin layout would give them back). Both layouts are read
 * whatever the option says.
 */
final class VectorPlan extends TypePlan {
  private final boolean doubles;
  private final Quantization quantization;
  private final boolean asArray;

  VectorPlan(VectorSchema schema, MsgpackVectors layout) {
    this.doubles = schema.element() == Kind.FLOAT64;
    this.quantization = schema.quantization();
    this.asArray = layout == MsgpackVectors.ARRAY;
  }

  @Override
  void write(EncodeContext cx, Object value) throws IOException {
    MessagePacker p = cx.packer;
    if (doubles) {
      double[] v = (double[]) value;
      cx.checkCollection(v.length);
      if (asArray) {
        p.packArrayHeader(v.length);
        for (double d : v) {
          p.packDouble(d);
        }
      } else {
        byte[] b = VectorBytes.encode(v);
        p.packBinaryHeader(b.length);
        p.addPayload(b);
      }
      return;
    }
    float[] v = (float[]) value;
    cx.checkCollection(v.length);
    if (asArray) {
      // The values a quantized field holds after quantization, so that what a reader gets does not
      // depend on the layout (and INT8 refuses NaN and infinities here too).
      float[] w = quantization == Quantization.NONE ? v : VectorBytes.roundTrip(v, quantization);
      p.packArrayHeader(w.length);
      for (float f : w) {
        p.packFloat(f);
      }
      return;
    }
    int len = VectorBytes.length(v.length, quantization);
    p.packBinaryHeader(len);
    int at = cx.beginDirect(len);
    VectorBytes.encode(v, quantization, cx.out.buf, at);
    cx.endDirect(len);
  }

  @Override
  Object read(MsgpackReader in) {
    int at = in.offset();
    MessageFormat f = in.peek();
    if (f.getValueType() == ValueType.BINARY) {
      int bytesPerElement = doubles ? 8 : quantization == Quantization.NONE ? 4 : quantization == Quantization.INT8 ? 1 : 2;
      long maxBytes = (long) in.limits().maxCollectionSize() * bytesPerElement + (quantization == Quantization.INT8 ? 4 : 0);
      MessageBuffer p = in.readBinPayload((int) Math.min(Integer.MAX_VALUE, maxBytes));
      try {
        return doubles
            ? VectorBytes.decodeDoubles(p.array(), p.arrayOffset(), p.size())
            : VectorBytes.decode(p.array(), p.arrayOffset(), p.size(), quantization);
      } catch (DecodeException e) {
        throw e.withFormat(MsgpackProvider.NAME).withOffset(at);
      }
    }
    if (f.getValueType() == ValueType.ARRAY) {
      int n = in.readArrayHeader();
      int i = 0;
      try {
        if (doubles) {
          double[] out = new double[n];
          for (; i < n; i++) {
            out[i] = in.readFloat64();
          }
          return out;
        }
        float[] out = new float[n];
        for (; i < n; i++) {
          out[i] = in.readFloat32();
        }
        return out;
      } catch (CodecException e) {
        throw e.prependIndex(i);
      }
    }
    throw MsgpackReader.fail(at, "expected a vector as a bin or an array, found " + MsgpackReader.describe(f));
  }
}
