package io.polycodec.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.polycodec.CodecOptions;
import io.polycodec.Limits;
import io.polycodec.grpc.Greeter.HelloReply;
import io.polycodec.grpc.Greeter.HelloRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded hostile input against a real server: valid requests with bytes flipped, cut or appended, and
 * plain random bytes. Every call must end, within its deadline, either OK (the bytes still decode) or
 * INVALID_ARGUMENT naming the decode error; never UNKNOWN, INTERNAL, a hang or a dead server. A
 * failure prints the seed; {@code -Dpolycodec.grpc.seed=} replays it.
 */
@Timeout(120)
class HostileInputTest {
  private static final long SEED = Long.getLong("polycodec.grpc.seed", System.nanoTime());

  private static CallOptions deadline() {
    return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static byte[] mutate(byte[] valid, SplittableRandom r) {
    switch (r.nextInt(4)) {
      case 0: {
        byte[] b = valid.clone();
        int flips = 1 + r.nextInt(3);
        for (int i = 0; i < flips && b.length > 0; i++) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
      }
      case 1:
        return java.util.Arrays.copyOf(valid, r.nextInt(valid.length + 1));
      case 2: {
        byte[] b = java.util.Arrays.copyOf(valid, valid.length + 1 + r.nextInt(8));
        for (int i = valid.length; i < b.length; i++) {
          b[i] = (byte) r.nextInt(256);
        }
        return b;
      }
      default: {
        byte[] b = new byte[r.nextInt(64)];
        r.nextBytes(b);
        return b;
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"protobuf", "msgpack", "json"})
  void everyHostileRequestEndsWithOkOrInvalidArgument(String format) throws Exception {
    Greeter greeter = new Greeter(format);
    MethodDescriptor<byte[], byte[]> raw = greeter.sayHello.toBuilder(WireRecorder.BYTES, WireRecorder.BYTES).build();
    byte[] valid = greeter.service.marshaller(HelloRequest.class).codec()
        .encode(new HelloRequest("Ada ✓", 7, List.of("x", "yz"), Optional.of("hey")));
    SplittableRandom r = new SplittableRandom(SEED ^ format.hashCode());
    int ok = 0;
    int rejected = 0;
    try (LoopbackServer server = LoopbackServer.start(greeter.server())) {
      for (int i = 0; i < 150; i++) {
        byte[] input = mutate(valid, r);
        try {
          ClientCalls.blockingUnaryCall(server.channel, raw, deadline(), input);
          ok++;
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT
              || !e.getStatus().getDescription().startsWith("cannot decode " + HelloRequest.class.getName() + ": " + format)) {
            fail("seed " + SEED + " (" + format + ", call " + i + "): " + e.getStatus() + " for "
                + java.util.HexFormat.of().formatHex(input), e);
          }
          rejected++;
        }
      }
      // Still serving.
      assertEquals(new HelloReply("hello a x1 []", Greeter.AT, Map.of()), ClientCalls.blockingUnaryCall(server.channel,
          greeter.sayHello, deadline(), new HelloRequest("a", 1, List.of(), Optional.empty())));
    }
    assertTrue(rejected > 0, "seed " + SEED + ": no input was rejected; the test would not see a broken mapping");
    System.out.println(format + ": " + ok + " hostile requests decoded, " + rejected + " rejected (seed " + SEED + ")");
  }

  @Test
  void concurrentGoodAndBadCallsOnOneServer() throws Exception {
    Greeter greeter = new Greeter("protobuf");
    MethodDescriptor<byte[], byte[]> raw = greeter.sayHello.toBuilder(WireRecorder.BYTES, WireRecorder.BYTES).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (LoopbackServer server = LoopbackServer.start(greeter.server())) {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        results.add(pool.submit(() -> {
          if (n % 3 == 0) {
            try {
              ClientCalls.blockingUnaryCall(server.channel, raw, deadline(), new byte[] {0x0f});
              return "bad call " + n + " succeeded";
            } catch (StatusRuntimeException e) {
              return e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT ? "ok" : "bad call " + n + ": " + e.getStatus();
            }
          }
          HelloReply reply = ClientCalls.blockingUnaryCall(server.channel, greeter.sayHello, deadline(),
              new HelloRequest("n" + n, n, List.of(), Optional.empty()));
          return reply.message().equals("hello n" + n + " x" + n + " []") ? "ok" : "call " + n + " got " + reply;
        }));
      }
      for (Future<String> f : results) {
        assertEquals("ok", f.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRequestOverTheServersCodecLimitIsInvalidArgument() throws Exception {
    RecordService small = RecordService.of(Greeter.SERVICE, "protobuf",
        CodecOptions.defaults().withLimits(Limits.defaults().withMaxMessageBytes(32)));
    MethodDescriptor<HelloRequest, HelloReply> sayHello = small.unary("SayHello", HelloRequest.class, HelloReply.class);
    try (LoopbackServer server = LoopbackServer.start(small.serverBuilder()
        .unary(sayHello, (req, out) -> { out.onNext(new HelloReply(req.name(), Greeter.AT, Map.of())); out.onCompleted(); })
        .build())) {
      MethodDescriptor<HelloRequest, HelloReply> client = new Greeter("protobuf").sayHello;
      assertEquals("short", ClientCalls.blockingUnaryCall(server.channel, client, deadline(),
          new HelloRequest("short", 1, List.of(), Optional.empty())).message());
      StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
          () -> ClientCalls.blockingUnaryCall(server.channel, client, deadline(),
              new HelloRequest("x".repeat(100), 1, List.of(), Optional.empty())));
      assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
      assertTrue(e.getStatus().getDescription().contains("exceeds the limit of 32"), e.toString());
    }
  }
}
