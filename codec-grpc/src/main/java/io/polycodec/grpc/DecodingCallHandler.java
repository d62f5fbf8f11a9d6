package io.polycodec.grpc;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import java.io.InputStream;

/**
 * Serves a typed method from a method registered with the message streams passed through, decoding each
 * request and encoding each response itself. That is the only place where a codec failure can get a
 * useful status. When a request marshaller throws inside gRPC, grpc-java closes the call with
 * {@code UNKNOWN: Application error processing RPC}; here it becomes {@code INVALID_ARGUMENT} with the
 * decode error's message, and the handler is told the call was cancelled. When a response marshaller
 * throws inside gRPC, grpc-java resets the stream and the client sees a bare {@code CANCELLED}; here the
 * call is closed with the marshaller's status ({@code INTERNAL} with the encode error's message). After
 * either, nothing the handler sends reaches the closed call, and its context is cancelled as for any
 * ended call. (grpc-java's own {@code ServerInterceptors.useInputStreamMessages} rebinds methods the
 * same way.)
 */
final class DecodingCallHandler<ReqT, RespT> implements ServerCallHandler<InputStream, InputStream> {
  private final MethodDescriptor<ReqT, RespT> method;
  private final ServerCallHandler<ReqT, RespT> next;

  DecodingCallHandler(MethodDescriptor<ReqT, RespT> method, ServerCallHandler<ReqT, RespT> next) {
    this.method = method;
    this.next = next;
  }

  @Override
  public ServerCall.Listener<InputStream> startCall(ServerCall<InputStream, InputStream> call, Metadata headers) {
    TypedCall<ReqT, RespT> typed = new TypedCall<>(call, method);
    ServerCall.Listener<ReqT> listener = next.startCall(typed, headers);
    return new DecodingListener<>(method, typed, listener);
  }

  /** The listener gRPC calls: decodes each request before the typed listener sees it. */
  private static final class DecodingListener<ReqT, RespT> extends ServerCall.Listener<InputStream> {
    private final MethodDescriptor<ReqT, RespT> method;
    private final TypedCall<ReqT, RespT> call;
    private final ServerCall.Listener<ReqT> next;

    DecodingListener(MethodDescriptor<ReqT, RespT> method, TypedCall<ReqT, RespT> call, ServerCall.Listener<ReqT> next) {
      this.method = method;
      this.call = call;
      this.next = next;
    }

    // Set when this listener ended the call for a bad request and told the handler with onCancel, so
    // that gRPC's own end-of-call callback (onComplete, as the server closed the call) is not delivered twice.
    private boolean cancelDelivered;

    @Override
    public void onMessage(InputStream message) {
      if (call.closedByCodec()) {
        return;
      }
      ReqT request;
      try {
        request = method.parseRequest(message);
      } catch (RuntimeException e) {
        if (call.closeByCodec(CodecFailures.badRequest(e))) {
          // gRPC reports a call the server closed as completed; to the handler it ended abnormally.
          cancelDelivered = true;
          next.onCancel();
        }
        return;
      }
      next.onMessage(request);
    }

    @Override
    public void onHalfClose() {
      if (!call.closedByCodec()) {
        next.onHalfClose();
      }
    }

    @Override
    public void onCancel() {
      if (!cancelDelivered) {
        next.onCancel();
      }
    }

    @Override
    public void onComplete() {
      if (!cancelDelivered) {
        next.onComplete();
      }
    }

    @Override
    public void onReady() {
      if (!call.closedByCodec()) {
        next.onReady();
      }
    }

    @Override
    public void onEvent(Object event) {
      next.onEvent(event);
    }
  }

  /**
   * The call as the typed handler sees it: everything forwarded, with the typed method descriptor and
   * responses encoded here; once closed for a codec failure, the handler's later sends and close are
   * dropped.
   */
  private static final class TypedCall<ReqT, RespT> extends ServerCall<ReqT, RespT> {
    private final ServerCall<InputStream, InputStream> delegate;
    private final MethodDescriptor<ReqT, RespT> method;
    // ServerCall is not thread-safe: the handler's sends (any thread) and the listener's close (the
    // call's serialized executor) take this lock so they never run at once.
    private final Object lock = new Object();
    private volatile boolean closedByCodec;
    private boolean closed;

    TypedCall(ServerCall<InputStream, InputStream> delegate, MethodDescriptor<ReqT, RespT> method) {
      this.delegate = delegate;
      this.method = method;
    }

    boolean closedByCodec() {
      return closedByCodec;
    }

    /** Closes the call with {@code status} unless it is closed already; whether it did. */
    boolean closeByCodec(Status status) {
      synchronized (lock) {
        if (closed) {
          return false;
        }
        closed = true;
        closedByCodec = true;
        delegate.close(status, new Metadata());
        return true;
      }
    }

    @Override
    public void request(int numMessages) {
      delegate.request(numMessages);
    }

    @Override
    public void sendHeaders(Metadata headers) {
      synchronized (lock) {
        if (!closed) {
          delegate.sendHeaders(headers);
        }
      }
    }

    @Override
    public void sendMessage(RespT message) {
      synchronized (lock) {
        if (closed) {
          return;
        }
        InputStream encoded;
        try {
          encoded = method.streamResponse(message);
        } catch (RuntimeException e) {
          closeByCodec(CodecFailures.badResponse(e));
          return;
        }
        delegate.sendMessage(encoded);
      }
    }

    @Override
    public boolean isReady() {
      return !closedByCodec && delegate.isReady();
    }

    @Override
    public void close(Status status, Metadata trailers) {
      synchronized (lock) {
        if (!closed) {
          closed = true;
          delegate.close(status, trailers);
        }
      }
    }

    @Override
    public boolean isCancelled() {
      return closedByCodec || delegate.isCancelled();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
      delegate.setMessageCompression(enabled);
    }

    @Override
    public void setCompression(String compressor) {
      delegate.setCompression(compressor);
    }

    @Override
    public void setOnReadyThreshold(int numBytes) {
      delegate.setOnReadyThreshold(numBytes);
    }

    @Override
    public SecurityLevel getSecurityLevel() {
      return delegate.getSecurityLevel();
    }

    @Override
    public Attributes getAttributes() {
      return delegate.getAttributes();
    }

    @Override
    public String getAuthority() {
      return delegate.getAuthority();
    }

    @Override
    public void triggerEvent(Object event) {
      delegate.triggerEvent(event);
    }

    @Override
    public MethodDescriptor<ReqT, RespT> getMethodDescriptor() {
      return method;
    }
  }
}
