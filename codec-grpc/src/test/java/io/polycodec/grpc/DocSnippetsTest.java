package io.polycodec.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.polycodec.Tag;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java snippets of docs/grpc.md, compiled and run here: {@link #everyJavaBlockOfTheDocIsInThisFile}
 * fails if the page shows code (ignoring indentation) that this file does not contain.
 */
@Timeout(60)
class DocSnippetsTest {
  private static final Path DOC = Path.of("../docs/grpc.md");
  private static final Path SELF = Path.of("src/test/java/io/polycodec/grpc/DocSnippetsTest.java");

  record HelloRequest(@Tag(1) String name) {}

  record HelloReply(@Tag(1) String message) {}

  record Note(@Tag(1) String text) {}

  @Test
  void setupInFiveLines() throws Exception {
    RecordService greeter = RecordService.of("demo.Greeter", "protobuf");
    MethodDescriptor<HelloRequest, HelloReply> sayHello = greeter.unary("SayHello", HelloRequest.class, HelloReply.class);
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(greeter.serverBuilder()
        .unary(sayHello, (req, out) -> { out.onNext(new HelloReply("hi " + req.name())); out.onCompleted(); }).build()).build().start();
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    HelloReply reply = ClientCalls.blockingUnaryCall(channel, sayHello, CallOptions.DEFAULT, new HelloRequest("Ada"));

    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    assertEquals(new HelloReply("hi Ada"), reply);
  }

  @Test
  void declaringAndServingMethods() throws Throwable {
    RecordService notes = RecordService.of("demo.Notes", "msgpack");
    MethodDescriptor<Note, Note> save = notes.unary("Save", Note.class, Note.class);
    MethodDescriptor<Note, Note> search = notes.serverStreaming("Search", Note.class, Note.class);
    MethodDescriptor<Note, Note> upload = notes.clientStreaming("Upload", Note.class, Note.class);
    MethodDescriptor<Note, Note> chat = notes.bidiStreaming("Chat", Note.class, Note.class);

    ServerServiceDefinition service = notes.serverBuilder()
        .unary(save, (note, out) -> { out.onNext(note); out.onCompleted(); })
        .serverStreaming(search, (query, out) -> { out.onNext(new Note("found " + query.text())); out.onCompleted(); })
        .clientStreaming(upload, out -> new StreamObserver<Note>() {
          int count;
          public void onNext(Note n) { count++; }
          public void onError(Throwable t) {}
          public void onCompleted() { out.onNext(new Note(count + " notes")); out.onCompleted(); }
        })
        .bidiStreaming(chat, out -> new StreamObserver<Note>() {
          public void onNext(Note n) { out.onNext(new Note("echo " + n.text())); }
          public void onError(Throwable t) {}
          public void onCompleted() { out.onCompleted(); }
        })
        .build();

    assertEquals("demo.Notes/Save", save.getFullMethodName());
    try (LoopbackServer s = LoopbackServer.start(service)) {
      Channel channel = s.channel;
      CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
      assertEquals(new Note("x"), ClientCalls.blockingUnaryCall(channel, save, options, new Note("x")));
      assertEquals(new Note("found x"), ClientCalls.blockingServerStreamingCall(channel, search, options, new Note("x")).next());
      Collector<Note> uploaded = new Collector<>();
      StreamObserver<Note> up = ClientCalls.asyncClientStreamingCall(channel.newCall(upload, options), uploaded);
      up.onNext(new Note("a"));
      up.onNext(new Note("b"));
      up.onCompleted();
      assertEquals(List.of(new Note("2 notes")), uploaded.await());
      Collector<Note> echoed = new Collector<>();
      StreamObserver<Note> talk = ClientCalls.asyncBidiStreamingCall(channel.newCall(chat, options), echoed);
      talk.onNext(new Note("hi"));
      talk.onCompleted();
      assertEquals(List.of(new Note("echo hi")), echoed.await());
    }
  }

  @Test
  void errorMapping() throws Exception {
    RecordService greeter = RecordService.of("demo.Greeter", "protobuf");
    MethodDescriptor<HelloRequest, HelloReply> sayHello = greeter.unary("SayHello", HelloRequest.class, HelloReply.class);
    MethodDescriptor<byte[], byte[]> garbage = sayHello.toBuilder(WireRecorder.BYTES, WireRecorder.BYTES).build();
    try (LoopbackServer s = LoopbackServer.start(greeter.serverBuilder()
        .unary(sayHello, (req, out) -> { out.onNext(new HelloReply(req.name())); out.onCompleted(); }).build())) {
      ManagedChannel channel = s.channel;
      CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
      // A string field claiming 5 bytes where 1 follows.
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> ClientCalls.blockingUnaryCall(channel, garbage, options, new byte[] {0x0a, 0x05, 'a'}));
      assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
      assertTrue(e.getStatus().getDescription().startsWith("cannot decode " + HelloRequest.class.getName()
          + ": protobuf: at offset "), e.getStatus().getDescription());
    }
  }

  /** Builds a channel the way docs/grpc.md says a client should. */
  @Test
  void clientWithTheInterceptor() throws Exception {
    try (LoopbackServer s = LoopbackServer.start(new Greeter("json").server())) {
      int port = s.server.getPort();
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
          .intercept(CodecFailureInterceptor.create()).build();
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyJavaBlockOfTheDocIsInThisFile() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<String> self = normalized(Files.readString(SELF, StandardCharsets.UTF_8));
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      List<String> block = normalized(m.group(1));
      assertFalse(block.isEmpty());
      assertTrue(java.util.Collections.indexOfSubList(self, block) >= 0,
          "docs/grpc.md shows code this test does not compile:\n" + String.join("\n", block));
    }
    assertTrue(blocks >= 3, "java blocks found in docs/grpc.md: " + blocks);
  }

  private static List<String> normalized(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
