package io.polycodec.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import java.util.Objects;

/**
 * A gRPC service's methods declared from records, without protoc: the service's full name and a
 * format, then one line per method.
 *
 * <pre>{@code
 * RecordService greeter = RecordService.of("demo.Greeter", "protobuf");
 * MethodDescriptor<HelloRequest, HelloReply> sayHello = greeter.unary("SayHello", HelloRequest.class, HelloReply.class);
 * }</pre>
 *
 * <p>Full method names are {@code service/method} ({@code demo.Greeter/SayHello}), as protoc names them
 * from {@code package demo; service Greeter { rpc SayHello ... }}: with the Protobuf format and records
 * that mirror the {@code .proto} messages, these descriptors call, and serve, protoc-generated peers.
 * The same descriptor serves both sides: pass it to {@code io.grpc.stub.ClientCalls} on a client and to
 * {@link #serverBuilder()} on a server.
 *
 * <p>Immutable and thread-safe. Codecs are looked up (and cached) by {@link Codecs}; a type that cannot
 * be mapped fails when its method is declared, not on the first call.
 */
public final class RecordService {
  private final String serviceName;
  private final String format;
  private final CodecOptions options;

  private RecordService(String serviceName, String format, CodecOptions options) {
    this.serviceName = checkName(serviceName, "service name");
    this.format = Objects.requireNonNull(format, "format");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * The service named {@code serviceName} (with its package: {@code demo.Greeter}) whose messages are
   * written in {@code format} ({@code protobuf}, {@code msgpack}, {@code json}…).
   *
   * @throws IllegalArgumentException if the name is empty or contains '/'
   */
  public static RecordService of(String serviceName, String format) {
    return new RecordService(serviceName, format, CodecOptions.defaults());
  }

  /**
   * As {@link #of(String, String)}, with codec options (limits, format options) for every message.
   *
   * @throws IllegalArgumentException if the name is empty or contains '/'
   */
  public static RecordService of(String serviceName, String format, CodecOptions options) {
    return new RecordService(serviceName, format, options);
  }

  /** The service's full name, such as {@code demo.Greeter}. */
  public String serviceName() {
    return serviceName;
  }

  /** The format every message of this service is written in. */
  public String format() {
    return format;
  }

  /**
   * The marshaller this service uses for {@code type}.
   *
   * @throws io.polycodec.CodecException if no codec for the format is on the class path
   * @throws io.polycodec.SchemaException if {@code type} cannot be mapped
   */
  public <T> CodecMarshaller<T> marshaller(Class<T> type) {
    return CodecMarshaller.of(format, type, options);
  }

  /**
   * A unary method: one request, one response.
   *
   * @throws IllegalArgumentException if the method name is empty or contains '/'
   * @throws io.polycodec.SchemaException if a type cannot be mapped
   */
  public <ReqT, RespT> MethodDescriptor<ReqT, RespT> unary(String method, Class<ReqT> request, Class<RespT> response) {
    return method(MethodType.UNARY, method, marshaller(request), marshaller(response));
  }

  /**
   * A server-streaming method: one request, a stream of responses.
   *
   * @throws IllegalArgumentException if the method name is empty or contains '/'
   * @throws io.polycodec.SchemaException if a type cannot be mapped
   */
  public <ReqT, RespT> MethodDescriptor<ReqT, RespT> serverStreaming(String method, Class<ReqT> request,
      Class<RespT> response) {
    return method(MethodType.SERVER_STREAMING, method, marshaller(request), marshaller(response));
  }

  /**
   * A client-streaming method: a stream of requests, one response.
   *
   * @throws IllegalArgumentException if the method name is empty or contains '/'
   * @throws io.polycodec.SchemaException if a type cannot be mapped
   */
  public <ReqT, RespT> MethodDescriptor<ReqT, RespT> clientStreaming(String method, Class<ReqT> request,
      Class<RespT> response) {
    return method(MethodType.CLIENT_STREAMING, method, marshaller(request), marshaller(response));
  }

  /**
   * A bidirectional-streaming method: streams both ways.
   *
   * @throws IllegalArgumentException if the method name is empty or contains '/'
   * @throws io.polycodec.SchemaException if a type cannot be mapped
   */
  public <ReqT, RespT> MethodDescriptor<ReqT, RespT> bidiStreaming(String method, Class<ReqT> request,
      Class<RespT> response) {
    return method(MethodType.BIDI_STREAMING, method, marshaller(request), marshaller(response));
  }

  /**
   * A method of this service with any marshallers (another format per message, a generated message's
   * marshaller…).
   *
   * @throws IllegalArgumentException if the method name is empty or contains '/', or {@code type} is
   *     {@link MethodType#UNKNOWN}
   */
  public <ReqT, RespT> MethodDescriptor<ReqT, RespT> method(MethodType type, String method,
      MethodDescriptor.Marshaller<ReqT> request, MethodDescriptor.Marshaller<RespT> response) {
    if (Objects.requireNonNull(type, "type") == MethodType.UNKNOWN) {
      throw new IllegalArgumentException("a method needs a known type, not UNKNOWN");
    }
    return MethodDescriptor.<ReqT, RespT>newBuilder()
        .setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(serviceName, checkName(method, "method name")))
        .setRequestMarshaller(Objects.requireNonNull(request, "request marshaller"))
        .setResponseMarshaller(Objects.requireNonNull(response, "response marshaller"))
        .setSampledToLocalTracing(true)
        .build();
  }

  /** A builder for this service's {@link io.grpc.ServerServiceDefinition}. */
  public ServiceDefinitionBuilder serverBuilder() {
    return ServiceDefinitionBuilder.forService(serviceName);
  }

  private static String checkName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty() || name.indexOf('/') >= 0) {
      throw new IllegalArgumentException("a " + what + " must be non-empty and contain no '/': '" + name + "'");
    }
    return name;
  }

  @Override
  public String toString() {
    return "RecordService[" + serviceName + ", " + format + "]";
  }
}
