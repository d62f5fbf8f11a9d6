package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.bench.flatbuffers.gen.ViewBlob;
import java.nio.ByteBuffer;
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
 * One scalar read from a FlatBuffers message of about 100 B and of about 1 MB: a zero-copy read must
 * cost the same at both sizes and allocate nothing (target: the 1 MB read within 2× of the 100 B one,
 * 0 B/op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FlatbuffersViewBenchmark {
  /** The message size. */
  @Param({"100B", "1MB"})
  public String size;

  static final long ID = 0x0123_4567_89AB_CDEFL;

  private ByteBuffer buffer;

  /** The blob's payload length for a message of about {@code size}. */
  static int payloadLength(String size) {
    switch (size) {
      case "100B": return 64;
      case "1MB": return (1 << 20) - 36;
      default: throw new IllegalArgumentException(size);
    }
  }

  /** A payload of {@code n} bytes that is not all zeros. */
  static byte[] payload(int n) {
    byte[] p = new byte[n];
    for (int i = 0; i < n; i++) {
      p[i] = (byte) (i * 31 + 7);
    }
    return p;
  }

  /** Builds the message with flatc's classes and checks the scalar reads back. */
  @Setup
  public void setup() {
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    b.finish(ViewBlob.createViewBlob(b, ID, ViewBlob.createPayloadVector(b, payload(payloadLength(size)))));
    buffer = ByteBuffer.wrap(b.sizedByteArray());
    if (generatedScalar() != ID) {
      throw new IllegalStateException("the generated accessor read the wrong id");
    }
  }

  /** flatc-generated: {@code getRootAsViewBlob(buffer).id()}. */
  @Benchmark
  public long generatedScalar() {
    return ViewBlob.getRootAsViewBlob(buffer).id();
  }
}
