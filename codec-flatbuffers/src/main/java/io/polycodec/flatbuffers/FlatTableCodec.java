package io.polycodec.flatbuffers;

import com.google.flatbuffers.Table;
import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.Limits;
import io.polycodec.SchemaException;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The {@link Codec} surface over a flatc-generated table class ({@code class Monster extends Table}),
 * so that code written against Polycodec codecs can carry existing FlatBuffers types.
 *
 * <ul>
 *   <li>{@code decode} wraps the bytes without copying and returns the generated class's root accessor
 *       ({@code getRootAsMonster}) over them: zero-copy, so the returned table reads the caller's array
 *       or buffer for as long as it is used, and the caller must not modify those bytes meanwhile. The
 *       caller's buffer's position, limit and byte order are not changed.
 *   <li>{@code encode} returns the bytes of the buffer a root table lives in (from the buffer's position
 *       to its limit), as produced by {@code FlatBufferBuilder} or a previous decode. A table nested in
 *       another cannot be cut out of its buffer: that is an {@link EncodeException}.
 * </ul>
 *
 * <p>Verification: generated classes read offsets as they find them, and flatbuffers-java has no
 * verifier. Created with {@link #of(Class, RecordSchema, CodecOptions)}, the codec verifies the bytes
 * against a Polycodec schema that describes the same table layout (tag = field id + 1, such as one
 * written for {@link FlatBuffersCodec}) before handing out a table: the fields that schema covers are
 * then safe to read; fields it leaves out are not checked. Created with {@link #of(Class)}, only the
 * root offset is checked, and accessors may throw {@link IndexOutOfBoundsException} on bad input,
 * exactly as with flatbuffers-java alone.
 *
 * @param <T> the generated table class
 */
public final class FlatTableCodec<T extends Table> implements Codec<T> {
  /** Generated tables encode as they were built, so equal tables need not have equal bytes. */
  private static final Format FORMAT = Format.builder(FlatBuffersProvider.FORMAT.name())
      .mediaType(FlatBuffersProvider.FORMAT.mediaType())
      .binary(true)
      .keying(FieldKeying.NUMBER)
      .capabilities(Capability.ZERO_COPY)
      .build();
  private static final VarHandle TABLE_POSITION = tablePosition();

  private final Class<T> type;
  private final MethodHandle rootAccessor;
  private final TablePlan layout;
  private final Limits limits;
  private final int sharedVisits;

  private FlatTableCodec(Class<T> type, TablePlan layout, CodecOptions options) {
    this.type = type;
    this.layout = layout;
    this.limits = options.limits();
    this.sharedVisits = options.get(FlatBuffersOptions.MAX_SHARED_VISITS);
    String name = "getRootAs" + type.getSimpleName();
    try {
      this.rootAccessor = MethodHandles.publicLookup()
          .findStatic(type, name, MethodType.methodType(type, ByteBuffer.class))
          .asType(MethodType.methodType(Table.class, ByteBuffer.class));
    } catch (ReflectiveOperationException e) {
      throw new SchemaException(type.getName() + " has no public static " + name
          + "(ByteBuffer): is it a flatc-generated root table class?", e);
    }
  }

  /**
   * A codec for the generated table class {@code type}, checking only the root offset of input.
   *
   * @throws SchemaException if {@code type} has no {@code getRootAs<SimpleName>(ByteBuffer)} method
   */
  public static <T extends Table> FlatTableCodec<T> of(Class<T> type) {
    return new FlatTableCodec<>(Objects.requireNonNull(type, "type"), null, CodecOptions.defaults());
  }

  /**
   * A codec for {@code type} that verifies input against {@code layout}, a Polycodec schema of the same
   * table (field ids as {@link io.polycodec.schema.FlatBuffersFieldIds} gives them), under {@code options}' limits.
   *
   * @throws SchemaException if {@code type} is not a generated root table class or {@code layout}
   *     cannot be compiled for FlatBuffers
   */
  public static <T extends Table> FlatTableCodec<T> of(Class<T> type, RecordSchema layout, CodecOptions options) {
    Objects.requireNonNull(layout, "layout");
    return new FlatTableCodec<>(Objects.requireNonNull(type, "type"),
        PlanCompiler.compile(RecordBinding.generic(layout)), Objects.requireNonNull(options, "options"));
  }

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  /**
   * The bytes of the buffer {@code table} is the root of, from its position to its limit (a copy).
   *
   * @throws EncodeException if {@code table} is not the root table of its buffer, or is null
   */
  @Override
  public byte[] encode(T table) {
    if (table == null || table.getByteBuffer() == null) {
      throw new EncodeException("no table to encode").withFormat(FlatBuffersProvider.NAME);
    }
    ByteBuffer bb = table.getByteBuffer().duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int start = bb.position();
    if (TABLE_POSITION != null && bb.remaining() >= 4
        && (int) TABLE_POSITION.get((Table) table) != start + bb.getInt(start)) {
      throw new EncodeException(type.getSimpleName() + " is not the root table of its buffer; a nested table"
          + " cannot be cut out of it (copy it with the object API instead)").withFormat(FlatBuffersProvider.NAME);
    }
    byte[] out = new byte[bb.remaining()];
    bb.get(out);
    return out;
  }

  /** A table over {@code bytes}, which it reads in place (see the class documentation). */
  @Override
  public T decode(byte[] bytes) {
    return decode(ByteBuffer.wrap(bytes));
  }

  @Override
  public T decode(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return decode(ByteBuffer.wrap(bytes, offset, length));
  }

  /**
   * A table over the bytes between {@code buffer}'s position and limit, read in place.
   *
   * @throws DecodeException if the root offset (or, with a layout, anything it describes) is bad
   */
  @Override
  public T decode(ByteBuffer buffer) {
    ByteBuffer slice = buffer.slice();
    ReadContext r = ReadContext.of(slice);
    if (r.length() > limits.maxMessageBytes()) {
      throw DecodeException.at(FlatBuffersProvider.NAME, limits.maxMessageBytes(), "message of " + r.length()
          + " bytes exceeds the limit of " + limits.maxMessageBytes());
    }
    if (r.length() < 4) {
      throw DecodeException.at(FlatBuffersProvider.NAME, 0, "a FlatBuffer needs at least 4 bytes, got " + r.length());
    }
    Verifier v = new Verifier(r, limits, sharedVisits);
    try {
      if (layout != null) {
        v.verifyRoot(layout);
      } else {
        v.table(v.follow(0), 1);
      }
    } catch (DecodeException e) {
      throw e.prependField(type.getSimpleName()).withFormat(FlatBuffersProvider.NAME);
    }
    try {
      return type.cast((Table) rootAccessor.invokeExact(slice));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static VarHandle tablePosition() {
    try {
      return MethodHandles.privateLookupIn(Table.class, MethodHandles.lookup())
          .findVarHandle(Table.class, "bb_pos", int.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Without access to the table's position, encode cannot tell a nested table from a root one.
      return null;
    }
  }

  @Override
  public String toString() {
    return "FlatTableCodec[" + type.getName() + "]";
  }
}
