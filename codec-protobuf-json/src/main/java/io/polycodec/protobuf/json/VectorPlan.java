package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.Limits;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.VectorSchema;
import io.polycodec.vector.VectorBytes;
import java.io.IOException;
import java.util.Arrays;

/**
 * A vector: a JSON array of numbers, as codec-protobuf's packed repeated float/double field; a quantized
 * vector is the bytes field codec-protobuf declares for it, so base64.
 */
final class VectorPlan extends ValuePlan {
  private final Quantization quantization;
  private final boolean doubles;
  private final Limits limits;

  VectorPlan(VectorSchema schema, Limits limits) {
    this.quantization = schema.quantization();
    this.doubles = schema.element() == Kind.FLOAT64;
    this.limits = limits;
  }

  @Override
  boolean isDefault(Object v) {
    return doubles ? ((double[]) v).length == 0 : ((float[]) v).length == 0;
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    checkCollection(limits, doubles ? ((double[]) v).length : ((float[]) v).length);
    if (doubles) {
      double[] d = (double[]) v;
      g.writeStartArray(d, d.length);
      for (double x : d) {
        Scalars.writeDouble(g, x);
      }
      g.writeEndArray();
    } else if (quantization == Quantization.NONE) {
      float[] f = (float[]) v;
      g.writeStartArray(f, f.length);
      for (float x : f) {
        Scalars.writeFloat(g, x);
      }
      g.writeEndArray();
    } else {
      Scalars.writeBytes(g, VectorBytes.encode((float[]) v, quantization));
    }
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    if (!doubles && quantization != Quantization.NONE) {
      if (t != JsonToken.VALUE_STRING) {
        throw Scalars.expected("a base64 string", t);
      }
      byte[] b = Scalars.readBytes(p.getText());
      checkSize(VectorBytes.elements(b.length, quantization) - 1);
      return VectorBytes.decode(b, 0, b.length, quantization);
    }
    if (t != JsonToken.START_ARRAY) {
      throw Scalars.expected("an array", t);
    }
    int n = 0;
    if (doubles) {
      double[] d = new double[16];
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        checkSize(n);
        if (n == d.length) {
          d = Arrays.copyOf(d, grow(n));
        }
        d[n] = element(p, e, n, true);
        n++;
      }
      return Arrays.copyOf(d, n);
    }
    float[] f = new float[16];
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      checkSize(n);
      if (n == f.length) {
        f = Arrays.copyOf(f, grow(n));
      }
      f[n] = (float) element(p, e, n, false);
      n++;
    }
    return Arrays.copyOf(f, n);
  }

  private void checkSize(int n) {
    if (n >= limits.maxCollectionSize()) {
      throw new DecodeException("vector longer than the limit of " + limits.maxCollectionSize());
    }
  }

  private int grow(int n) {
    return (int) Math.min((long) limits.maxCollectionSize(), 2L * n);
  }

  private static double element(JsonParser p, JsonToken e, int index, boolean doubles) throws IOException {
    try {
      return doubles ? Scalars.readDouble(p, e) : Scalars.readFloat(p, e);
    } catch (CodecException ex) {
      throw ex.prependIndex(index);
    }
  }
}
