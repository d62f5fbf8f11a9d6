package io.polycodec.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.polycodec.grpc.test.gen.ChatMessage;
import io.polycodec.grpc.test.gen.CountRequest;
import io.polycodec.grpc.test.gen.GreeterGrpc;
import io.polycodec.grpc.test.gen.HelloReply;
import io.polycodec.grpc.test.gen.HelloRequest;
import io.polycodec.grpc.test.gen.Mood;
import io.polycodec.grpc.test.gen.Tick;
import java.util.Optional;

/** The protoc-generated side: the same service implemented on grpc-java's generated base class. */
final class GeneratedGreeter extends GreeterGrpc.GreeterImplBase {

  static HelloReply reply(HelloRequest req) {
    String text = Greeter.greeting(req.getName(), req.getTimes(), req.getTagsList(),
        req.hasGreeting() ? Optional.of(req.getGreeting()) : Optional.empty());
    return HelloReply.newBuilder()
        .setMessage(text)
        .setAt(Timestamp.newBuilder().setSeconds(Greeter.AT.getEpochSecond()).setNanos(Greeter.AT.getNano()))
        .putAllCounts(Greeter.counts(req.getTagsList()))
        .build();
  }

  @Override
  public void sayHello(HelloRequest req, StreamObserver<HelloReply> out) {
    out.onNext(reply(req));
    out.onCompleted();
  }

  @Override
  public void countTo(CountRequest req, StreamObserver<Tick> out) {
    for (long i = 1; i <= req.getUpTo(); i++) {
      out.onNext(Tick.newBuilder().setN(i).setPayload(com.google.protobuf.ByteString.copyFrom(Greeter.payload(i))).build());
    }
    out.onCompleted();
  }

  @Override
  public StreamObserver<ChatMessage> chat(StreamObserver<ChatMessage> out) {
    return new StreamObserver<>() {
      @Override
      public void onNext(ChatMessage m) {
        out.onNext(ChatMessage.newBuilder().setFrom("server").setText(m.getFrom() + " said " + m.getText())
            .setMood(m.getMood() == Mood.GRUMPY ? Mood.HAPPY : Mood.GRUMPY).build());
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        out.onCompleted();
      }
    };
  }

  @Override
  public StreamObserver<Tick> sum(StreamObserver<CountRequest> out) {
    return new StreamObserver<>() {
      long total;

      @Override
      public void onNext(Tick t) {
        total += t.getN();
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {
        out.onNext(CountRequest.newBuilder().setUpTo(total).build());
        out.onCompleted();
      }
    };
  }
}
