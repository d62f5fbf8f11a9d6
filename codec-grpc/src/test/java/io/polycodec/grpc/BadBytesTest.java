package io.polycodec.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.polycodec.Codec;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.grpc.Greeter.ChatMessage;
import io.polycodec.grpc.Greeter.CountRequest;
import io.polycodec.grpc.Greeter.HelloReply;
import io.polycodec.grpc.Greeter.HelloRequest;
import io.polycodec.grpc.Greeter.Mood;
import io.polycodec.grpc.Greeter.Tick;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bytes a codec rejects, on a real server: the call ends with a status that carries the decode error's
 * own message (INVALID_ARGUMENT for a request the server cannot read, INTERNAL for a response the client
 * cannot read), the handler never sees the bad message, and no call hangs (every wait is bounded).
 */
@Timeout(60)
class BadBytesTest {
  private static final Greeter PROTO = new Greeter("protobuf");
  /** Field 1 with wire type 7, which does not exist. */
  private static final byte[] GARBAGE = {0x0f, 0x01, 0x02};

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

  private static <T> String decodeError(Class<T> type, byte[] bytes) {
    Codec<T> codec = PROTO.service.marshaller(type).codec();
    return assertThrows(DecodeException.class, () -> codec.decode(bytes)).getMessage();
  }

  /** The same method, as a peer that sends and receives whatever bytes it is given. */
  private static <ReqT, RespT> MethodDescriptor<byte[], byte[]> raw(MethodDescriptor<ReqT, RespT> method) {
    return method.toBuilder(WireRecorder.BYTES, WireRecorder.BYTES).build();
  }

