package io.polycodec.bench.protobuf;

import com.google.protobuf.DynamicMessage;
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

/**
 * Protobuf: protoc's generated classes used the ways an application uses them — {@code toByteArray()}
 * on a message built beforehand, the hand-written {@code toProto(record).toByteArray()} mapping,
 * {@code parseFrom} alone and followed by the conversion to the record, and DynamicMessage.
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

  /** Builds the inputs and checks that every path round-trips. */
  @Setup
  public void setup() throws InvalidProtocolBufferException {
    Payload p = Payload.of(payload);
    value = p.sample();
    Object expected = p.expectedAfterRoundTrip(value);
    mapping = ProtoMappings.of(p);
    prebuilt = mapping.toProto(value);
    bytes = prebuilt.toByteArray();
    RoundTrip.check("protobuf mapping " + payload, expected, mapping.fromProto(mapping.parser().parseFrom(bytes)));
    RoundTrip.checkSameBytes("DynamicMessage " + payload, bytes,
        DynamicMessage.parseFrom(mapping.descriptor(), bytes).toByteArray());
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
