package io.polycodec.json;

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

/** A vector: an array of numbers, or base64 of its VectorBytes layout when quantized. */
final class JsonVectorPlan extends JsonValuePlan {
  private final Quantization quantization;
  private final boolean doubles;
  private final Limits limits;

  JsonVectorPlan(VectorSchema schema, Limits limits) {
    this.quantization = schema.quantization();
    this.doubles = schema.element() == Kind.FLOAT64;
    this.limits = limits;
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    writeVector(g, v);
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    return readVector(p, t);
  }

  private void writeVector(JsonGenerator g, Object v) throws IOException {
    limits.checkEncodedCollection(doubles ? ((double[]) v).length : ((float[]) v).length);
    if (doubles) {
      double[] d = (double[]) v;
      g.writeStartArray(d, d.length);
      for (double x : d) {
        JsonScalars.writeDouble(g, x);
      }
      g.writeEndArray();
    } else if (quantization == Quantization.NONE) {
      float[] f = (float[]) v;
      g.writeStartArray(f, f.length);
      for (float x : f) {
        JsonScalars.writeFloat(g, x);
      }
      g.writeEndArray();
    } else {
      g.writeBinary(VectorBytes.encode((float[]) v, quantization));
    }
  }

  private Object readVector(JsonParser p, JsonToken t) throws IOException {
    if (!doubles && quantization != Quantization.NONE) {
      if (t != JsonToken.VALUE_STRING) {
        throw JsonScalars.expected("a base64 string holding a " + quantization + " vector", t);
      }
      byte[] b = p.getBinaryValue();
      checkVectorSize(VectorBytes.elements(b.length, quantization) - 1);
      return VectorBytes.decode(b, 0, b.length, quantization);
    }
    if (t != JsonToken.START_ARRAY) {
      throw JsonScalars.expected("an array", t);
    }
    int n = 0;
    if (doubles) {
      double[] d = new double[16];
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        checkVectorSize(n);
        if (n == d.length) {
          d = Arrays.copyOf(d, grow(n));
        }
        d[n++] = readElement(p, e, n - 1, true);
      }
      return Arrays.copyOf(d, n);
    }
    float[] f = new float[16];
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      checkVectorSize(n);
      if (n == f.length) {
        f = Arrays.copyOf(f, grow(n));
      }
      f[n++] = (float) readElement(p, e, n - 1, false);
    }
    return Arrays.copyOf(f, n);
  }

  /** Fails if a vector is about to get element number {@code n + 1} past the collection limit. */
  private void checkVectorSize(int n) {
    if (n >= limits.maxCollectionSize()) {
      throw new DecodeException("vector longer than the limit of " + limits.maxCollectionSize());
    }
  }

  private int grow(int n) {
    return (int) Math.min((long) limits.maxCollectionSize(), 2L * n);
  }

  private static double readElement(JsonParser p, JsonToken e, int index, boolean doubles) throws IOException {
    try {
      return doubles ? JsonScalars.readDouble(p, e) : JsonScalars.readFloat(p, e);
    } catch (CodecException ex) {
      throw ex.prependIndex(index);
    }
  }

}
