package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.VectorSchema;
import io.polycodec.vector.VectorBytes;
import java.io.IOException;

/**
 * A vector: {@code float[]} as packed {@code repeated float}, {@code double[]} as packed
 * {@code repeated double} (both read packed or unpacked, in any number of pieces), and quantized
 * {@code float[]} as {@code bytes} in the {@link VectorBytes} layout (a singular field: the last
 * occurrence wins). Elements keep their exact bits, NaN payloads and -0.0 included.
 */
final class VectorField extends FieldCodec {
  private final boolean doubles;
  private final Quantization quantization;
  private final int tag;
  private final int tagSize;

  VectorField(RecordBinding<?> binding, int index, VectorSchema schema) {
    super(binding, index);
    this.doubles = schema.element() == Kind.FLOAT64;
    this.quantization = schema.quantization();
    this.tag = tag(WireFormat.WIRETYPE_LENGTH_DELIMITED);
    this.tagSize = tagSize();
  }

  @Override
  boolean accumulates() {
    return quantization == Quantization.NONE;
  }

  @Override
  long size(Object record, Sizes sizes) {
    Object v = binding.get(record, index);
    int n = doubles ? ((double[]) v).length : ((float[]) v).length;
    if (n == 0) {
      return 0;
    }
    sizes.checkCollection(n);
    long payload;
    if (quantization == Quantization.NONE) {
      payload = (long) n * (doubles ? 8 : 4);
    } else {
      byte[] bytes = VectorBytes.encode((float[]) v, quantization);
      sizes.addRef(bytes);
      payload = bytes.length;
    }
    return tagSize + CodedOutputStream.computeUInt32SizeNoTag(Sizes.checkedSize(payload)) + payload;
  }

  @Override
  void write(CodedOutputStream out, Object record, Sizes sizes) throws IOException {
    Object v = binding.get(record, index);
    if (quantization != Quantization.NONE) {
      if (((float[]) v).length != 0) {
        out.writeUInt32NoTag(tag);
        out.writeByteArrayNoTag((byte[]) sizes.nextRef());
      }
      return;
    }
    if (doubles) {
      double[] d = (double[]) v;
      if (d.length != 0) {
        out.writeUInt32NoTag(tag);
        out.writeUInt32NoTag(d.length * 8);
        for (double x : d) {
          out.writeFixed64NoTag(Double.doubleToRawLongBits(x));
        }
      }
    } else {
      float[] f = (float[]) v;
      if (f.length != 0) {
        out.writeUInt32NoTag(tag);
        out.writeUInt32NoTag(f.length * 4);
        for (float x : f) {
          out.writeFixed32NoTag(Float.floatToRawIntBits(x));
        }
      }
    }
  }

  /** Written directly: float vectors by {@link VectorBytes} straight into the buffer, doubles one by one. */
  @Override
  boolean writesDirect() {
    return true;
  }

  @Override
  void writeDirect(AheadBuffer out, Object record, Sizes sizes) {
    Object v = binding.get(record, index);
    int n = doubles ? ((double[]) v).length : ((float[]) v).length;
    if (n == 0) {
      return;
    }
    sizes.checkCollection(n);
    out.writeUInt32NoTag(tag);
    if (doubles) {
      out.writeDoubles((double[]) v);
    } else {
      out.writeVector((float[]) v, quantization);
    }
  }

  @Override
  void read(ProtoReader r, int wireType, FieldSlots slots) throws IOException {
    if (quantization != Quantization.NONE) {
      if (wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        throw r.wrongWireType(wireType, "bytes (a " + quantization + " vector)");
      }
      int length = r.readLength();
      int n = VectorBytes.elements(length, quantization);
      r.checkCollectionSize(n);
      byte[] raw = r.in.readRawBytes(length);
      slots.set(index, VectorBytes.decode(raw, 0, length, quantization));
      return;
    }
    if (doubles) {
      readDoubles(r, wireType, slots);
    } else {
      readFloats(r, wireType, slots);
    }
  }

  private void readFloats(ProtoReader r, int wireType, FieldSlots slots) throws IOException {
    Object current = slots.get(index);
    Accumulator.OfFloats acc;
    if (current instanceof Accumulator.OfFloats) {
      acc = (Accumulator.OfFloats) current;
    } else {
      acc = new Accumulator.OfFloats(current == null ? new float[0] : (float[]) current);
      slots.set(index, acc);
    }
    if (wireType == WireFormat.WIRETYPE_FIXED32) {
      r.checkCollectionSize(acc.size + 1);
      acc.add(r.in.readFloat());
    } else if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      int length = r.readLength();
      if ((length & 3) != 0) {
        throw r.error("packed float run of " + length + " bytes is not a multiple of 4");
      }
      int n = length >>> 2;
      r.checkCollectionSize(acc.size + n);
      acc.ensure(n);
      for (int i = 0; i < n; i++) {
        acc.values[acc.size++] = Float.intBitsToFloat(r.in.readRawLittleEndian32());
      }
    } else {
      throw r.wrongWireType(wireType, "repeated float");
    }
  }

  private void readDoubles(ProtoReader r, int wireType, FieldSlots slots) throws IOException {
    Object current = slots.get(index);
    Accumulator.OfDoubles acc;
    if (current instanceof Accumulator.OfDoubles) {
      acc = (Accumulator.OfDoubles) current;
    } else {
      acc = new Accumulator.OfDoubles(current == null ? new double[0] : (double[]) current);
      slots.set(index, acc);
    }
    if (wireType == WireFormat.WIRETYPE_FIXED64) {
      r.checkCollectionSize(acc.size + 1);
      acc.add(r.in.readDouble());
    } else if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
      int length = r.readLength();
      if ((length & 7) != 0) {
        throw r.error("packed double run of " + length + " bytes is not a multiple of 8");
      }
      int n = length >>> 3;
      r.checkCollectionSize(acc.size + n);
      acc.ensure(n);
      for (int i = 0; i < n; i++) {
        acc.values[acc.size++] = Double.longBitsToDouble(r.in.readRawLittleEndian64());
      }
    } else {
      throw r.wrongWireType(wireType, "repeated double");
    }
  }
}
