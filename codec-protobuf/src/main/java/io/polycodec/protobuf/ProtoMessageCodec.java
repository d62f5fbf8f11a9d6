package io.polycodec.protobuf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import io.polycodec.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A {@link Codec} for protoc-generated message classes (or {@code DynamicMessage}s), so that code
 * holding generated messages uses the same surface as code holding records: protobuf-java does the
 * work, this adapter adds Polycodec's contract.
 *
 * <ul>
 *   <li>Encoding uses protobuf-java's deterministic serialization (map entries sorted by key), so equal
 *       messages give equal bytes. Unknown fields the message carries are written back.
 *   <li>Decoding bounds nesting by {@link Limits#maxDepth()} and input size by
 *       {@link Limits#maxMessageBytes()}; protobuf-java checks lengths against the input before it
 *       allocates. Bad input, including a proto2 message missing required fields, is a
 *       {@link DecodeException} naming the message type, with the offset protobuf-java reached.
 *       protobuf-java enforces no per-string or per-collection limit; those two limits do not apply here.
 * </ul>
 *
 * Immutable and thread-safe.
 *
 * @param <M> the message class
 */
public final class ProtoMessageCodec<M extends Message> implements Codec<M> {
  private final M prototype;
  private final Parser<M> parser;
  private final Limits limits;
  private final String typeName;

  @SuppressWarnings("unchecked")
  private ProtoMessageCodec(M prototype, Limits limits) {
    this.prototype = prototype;
    this.parser = (Parser<M>) prototype.getParserForType();
    this.limits = limits;
    this.typeName = prototype.getDescriptorForType().getFullName();
  }

  /** A binary codec for messages of {@code prototype}'s type ({@code UserProfile.getDefaultInstance()}). */
  public static <M extends Message> ProtoMessageCodec<M> of(M prototype) {
    return of(prototype, CodecOptions.defaults());
  }

  /** A binary codec for messages of {@code prototype}'s type, with {@code options}' limits. */
  public static <M extends Message> ProtoMessageCodec<M> of(M prototype, CodecOptions options) {
    return new ProtoMessageCodec<>(Objects.requireNonNull(prototype, "prototype"), options.limits());
  }

  /** The message type's default instance, whose type this codec reads and writes. */
  public M prototype() {
    return prototype;
  }

  @Override
  public Format format() {
    return ProtobufProvider.FORMAT;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  private int checkedSize(M message) {
    if (message == null) {
      throw new EncodeException("cannot encode null").prependField(typeName).withFormat(ProtobufProvider.NAME);
    }
    int size = message.getSerializedSize();
    if (size > limits.maxMessageBytes()) {
      throw new EncodeException("encoding of " + size + " bytes exceeds the limit of " + limits.maxMessageBytes())
          .prependField(typeName).withFormat(ProtobufProvider.NAME);
    }
    return size;
  }

  /**
   * The message's bytes, map entries sorted by key.
   *
   * @throws EncodeException for null, or an encoding over {@link Limits#maxMessageBytes()}
   */
  @Override
  public byte[] encode(M message) {
    byte[] out = new byte[checkedSize(message)];
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    cos.useDeterministicSerialization();
    try {
      message.writeTo(cos);
      cos.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new EncodeException("protobuf-java could not write the message: " + e.getMessage(), e)
          .prependField(typeName).withFormat(ProtobufProvider.NAME);
    }
    return out;
  }

  /** Writes the message's bytes, as {@link #encode(Message)} makes them, to {@code out}. */
  @Override
  public void encode(M message, OutputStream out) throws IOException {
    int size = checkedSize(message);
    CodedOutputStream cos = CodedOutputStream.newInstance(out, Math.min(Math.max(size, 16), 8192));
    cos.useDeterministicSerialization();
    message.writeTo(cos);
    cos.flush();
  }

  /**
   * Parses exactly {@code bytes}.
   *
   * @throws DecodeException for malformed or truncated input, input over the limits, or a proto2
   *     message missing a required field
   */
  @Override
  public M decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** Parses exactly {@code length} bytes of {@code bytes} from {@code offset}; see {@link #decode(byte[])}. */
  @Override
  public M decode(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > limits.maxMessageBytes()) {
      throw DecodeException.at(ProtobufProvider.NAME, 0,
          "message of " + length + " bytes exceeds the limit of " + limits.maxMessageBytes()).prependField(typeName);
    }
    CodedInputStream in = CodedInputStream.newInstance(bytes, offset, length);
    in.setRecursionLimit(limits.maxDepth());
    try {
      M message = parser.parseFrom(in, ExtensionRegistryLite.getEmptyRegistry());
      in.checkLastTagWas(0);
      return message;
    } catch (InvalidProtocolBufferException e) {
      DecodeException d = new DecodeException(String.valueOf(e.getMessage()), e);
      throw d.withFormat(ProtobufProvider.NAME).withOffset(in.getTotalBytesRead()).prependField(typeName);
    }
  }

  @Override
  public String toString() {
    return "ProtoMessageCodec[" + typeName + "]";
  }
}
