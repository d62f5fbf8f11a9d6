package io.polycodec.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.polycodec.CodecException;

/**
 * A client interceptor that reports a response the client could not decode (or a request it could not
 * encode) as {@link Status.Code#INTERNAL} with the codec error's message, instead of gRPC's own
 * {@code CANCELLED: Failed to read message.} or {@code CANCELLED: Failed to stream message}
 * (grpc-java cancels the call when a marshaller throws, whatever it throws, and keeps the marshaller's
 * exception only as the status's cause).
 *
 * <pre>{@code
 * ManagedChannel channel = NettyChannelBuilder.forAddress(host, port)
 *     .intercept(CodecFailureInterceptor.create()).build();
 * }</pre>
 *
 * <p>Only a CANCELLED status caused by a codec failure is rewritten (one thrown by {@link CodecMarshaller},
 * or a {@link CodecException} thrown by any marshaller); every other status, including a cancellation
 * the application asked for, passes unchanged. The call's trailers are kept. Stateless and
 * thread-safe.
 */
public final class CodecFailureInterceptor implements ClientInterceptor {
  private static final CodecFailureInterceptor INSTANCE = new CodecFailureInterceptor();

  private CodecFailureInterceptor() {}

  /** The interceptor (one stateless instance serves every channel). */
  public static CodecFailureInterceptor create() {
    return INSTANCE;
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
      CallOptions callOptions, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
      @Override
      public void start(Listener<RespT> responseListener, Metadata headers) {
        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(responseListener) {
          @Override
          public void onClose(Status status, Metadata trailers) {
            super.onClose(rewrite(status), trailers);
          }
        }, headers);
      }
    };
  }

  /**
   * The status to report for {@code status}: INTERNAL with the codec's message if the call was
   * cancelled because a message could not be decoded or encoded, else {@code status} itself.
   */
  static Status rewrite(Status status) {
    if (status.getCode() != Status.Code.CANCELLED) {
      return status;
    }
    Throwable cause = status.getCause();
    if (cause instanceof StatusRuntimeException && cause.getCause() instanceof CodecException) {
      return ((StatusRuntimeException) cause).getStatus();
    }
    if (cause instanceof CodecException) {
      return Status.INTERNAL.withDescription("codec failure: " + cause.getMessage()).withCause(cause);
    }
    return status;
  }
}
