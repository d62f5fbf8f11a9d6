package io.polycodec.grpc;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A gRPC {@link MethodDescriptor.Marshaller} that puts values of {@code T} on the wire with a Polycodec
 * {@link Codec}: {@code CodecMarshaller.of(Codecs.get("protobuf", HelloRequest.class), HelloRequest.class)}.
 * With the Protobuf backend the bytes are those protoc-generated code writes for the same message, so
 * either side of a call may be generated code.
 *
 * <p>Failures are gRPC statuses, never other exceptions: a value the codec cannot encode makes
 * {@link #stream} throw a {@link io.grpc.StatusRuntimeException} with {@link Status.Code#INTERNAL}, and
 * bytes it cannot decode (malformed, truncated, over the codec's {@link io.polycodec.Limits}, or not a
 * {@code T}) make {@link #parse} throw one with {@link Status.Code#INTERNAL}; in both the description
 * carries the codec error's message (format, offset, field path) and the cause is the
 * {@link DecodeException} or {@link EncodeException}. On a server, {@link ServiceDefinitionBuilder}
 * turns an undecodable request into {@link Status.Code#INVALID_ARGUMENT}; on a client,
 * {@link CodecFailureInterceptor} keeps the status of an undecodable response INTERNAL (gRPC itself
 * reports it as CANCELLED). See docs/grpc.md.
 *
 * <p>Immutable and thread-safe, like the codec it wraps.
 *
 * @param <T> the message type
 */
public final class CodecMarshaller<T> implements MethodDescriptor.ReflectableMarshaller<T> {
  private final Codec<T> codec;
  private final Class<T> type;

  private CodecMarshaller(Codec<T> codec, Class<T> type) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * A marshaller writing {@code type} with {@code codec}.
   *
   * @throws NullPointerException if either is null
   */
  public static <T> CodecMarshaller<T> of(Codec<T> codec, Class<T> type) {
    return new CodecMarshaller<>(codec, type);
  }

  /**
   * A marshaller for {@code type} in {@code format} ({@code protobuf}, {@code msgpack}, {@code json}…),
   * with the codec {@link Codecs#get(String, Class)} finds on the class path.
   *
   * @throws io.polycodec.CodecException if no codec for the format is on the class path
   * @throws io.polycodec.SchemaException if {@code type} cannot be mapped
   */
  public static <T> CodecMarshaller<T> of(String format, Class<T> type) {
    return new CodecMarshaller<>(Codecs.get(format, type), type);
  }

  /**
   * As {@link #of(String, Class)}, with codec options (limits, format options).
   *
   * @throws io.polycodec.CodecException if no codec for the format is on the class path
   * @throws io.polycodec.SchemaException if {@code type} cannot be mapped
   */
  public static <T> CodecMarshaller<T> of(String format, Class<T> type, CodecOptions options) {
    return new CodecMarshaller<>(Codecs.get(format, type, options), type);
  }

  /** The codec this marshaller writes and reads with. */
  public Codec<T> codec() {
    return codec;
  }

  /** The message type. */
  @Override
  public Class<T> getMessageClass() {
    return type;
  }

  /**
   * This marshaller, also answering {@link MethodDescriptor.PrototypeMarshaller#getMessagePrototype()}
   * with {@code prototype} (for tools that ask a marshaller for an instance of its type).
   *
   * @throws NullPointerException if {@code prototype} is null
   * @throws IllegalArgumentException if {@code prototype} is not a {@code T}
   */
  public PrototypeCodecMarshaller<T> withPrototype(T prototype) {
    return new PrototypeCodecMarshaller<>(this, prototype);
  }

  /**
   * The value's encoding, as a stream gRPC can size and drain without copying.
   *
   * @throws io.grpc.StatusRuntimeException INTERNAL, caused by the {@link EncodeException}, if the value
   *     cannot be encoded (null, or null in a non-optional field…)
   */
  @Override
  public InputStream stream(T value) {
    try {
      return new EncodedMessage(codec.encode(value));
    } catch (EncodeException e) {
      throw Status.INTERNAL.withDescription(CodecFailures.describe("cannot encode", type, e)).withCause(e)
          .asRuntimeException();
    }
  }

  /**
   * Decodes one message: all of {@code stream}, which gRPC hands over holding exactly one message.
   *
   * @throws io.grpc.StatusRuntimeException INTERNAL, caused by the {@link DecodeException}, for bytes the
   *     codec rejects; its description is the decode error's message
   */
  @Override
  public T parse(InputStream stream) {
    try {
      return decode(stream);
    } catch (DecodeException e) {
      throw Status.INTERNAL.withDescription(CodecFailures.describe("cannot decode", type, e)).withCause(e)
          .asRuntimeException();
    }
  }

  private T decode(InputStream in) {
    try {
      if (!(in instanceof KnownLength)) {
        return codec.decode(in);
      }
      // gRPC's own streams know their length: read exactly that, once, instead of growing a buffer.
      int length = in.available();
      int max = codec.limits().maxMessageBytes();
      if (length > max) {
        throw DecodeException.at(codec.format().name(), 0,
            "message of " + length + " bytes exceeds the limit of " + max);
      }
      byte[] bytes = in.readNBytes(length);
      if (bytes.length != length) {
        throw DecodeException.at(codec.format().name(), bytes.length,
            "stream ended after " + bytes.length + " of " + length + " bytes");
      }
      return codec.decode(bytes);
    } catch (IOException e) {
      throw new DecodeException("cannot read the message: " + e, e).withFormat(codec.format().name());
    }
  }

  @Override
  public String toString() {
    return "CodecMarshaller[" + codec.format().name() + ", " + type.getName() + "]";
  }
}
