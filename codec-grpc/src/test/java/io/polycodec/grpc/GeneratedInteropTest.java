package io.polycodec.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.CallOptions;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.polycodec.Codec;
import io.polycodec.grpc.Greeter.ChatMessage;
import io.polycodec.grpc.Greeter.CountRequest;
import io.polycodec.grpc.Greeter.HelloReply;
import io.polycodec.grpc.Greeter.HelloRequest;
import io.polycodec.grpc.Greeter.Mood;
import io.polycodec.grpc.Greeter.Tick;
import io.polycodec.grpc.test.gen.GreeterGrpc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * protoc-generated stubs and Polycodec records on either end of real calls (Netty on 127.0.0.1): a
 * generated client against the records-based server and a records-based client against the generated
 * server, for unary, server-streaming, client-streaming and bidi methods. Every message's bytes, as
 * recorded at the server, must equal both the generated message's {@code toByteArray()} (built here
 * with the generated builders) and Polycodec's encoding of the matching record.
 */
@Timeout(60)
class GeneratedInteropTest {
  private static final Greeter PROTO = new Greeter("protobuf");

  private final WireRecorder wire = new WireRecorder();
  private LoopbackServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static CallOptions deadline() {
    return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static <T> byte[] encode(Class<T> type, T value) {
    Codec<T> codec = PROTO.service.marshaller(type).codec();
    return codec.encode(value);
  }

  // The same requests in both representations, each built independently.
  private static final HelloRequest FULL = new HelloRequest("Ada ✓ 𝄞", 3, List.of("x", "y", "x"), Optional.of("hi"));
  private static final io.polycodec.grpc.test.gen.HelloRequest FULL_GEN = io.polycodec.grpc.test.gen.HelloRequest
      .newBuilder().setName("Ada ✓ 𝄞").setTimes(3).addAllTags(List.of("x", "y", "x")).setGreeting("hi").build();
  // Defaults everywhere, but the optional field present and empty: proto3 presence must survive.
  private static final HelloRequest EMPTY = new HelloRequest("", 0, List.of(), Optional.of(""));
  private static final io.polycodec.grpc.test.gen.HelloRequest EMPTY_GEN = io.polycodec.grpc.test.gen.HelloRequest
      .newBuilder().setGreeting("").build();

  private static HelloReply expectedReply(HelloRequest r) {
    return new HelloReply(Greeter.greeting(r.name(), r.times(), r.tags(), r.greeting()), Greeter.AT,
        Greeter.counts(r.tags()));
  }

  private void assertWire(List<? extends Message> generatedRequests, List<byte[]> recordRequests,
      List<? extends Message> generatedResponses, List<byte[]> recordResponses) {
    assertEquals(generatedRequests.size(), wire.requests.size(), "requests on the wire");
    assertEquals(generatedResponses.size(), wire.responses.size(), "responses on the wire");
    for (int i = 0; i < generatedRequests.size(); i++) {
      assertArrayEquals(generatedRequests.get(i).toByteArray(), wire.requests.get(i), "request " + i + " vs generated");
      assertArrayEquals(recordRequests.get(i), wire.requests.get(i), "request " + i + " vs Polycodec");
    }
    for (int i = 0; i < generatedResponses.size(); i++) {
      assertArrayEquals(generatedResponses.get(i).toByteArray(), wire.responses.get(i), "response " + i + " vs generated");
      assertArrayEquals(recordResponses.get(i), wire.responses.get(i), "response " + i + " vs Polycodec");
    }
  }

  @Test
  void generatedClientCallsRecordsServerUnary() throws Exception {
    server = LoopbackServer.start(wire.wrap(PROTO.server()));
    GreeterGrpc.GreeterBlockingStub stub = GreeterGrpc.newBlockingStub(server.channel).withDeadlineAfter(10, TimeUnit.SECONDS);

    io.polycodec.grpc.test.gen.HelloReply full = stub.sayHello(FULL_GEN);
    io.polycodec.grpc.test.gen.HelloReply empty = stub.sayHello(EMPTY_GEN);

    assertEquals(GeneratedGreeter.reply(FULL_GEN), full);
    assertEquals("hi Ada ✓ 𝄞 x3 [x, y, x]", full.getMessage());
    assertEquals(Map.of("x", 2L, "y", 1L), full.getCountsMap());
    assertEquals(Timestamp.newBuilder().setSeconds(Greeter.AT.getEpochSecond()).setNanos(Greeter.AT.getNano()).build(),
        full.getAt());
    assertEquals(GeneratedGreeter.reply(EMPTY_GEN), empty);
    assertEquals("  x0 []", empty.getMessage());
    assertWire(List.of(FULL_GEN, EMPTY_GEN),
        List.of(encode(HelloRequest.class, FULL), encode(HelloRequest.class, EMPTY)),
        List.of(GeneratedGreeter.reply(FULL_GEN), GeneratedGreeter.reply(EMPTY_GEN)),
        List.of(encode(HelloReply.class, expectedReply(FULL)), encode(HelloReply.class, expectedReply(EMPTY))));
  }

  @Test
  void recordsClientCallsGeneratedServerUnary() throws Exception {
    server = LoopbackServer.start(wire.wrap(new GeneratedGreeter().bindService()));

    HelloReply full = ClientCalls.blockingUnaryCall(server.channel, PROTO.sayHello, deadline(), FULL);
    HelloReply empty = ClientCalls.blockingUnaryCall(server.channel, PROTO.sayHello, deadline(), EMPTY);

    assertEquals(new HelloReply("hi Ada ✓ 𝄞 x3 [x, y, x]", Greeter.AT, Map.of("x", 2L, "y", 1L)), full);
    assertEquals(new HelloReply("  x0 []", Greeter.AT, Map.of()), empty);
    assertWire(List.of(FULL_GEN, EMPTY_GEN),
        List.of(encode(HelloRequest.class, FULL), encode(HelloRequest.class, EMPTY)),
        List.of(GeneratedGreeter.reply(FULL_GEN), GeneratedGreeter.reply(EMPTY_GEN)),
        List.of(encode(HelloReply.class, full), encode(HelloReply.class, empty)));
  }

  private static List<io.polycodec.grpc.test.gen.Tick> generatedTicks(long upTo) {
    List<io.polycodec.grpc.test.gen.Tick> out = new ArrayList<>();
    for (long i = 1; i <= upTo; i++) {
      out.add(io.polycodec.grpc.test.gen.Tick.newBuilder().setN(i).setPayload(ByteString.copyFrom(Greeter.payload(i))).build());
    }
    return out;
  }

  private static List<byte[]> tickBytes(long upTo) {
    List<byte[]> out = new ArrayList<>();
    for (long i = 1; i <= upTo; i++) {
      out.add(encode(Tick.class, new Tick(i, Greeter.payload(i))));
    }
    return out;
  }

  @Test
  void generatedClientCallsRecordsServerServerStreaming() throws Exception {
    server = LoopbackServer.start(wire.wrap(PROTO.server()));
    GreeterGrpc.GreeterBlockingStub stub = GreeterGrpc.newBlockingStub(server.channel).withDeadlineAfter(10, TimeUnit.SECONDS);

    List<io.polycodec.grpc.test.gen.Tick> ticks = new ArrayList<>();
    stub.countTo(io.polycodec.grpc.test.gen.CountRequest.newBuilder().setUpTo(7).build()).forEachRemaining(ticks::add);

    assertEquals(generatedTicks(7), ticks);
    assertWire(List.of(io.polycodec.grpc.test.gen.CountRequest.newBuilder().setUpTo(7).build()),
        List.of(encode(CountRequest.class, new CountRequest(7))), generatedTicks(7), tickBytes(7));
  }

  @Test
  void recordsClientCallsGeneratedServerServerStreaming() throws Exception {
    server = LoopbackServer.start(wire.wrap(new GeneratedGreeter().bindService()));

    Iterator<Tick> it = ClientCalls.blockingServerStreamingCall(server.channel, PROTO.countTo, deadline(), new CountRequest(7));
    List<Tick> ticks = new ArrayList<>();
    it.forEachRemaining(ticks::add);

    assertEquals(7, ticks.size());
    for (int i = 0; i < 7; i++) {
      assertEquals(i + 1, ticks.get(i).n());
      assertArrayEquals(Greeter.payload(i + 1), ticks.get(i).payload());
    }
    assertWire(List.of(io.polycodec.grpc.test.gen.CountRequest.newBuilder().setUpTo(7).build()),
        List.of(encode(CountRequest.class, new CountRequest(7))), generatedTicks(7), tickBytes(7));
  }

  private static final List<ChatMessage> CHAT = List.of(new ChatMessage("ann", "hello", Mood.HAPPY),
      new ChatMessage("ann", "", Mood.GRUMPY), new ChatMessage("", "unspecified mood", Mood.MOOD_UNSPECIFIED));

  private static io.polycodec.grpc.test.gen.ChatMessage gen(ChatMessage m) {
    return io.polycodec.grpc.test.gen.ChatMessage.newBuilder().setFrom(m.from()).setText(m.text())
        .setMoodValue(m.mood().ordinal()).build();
  }

  private static ChatMessage answer(ChatMessage m) {
    return new ChatMessage("server", m.from() + " said " + m.text(), m.mood() == Mood.GRUMPY ? Mood.HAPPY : Mood.GRUMPY);
  }

  private void assertChatWire() {
    List<io.polycodec.grpc.test.gen.ChatMessage> genRequests = new ArrayList<>();
    List<io.polycodec.grpc.test.gen.ChatMessage> genResponses = new ArrayList<>();
    List<byte[]> requests = new ArrayList<>();
    List<byte[]> responses = new ArrayList<>();
    for (ChatMessage m : CHAT) {
      genRequests.add(gen(m));
      genResponses.add(gen(answer(m)));
      requests.add(encode(ChatMessage.class, m));
      responses.add(encode(ChatMessage.class, answer(m)));
    }
    assertWire(genRequests, requests, genResponses, responses);
  }

  @Test
  void generatedClientCallsRecordsServerBidi() throws Throwable {
    server = LoopbackServer.start(wire.wrap(PROTO.server()));
    Collector<io.polycodec.grpc.test.gen.ChatMessage> replies = new Collector<>();
    StreamObserver<io.polycodec.grpc.test.gen.ChatMessage> requests =
        GreeterGrpc.newStub(server.channel).withDeadlineAfter(10, TimeUnit.SECONDS).chat(replies);
    for (ChatMessage m : CHAT) {
      requests.onNext(gen(m));
    }
    requests.onCompleted();

    assertEquals(CHAT.stream().map(m -> gen(answer(m))).toList(), replies.await());
    assertChatWire();
  }

  @Test
  void recordsClientCallsGeneratedServerBidi() throws Throwable {
    server = LoopbackServer.start(wire.wrap(new GeneratedGreeter().bindService()));
    Collector<ChatMessage> replies = new Collector<>();
    StreamObserver<ChatMessage> requests =
        ClientCalls.asyncBidiStreamingCall(server.channel.newCall(PROTO.chat, deadline()), replies);
    for (ChatMessage m : CHAT) {
      requests.onNext(m);
    }
    requests.onCompleted();

    assertEquals(CHAT.stream().map(GeneratedInteropTest::answer).toList(), replies.await());
    assertChatWire();
  }

  @Test
  void clientStreamingBothWays() throws Throwable {
    long[] ns = {5, 0, 1L << 40, -3};
    server = LoopbackServer.start(wire.wrap(PROTO.server()));
    Collector<io.polycodec.grpc.test.gen.CountRequest> genSum = new Collector<>();
    StreamObserver<io.polycodec.grpc.test.gen.Tick> genTicks =
        GreeterGrpc.newStub(server.channel).withDeadlineAfter(10, TimeUnit.SECONDS).sum(genSum);
    Arrays.stream(ns).forEach(n -> genTicks.onNext(io.polycodec.grpc.test.gen.Tick.newBuilder().setN(n).build()));
    genTicks.onCompleted();
    assertEquals(List.of(io.polycodec.grpc.test.gen.CountRequest.newBuilder().setUpTo((1L << 40) + 2).build()), genSum.await());
    server.close();

    server = LoopbackServer.start(new GeneratedGreeter().bindService());
    Collector<CountRequest> sum = new Collector<>();
    StreamObserver<Tick> ticks = ClientCalls.asyncClientStreamingCall(server.channel.newCall(PROTO.sum, deadline()), sum);
    Arrays.stream(ns).forEach(n -> ticks.onNext(new Tick(n, new byte[0])));
    ticks.onCompleted();
    assertEquals(List.of(new CountRequest((1L << 40) + 2)), sum.await());
  }
}