  private static byte[] truncated(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length - 1);
  }

  @Test
  void anUndecodableRequestIsInvalidArgumentWithTheDecodeErrorAndNeverReachesTheHandler() throws Exception {
    // (An empty request is valid Protobuf: all defaults. It is sent last, as the good request.)
    AtomicInteger handled = new AtomicInteger();
    ServerServiceDefinition service = PROTO.service.serverBuilder()
        .unary(PROTO.sayHello, (req, out) -> {
          handled.incrementAndGet();
          out.onNext(new HelloReply("", Greeter.AT, Map.of()));
          out.onCompleted();
        })
        .build();
    server = LoopbackServer.start(service);
    byte[] valid = PROTO.service.marshaller(HelloRequest.class).codec()
        .encode(new HelloRequest("a name long enough", 1, List.of("t"), Optional.empty()));

    for (byte[] bad : List.of(GARBAGE, truncated(valid))) {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> ClientCalls.blockingUnaryCall(server.channel, raw(PROTO.sayHello), deadline(), bad));
      assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
      String description = e.getStatus().getDescription();
      assertTrue(description.contains(decodeError(HelloRequest.class, bad)), description);
      assertTrue(description.startsWith("cannot decode " + HelloRequest.class.getName() + ": protobuf: at offset "),
          description);
    }
    assertEquals(0, handled.get());
    // The server is still serving: good requests after the bad ones succeed.
    ClientCalls.blockingUnaryCall(server.channel, raw(PROTO.sayHello), deadline(), valid);
    ClientCalls.blockingUnaryCall(server.channel, raw(PROTO.sayHello), deadline(), new byte[0]);
    assertEquals(2, handled.get());
  }

  @Test
  void aBadMessageInABidiStreamEndsTheCallAndTellsTheHandler() throws Throwable {
    List<ChatMessage> seen = new ArrayList<>();
    CompletableFuture<Throwable> handlerToldOfEnd = new CompletableFuture<>();
    ServerServiceDefinition service = PROTO.service.serverBuilder()
        .bidiStreaming(PROTO.chat, out -> new StreamObserver<ChatMessage>() {
          @Override
          public void onNext(ChatMessage m) {
            seen.add(m);
            out.onNext(m);
          }

          @Override
          public void onError(Throwable t) {
            handlerToldOfEnd.complete(t);
          }

          @Override
          public void onCompleted() {
            handlerToldOfEnd.complete(null);
          }
        })
        .build();
    server = LoopbackServer.start(service);
    Codec<ChatMessage> codec = PROTO.service.marshaller(ChatMessage.class).codec();
    ChatMessage first = new ChatMessage("ann", "fine", Mood.HAPPY);

    Collector<byte[]> replies = new Collector<>();
    StreamObserver<byte[]> requests =
        ClientCalls.asyncBidiStreamingCall(server.channel.newCall(raw(PROTO.chat), deadline()), replies);
    requests.onNext(codec.encode(first));
    requests.onNext(GARBAGE);
    requests.onNext(codec.encode(first));

    StatusRuntimeException e = assertInstanceOf(StatusRuntimeException.class, assertThrows(Throwable.class, replies::await));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains(decodeError(ChatMessage.class, GARBAGE)), e.toString());
    assertEquals(List.of(first), seen, "the handler saw the good message before the bad one, and nothing after");
    Throwable end = handlerToldOfEnd.get(10, TimeUnit.SECONDS);
    assertEquals(Status.Code.CANCELLED, Status.fromThrowable(end).getCode(), String.valueOf(end));
  }

  /** A server answering every call with {@code reply} (and for streams, one good tick first). */
  private static ServerServiceDefinition answering(byte[] reply) {
    byte[] goodTick = PROTO.service.marshaller(Tick.class).codec().encode(new Tick(1, new byte[0]));
    return ServerServiceDefinition.builder(Greeter.SERVICE)
        .addMethod(raw(PROTO.sayHello), ServerCalls.asyncUnaryCall((req, out) -> {
          out.onNext(reply);
          out.onCompleted();
        }))
        .addMethod(raw(PROTO.countTo), ServerCalls.asyncServerStreamingCall((req, out) -> {
          out.onNext(goodTick);
          out.onNext(reply);
          out.onNext(goodTick);
          out.onCompleted();
        }))
        .build();
  }

  private static final HelloRequest REQUEST = new HelloRequest("a", 1, List.of(), Optional.empty());

  @Test
  void anUndecodableResponseIsInternalWithTheDecodeErrorThroughTheInterceptor() throws Exception {
    server = LoopbackServer.start(answering(GARBAGE));
    Channel channel = ClientInterceptors.intercept(server.channel, CodecFailureInterceptor.create());

    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel, PROTO.sayHello, deadline(), REQUEST));
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode(), e.toString());
    assertTrue(e.getStatus().getDescription().contains(decodeError(HelloReply.class, GARBAGE)), e.toString());
    assertInstanceOf(DecodeException.class, e.getStatus().getCause());

    Iterator<Tick> ticks = ClientCalls.blockingServerStreamingCall(channel, PROTO.countTo, deadline(), new CountRequest(3));
    assertEquals(new Tick(1, new byte[0]).n(), ticks.next().n());
    StatusRuntimeException streamed = assertThrows(StatusRuntimeException.class, ticks::next);
    assertEquals(Status.Code.INTERNAL, streamed.getStatus().getCode(), streamed.toString());
    assertTrue(streamed.getStatus().getDescription().contains(decodeError(Tick.class, GARBAGE)), streamed.toString());
  }

  @Test
  void withoutTheInterceptorGrpcSaysCancelledButKeepsTheDecodeErrorAsTheCause() throws Exception {
    server = LoopbackServer.start(answering(GARBAGE));

    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(server.channel, PROTO.sayHello, deadline(), REQUEST));
    assertEquals(Status.Code.CANCELLED, e.getStatus().getCode(), e.toString());
    Status inner = Status.fromThrowable(e.getStatus().getCause());
    assertEquals(Status.Code.INTERNAL, inner.getCode());
    assertTrue(inner.getDescription().contains(decodeError(HelloReply.class, GARBAGE)), inner.toString());
  }

  @Test
  void valuesThatCannotBeEncodedFailWithInternalOnBothSides() throws Exception {
    ServerServiceDefinition service = PROTO.service.serverBuilder()
        .unary(PROTO.sayHello, (req, out) -> {
          out.onNext(new HelloReply(null, Greeter.AT, Map.of()));
          out.onCompleted();
        })
        .build();
    server = LoopbackServer.start(service);
    Channel channel = ClientInterceptors.intercept(server.channel, CodecFailureInterceptor.create());

    // The server's reply has a null string: INTERNAL, with the encoder's message, reaches the client.
    StatusRuntimeException fromServer = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel, PROTO.sayHello, deadline(), REQUEST));
    assertEquals(Status.Code.INTERNAL, fromServer.getStatus().getCode(), fromServer.toString());
    assertTrue(fromServer.getStatus().getDescription().startsWith("cannot encode " + HelloReply.class.getName()),
        fromServer.toString());
    assertTrue(fromServer.getStatus().getDescription().contains("HelloReply.message"), fromServer.toString());

    // The client's request has a null list: the call fails locally, INTERNAL with the encoder's message.
    StatusRuntimeException fromClient = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel, PROTO.sayHello, deadline(), new HelloRequest("a", 1, null, Optional.empty())));
    assertEquals(Status.Code.INTERNAL, fromClient.getStatus().getCode(), fromClient.toString());
    assertInstanceOf(EncodeException.class, fromClient.getStatus().getCause());
    assertTrue(fromClient.getStatus().getDescription().contains("HelloRequest.tags"), fromClient.toString());

    // Without the interceptor, gRPC's own CANCELLED, with the encoder's status as its cause.
    StatusRuntimeException plain = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(server.channel, PROTO.sayHello, deadline(), new HelloRequest("a", 1, null, Optional.empty())));
    assertEquals(Status.Code.CANCELLED, plain.getStatus().getCode(), plain.toString());
    assertEquals("Failed to stream message", plain.getStatus().getDescription());
    assertEquals(Status.Code.INTERNAL, Status.fromThrowable(plain.getStatus().getCause()).getCode());
  }
}
