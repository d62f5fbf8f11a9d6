package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.bench.RoundTrip;
import io.polycodec.bench.payload.Payload;
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
 * FlatBuffers: flatc-generated classes used by hand — builder code (a new 1 KiB builder per message,
 * as flatc's examples do) and a full conversion through the generated accessors to the record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FlatbuffersBenchmark {
  /** Which {@link Payload}. */
  @Param({"user", "media", "twitter", "telemetry", "embedding", "fp16", "bf16", "int8"})
  public String payload;

  private Object value;
  private FlatMapping<Object> generated;
  private byte[] generatedBytes;

  /** Builds the inputs and checks that every path round-trips. */
  @Setup
  public void setup() {
    Payload p = Payload.of(payload);
    value = p.sample();
    Object expected = p.expectedAfterRoundTrip(value);
    generated = FlatMappings.of(p);
    generatedBytes = generatedEncode();
    RoundTrip.check("flatc-generated " + payload, expected, generated.read(ByteBuffer.wrap(generatedBytes)));
  }

  /** flatc-generated builder code: record to bytes. */
  @Benchmark
  public byte[] generatedEncode() {
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    b.finish(generated.build(b, value));
    return b.sizedByteArray();
  }

  /** flatc-generated accessors: bytes to record (every field read). */
  @Benchmark
  public Object generatedDecode() {
    return generated.read(ByteBuffer.wrap(generatedBytes));
  }
}
