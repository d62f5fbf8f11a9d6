package io.polycodec.bench.json;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.bench.RoundTrip;
import io.polycodec.bench.jackson.JacksonMappers;
import io.polycodec.bench.jackson.JacksonPeer;
import io.polycodec.bench.payload.Payload;
import java.io.IOException;
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
 * JSON: Polycodec's codec next to Jackson databind with a reused ObjectWriter/ObjectReader (the
 * target: Polycodec within 1.1× of Jackson in time and in bytes allocated).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class JsonBenchmark {
  /** Which {@link Payload}. */
  @Param({"user", "media", "twitter", "telemetry", "embedding", "fp16", "bf16", "int8"})
  public String payload;

  private Object value;
  private Codec<Object> polycodec;
  private byte[] polycodecBytes;
  private JacksonPeer jackson;
  private byte[] jacksonBytes;

  /** Builds the inputs and checks that both paths round-trip (and agree on the bytes). */
  @Setup
  @SuppressWarnings("unchecked")
  public void setup() throws IOException {
    Payload p = Payload.of(payload);
    value = p.sample();
    Object expected = p.expectedAfterRoundTrip(value);
    polycodec = (Codec<Object>) Codecs.get("json", p.type());
    polycodecBytes = polycodec.encode(value);
    RoundTrip.check("polycodec json " + payload, expected, polycodec.decode(polycodecBytes));
    jackson = JacksonPeer.of(JacksonMappers.json(), p);
    jacksonBytes = jackson.encode(value);
    RoundTrip.check("jackson json " + payload, expected, jackson.decode(jacksonBytes));
    RoundTrip.check("jackson reads polycodec json " + payload, expected, jackson.decode(polycodecBytes));
    RoundTrip.check("polycodec reads jackson json " + payload, expected, polycodec.decode(jacksonBytes));
  }

  /** Polycodec: record to JSON bytes. */
  @Benchmark
  public byte[] polycodecEncode() {
    return polycodec.encode(value);
  }

  /** Polycodec: JSON bytes to record. */
  @Benchmark
  public Object polycodecDecode() {
    return polycodec.decode(polycodecBytes);
  }

  /** Jackson: {@code ObjectWriter.writeValueAsBytes}. */
  @Benchmark
  public byte[] jacksonEncode() throws IOException {
    return jackson.encode(value);
  }

  /** Jackson: {@code ObjectReader.readValue}. */
  @Benchmark
  public Object jacksonDecode() throws IOException {
    return jackson.decode(jacksonBytes);
  }
}
