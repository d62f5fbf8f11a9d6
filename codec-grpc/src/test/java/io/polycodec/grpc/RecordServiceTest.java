package io.polycodec.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerServiceDefinition;
import io.polycodec.grpc.Greeter.HelloReply;
import io.polycodec.grpc.Greeter.HelloRequest;
import io.polycodec.grpc.test.gen.GreeterGrpc;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Method declarations: names and kinds as protoc gives them, and what the builders refuse. */
class RecordServiceTest {
  private static final Greeter GREETER = new Greeter("protobuf");

  @Test
  void namesAndKindsMatchThoseProtocGenerates() {
    List<MethodDescriptor<?, ?>> ours = List.of(GREETER.sayHello, GREETER.countTo, GREETER.chat, GREETER.sum);
    List<MethodDescriptor<?, ?>> generated = List.of(GreeterGrpc.getSayHelloMethod(), GreeterGrpc.getCountToMethod(),
        GreeterGrpc.getChatMethod(), GreeterGrpc.getSumMethod());
    for (int i = 0; i < ours.size(); i++) {
      assertEquals(generated.get(i).getFullMethodName(), ours.get(i).getFullMethodName());
      assertEquals(generated.get(i).getType(), ours.get(i).getType());
      assertEquals(generated.get(i).getServiceName(), ours.get(i).getServiceName());
      assertEquals(generated.get(i).getBareMethodName(), ours.get(i).getBareMethodName());
    }
    assertEquals("polycodec.grpc.test.Greeter/SayHello", GREETER.sayHello.getFullMethodName());
  }

  @Test
  void theServiceDefinitionServesEveryMethodDeclared() {
    ServerServiceDefinition def = GREETER.server();
    assertEquals(Greeter.SERVICE, def.getServiceDescriptor().getName());
    Set<String> served = def.getMethods().stream().map(m -> m.getMethodDescriptor().getFullMethodName())
        .collect(Collectors.toSet());
    assertEquals(GreeterGrpc.getServiceDescriptor().getMethods().stream().map(MethodDescriptor::getFullMethodName)
        .collect(Collectors.toSet()), served);
  }

  @Test
  void badNamesAndKindsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> RecordService.of("", "protobuf"));
    assertThrows(IllegalArgumentException.class, () -> RecordService.of("a/b", "protobuf"));
    assertThrows(IllegalArgumentException.class, () -> GREETER.service.unary("Say/Hello", HelloRequest.class, HelloReply.class));
    assertThrows(IllegalArgumentException.class, () -> GREETER.service.unary("", HelloRequest.class, HelloReply.class));
    assertThrows(IllegalArgumentException.class, () -> GREETER.service.method(MethodType.UNKNOWN, "X",
        GREETER.service.marshaller(HelloRequest.class), GREETER.service.marshaller(HelloReply.class)));
    assertThrows(io.polycodec.CodecException.class, () -> RecordService.of("a.B", "no-such-format")
        .unary("X", HelloRequest.class, HelloReply.class));
  }

  @Test
  void theBuilderRefusesAWrongKindAnotherServiceAndDuplicates() {
    ServiceDefinitionBuilder b = GREETER.service.serverBuilder();
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> b.serverStreaming(GREETER.sayHello, (req, out) -> {}));
    assertTrue(kind.getMessage().contains("is UNARY, not SERVER_STREAMING"), kind.getMessage());

    MethodDescriptor<HelloRequest, HelloReply> other = RecordService.of("other.Service", "protobuf")
        .unary("SayHello", HelloRequest.class, HelloReply.class);
    assertThrows(IllegalArgumentException.class, () -> b.unary(other, (req, out) -> {}));

    b.unary(GREETER.sayHello, (req, out) -> {});
    assertThrows(IllegalArgumentException.class, () -> b.unary(GREETER.sayHello, (req, out) -> {}));
  }
}
