package io.polycodec.bench.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.CallOptions;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.polycodec.Tag;
import io.polycodec.bench.RoundTrip;
import io.polycodec.grpc.RecordService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * gRPC unary calls with small messages, Polycodec records (codec-grpc, Protobuf format) next to
 * protoc-generated messages with the marshaller generated stubs use ({@code ProtoUtils.marshaller}), in
 * the same run: whole calls over Netty on 127.0.0.1 (client and server in this JVM, one call at a
 * time), and the marshaller alone (request encoded to bytes and parsed back, as gRPC does on the two
 * ends). Results are calls (or round trips) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GrpcUnaryBenchmark {
  /** The request, as a record. */
  public record Hello(@Tag(1) String name, @Tag(2) int times) {}

  /** The reply, as a record. */
  public record Reply(@Tag(1) String message, @Tag(2) Instant at) {}

  private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123Z");
  private static final Timestamp AT_PROTO = Timestamp.newBuilder().setSeconds(AT.getEpochSecond()).setNanos(AT.getNano()).build();

  private final MethodDescriptor<Hello, Reply> polycodecMethod =
      RecordService.of("bench.RecordGreeter", "protobuf").unary("SayHello", Hello.class, Reply.class);
  // What protoc-gen-grpc-java generates for `rpc SayHello (HelloRequest) returns (HelloReply)`.
  private final MethodDescriptor<io.polycodec.bench.grpc.gen.HelloRequest, io.polycodec.bench.grpc.gen.HelloReply> generatedMethod =
      MethodDescriptor.<io.polycodec.bench.grpc.gen.HelloRequest, io.polycodec.bench.grpc.gen.HelloReply>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName("bench.GeneratedGreeter", "SayHello"))
          .setSampledToLocalTracing(true)
          .setRequestMarshaller(ProtoUtils.marshaller(io.polycodec.bench.grpc.gen.HelloRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(io.polycodec.bench.grpc.gen.HelloReply.getDefaultInstance()))
          .build();

  private final Hello request = new Hello("Ada Lovelace", 3);
  private final io.polycodec.bench.grpc.gen.HelloRequest generatedRequest =
      io.polycodec.bench.grpc.gen.HelloRequest.newBuilder().setName("Ada Lovelace").setTimes(3).build();

  private Server server;
  private ManagedChannel channel;

  /** Starts one server with both services and checks that both answer, with the same bytes. */
  @Setup
  public void setup() throws IOException {
    ServerServiceDefinition polycodec = RecordService.of("bench.RecordGreeter", "protobuf").serverBuilder()
        .unary(polycodecMethod, (req, out) -> {
          out.onNext(new Reply("hello " + req.name(), AT));
          out.onCompleted();
        })
        .build();
    ServerServiceDefinition generated = ServerServiceDefinition.builder("bench.GeneratedGreeter")
        .addMethod(generatedMethod, ServerCalls.asyncUnaryCall((req, out) -> {
          out.onNext(io.polycodec.bench.grpc.gen.HelloReply.newBuilder().setMessage("hello " + req.getName()).setAt(AT_PROTO).build());
          out.onCompleted();
        }))
        .build();
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(polycodec).addService(generated).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();

    RoundTrip.check("polycodec call", new Reply("hello Ada Lovelace", AT), polycodecCall());
    io.polycodec.bench.grpc.gen.HelloReply generatedReply = generatedCall();
    RoundTrip.check("generated call", "hello Ada Lovelace", generatedReply.getMessage());
    RoundTrip.checkSameBytes("request bytes", drain(generatedMethod.streamRequest(generatedRequest)),
        drain(polycodecMethod.streamRequest(request)));
    RoundTrip.checkSameBytes("reply bytes", generatedReply.toByteArray(),
        drain(polycodecMethod.streamResponse(new Reply("hello Ada Lovelace", AT))));
    RoundTrip.check("polycodec marshaller", request, polycodecMarshaller());
    RoundTrip.check("generated marshaller", generatedRequest, generatedMarshaller());
  }

  /** Stops the channel and the server. */
  @TearDown
  public void tearDown() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** One unary call, records and codec-grpc on both ends. */
  @Benchmark
  public Reply polycodecCall() {
    return ClientCalls.blockingUnaryCall(channel, polycodecMethod, CallOptions.DEFAULT, request);
  }

  /** One unary call, generated messages and ProtoUtils marshallers on both ends. */
  @Benchmark
  public io.polycodec.bench.grpc.gen.HelloReply generatedCall() {
    return ClientCalls.blockingUnaryCall(channel, generatedMethod, CallOptions.DEFAULT, generatedRequest);
  }

  /** The request through codec-grpc's marshaller: to bytes, and parsed back from a stream of known length. */
  @Benchmark
  public Hello polycodecMarshaller() {
    return polycodecMethod.parseRequest(new Bytes(drain(polycodecMethod.streamRequest(request))));
  }

  /** The request through ProtoUtils' marshaller, the same way. */
  @Benchmark
  public io.polycodec.bench.grpc.gen.HelloRequest generatedMarshaller() {
    return generatedMethod.parseRequest(new Bytes(drain(generatedMethod.streamRequest(generatedRequest))));
  }

  /**
   * The bytes of a marshalled message, as gRPC's framer takes them (both marshallers' streams are
   * {@link Drainable}). Draining also keeps ProtoUtils from handing the message object straight back,
   * which it does when given its own stream.
   */
  private static byte[] drain(InputStream in) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(in.available());
      ((Drainable) in).drainTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Received bytes as gRPC's transport hands them to a marshaller: a stream of known length. */
  private static final class Bytes extends ByteArrayInputStream implements KnownLength {
    Bytes(byte[] bytes) {
      super(bytes);
    }
  }
}
