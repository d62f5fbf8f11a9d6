package io.polycodec.flatbuffers;

import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.CodecOptions;
import io.polycodec.CodecShell;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Encodes records as FlatBuffers tables and reads them back, decoded or in place through
 * {@link FlatView}s. Immutable and thread-safe; build one per record type and share it.
 *
 * <p>The mapping (docs/flatbuffers.md has the full table): a record is a table whose field with tag
 * {@code t} has field id {@code t − 1}; scalars are inline and omitted when non-optional and equal to
 * their default; optional scalars are written whenever present, so presence is kept (the exported
 * schema declares them {@code = null}); strings, bytes, lists, maps and vectors sit behind offsets and
 * are omitted when empty and non-optional; timestamps are a {@code {seconds: long; nanos: int}} struct;
 * maps are vectors of key/value tables in key order; unions are a holder table with a FlatBuffers union
 * whose type is the member's tag. {@link #fbs()} prints the equivalent {@code .fbs} schema.
 *
 * <p>Untrusted input is verified before anything reads it (see {@link FlatBuffersOptions#VERIFY}):
 * malformed, truncated or hostile bytes give a {@link DecodeException} with the byte offset and field
 * path, and nothing else. FlatBuffers cannot tell trailing bytes from padding or data of a newer
 * schema, so bytes after the last object are ignored rather than rejected.
 *
 * @param <T> the record type (a Java record, or {@link GenericRecord})
 */
public final class FlatBuffersCodec<T> implements Codec<T> {
  private static final ThreadLocal<WriteContext> CONTEXT = new ThreadLocal<>();

  private final RecordBinding<T> binding;
  private final TablePlan plan;
  private final CodecOptions options;
  private final Limits limits;
  private final boolean verify;
  private final int sharedVisits;
  private final CodecShell shell;
  private final FlatLayout layout;

  private FlatBuffersCodec(RecordBinding<T> binding, CodecOptions options) {
    this.binding = binding;
    this.options = options;
    this.limits = options.limits();
    this.verify = options.get(FlatBuffersOptions.VERIFY);
    this.sharedVisits = options.get(FlatBuffersOptions.MAX_SHARED_VISITS);
    PlanCompiler.Compiled compiled = PlanCompiler.compile(binding, options.get(FlatBuffersOptions.LAYOUT));
    this.plan = compiled.plan();
    this.layout = compiled.layout();
    this.shell = CodecShell.of(FlatBuffersProvider.FORMAT, binding.schema().name(), limits);
  }

  /**
   * A codec for the Java record type {@code type}, with default options.
   *
   * @throws io.polycodec.SchemaException if the type cannot be mapped, naming the field
   */
  public static <T> FlatBuffersCodec<T> of(Class<T> type) {
    return of(RecordBinding.of(type), CodecOptions.defaults());
  }

  /** A codec for {@code type} with {@code options}. */
  public static <T> FlatBuffersCodec<T> of(Class<T> type, CodecOptions options) {
    return of(RecordBinding.of(type), options);
  }

  /**
   * A codec for the records {@code binding} describes.
   *
   * @throws io.polycodec.SchemaException if the schema uses a tag above {@link FlatBuffersProvider#MAX_TAG}
   *     or a union member tag above {@link FlatBuffersProvider#MAX_UNION_TAG}, naming it
   */
  public static <T> FlatBuffersCodec<T> of(RecordBinding<T> binding, CodecOptions options) {
    return new FlatBuffersCodec<>(Objects.requireNonNull(binding, "binding"), Objects.requireNonNull(options, "options"));
  }

  /** A codec for {@link GenericRecord}s of {@code schema}, with default options. */
  public static FlatBuffersCodec<GenericRecord> generic(RecordSchema schema) {
    return of(RecordBinding.generic(schema), CodecOptions.defaults());
  }

  @Override
  public Format format() {
    return FlatBuffersProvider.FORMAT;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  /** The options this codec was built with. */
  public CodecOptions options() {
    return options;
  }

  /** The schema of the root table. */
  public RecordSchema schema() {
    return binding.schema();
  }

  /**
   * The index of the root table's field named {@code name}, for {@link FlatView}'s index-based getters:
   * resolve it once (a constant next to the codec) and read views without name lookups.
   *
   * @throws IllegalArgumentException if there is no such field
   */
  public int fieldIndex(String name) {
    int i = binding.schema().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(binding.schema().name() + " has no field " + name);
    }
    return i;
  }

  /**
   * The FlatBuffers schema ({@code .fbs}) of this codec's tables: flatc reads and writes the same bytes.
   *
   * @throws io.polycodec.SchemaException if the schema's names cannot be written as a {@code .fbs}
   */
  public String fbs() {
    return FbsExport.render(binding.schema(), layout);
  }

  /**
   * The layout choices in effect: those of {@link FlatBuffersOptions#LAYOUT} plus the {@link FlatStruct}
   * and {@link FlatArray} annotations of the Java types reached.
   */
  public FlatLayout layout() {
    return layout;
  }

  // ---- encoding ------------------------------------------------------------------------------------

  /**
   * The value as a finished FlatBuffer (no file identifier, no size prefix).
   *
   * @throws EncodeException for a null in a non-optional field, a string with an unpaired surrogate, a
   *     timestamp outside the range, NaN in an INT8 vector, nesting deeper than the limits allow, or a
   *     result larger than {@link Limits#maxMessageBytes()}; the message names the field
   */
  @Override
  public byte[] encode(T value) {
    shell.checkEncodable(value);
    WriteContext w = CONTEXT.get();
    if (w == null || w.inUse) {
      w = new WriteContext();
    }
    w.inUse = true;
    boolean keep = false;
    try {
      w.reset(limits);
      int root;
      try {
        root = plan.write(w, value);
      } catch (CodecException e) {
        throw shell.decorate(e);
      } catch (StackOverflowError e) {
        throw shell.decorate(EncodeException.stackExhausted(shell.format()));
      }
      if (layout.fileIdentifier().isEmpty()) {
        w.builder.finish(root);
      } else {
        w.builder.finish(root, layout.fileIdentifier());
      }
      byte[] out = w.builder.sizedByteArray();
      keep = w.retainable();
      shell.checkEncodedLength(out.length);
      return out;
    } finally {
      w.inUse = false;
      // Kept for the thread's next encode only if it succeeded and its buffer stayed small.
      if (keep) {
        if (CONTEXT.get() != w) {
          CONTEXT.set(w);
        }
      } else if (CONTEXT.get() == w) {
        CONTEXT.remove();
      }
    }
  }

  // ---- decoding ------------------------------------------------------------------------------------

  @Override
  public T decode(byte[] bytes) {
    return decode(ReadContext.of(bytes, 0, bytes.length));
  }

  @Override
  public T decode(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return decode(ReadContext.of(bytes, offset, length));
  }

  /**
   * Decodes the message between {@code buffer}'s position and limit in place, without copying it first
   * (heap, direct and read-only buffers alike). The buffer's position, limit and contents are not
   * changed and it is not retained.
   */
  @Override
  public T decode(ByteBuffer buffer) {
    return decode(ReadContext.of(buffer));
  }

  @SuppressWarnings("unchecked")
  private T decode(ReadContext r) {
    int root = check(r);
    try {
      return (T) plan.read(r, root);
    } catch (CodecException e) {
      throw shell.decorate(e);
    } catch (StackOverflowError e) {
      throw shell.decorate(DecodeException.stackExhausted(shell.format(), -1));
    }
  }

  /**
   * A view of the message between {@code buffer}'s position and limit, read in place. Verified first
   * unless {@link FlatBuffersOptions#VERIFY} is off. The view reads {@code buffer}'s bytes for as long as
   * it is used: see {@link FlatView} for how long that is allowed.
   *
   * @throws DecodeException if verification fails, with offset and field path
   */
  @SuppressWarnings("unchecked")
  public FlatView<T> view(ByteBuffer buffer) {
    ReadContext r = ReadContext.of(buffer);
    return new FlatView<>(plan, r, check(r));
  }

  /** A view of {@code bytes} (see {@link #view(ByteBuffer)}); the array must not change while it is used. */
  public FlatView<T> view(byte[] bytes) {
    return view(ByteBuffer.wrap(bytes));
  }

  /**
   * Verifies the message between {@code buffer}'s position and limit against this codec's schema, as
   * {@code decode} and {@code view} do (whatever {@link FlatBuffersOptions#VERIFY} says); the buffer is
   * not changed or retained.
   *
   * @throws DecodeException if it is not a valid message, with offset and field path
   */
  public void verify(ByteBuffer buffer) {
    ReadContext r = ReadContext.of(buffer);
    checkSize(r);
    runVerifier(r);
  }

  private int check(ReadContext r) {
    checkSize(r);
    if (verify) {
      runVerifier(r);
    }
    return r.target(0);
  }

  private void checkSize(ReadContext r) {
    shell.checkMessageLength(r.length());
    if (r.length() < 4) {
      throw DecodeException.at(FlatBuffersProvider.NAME, 0, "a FlatBuffer needs at least 4 bytes, got " + r.length());
    }
    String id = layout.fileIdentifier();
    if (!id.isEmpty()) {
      boolean ok = r.length() >= 8;
      for (int k = 0; ok && k < 4; k++) {
        ok = r.bb.get(4 + k) == id.charAt(k);
      }
      if (!ok) {
        throw DecodeException.at(FlatBuffersProvider.NAME, 4, "the buffer does not carry the file identifier \"" + id + "\"");
      }
    }
  }

  private void runVerifier(ReadContext r) {
    try {
      new Verifier(r, limits, sharedVisits).verifyRoot(plan);
    } catch (DecodeException e) {
      throw shell.decorate(e);
    } catch (StackOverflowError e) {
      throw shell.decorate(DecodeException.stackExhausted(shell.format(), -1));
    }
  }

  @Override
  public String toString() {
    return Codec.describe(format(), binding, options);
  }
}
