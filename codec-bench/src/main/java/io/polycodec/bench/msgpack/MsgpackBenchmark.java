package io.polycodec.bench.msgpack;

import io.polycodec.bench.RoundTrip;
import io.polycodec.bench.jackson.JacksonMappers;
import io.polycodec.bench.jackson.JacksonPeer;
import io.polycodec.bench.payload.Payload;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
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
 * MessagePack: hand-written msgpack-core code (a new buffer packer per message, as the library's
 * examples do) and jackson-dataformat-msgpack with a reused ObjectWriter/ObjectReader.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class MsgpackBenchmark {
  /** Which {@link Payload}. */
  @Param({"user", "media", "twitter", "telemetry", "embedding", "fp16", "bf16", "int8"})
  public String payload;

  private Object value;
  private MsgpackMapping<Object> hand;
  private byte[] handBytes;
  private JacksonPeer jackson;
  private byte[] jacksonBytes;

  /** Builds the inputs and checks that every path round-trips. */
  @Setup
  public void setup() throws IOException {
    Payload p = Payload.of(payload);
    value = p.sample();
    Object expected = p.expectedAfterRoundTrip(value);
    hand = MsgpackMappings.of(p);
    handBytes = handWrittenEncode();
    RoundTrip.check("msgpack-core by hand " + payload, expected, read(handBytes));
    jackson = JacksonPeer.of(JacksonMappers.msgpack(), p);
    jacksonBytes = jackson.encode(value);
    RoundTrip.check("jackson-dataformat-msgpack " + payload, expected, jackson.decode(jacksonBytes));
  }

  private Object read(byte[] bytes) throws IOException {
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
      Object v = hand.read(u);
      if (u.hasNext()) {
        throw new IllegalStateException("trailing bytes");
      }
      return v;
    }
  }

  /** msgpack-core by hand: record to bytes. */
  @Benchmark
  public byte[] handWrittenEncode() throws IOException {
    MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
    hand.write(p, value);
    return p.toByteArray();
  }

  /** msgpack-core by hand: bytes to record. */
  @Benchmark
  public Object handWrittenDecode() throws IOException {
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(handBytes)) {
      return hand.read(u);
    }
  }

  /** jackson-dataformat-msgpack: record to bytes. */
  @Benchmark
  public byte[] jacksonEncode() throws IOException {
    return jackson.encode(value);
  }

  /** jackson-dataformat-msgpack: bytes to record. */
  @Benchmark
  public Object jacksonDecode() throws IOException {
    return jackson.decode(jacksonBytes);
  }
}
