package io.polycodec.bench.vector;

import io.polycodec.bench.payload.Samples;
import io.polycodec.schema.Quantization;
import io.polycodec.vector.VectorBytes;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link VectorBytes} on one 768-float embedding: float32 vector to its stored bytes ("encode":
 * quantize, or the raw little-endian copy for NONE) and back ("decode"), into destinations the caller
 * supplies (targets: 0 B/op; at least 2 GB/s of float input per core for FP16/BF16/INT8, 5 GB/s for
 * NONE) and into new arrays. GB/s = 3,072 bytes of float input ÷ ns/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class QuantizationBenchmark {
  /** The storage. */
  @Param({"NONE", "FP16", "BF16", "INT8"})
  public Quantization quantization;

  private float[] input;
  private byte[] encoded;
  private byte[] bytesOut;
  private float[] floatsOut;

  /** Builds the vector and checks that both directions agree with the allocating forms. */
  @Setup
  public void setup() {
    input = Samples.embeddingValues();
    encoded = VectorBytes.encode(input, quantization);
    bytesOut = new byte[encoded.length];
    floatsOut = new float[input.length];
    VectorBytes.encode(input, quantization, bytesOut, 0);
    if (!Arrays.equals(encoded, bytesOut)) {
      throw new IllegalStateException(quantization + ": encoding into a buffer differs from encode()");
    }
    VectorBytes.decode(encoded, 0, quantization, floatsOut);
    if (!Arrays.equals(floatsOut, VectorBytes.roundTrip(input, quantization))) {
      throw new IllegalStateException(quantization + ": decoding into a buffer differs from roundTrip()");
    }
  }

  /** Floats to bytes, into the caller's array. */
  @Benchmark
  public byte[] encodeInto() {
    VectorBytes.encode(input, quantization, bytesOut, 0);
    return bytesOut;
  }

  /** Bytes to floats, into the caller's array. */
  @Benchmark
  public float[] decodeInto() {
    VectorBytes.decode(encoded, 0, quantization, floatsOut);
    return floatsOut;
  }

  /** Floats to a new byte array. */
  @Benchmark
  public byte[] encodeNew() {
    return VectorBytes.encode(input, quantization);
  }

  /** Bytes to a new float array. */
  @Benchmark
  public float[] decodeNew() {
    return VectorBytes.decode(encoded, 0, encoded.length, quantization);
  }
}
