package io.polycodec.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.polycodec.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records-based side of the tests: records mirroring src/test/proto/greeter.proto field by field,
 * the service's methods declared with {@link RecordService}, and a server for them.
 */
final class Greeter {
  static final String SERVICE = "polycodec.grpc.test.Greeter";

  record HelloRequest(@Tag(1) String name, @Tag(2) int times, @Tag(3) List<String> tags,
      @Tag(4) Optional<String> greeting) {}

  record HelloReply(@Tag(1) String message, @Tag(2) Instant at, @Tag(3) Map<String, Long> counts) {}

  record CountRequest(@Tag(1) long upTo) {}

  record Tick(@Tag(1) long n, @Tag(2) byte[] payload) {}

  record ChatMessage(@Tag(1) String from, @Tag(2) String text, @Tag(3) Mood mood) {}

  enum Mood { MOOD_UNSPECIFIED, HAPPY, GRUMPY }

  final RecordService service;
  final MethodDescriptor<HelloRequest, HelloReply> sayHello;
  final MethodDescriptor<CountRequest, Tick> countTo;
  final MethodDescriptor<ChatMessage, ChatMessage> chat;
  final MethodDescriptor<Tick, CountRequest> sum;

  Greeter(String format) {
    service = RecordService.of(SERVICE, format);
    sayHello = service.unary("SayHello", HelloRequest.class, HelloReply.class);
    countTo = service.serverStreaming("CountTo", CountRequest.class, Tick.class);
    chat = service.bidiStreaming("Chat", ChatMessage.class, ChatMessage.class);
    sum = service.clientStreaming("Sum", Tick.class, CountRequest.class);
  }

  /** The reply every implementation of SayHello in the tests gives, generated or not. */
  static final Instant AT = Instant.parse("2026-12-03T10:15:30.123456789Z");

  static String greeting(String name, int times, List<String> tags, Optional<String> greeting) {
    return greeting.orElse("hello") + " " + name + " x" + times + " " + tags;
  }

  static Map<String, Long> counts(List<String> tags) {
    Map<String, Long> counts = new TreeMap<>();
    for (String t : tags) {
      counts.merge(t, 1L, Long::sum);
    }
    return counts;
  }

  static byte[] payload(long n) {
    byte[] b = new byte[(int) (n % 5)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (n * 31 + i);
    }
    return b;
  }

  /** The records-based server: the same behaviour as {@link GeneratedGreeter}. */
  ServerServiceDefinition server() {
    return service.serverBuilder()
        .unary(sayHello, (req, out) -> {
          out.onNext(new HelloReply(greeting(req.name(), req.times(), req.tags(), req.greeting()), AT,
              counts(req.tags())));
          out.onCompleted();
        })
        .serverStreaming(countTo, (req, out) -> {
          for (long i = 1; i <= req.upTo(); i++) {
            out.onNext(new Tick(i, payload(i)));
          }
          out.onCompleted();
        })
        .bidiStreaming(chat, out -> new StreamObserver<ChatMessage>() {
          @Override
          public void onNext(ChatMessage m) {
            out.onNext(new ChatMessage("server", m.from() + " said " + m.text(),
                m.mood() == Mood.GRUMPY ? Mood.HAPPY : Mood.GRUMPY));
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {
            out.onCompleted();
          }
        })
        .clientStreaming(sum, out -> new StreamObserver<Tick>() {
          long total;

          @Override
          public void onNext(Tick t) {
            total += t.n();
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {
            out.onNext(new CountRequest(total));
            out.onCompleted();
          }
        })
        .build();
  }
}
