package io.polycodec.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.polycodec.grpc.Greeter.CountRequest;
import io.polycodec.grpc.Greeter.HelloReply;
import io.polycodec.grpc.Greeter.HelloRequest;
import io.polycodec.grpc.Greeter.Tick;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deadlines on records-based methods: the client's deadline reaches the server's {@link Context}, a
 * call that outlives it ends with DEADLINE_EXCEEDED on the client, and the server sees the cancellation
 * and stops. Handlers wait on the context, not on a clock, so no test depends on timing beyond the
 * deadlines themselves.
 */
@Timeout(60)
class DeadlineTest {
  private static final Greeter MSGPACK = new Greeter("msgpack");
  private LoopbackServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aUnaryCallPastItsDeadlineIsDeadlineExceededAndTheServerSeesTheDeadline() throws Exception {
    CompletableFuture<Deadline> serverDeadline = new CompletableFuture<>();
    CompletableFuture<Throwable> serverCancelled = new CompletableFuture<>();
    ServerServiceDefinition service = MSGPACK.service.serverBuilder()
        .unary(MSGPACK.sayHello, (req, out) -> {
          Context ctx = Context.current();
          serverDeadline.complete(ctx.getDeadline());
          ctx.addListener(c -> serverCancelled.complete(c.cancellationCause()), Runnable::run);
          // Never answers: the deadline must end the call.
        })
        .build();
    server = LoopbackServer.start(service);

    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(server.channel, MSGPACK.sayHello,
            CallOptions.DEFAULT.withDeadlineAfter(500, TimeUnit.MILLISECONDS),
            new HelloRequest("late", 1, List.of(), Optional.empty())));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode(), e.toString());
    Deadline d = serverDeadline.get(10, TimeUnit.SECONDS);
    assertNotNull(d, "the client's deadline reached the server");
    assertTrue(serverCancelled.get(10, TimeUnit.SECONDS) != null, "the server's context was cancelled");
  }

  @Test
  void aServerStreamPastItsDeadlineStopsOnBothSides() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    CountDownLatch serverStopped = new CountDownLatch(1);
    ServerServiceDefinition service = MSGPACK.service.serverBuilder()
        .serverStreaming(MSGPACK.countTo, (req, out) -> {
          // An endless stream that only the deadline ends; the handler thread waits on the context.
          Context ctx = Context.current();
          try {
            while (!ctx.isCancelled()) {
              out.onNext(new Tick(sent.incrementAndGet(), new byte[16]));
              Thread.sleep(5);
            }
          } catch (InterruptedException | StatusRuntimeException stopped) {
            // The call ended while sending.
          } finally {
            serverStopped.countDown();
          }
        })
        .build();
    server = LoopbackServer.start(service);

    Iterator<Tick> ticks = ClientCalls.blockingServerStreamingCall(server.channel, MSGPACK.countTo,
        CallOptions.DEFAULT.withDeadlineAfter(500, TimeUnit.MILLISECONDS), new CountRequest(Long.MAX_VALUE));
    assertEquals(1, ticks.next().n());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> {
      while (ticks.hasNext()) {
        ticks.next();
      }
    });
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode(), e.toString());
    assertTrue(serverStopped.await(10, TimeUnit.SECONDS), "the server's loop saw the cancellation");
  }

  @Test
  void aCallWithinItsDeadlineSucceeds() throws Exception {
    server = LoopbackServer.start(MSGPACK.server());
    HelloReply reply = ClientCalls.blockingUnaryCall(server.channel, MSGPACK.sayHello,
        CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new HelloRequest("on time", 1, List.of(), Optional.empty()));
    assertEquals(new HelloReply("hello on time x1 []", Greeter.AT, Map.of()), reply);
  }
}
