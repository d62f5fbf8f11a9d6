package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.CodecShell;
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
 * CodedOutputStream into an array of exactly that size; records whose spun code can write them with
 * nothing measured first are written by the size pass itself and copied (see {@link BodyCompiler}). Decoding reads the caller's array in place
 * with CodedInputStream. Immutable and thread-safe.
 */
final class ProtobufCodec<T> implements Codec<T> {
  private final CodecOptions options;
  private final RecordBinding<T> binding;
  private final MessagePlan plan;
  private final Limits limits;
  private final CodecShell shell;

  ProtobufCodec(RecordBinding<T> binding, CodecOptions options) {
    this(binding, options, PlanCompiler.SPIN);
  }

  /** {@code spin} false: every plan interpreted, the path tests compare the spun encoders with. */
  ProtobufCodec(RecordBinding<T> binding, CodecOptions options, boolean spin) {
    this.options = options;
    this.binding = binding;
    this.limits = options.limits();
    this.plan = PlanCompiler.compile(binding, options.get(ProtobufOptions.LAYOUT), spin);
    this.shell = CodecShell.of(ProtobufProvider.FORMAT, binding.schema().name(), limits);
  }

  /** The root plan (tests look at which of its plans were spun). */
  MessagePlan plan() {
    return plan;
  }

  @Override
  public Format format() {
    return ProtobufProvider.FORMAT;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  // Measures value into sizes (the thread's, acquired by the caller, who releases it in a finally).
  private long measure(T value, Sizes sizes) {
    shell.checkEncodable(value);
    if (binding.isGeneric() && ((GenericRecord) value).schema() != binding.schema()
        && !((GenericRecord) value).schema().equals(binding.schema())) {
      throw shell.decorate(new EncodeException(
          "a " + ((GenericRecord) value).schema().name() + " record is not of this codec's schema"));
    }
    long size;
    try {
      size = plan.bodySize(value, sizes);
    } catch (RuntimeException e) {
      // A spun encoder names no field and lets an accessor's exception or a null through: measure again
      // with the interpreted plans, which throw the error with its path (or, if the value changed in
      // between and now measures, encode it that way).
      sizes.restart(false);
      try {
        size = plan.bodySize(value, sizes);
      } catch (EncodeException again) {
        throw shell.decorate(again);
      } catch (StackOverflowError again) {
        throw shell.decorate(EncodeException.stackExhausted(shell.format()));
      }
    } catch (StackOverflowError e) {
      throw shell.decorate(EncodeException.stackExhausted(shell.format()));
    }
    shell.checkEncodedLength(size);
    return size;
  }

  @Override
  public byte[] encode(T value) {
    Sizes sizes = Sizes.acquire(limits, true);
    try {
      byte[] out = new byte[(int) measure(value, sizes)];
      CodedOutputStream cos = CodedOutputStream.newInstance(out);
      try {
        plan.writeBody(cos, value, sizes);
        cos.checkNoSpaceLeft();
      } catch (IOException | IllegalStateException | ClassCastException | IndexOutOfBoundsException e) {
        throw changedWhileEncoding(e);
      } catch (StackOverflowError e) {
        throw shell.decorate(EncodeException.stackExhausted(shell.format()));
      }
      return out;
    } finally {
      sizes.release();
    }
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    Sizes sizes = Sizes.acquire(limits, true);
    try {
      long size = measure(value, sizes);
      CodedOutputStream cos = CodedOutputStream.newInstance(out, (int) Math.min(Math.max(size, 16), 8192));
      try {
        plan.writeBody(cos, value, sizes);
      } catch (IllegalStateException | ClassCastException | IndexOutOfBoundsException e) {
        throw changedWhileEncoding(e);
      } catch (StackOverflowError e) {
        throw shell.decorate(EncodeException.stackExhausted(shell.format()));
      }
      cos.flush();
    } finally {
      sizes.release();
    }
  }

  // Both passes read the same immutable value, so they agree unless a mutable collection inside it
  // changed in between (another thread); the write then overruns or misreads what the size pass noted.
  private EncodeException changedWhileEncoding(Exception e) {
    return shell.decorate(new EncodeException("the value changed while it was being encoded", e));
  }

  @Override
  public T decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  @Override
  public T decode(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    shell.checkMessageLength(length);
    ProtoReader r = new ProtoReader(bytes, offset, length, limits);
    try {
      return binding.javaType().cast(plan.readBody(r));
    } catch (DecodeException e) {
      throw shell.decorate(e, r.offset());
    } catch (IOException e) {
      throw shell.decorate(r.wrap(e));
    } catch (StackOverflowError e) {
      throw shell.decorate(DecodeException.stackExhausted(shell.format(), r.offset()));
    }
  }

  @Override
  public String toString() {
    return Codec.describe(format(), binding, options);
  }
}
