package io.polycodec.bench.msgpack;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.bench.RoundTrip;
import io.polycodec.bench.jackson.JacksonMappers;
import io.polycodec.bench.jackson.JacksonPeer;
import io.polycodec.bench.payload.Payload;
import java.io.IOException;
import io.polycodec.msgpack.MsgpackKeys;
import io.polycodec.msgpack.MsgpackOptions;
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
 * MessagePack: Polycodec's codec (default name-keyed mode, and compact tag-keyed mode) next to
 * hand-written msgpack-core code (a new buffer packer per message, as the library's examples do; the
 * same layout as the name-keyed mode) and jackson-dataformat-msgpack with a reused
 * ObjectWriter/ObjectReader. Targets: within 1.15× of hand-written msgpack-core; decode at least
 * 1.5× faster than jackson-dataformat-msgpack.
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
  private Codec<Object> polycodec;
  private byte[] polycodecBytes;
  private Codec<Object> compact;
  private byte[] compactBytes;

  /** Builds the inputs and checks that every path round-trips and that Polycodec and the hand-written code read each other. */
  @Setup
  @SuppressWarnings("unchecked")
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
    polycodec = (Codec<Object>) Codecs.get("msgpack", p.type());
    polycodecBytes = polycodec.encode(value);
    RoundTrip.check("polycodec msgpack " + payload, expected, polycodec.decode(polycodecBytes));
    RoundTrip.check("polycodec reads msgpack-core by hand " + payload, expected, polycodec.decode(handBytes));
    RoundTrip.check("msgpack-core by hand reads polycodec " + payload, expected, read(polycodecBytes));
    if (polycodecBytes.length != handBytes.length) {
      throw new IllegalStateException(payload + ": Polycodec wrote " + polycodecBytes.length
          + " bytes, the hand-written code " + handBytes.length + " (the same fields in another order)");
    }
    compact = (Codec<Object>) Codecs.get("msgpack", p.type(),
        CodecOptions.defaults().with(MsgpackOptions.KEYS, MsgpackKeys.TAGS));
    compactBytes = compact.encode(value);
    RoundTrip.check("polycodec msgpack compact " + payload, expected, compact.decode(compactBytes));
  }

  /** Polycodec, keyed by name: record to bytes. */
  @Benchmark
  public byte[] polycodecEncode() {
    return polycodec.encode(value);
  }

  /** Polycodec, keyed by name: bytes to record. */
  @Benchmark
  public Object polycodecDecode() {
    return polycodec.decode(polycodecBytes);
  }

  /** Polycodec, keyed by tag (compact): record to bytes. */
  @Benchmark
  public byte[] polycodecCompactEncode() {
    return compact.encode(value);
  }

  /** Polycodec, keyed by tag (compact): bytes to record. */
  @Benchmark
  public Object polycodecCompactDecode() {
    return compact.decode(compactBytes);
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
