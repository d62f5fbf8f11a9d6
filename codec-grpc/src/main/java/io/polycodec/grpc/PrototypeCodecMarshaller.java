package io.polycodec.grpc;

import io.grpc.MethodDescriptor;
import java.io.InputStream;
import java.util.Objects;

/**
 * A {@link CodecMarshaller} that also names an instance of its type, for gRPC tooling that asks a
 * {@link MethodDescriptor.PrototypeMarshaller} for one (grpc-protobuf's own marshallers are prototype
 * marshallers). Made by {@link CodecMarshaller#withPrototype}. Behaves exactly as the marshaller it was
 * made from, including on bad input. Immutable and thread-safe if the prototype is immutable.
 *
 * @param <T> the message type
 */
public final class PrototypeCodecMarshaller<T> implements MethodDescriptor.PrototypeMarshaller<T> {
  private final CodecMarshaller<T> marshaller;
  private final T prototype;

  PrototypeCodecMarshaller(CodecMarshaller<T> marshaller, T prototype) {
    this.marshaller = marshaller;
    this.prototype = Objects.requireNonNull(prototype, "prototype");
    if (!marshaller.getMessageClass().isInstance(prototype)) {
      throw new IllegalArgumentException("the prototype is a " + prototype.getClass().getName() + ", not a "
          + marshaller.getMessageClass().getName());
    }
  }

  /** The prototype this marshaller was made with. */
  @Override
  public T getMessagePrototype() {
    return prototype;
  }

  /** The message type. */
  @Override
  public Class<T> getMessageClass() {
    return marshaller.getMessageClass();
  }

  /** As {@link CodecMarshaller#stream}. */
  @Override
  public InputStream stream(T value) {
    return marshaller.stream(value);
  }

  /** As {@link CodecMarshaller#parse}. */
  @Override
  public T parse(InputStream stream) {
    return marshaller.parse(stream);
  }

  @Override
  public String toString() {
    return marshaller + " with a prototype";
  }
}
