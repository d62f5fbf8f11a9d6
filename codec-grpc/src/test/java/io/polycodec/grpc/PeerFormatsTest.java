package io.polycodec.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.polycodec.Codecs;
import io.polycodec.grpc.Greeter.ChatMessage;
import io.polycodec.grpc.Greeter.CountRequest;
import io.polycodec.grpc.Greeter.HelloReply;
import io.polycodec.grpc.Greeter.HelloRequest;
import io.polycodec.grpc.Greeter.Mood;
import io.polycodec.grpc.Greeter.Tick;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two Polycodec peers on a real server with the formats protoc has no part in: MessagePack and JSON
 * (and Protobuf for comparison), for unary, server-streaming and bidi calls. The bytes on the wire are
 * the format's own encoding of each record; a peer speaking another format gets INVALID_ARGUMENT.
 */
@Timeout(60)
class PeerFormatsTest {

  private static CallOptions deadline() {
    return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"msgpack", "json", "protobuf"})
  void recordsPeersTalkInTheFormat(String format) throws Throwable {
    Greeter greeter = new Greeter(format);
    WireRecorder wire = new WireRecorder();
    try (LoopbackServer server = LoopbackServer.start(wire.wrap(greeter.server()))) {
      HelloRequest request = new HelloRequest("Zoë", 2, List.of("b", "a", "b"), Optional.empty());
      HelloReply reply = ClientCalls.blockingUnaryCall(server.channel, greeter.sayHello, deadline(), request);
      assertEquals(new HelloReply("hello Zoë x2 [b, a, b]", Greeter.AT, Map.of("a", 1L, "b", 2L)), reply);
      assertArrayEquals(Codecs.get(format, HelloRequest.class).encode(request), wire.requests.get(0));
      assertArrayEquals(Codecs.get(format, HelloReply.class).encode(reply), wire.responses.get(0));
      if (format.equals("json")) {
        assertEquals("{\"name\":\"Zoë\",\"times\":2,\"tags\":[\"b\",\"a\",\"b\"]}",
            new String(wire.requests.get(0), StandardCharsets.UTF_8));
      }

      List<Tick> ticks = new ArrayList<>();
      ClientCalls.blockingServerStreamingCall(server.channel, greeter.countTo, deadline(), new CountRequest(5))
          .forEachRemaining(ticks::add);
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ticks.stream().map(Tick::n).toList());
      for (Tick t : ticks) {
        assertArrayEquals(Greeter.payload(t.n()), t.payload());
      }

      Collector<ChatMessage> replies = new Collector<>();
      StreamObserver<ChatMessage> requests =
          ClientCalls.asyncBidiStreamingCall(server.channel.newCall(greeter.chat, deadline()), replies);
      requests.onNext(new ChatMessage("bo", "hi", Mood.GRUMPY));
      requests.onNext(new ChatMessage("bo", "bye", Mood.HAPPY));
      requests.onCompleted();
      assertEquals(List.of(new ChatMessage("server", "bo said hi", Mood.HAPPY),
          new ChatMessage("server", "bo said bye", Mood.GRUMPY)), replies.await());
    }
  }

  @Test
  void aMessagePackClientAtAJsonServerGetsInvalidArgument() throws Exception {
    Greeter json = new Greeter("json");
    Greeter msgpack = new Greeter("msgpack");
    try (LoopbackServer server = LoopbackServer.start(json.server())) {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> ClientCalls.blockingUnaryCall(server.channel, msgpack.sayHello, deadline(),
              new HelloRequest("x", 1, List.of(), Optional.empty())));
      assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
      assertTrue(e.getStatus().getDescription().startsWith("cannot decode " + HelloRequest.class.getName() + ": json: "),
          e.toString());
    }
  }
}
