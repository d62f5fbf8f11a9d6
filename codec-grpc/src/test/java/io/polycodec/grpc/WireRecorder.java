package io.polycodec.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the exact message bytes a server receives and sends, by re-binding a service to byte[]
 * messages (grpc-java's {@code useMarshalledMessages}) and looking at them in an interceptor: what the
 * tests compare with protoc-generated code's {@code toByteArray()}.
 */
final class WireRecorder implements ServerInterceptor {
  static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  final List<byte[]> requests = new CopyOnWriteArrayList<>();
  final List<byte[]> responses = new CopyOnWriteArrayList<>();

  ServerServiceDefinition wrap(ServerServiceDefinition service) {
    return ServerInterceptors.intercept(ServerInterceptors.useMarshalledMessages(service, BYTES), this);
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    ServerCall<ReqT, RespT> recording = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void sendMessage(RespT message) {
        responses.add(((byte[]) message).clone());
        super.sendMessage(message);
      }
    };
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(recording, headers)) {
      @Override
      public void onMessage(ReqT message) {
        requests.add(((byte[]) message).clone());
        super.onMessage(message);
      }
    };
  }
}
