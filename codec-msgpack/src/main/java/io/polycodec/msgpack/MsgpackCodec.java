package io.polycodec.msgpack;

import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.CodecOptions;
import io.polycodec.CodecShell;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The MessagePack codec for the records of one binding, in name- or tag-keyed mode. Immutable and
 * thread-safe: the plan is compiled in the constructor; each encode borrows its thread's
 * {@link EncodeContext}, each decode makes a {@link MsgpackReader}.
 */
final class MsgpackCodec<T> implements Codec<T> {
  private final CodecOptions options;
  private final Format format;
  private final Limits limits;
  private final RecordPlan root;
  private final RecordBinding<T> binding;
  private final CodecShell shell;

  MsgpackCodec(RecordBinding<T> binding, CodecOptions options) {
    this.options = options;
    this.binding = binding;
    this.limits = options.limits();
    MsgpackKeys keys = options.get(MsgpackOptions.KEYS);
    this.format = keys == MsgpackKeys.TAGS
        ? MsgpackProvider.FORMAT.withKeying(FieldKeying.NUMBER)
        : MsgpackProvider.FORMAT;
    this.root = new PlanCompiler(keys, options.get(MsgpackOptions.VECTORS)).record(binding);
    this.shell = CodecShell.of(format, binding.schema().name(), limits);
  }

  @Override
  public Format format() {
    return format;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  @Override
  public byte[] encode(T value) {
    EncodeContext cx = encodeInto(value);
    byte[] out = cx.toByteArray();
    cx.release();
    return out;
  }

  /** Encodes into this thread's reused buffer, then writes it to {@code out} in one call. */
  @Override
  public void encode(T value, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    EncodeContext cx = encodeInto(value);
    try {
      cx.writeTo(out);
    } finally {
      cx.release();
    }
  }

  /** The finished encoding of {@code value} in a context the caller must release. */
  private EncodeContext encodeInto(T value) {
    shell.checkEncodable(value);
    EncodeContext cx = EncodeContext.acquire(limits);
    try {
      root.write(cx, value);
      cx.finish();
      return cx;
    } catch (IOException e) {
      cx.discard();
      throw encodeFailure(new EncodeException("msgpack-core failed: " + e.getMessage(), e));
    } catch (CodecException e) {
      cx.discard();
      throw encodeFailure(e);
    } catch (StackOverflowError e) {
      cx.discard();
      throw encodeFailure(EncodeException.stackExhausted(MsgpackProvider.NAME));
    } catch (RuntimeException | Error e) {
      cx.discard();
      throw e;
    }
  }

  private CodecException encodeFailure(CodecException e) {
    return shell.decorate(e);
  }

  @Override
  public T decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  @Override
  public T decode(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    shell.checkMessageLength(length);
    MsgpackReader in = new MsgpackReader(bytes, offset, length, limits);
    try {
      Object v = root.read(in);
      in.expectEnd();
      return binding.javaType().cast(v);
    } catch (DecodeException e) {
      throw shell.decorate(e, in.offset());
    } catch (StackOverflowError e) {
      throw shell.decorate(DecodeException.stackExhausted(shell.format(), in.offset()));
    }
  }

  @Override
  public String toString() {
    return Codec.describe(format(), binding, options);
  }
}
