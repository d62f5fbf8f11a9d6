package io.polycodec.vector;

import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.schema.Quantization;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The byte layout of vectors, shared by every backend that stores a vector as bytes (Protobuf bytes,
 * MessagePack bin, JSON base64): little-endian elements, and for INT8 a leading float32 scale.
 *
 * <ul>
 *   <li>{@code NONE}: 4 bytes per float32 element (8 per float64), exact.
 *   <li>{@code FP16}/{@code BF16}: 2 bytes per element.
 *   <li>{@code INT8}: a 4-byte scale, then 1 signed byte per element; element i is {@code q[i] * scale},
 *       with {@code scale = max|v| / 127} rounded so that it reproduces itself on re-encoding, and never
 *       below {@code Float.MIN_NORMAL} (see {@link #int8Scale}); a zero vector has scale 0. NaN and
 *       infinities cannot be represented and are an {@link EncodeException}.
 * </ul>
 *
 * Methods that take a destination allocate nothing.
 */
public final class VectorBytes {
  private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

  private VectorBytes() {}

  /** Bytes needed for {@code n} float32 elements stored as {@code q}. */
  public static int length(int n, Quantization q) {
    switch (q) {
      case NONE: return 4 * n;
      case FP16:
      case BF16: return 2 * n;
      case INT8: return 4 + n;
      default: throw new AssertionError(q);
    }
  }

  /**
   * The number of elements in {@code length} bytes stored as {@code q}.
   *
   * @throws DecodeException if no whole vector has that length
   */
  public static int elements(int length, Quantization q) {
    switch (q) {
      case NONE:
        if ((length & 3) == 0) {
          return length >>> 2;
        }
        break;
      case FP16:
      case BF16:
        if ((length & 1) == 0) {
          return length >>> 1;
        }
        break;
      case INT8:
        if (length >= 4) {
          return length - 4;
        }
        break;
      default:
        throw new AssertionError(q);
    }
    throw new DecodeException(length + " bytes are not a whole " + q + " vector");
  }

  /** {@code v} stored as {@code q}, in a new array. */
  public static byte[] encode(float[] v, Quantization q) {
    byte[] out = new byte[length(v.length, q)];
    if (q == Quantization.NONE) {
      // This form allocates anyway: a FloatBuffer view's bulk copy is several times faster than the
      // element loop that the allocation-free form below must use.
      ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(v);
      return out;
    }
    encode(v, q, out, 0);
    return out;
  }

  /**
   * Writes {@code v} stored as {@code q} into {@code dst} at {@code offset}; returns the bytes written.
   *
   * @throws EncodeException for NaN or an infinity in an INT8 vector
   */
  public static int encode(float[] v, Quantization q, byte[] dst, int offset) {
    int n = v.length;
    switch (q) {
      case NONE:
        // Element by element through the VarHandle rather than a FloatBuffer view: a view costs two
        // objects per call, and callers who supply the destination are promised no allocation.
        java.util.Objects.checkFromIndexSize(offset, 4 * n, dst.length);
        for (int i = 0; i < n; i++) {
          FLOAT_LE.set(dst, offset + 4 * i, v[i]);
        }
        return 4 * n;
      case FP16:
        for (int i = 0; i < n; i++) {
          SHORT_LE.set(dst, offset + 2 * i, Float16.fromFloat(v[i]));
        }
        return 2 * n;
      case BF16:
        for (int i = 0; i < n; i++) {
          SHORT_LE.set(dst, offset + 2 * i, BFloat16.fromFloat(v[i]));
        }
        return 2 * n;
      case INT8: {
        float max = 0f;
        for (int i = 0; i < n; i++) {
          float a = Math.abs(v[i]);
          if (!(a <= Float.MAX_VALUE)) {
            throw new EncodeException("element " + i + " is " + v[i] + ", which an INT8 vector cannot represent");
          }
          if (a > max) {
            max = a;
          }
        }
        float scale = int8Scale(max);
        FLOAT_LE.set(dst, offset, scale);
        if (scale == 0f) {
          java.util.Arrays.fill(dst, offset + 4, offset + 4 + n, (byte) 0);
        } else {
          // Divide in double so that q never exceeds 127 through a rounding of max / scale. Math.rint
          // (nearest, ties to even) compiles to one instruction where Math.round does not; either
          // keeps the error within scale / 2.
          double inv = 1.0 / scale;
          for (int i = 0; i < n; i++) {
            int r = (int) Math.rint(v[i] * inv);
            dst[offset + 4 + i] = (byte) Math.max(-127, Math.min(127, r));
          }
        }
        return 4 + n;
      }
      default:
        throw new AssertionError(q);
    }
  }

  /**
   * The INT8 scale for a vector whose largest magnitude is {@code max}: the smallest float {@code s}
   * whose product {@code 127 * s}, rounded to float as decoding rounds it, is at least {@code max}
   * (the largest finite one if that would overflow). Two things follow. No element needs more than
   * 127 steps, so the error stays within {@code s / 2} (plain {@code max / 127} can round down, far down
   * when subnormal, and push the largest element into the clamp). And the scale reproduces itself:
   * decoding gives a largest magnitude of {@code 127 * s}, whose scale is {@code s} again, so
   * re-encoding a decoded vector gives the same bytes. The scale is never subnormal (at least
   * {@code Float.MIN_NORMAL}, for any non-zero vector): a subnormal scale is too coarse to map the
   * largest element to exactly 127, which would let the scale shrink on every re-encoding; so vectors
   * smaller than about 1.5e-36 are kept to an absolute error of 2^-127.
   */
  static float int8Scale(float max) {
    if (max > 0f && max <= 127f * Float.MIN_NORMAL) {
      // Every element rounds to 0 below half the scale: store the zero vector's scale, which is what
      // re-encoding the decoded zeros would give.
      return max < Float.MIN_NORMAL / 2 ? 0f : Float.MIN_NORMAL;
    }
    float s = max / 127f;
    while (127f * s < max && Float.isFinite(127f * Math.nextUp(s))) {
      s = Math.nextUp(s);
    }
    while (s > 0f && 127f * Math.nextDown(s) >= max) {
      s = Math.nextDown(s);
    }
    while (!Float.isFinite(127f * s)) {
      s = Math.nextDown(s);
    }
    return s;
  }

  /**
   * Reads a float32 vector stored as {@code q} from {@code length} bytes of {@code src} at {@code offset}.
   *
   * @throws DecodeException if the length is not that of a whole vector
   */
  public static float[] decode(byte[] src, int offset, int length, Quantization q) {
    float[] out = new float[elements(length, q)];
    if (q == Quantization.NONE) {
      // As in encode(float[], Quantization): the bulk copy of a view, since this form allocates anyway.
      ByteBuffer.wrap(src, offset, length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }
    decode(src, offset, q, out);
    return out;
  }

  /**
   * Reads {@code dst.length} elements stored as {@code q} from {@code src} at {@code offset} into {@code dst}.
   *
   * @throws DecodeException for an INT8 vector whose scale is NaN or infinite
   */
  public static void decode(byte[] src, int offset, Quantization q, float[] dst) {
    int n = dst.length;
    switch (q) {
      case NONE:
        java.util.Objects.checkFromIndexSize(offset, 4 * n, src.length);
        for (int i = 0; i < n; i++) {
          dst[i] = (float) FLOAT_LE.get(src, offset + 4 * i);
        }
        return;
      case FP16: {
        // A table lookup per element (see Float16Table for the measurements behind it).
        float[] table = Float16Table.FLOATS;
        for (int i = 0; i < n; i++) {
          dst[i] = table[(short) SHORT_LE.get(src, offset + 2 * i) & 0xFFFF];
        }
        return;
      }
      case BF16:
        for (int i = 0; i < n; i++) {
          dst[i] = BFloat16.toFloat((short) SHORT_LE.get(src, offset + 2 * i));
        }
        return;
      case INT8: {
        float scale = (float) FLOAT_LE.get(src, offset);
        if (!Float.isFinite(scale)) {
          // The encoder never writes one, and the elements it gives (NaN, infinities) could not be
          // encoded again: a decoded value must survive a re-encode.
          throw new DecodeException("INT8 vector scale is " + scale + "; a scale must be finite");
        }
        for (int i = 0; i < n; i++) {
          dst[i] = src[offset + 4 + i] * scale;
        }
        return;
      }
      default:
        throw new AssertionError(q);
    }
  }

  /** {@code v} as little-endian float64s, in a new array. */
  public static byte[] encode(double[] v) {
    byte[] out = new byte[8 * v.length];
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(v);
    return out;
  }

  /**
   * A float64 vector from {@code length} little-endian bytes of {@code src} at {@code offset}.
   *
   * @throws DecodeException if the length is not a multiple of 8
   */
  public static double[] decodeDoubles(byte[] src, int offset, int length) {
    if ((length & 7) != 0) {
      throw new DecodeException(length + " bytes are not a whole float64 vector");
    }
    double[] out = new double[length >>> 3];
    ByteBuffer.wrap(src, offset, length).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
    return out;
  }

  /** A float32 vector within the bound of {@code q} of {@code v} (what a round trip through {@code q} yields). */
  public static float[] roundTrip(float[] v, Quantization q) {
    return q == Quantization.NONE ? v.clone() : decode(encode(v, q), 0, length(v.length, q), q);
  }
}
