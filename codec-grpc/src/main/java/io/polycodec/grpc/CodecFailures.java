package io.polycodec.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.polycodec.CodecException;

/**
 * How codec failures read as gRPC statuses, in one place so that server and client say the same:
 * "cannot decode io.example.HelloRequest: protobuf: at offset 3: HelloRequest.name: ...".
 */
final class CodecFailures {
  private CodecFailures() {}

  static String describe(String what, Class<?> type, CodecException e) {
    return what + " " + type.getName() + ": " + e.getMessage();
  }

  /**
   * The status for a request the server could not parse: INVALID_ARGUMENT (the caller sent it), with
   * the parse failure's description when the marshaller gave one (a {@link StatusRuntimeException}, as
   * {@link CodecMarshaller} and grpc-protobuf's marshallers throw), else the exception's message.
   */
  static Status badRequest(Throwable t) {
    String description;
    if (t instanceof StatusRuntimeException) {
      Status s = ((StatusRuntimeException) t).getStatus();
      description = s.getDescription() != null ? s.getDescription() : String.valueOf(t.getCause());
    } else {
      description = "cannot decode the request: " + t;
    }
    Throwable cause = t instanceof StatusRuntimeException && t.getCause() != null ? t.getCause() : t;
    return Status.INVALID_ARGUMENT.withDescription(description).withCause(cause);
  }

  /**
   * The status for a response the server could not encode: the marshaller's own status when it threw a
   * {@link StatusRuntimeException} (INTERNAL with the encode error, from {@link CodecMarshaller}), else
   * INTERNAL with the exception's message.
   */
  static Status badResponse(Throwable t) {
    if (t instanceof StatusRuntimeException) {
      return ((StatusRuntimeException) t).getStatus();
    }
    return Status.INTERNAL.withDescription("cannot encode the response: " + t).withCause(t);
  }
}
