package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecOptions;
import io.polycodec.bench.RoundTrip;
import io.polycodec.flatbuffers.FlatBuffersCodec;
import io.polycodec.flatbuffers.FlatBuffersOptions;
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
 * FlatBuffers: Polycodec's codec (decoding verified, as by default, and trusted with verification
 * off) next to flatc-generated classes used by hand — builder code (a new 1 KiB builder per message,
 * as flatc's examples do) and a full conversion through the generated accessors to the record. The
 * generated accessors do not verify anything.
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
  private FlatBuffersCodec<Object> polycodec;
  private FlatBuffersCodec<Object> trusted;
  private byte[] polycodecBytes;

  /**
   * Builds the inputs and checks that every path round-trips and, where the layouts agree (all but the
   * quantized embeddings, which Polycodec stores as [ushort] or an Int8Vector table), that each side
   * reads the other's bytes.
   */
  @Setup
  @SuppressWarnings("unchecked")
  public void setup() {
    Payload p = Payload.of(payload);
    value = p.sample();
    Object expected = p.expectedAfterRoundTrip(value);
    generated = FlatMappings.of(p);
    generatedBytes = generatedEncode();
    RoundTrip.check("flatc-generated " + payload, expected, generated.read(ByteBuffer.wrap(generatedBytes)));
    polycodec = (FlatBuffersCodec<Object>) FlatBuffersCodec.of(p.type());
    trusted = (FlatBuffersCodec<Object>) FlatBuffersCodec.of(p.type(),
        CodecOptions.defaults().with(FlatBuffersOptions.VERIFY, false));
    polycodecBytes = polycodec.encode(value);
    RoundTrip.check("polycodec flatbuffers " + payload, expected, polycodec.decode(polycodecBytes));
    RoundTrip.check("polycodec flatbuffers, trusted " + payload, expected, trusted.decode(polycodecBytes));
    if (!p.isEmbedding() || p == Payload.EMBEDDING) {
      RoundTrip.check("flatc-generated reads polycodec " + payload, expected,
          generated.read(ByteBuffer.wrap(polycodecBytes)));
      RoundTrip.check("polycodec reads flatc-generated " + payload, expected, polycodec.decode(generatedBytes));
    }
  }

  /** Polycodec: record to bytes. */
  @Benchmark
  public byte[] polycodecEncode() {
    return polycodec.encode(value);
  }

  /** Polycodec: bytes to record, verified first (the default). */
  @Benchmark
  public Object polycodecDecode() {
    return polycodec.decode(polycodecBytes);
  }

  /** Polycodec: bytes to record, verification off (bytes the application wrote or verified itself). */
  @Benchmark
  public Object polycodecTrustedDecode() {
    return trusted.decode(polycodecBytes);
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
