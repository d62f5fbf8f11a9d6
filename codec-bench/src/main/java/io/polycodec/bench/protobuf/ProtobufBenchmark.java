package io.polycodec.bench.protobuf;

import com.google.protobuf.DynamicMessage;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.polycodec.bench.RoundTrip;
import io.polycodec.bench.payload.Payload;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Protobuf: Polycodec's codec next to protoc's generated classes used the ways an application uses
 * them — {@code toByteArray()} on a message built beforehand, the hand-written
 * {@code toProto(record).toByteArray()} mapping, {@code parseFrom} alone and followed by the conversion
 * to the record — and next to DynamicMessage, which Polycodec's GenericRecord codec compares with.
 * Targets: encode ≤ 0.8× the mapping path and ≤ 1.3× prebuilt; decode ≤ 1.3× parseFrom + convert and
 * ≥ 2.5× faster than DynamicMessage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProtobufBenchmark {
  /** Which {@link Payload}. */
  @Param({"user", "media", "twitter", "telemetry", "embedding", "fp16", "bf16", "int8"})
  public String payload;

  private Object value;
  private ProtoMapping<Object, Message> mapping;
  private Message prebuilt;
  private byte[] bytes;
  private Codec<Object> polycodec;
  private Codec<GenericRecord> generic;

  /**
   * Builds the inputs and checks that every path round-trips, that Polycodec writes the bytes
   * protobuf-java writes, and that each side reads the other's. The GenericRecord codec is only used
   * in the fork that measures it ({@code params} null: always), so that its calls through the shared
   * binding interfaces do not make the typed benchmarks' call sites polymorphic.
   */
  @Setup
  @SuppressWarnings("unchecked")
  public void setup(BenchmarkParams params) throws InvalidProtocolBufferException {
    Payload p = Payload.of(payload);
    value = p.sample();
    Object expected = p.expectedAfterRoundTrip(value);
    mapping = ProtoMappings.of(p);
    prebuilt = mapping.toProto(value);
    bytes = prebuilt.toByteArray();
    RoundTrip.check("protobuf mapping " + payload, expected, mapping.fromProto(mapping.parser().parseFrom(bytes)));
    RoundTrip.checkSameBytes("DynamicMessage " + payload, bytes,
        DynamicMessage.parseFrom(mapping.descriptor(), bytes).toByteArray());
    polycodec = (Codec<Object>) Codecs.get("protobuf", p.type());
    byte[] ours = polycodec.encode(value);
    RoundTrip.check("polycodec protobuf " + payload, expected, polycodec.decode(ours));
    RoundTrip.checkSameBytes("polycodec protobuf vs protobuf-java " + payload, bytes, ours);
    RoundTrip.check("polycodec reads protobuf-java " + payload, expected, polycodec.decode(bytes));
    if (params == null || params.getBenchmark().endsWith(".polycodecGenericDecode")) {
      generic = Codecs.generic("protobuf", Codecs.schemaOf(p.type()));
      RoundTrip.checkSameBytes("polycodec GenericRecord " + payload, bytes, generic.encode(generic.decode(bytes)));
    }
  }

  /** Polycodec: record to bytes. */
  @Benchmark
  public byte[] polycodecEncode() {
    return polycodec.encode(value);
  }

  /** Polycodec: bytes to record. */
  @Benchmark
  public Object polycodecDecode() {
    return polycodec.decode(bytes);
  }

  /** Polycodec: bytes to GenericRecord (the schema-at-run-time path, next to DynamicMessage). */
  @Benchmark
  public GenericRecord polycodecGenericDecode() {
    return generic.decode(bytes);
  }

  /** Generated: {@code toByteArray()} on a prebuilt message (the floor: no mapping at all). */
  @Benchmark
  public byte[] generatedPrebuiltEncode() {
    return prebuilt.toByteArray();
  }

  /** Generated: {@code toProto(record).toByteArray()}, what a user writes to keep their records. */
  @Benchmark
  public byte[] generatedMappedEncode() {
    return mapping.toProto(value).toByteArray();
  }

  /** Generated: {@code parseFrom} alone. */
  @Benchmark
  public Message generatedParse() throws InvalidProtocolBufferException {
    return mapping.parser().parseFrom(bytes);
  }

  /** Generated: {@code parseFrom}, then the conversion to the record. */
  @Benchmark
  public Object generatedParseConvert() throws InvalidProtocolBufferException {
    return mapping.fromProto(mapping.parser().parseFrom(bytes));
  }

  /** DynamicMessage: {@code parseFrom(descriptor, bytes)}, the schema-at-run-time path. */
  @Benchmark
  public Message dynamicParse() throws InvalidProtocolBufferException {
    return DynamicMessage.parseFrom(mapping.descriptor(), bytes);
  }
}
