package io.polycodec.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link ServerServiceDefinition} from method descriptors and handlers, the way a
 * protoc-generated {@code ImplBase} would: the handler signatures are grpc-stub's
 * ({@code (request, responseObserver) -> ...} for unary and server-streaming methods,
 * {@code responseObserver -> requestObserver} for client and bidi streaming).
 *
 * <pre>{@code
 * ServerServiceDefinition service = greeter.serverBuilder()
 *     .unary(sayHello, (request, out) -> { out.onNext(new HelloReply("hi " + request.name())); out.onCompleted(); })
 *     .build();
 * }</pre>
 *
 * <p>Requests are decoded by the service, not by gRPC, so that a request the method's marshaller
 * rejects ends the call with {@link io.grpc.Status.Code#INVALID_ARGUMENT} carrying the decode error's
 * message, and the handler never sees it (a streaming handler is told the call was cancelled). Left to
 * gRPC, the caller would get {@code UNKNOWN: Application error processing RPC}. Responses are encoded
 * by the service too, so that one the response marshaller rejects ends the call with that marshaller's
 * status ({@link io.grpc.Status.Code#INTERNAL} with the encode error's message, from a
 * {@link CodecMarshaller}) instead of a stream reset the client sees as a bare CANCELLED. This holds
 * for any marshallers, not only {@link CodecMarshaller}.
 *
 * <p>A builder is not thread-safe; the definition it builds is immutable.
 */
public final class ServiceDefinitionBuilder {
  /**
   * Messages pass through as streams: {@link DecodingCallHandler} decodes requests (synchronously, while
   * gRPC's stream is open) and encodes responses.
   */
  private static final MethodDescriptor.Marshaller<InputStream> RAW = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(InputStream value) {
      return value;
    }

    @Override
    public InputStream parse(InputStream stream) {
      return stream;
    }
  };

  private final String serviceName;
  private final ServerServiceDefinition.Builder builder;
  private final Set<String> methods = new HashSet<>();

  private ServiceDefinitionBuilder(String serviceName) {
    this.serviceName = serviceName;
    this.builder = ServerServiceDefinition.builder(serviceName);
  }

  /** A builder for the service named {@code serviceName} (such as {@code demo.Greeter}). */
  public static ServiceDefinitionBuilder forService(String serviceName) {
    return new ServiceDefinitionBuilder(Objects.requireNonNull(serviceName, "serviceName"));
  }

  /**
   * Serves a unary method with {@code handler}.
   *
   * @throws IllegalArgumentException if the method is not unary, not of this service, or already added
   */
  public <ReqT, RespT> ServiceDefinitionBuilder unary(MethodDescriptor<ReqT, RespT> method,
      ServerCalls.UnaryMethod<ReqT, RespT> handler) {
    return add(method, MethodType.UNARY, ServerCalls.asyncUnaryCall(Objects.requireNonNull(handler, "handler")));
  }

  /**
   * Serves a server-streaming method with {@code handler}.
   *
   * @throws IllegalArgumentException if the method is not server-streaming, not of this service, or already added
   */
  public <ReqT, RespT> ServiceDefinitionBuilder serverStreaming(MethodDescriptor<ReqT, RespT> method,
      ServerCalls.ServerStreamingMethod<ReqT, RespT> handler) {
    return add(method, MethodType.SERVER_STREAMING,
        ServerCalls.asyncServerStreamingCall(Objects.requireNonNull(handler, "handler")));
  }

  /**
   * Serves a client-streaming method with {@code handler}.
   *
   * @throws IllegalArgumentException if the method is not client-streaming, not of this service, or already added
   */
  public <ReqT, RespT> ServiceDefinitionBuilder clientStreaming(MethodDescriptor<ReqT, RespT> method,
      ServerCalls.ClientStreamingMethod<ReqT, RespT> handler) {
    return add(method, MethodType.CLIENT_STREAMING,
        ServerCalls.asyncClientStreamingCall(Objects.requireNonNull(handler, "handler")));
  }

  /**
   * Serves a bidirectional-streaming method with {@code handler}.
   *
   * @throws IllegalArgumentException if the method is not bidi-streaming, not of this service, or already added
   */
  public <ReqT, RespT> ServiceDefinitionBuilder bidiStreaming(MethodDescriptor<ReqT, RespT> method,
      ServerCalls.BidiStreamingMethod<ReqT, RespT> handler) {
    return add(method, MethodType.BIDI_STREAMING,
        ServerCalls.asyncBidiStreamingCall(Objects.requireNonNull(handler, "handler")));
  }

  /**
   * Serves {@code method} with any call handler (an intercepted one, a generated service's…); requests
   * are still decoded as described above.
   *
   * @throws IllegalArgumentException if the method is not of this service or already added
   */
  public <ReqT, RespT> ServiceDefinitionBuilder method(MethodDescriptor<ReqT, RespT> method,
      ServerCallHandler<ReqT, RespT> handler) {
    return add(method, null, Objects.requireNonNull(handler, "handler"));
  }

  private <ReqT, RespT> ServiceDefinitionBuilder add(MethodDescriptor<ReqT, RespT> method, MethodType expected,
      ServerCallHandler<ReqT, RespT> handler) {
    Objects.requireNonNull(method, "method");
    if (expected != null && method.getType() != expected) {
      throw new IllegalArgumentException(method.getFullMethodName() + " is " + method.getType() + ", not " + expected);
    }
    if (!serviceName.equals(method.getServiceName())) {
      throw new IllegalArgumentException(method.getFullMethodName() + " is not a method of " + serviceName);
    }
    if (!methods.add(method.getFullMethodName())) {
      throw new IllegalArgumentException(method.getFullMethodName() + " is already served");
    }
    MethodDescriptor<InputStream, InputStream> raw = method.toBuilder(RAW, RAW).build();
    builder.addMethod(raw, new DecodingCallHandler<>(method, handler));
    return this;
  }

  /** The service definition, to pass to {@code ServerBuilder.addService}. */
  public ServerServiceDefinition build() {
    return builder.build();
  }
}
