package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecOptions;
import io.polycodec.bench.flatbuffers.gen.ViewBlob;
import io.polycodec.bench.model.TelemetryBatch;
import io.polycodec.bench.payload.Samples;
import io.polycodec.flatbuffers.FlatBuffersCodec;
import io.polycodec.flatbuffers.FlatBuffersOptions;
import io.polycodec.flatbuffers.FlatView;
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
 * 0 B/op). Two kinds of content: {@code bytes}, a long next to one opaque byte vector
 * ({@link io.polycodec.bench.model.ViewBlob}), and {@code tables}, a {@link TelemetryBatch} whose
 * readings are tables (1 or 26,000 of them). Polycodec's view is measured verified (the default:
 * {@code codec.view(buffer)} checks what the schema reaches first) and trusted (verification off), both
 * opening the view per read, and as a read from a view opened once.
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

  /** What fills the message. */
  @Param({"bytes", "tables"})
  public String content;

  static final long ID = 0x0123_4567_89AB_CDEFL;
  static final int READINGS_1MB = 26_000;

  private boolean blob;
  private ByteBuffer generated;
  private ByteBuffer polycodec;
  private FlatBuffersCodec<?> verified;
  private FlatBuffersCodec<?> trusted;
  private FlatView<?> open;
  private int field;
  private long expected;

  /** A payload of {@code n} bytes that is not all zeros. */
  static byte[] payload(int n) {
    byte[] p = new byte[n];
    for (int i = 0; i < n; i++) {
      p[i] = (byte) (i * 31 + 7);
    }
    return p;
  }

  /** Builds the message with flatc's classes and with Polycodec, and checks the scalar reads back. */
  @Setup
  public void setup() {
    boolean big = size.equals("1MB");
    blob = content.equals("bytes");
    CodecOptions noVerify = CodecOptions.defaults().with(FlatBuffersOptions.VERIFY, false);
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    if (blob) {
      byte[] p = payload(big ? (1 << 20) - 36 : 64);
      b.finish(ViewBlob.createViewBlob(b, ID, ViewBlob.createPayloadVector(b, p)));
      FlatBuffersCodec<io.polycodec.bench.model.ViewBlob> c = FlatBuffersCodec.of(io.polycodec.bench.model.ViewBlob.class);
      polycodec = ByteBuffer.wrap(c.encode(new io.polycodec.bench.model.ViewBlob(ID, p)));
      verified = c;
      trusted = FlatBuffersCodec.of(io.polycodec.bench.model.ViewBlob.class, noVerify);
      field = c.fieldIndex("id");
      expected = ID;
    } else {
      TelemetryBatch batch = Samples.telemetryBatch(big ? READINGS_1MB : 1);
      b.finish(new TelemetryBatchFlat().build(b, batch));
      FlatBuffersCodec<TelemetryBatch> c = FlatBuffersCodec.of(TelemetryBatch.class);
      polycodec = ByteBuffer.wrap(c.encode(batch));
      verified = c;
      trusted = FlatBuffersCodec.of(TelemetryBatch.class, noVerify);
      field = c.fieldIndex("sequence");
      expected = batch.sequence();
    }
    generated = ByteBuffer.wrap(b.sizedByteArray());
    open = verified.view(polycodec);
    if (generatedScalar() != expected || polycodecViewScalar() != expected || polycodecTrustedViewScalar() != expected
        || polycodecOpenViewScalar() != expected) {
      throw new IllegalStateException("a view read the wrong scalar");
    }
  }

  /** flatc-generated accessor on the root table (no verification: flatbuffers-java has none). */
  @Benchmark
  public long generatedScalar() {
    return blob
        ? ViewBlob.getRootAsViewBlob(generated).id()
        : io.polycodec.bench.flatbuffers.gen.TelemetryBatch.getRootAsTelemetryBatch(generated).sequence();
  }

  /** Polycodec: {@code codec.view(buffer).getLong(field)}, the buffer verified first. */
  @Benchmark
  public long polycodecViewScalar() {
    return verified.view(polycodec).getLong(field);
  }

  /** Polycodec: the same with verification off. */
  @Benchmark
  public long polycodecTrustedViewScalar() {
    return trusted.view(polycodec).getLong(field);
  }

  /**
   * Polycodec: the scalar from a view opened (and verified) once in setup, as a reader holding a view
   * over a received message does: the read itself, which must not depend on the size nor allocate.
   */
  @Benchmark
  public long polycodecOpenViewScalar() {
    return open.getLong(field);
  }
}
