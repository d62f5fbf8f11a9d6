package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A protobuf codec for the records of one binding. Encoding measures the value once (nested message
 * sizes and sorted map entries are kept for the write), then writes it with protobuf-java's
 * CodedOutputStream into an array of exactly that size. Decoding reads the caller's array in place
 * with CodedInputStream. Immutable and thread-safe.
 */
final class ProtobufCodec<T> implements Codec<T> {
  private final RecordBinding<T> binding;
  private final MessagePlan plan;
  private final Limits limits;
  private final String rootName;

  ProtobufCodec(RecordBinding<T> binding, CodecOptions options) {
    this.binding = binding;
    this.limits = options.limits();
    this.plan = PlanCompiler.compile(binding, options.get(ProtobufOptions.LAYOUT));
    this.rootName = binding.schema().name();
  }

  @Override
  public Format format() {
    return ProtobufProvider.FORMAT;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  private Sizes measure(T value, long[] size) {
    if (value == null) {
      throw new EncodeException("cannot encode null").prependField(rootName).withFormat(ProtobufProvider.FORMAT_NAME);
    }
    if (binding.isGeneric() && ((GenericRecord) value).schema() != binding.schema()
        && !((GenericRecord) value).schema().equals(binding.schema())) {
      throw new EncodeException("a " + ((GenericRecord) value).schema().name() + " record is not of this codec's schema")
          .prependField(rootName).withFormat(ProtobufProvider.FORMAT_NAME);
    }
    Sizes sizes = new Sizes(limits);
    try {
      size[0] = plan.bodySize(value, sizes);
    } catch (EncodeException e) {
      throw e.prependField(rootName).withFormat(ProtobufProvider.FORMAT_NAME);
    } catch (StackOverflowError e) {
      throw EncodeException.stackExhausted(ProtobufProvider.FORMAT_NAME).prependField(rootName);
    }
    if (size[0] > limits.maxMessageBytes()) {
      throw new EncodeException("encoding of " + size[0] + " bytes exceeds the limit of " + limits.maxMessageBytes())
          .prependField(rootName).withFormat(ProtobufProvider.FORMAT_NAME);
    }
    return sizes;
  }

  @Override
  public byte[] encode(T value) {
    long[] size = new long[1];
    Sizes sizes = measure(value, size);
    byte[] out = new byte[(int) size[0]];
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    try {
      plan.writeBody(cos, value, sizes);
      cos.checkNoSpaceLeft();
    } catch (IOException | IllegalStateException | ClassCastException | IndexOutOfBoundsException e) {
      throw changedWhileEncoding(e);
    } catch (StackOverflowError e) {
      throw EncodeException.stackExhausted(ProtobufProvider.FORMAT_NAME).prependField(rootName);
    }
    return out;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    long[] size = new long[1];
    Sizes sizes = measure(value, size);
    CodedOutputStream cos = CodedOutputStream.newInstance(out, (int) Math.min(Math.max(size[0], 16), 8192));
    try {
      plan.writeBody(cos, value, sizes);
    } catch (IllegalStateException | ClassCastException | IndexOutOfBoundsException e) {
      throw changedWhileEncoding(e);
    } catch (StackOverflowError e) {
      throw EncodeException.stackExhausted(ProtobufProvider.FORMAT_NAME).prependField(rootName);
    }
    cos.flush();
  }

  // Both passes read the same immutable value, so they agree unless a mutable collection inside it
  // changed in between (another thread); the write then overruns or misreads what the size pass noted.
  private EncodeException changedWhileEncoding(Exception e) {
    return new EncodeException("the value changed while it was being encoded", e)
        .prependField(rootName).withFormat(ProtobufProvider.FORMAT_NAME);
  }

  @Override
  public T decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  @Override
  public T decode(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > limits.maxMessageBytes()) {
      throw DecodeException.at(ProtobufProvider.FORMAT_NAME, 0,
          "message of " + length + " bytes exceeds the limit of " + limits.maxMessageBytes()).prependField(rootName);
    }
    ProtoReader r = new ProtoReader(bytes, offset, length, limits);
    try {
      return binding.javaType().cast(plan.readBody(r));
    } catch (DecodeException e) {
      throw e.withFormat(ProtobufProvider.FORMAT_NAME).withOffset(r.offset()).prependField(rootName);
    } catch (IOException e) {
      throw r.wrap(e).prependField(rootName);
    } catch (StackOverflowError e) {
      throw DecodeException.stackExhausted(ProtobufProvider.FORMAT_NAME, r.offset()).prependField(rootName);
    }
  }

  @Override
  public String toString() {
    return "ProtobufCodec[" + binding + "]";
  }
}
