package io.polycodec.tck;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Framing;
import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.tck.engine.Describe;
import io.polycodec.tck.gen.TypedValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.InvalidMarkException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The kit's checks as static assertions, for ad-hoc use in a backend's own tests (the properties of
 * {@link CodecTck} are built from them). Values are Java records or {@link GenericRecord}s; they are
 * compared exactly through their generic form (floats by bits with NaN canonical, so -0.0 is not 0.0;
 * arrays by content; map order ignored), with float32 vectors expected back through their quantization.
 * Every failure is an {@link AssertionError} naming the path of the first difference.
 */
public final class CodecAssertions {
  private static final int PAD = 7;
  private static final long ALLOCATION_ALLOWANCE = 16L << 20;
  private static final long ALLOCATION_PER_INPUT_BYTE = 1024;

  private CodecAssertions() {}

  /**
   * Encodes {@code value}, decodes the bytes and checks the result equals it exactly, obeys the model
   * and holds only unmodifiable collections. For a binary format ({@link io.polycodec.Format#isBinary()})
   * NaNs must come back with the same bits (payload and sign), through encode as well as decode; a text
   * format may write every NaN as one token.
   *
   * @return the decoded value
   */
  public static <T> T assertRoundTrip(Codec<T> codec, T value) {
    RecordBinding<?> b = bindingOf(value);
    GenericRecord expected = expected(b, value);
    byte[] bytes = codec.encode(value);
    T decoded = codec.decode(bytes.clone());
    GenericRecord actual = view(b, decoded, "decode(byte[])");
    String what = "round trip through " + codec.format().name() + " (" + Describe.hex(bytes) + ")";
    Values.assertEqual(what, expected, actual);
    if (codec.format().isBinary()) {
      String d = Values.nanBitsDifference(expected, actual);
      if (d != null) {
        throw new AssertionError(what + ": a NaN lost its bits, which a binary format keeps exactly: " + d);
      }
    }
    if (decoded instanceof GenericRecord) {
      Values.assertUnmodifiable(decoded, ((GenericRecord) decoded).schema().name());
    }
    return decoded;
  }

  /**
   * Checks that every entry point gives the same value: {@code decode(byte[])}, an offset slice of a
   * larger array, heap, sliced, direct, read-only and little-endian {@link ByteBuffer}s with a non-zero
   * position (left with position, limit, mark, order and contents unchanged), an {@link InputStream}
   * read to its end and one that trickles a few bytes per read (neither closed),
   * {@code encode(value, OutputStream)}, and a delimited frame followed by other bytes, of which exactly
   * the frame must be consumed.
   */
  public static <T> void assertEntryPointsAgree(Codec<T> codec, T value) throws IOException {
    RecordBinding<?> b = bindingOf(value);
    GenericRecord expected = expected(b, value);
    byte[] bytes = codec.encode(value);
    int n = bytes.length;
    check(b, expected, codec.decode(bytes.clone()), "decode(byte[])");

    byte[] padded = padded(bytes);
    byte[] before = padded.clone();
    check(b, expected, codec.decode(padded, PAD, n), "decode(byte[], " + PAD + ", " + n + ")");
    unchanged(before, padded, "decode(byte[], offset, length)");

    checkBuffer(codec, b, expected, ByteBuffer.wrap(padded, PAD, n), "heap ByteBuffer at position " + PAD);
    ByteBuffer slice = ByteBuffer.wrap(padded, 2, padded.length - 2).slice();
    slice.position(PAD - 2).limit(PAD - 2 + n);
    checkBuffer(codec, b, expected, slice, "sliced heap ByteBuffer (array offset 2, position " + (PAD - 2) + ")");
    checkBuffer(codec, b, expected, ByteBuffer.wrap(padded, PAD, n).asReadOnlyBuffer(), "read-only heap ByteBuffer");
    checkBuffer(codec, b, expected, ByteBuffer.wrap(padded, PAD, n).order(ByteOrder.LITTLE_ENDIAN),
        "little-endian heap ByteBuffer");
    ByteBuffer direct = ByteBuffer.allocateDirect(padded.length);
    direct.put(padded).position(PAD).limit(PAD + n);
    checkBuffer(codec, b, expected, direct, "direct ByteBuffer at position " + PAD);
    checkBuffer(codec, b, expected, direct.asReadOnlyBuffer(), "read-only direct ByteBuffer");
    ByteBuffer directSlice = direct.duplicate().position(PAD - 3).slice();
    directSlice.position(3).limit(3 + n);
    checkBuffer(codec, b, expected, directSlice, "sliced direct ByteBuffer");
    unchanged(before, padded, "decode(ByteBuffer)");

    TrackingStream in = new TrackingStream(bytes, Integer.MAX_VALUE);
    check(b, expected, codec.decode(in), "decode(InputStream)");
    streamState(in, true, "decode(InputStream)");
    TrackingStream trickle = new TrackingStream(bytes, 3);
    check(b, expected, codec.decode(trickle), "decode(InputStream) reading 1-3 bytes at a time");
    streamState(trickle, true, "decode(trickling InputStream)");

    TrackingOutput out = new TrackingOutput();
    codec.encode(value, out);
    if (out.closed) {
      throw new AssertionError("encode(value, OutputStream) closed the stream");
    }
    byte[] streamed = out.toByteArray();
    check(b, expected, codec.decode(streamed), "decode(encode(value, OutputStream))");
    if (codec.format().has(Capability.DETERMINISTIC) && !Arrays.equals(bytes, streamed)) {
      throw new AssertionError("encode(value, OutputStream) wrote " + Describe.hex(streamed) + " but encode(value) gave "
          + Describe.hex(bytes) + ", though the codec declares DETERMINISTIC");
    }

    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    codec.encodeDelimited(value, framed);
    byte[] tail = {0x5A, (byte) 0xA5, 0x00};
    framed.write(tail);
    TrackingStream frames = new TrackingStream(framed.toByteArray(), 2);
    check(b, expected, codec.decodeDelimited(frames), "decodeDelimited");
    byte[] rest = frames.readAllBytes();
    if (!Arrays.equals(tail, rest)) {
      throw new AssertionError("decodeDelimited did not consume exactly one frame: the bytes after it were "
          + Describe.hex(rest) + ", expected " + Describe.hex(tail));
    }
    streamState(frames, false, "decodeDelimited");
  }

  /**
   * Checks that every decode entry point consumes its whole input: the value's encoding followed by one
   * more byte ({@code 0x00}, which no format may read as the start of a further field: a zero tag, a NUL
   * character, a truncated item) is a {@link DecodeException} from {@code decode(byte[])}, an offset slice,
   * heap, read-only and direct {@link ByteBuffer}s, an {@link InputStream}, and a delimited frame holding
   * both.
   */
  public static <T> void assertRejectsTrailingBytes(Codec<T> codec, T value) throws Exception {
    byte[] bytes = codec.encode(value);
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    String what = "the encoding of the value followed by one byte 00 (" + Describe.hex(longer) + ")";
    for (EntryPoint e : EntryPoint.values()) {
      Object got;
      try {
        got = e.decode(codec, longer);
      } catch (DecodeException expected) {
        continue;
      } catch (RuntimeException | StackOverflowError t) {
        throw new AssertionError(e.label + ": " + what + " threw " + t + " instead of a DecodeException", t);
      }
      throw new AssertionError(e.label + ": " + what + " decoded to " + Describe.of(view(bindingOf(value), got, e.label))
          + " instead of failing with a DecodeException: every decode entry point consumes its whole input");
    }
  }

  /**
   * Checks framed streams: {@code encodeAll} then {@code decodeAll} (from a stream and from one that
   * trickles bytes), {@code decodeDelimited} frame by frame ending with null, and that a stream cut
   * inside any frame is a {@link DecodeException} while one cut between frames gives the frames before.
   */
  public static <T> void assertFramedRoundTrip(Codec<T> codec, List<T> values) throws IOException {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    RecordBinding<?> b = bindingOf(values.get(0));
    List<GenericRecord> expected = new ArrayList<>();
    for (T v : values) {
      expected.add(expected(b, v));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.encodeAll(values, out);
    byte[] all = out.toByteArray();
    checkAll(b, expected, codec.decodeAll(new ByteArrayInputStream(all)), "decodeAll");
    checkAll(b, expected, codec.decodeAll(new TrackingStream(all, 5)), "decodeAll from a trickling stream");
    TrackingStream in = new TrackingStream(all, 4);
    List<Integer> boundaries = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      T v = codec.decodeDelimited(in);
      if (v == null) {
        throw new AssertionError("decodeDelimited returned null at frame " + i + " of " + values.size());
      }
      check(b, expected.get(i), v, "decodeDelimited, frame " + i);
      boundaries.add(in.position());
    }
    if (codec.decodeDelimited(in) != null) {
      throw new AssertionError("decodeDelimited returned a value after the last frame");
    }
    if (boundaries.get(boundaries.size() - 1) != all.length) {
      throw new AssertionError("the frames end at byte " + boundaries.get(boundaries.size() - 1) + " of " + all.length);
    }
    // Cut inside each frame (its first byte, middle and last byte), and at each boundary.
    int start = 0;
    for (int i = 0; i < boundaries.size(); i++) {
      int end = boundaries.get(i);
      for (int cut : new int[] {start + 1, (start + end) / 2, end - 1}) {
        if (cut > start && cut < end) {
          byte[] prefix = Arrays.copyOf(all, cut);
          try {
            List<T> got = codec.decodeAll(new ByteArrayInputStream(prefix));
            throw new AssertionError("a framed stream cut inside frame " + i + " (at byte " + cut + " of " + all.length
                + ") decoded to " + got.size() + " values instead of failing with DecodeException");
          } catch (DecodeException expectedFailure) {
            // the stream ends inside a frame
          }
        }
      }
      checkAll(b, expected.subList(0, i + 1), codec.decodeAll(new ByteArrayInputStream(Arrays.copyOf(all, end))),
          "decodeAll of the first " + (i + 1) + " frames");
      start = end;
    }
  }

  /**
   * For a codec that declares {@link Capability#DETERMINISTIC}: encoding twice, encoding an equal value
   * whose maps were built in another order, and re-encoding the decoded value all give the same bytes.
   */
  public static <T> void assertDeterministic(Codec<T> codec, T value) {
    byte[] first = codec.encode(value);
    byte[] again = codec.encode(value);
    sameBytes(first, again, "encoding the same value twice");
    if (value instanceof GenericRecord) {
      @SuppressWarnings("unchecked")
      T reordered = (T) Values.reverseMaps(value);
      sameBytes(first, codec.encode(reordered), "encoding an equal value whose maps have another insertion order");
    }
    RecordBinding<?> b = bindingOf(value);
    T decoded = codec.decode(first.clone());
    if (Values.firstDifference(view(b, value, "value"), view(b, decoded, "decode")) == null) {
      sameBytes(first, codec.encode(decoded), "re-encoding the decoded value");
    }
  }

  /**
   * Checks that nothing the caller hands over is modified: encoding leaves the value as it was, decoding
   * leaves the input array and buffers as they were, and the decoded value does not change when the
   * input is overwritten afterwards, so it retained no reference to it. This holds for codecs that
   * declare {@link Capability#ZERO_COPY} too: their in-place reads are views the caller asks for
   * (such as FlatBuffers' {@code view}), never what {@code decode} returns.
   */
  public static <T> void assertNoMutation(Codec<T> codec, T value) {
    RecordBinding<?> b = bindingOf(value);
    GenericRecord before = (GenericRecord) Values.deepCopy(view(b, value, "value"));
    byte[] bytes = codec.encode(value);
    Values.assertEqual("the value after encode(value)", before, view(b, value, "value"));
    GenericRecord expected = Values.afterRoundTrip(before);
    byte[] input = bytes.clone();
    T decoded = codec.decode(input);
    unchanged(bytes, input, "decode(byte[])");
    Arrays.fill(input, (byte) 0x55);
    retained(b, expected, decoded, "the value decode(byte[]) returned, after the input array was overwritten");
    byte[] sliceInput = padded(bytes);
    T fromSlice = codec.decode(sliceInput, PAD, bytes.length);
    Arrays.fill(sliceInput, (byte) 0x55);
    retained(b, expected, fromSlice, "the value decode(byte[], offset, length) returned, after the array was overwritten");
    byte[] backing = padded(bytes);
    ByteBuffer heap = ByteBuffer.wrap(backing, PAD, bytes.length);
    T fromHeap = codec.decode(heap);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
    direct.put(bytes).flip();
    T fromDirect = codec.decode(direct);
    byte[] directAfter = new byte[bytes.length];
    direct.duplicate().get(directAfter);
    unchanged(bytes, directAfter, "decode(direct ByteBuffer)");
    Arrays.fill(backing, (byte) 0x55);
    direct.duplicate().put(backing, 0, bytes.length);
    retained(b, expected, fromHeap, "the value decode(heap ByteBuffer) returned, after the buffer was overwritten");
    retained(b, expected, fromDirect, "the value decode(direct ByteBuffer) returned, after the buffer was overwritten");
  }

  private static void retained(RecordBinding<?> b, GenericRecord expected, Object decoded, String what) {
    try {
      check(b, expected, decoded, what);
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": reading it threw " + e + ", so it still reads the caller's input", e);
    }
  }

  /**
   * Decodes {@code input} through every entry point ({@link EntryPoint}: {@code decode(byte[])}, an
   * offset slice, heap, read-only and direct {@link ByteBuffer}s, an {@link InputStream}, a delimited
   * frame) and checks the codec either returns a value that obeys the model and can be encoded again, or
   * throws {@link DecodeException}: never another exception or error, never a hang (each input has a
   * time budget, {@code -Dpolycodec.tck.inputTimeoutSeconds}, 5 s by default), and, where the JVM can
   * measure it, never allocating more than 16 MiB plus 1 KiB per input byte. A frame whose length prefix
   * claims {@code limits().maxMessageBytes()} but holds only {@code input} must fail the same way,
   * without allocating the claimed length.
   */
  public static void assertDecodesCleanly(Codec<?> codec, byte[] input) throws Exception {
    byte[] copy = input.clone();
    String what = "decoding " + copy.length + " bytes " + Describe.hex(copy);
    Guard.call(what, () -> {
      for (EntryPoint e : EntryPoint.values()) {
        decodeCleanly(codec, copy, what, e.label, () -> e.decode(codec, copy));
      }
      int claimed = codec.limits().maxMessageBytes();
      String lying = "a delimited frame whose length prefix claims " + claimed + " bytes (maxMessageBytes), followed by "
          + copy.length + " bytes " + Describe.hex(copy);
      long before = Guard.allocatedBytes();
      try {
        Object v = codec.decodeDelimited(new ByteArrayInputStream(concat(varint(claimed), copy)));
        throw new AssertionError("decodeDelimited: " + lying + " returned " + v + " instead of failing with a DecodeException");
      } catch (DecodeException expected) {
        checkAllocation(before, copy, lying, "decodeDelimited");
      } catch (AssertionError e) {
        throw e;
      } catch (Throwable t) {
        throw new AssertionError("decodeDelimited: " + lying + " threw " + t + ", but bad input may only raise DecodeException", t);
      }
      return null;
    });
  }

  /** The decode entry points, each applied to a fresh copy of the input. */
  enum EntryPoint {
    BYTES("decode(byte[])") {
      @Override
      Object decode(Codec<?> codec, byte[] input) {
        return codec.decode(input.clone());
      }
    },
    SLICE("decode(byte[], " + PAD + ", length)") {
      @Override
      Object decode(Codec<?> codec, byte[] input) {
        return codec.decode(padded(input), PAD, input.length);
      }
    },
    HEAP_BUFFER("decode(heap ByteBuffer at position " + PAD + ")") {
      @Override
      Object decode(Codec<?> codec, byte[] input) {
        return codec.decode(ByteBuffer.wrap(padded(input), PAD, input.length));
      }
    },
    READ_ONLY_BUFFER("decode(read-only heap ByteBuffer)") {
      @Override
      Object decode(Codec<?> codec, byte[] input) {
        return codec.decode(ByteBuffer.wrap(padded(input), PAD, input.length).asReadOnlyBuffer());
      }
    },
    DIRECT_BUFFER("decode(direct ByteBuffer at position " + PAD + ")") {
      @Override
      Object decode(Codec<?> codec, byte[] input) {
        ByteBuffer d = ByteBuffer.allocateDirect(input.length + 2 * PAD);
        d.put(padded(input)).position(PAD).limit(PAD + input.length);
        return codec.decode(d);
      }
    },
    STREAM("decode(InputStream)") {
      @Override
      Object decode(Codec<?> codec, byte[] input) throws IOException {
        return codec.decode(new TrackingStream(input.clone(), 7));
      }
    },
    DELIMITED("decodeDelimited(a frame holding the input)") {
      @Override
      Object decode(Codec<?> codec, byte[] input) throws IOException {
        TrackingStream in = new TrackingStream(concat(varint(input.length), input), 5);
        Object v = codec.decodeDelimited(in);
        if (v == null) {
          throw new AssertionError(label + " returned null for a frame of " + input.length + " bytes");
        }
        if (in.position() != input.length + varint(input.length).length) {
          throw new AssertionError(label + " returned a value but read " + in.position() + " bytes of a frame of "
              + (input.length + varint(input.length).length));
        }
        return v;
      }
    };

    final String label;

    EntryPoint(String label) {
      this.label = label;
    }

    abstract Object decode(Codec<?> codec, byte[] input) throws IOException;
  }

  private static byte[] varint(int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Framing.writeLength(out, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A decode, as the task of {@link #decodeCleanly}. */
  @FunctionalInterface
  private interface Decode {
    Object run() throws IOException;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void decodeCleanly(Codec<?> codec, byte[] input, String what, String entry, Decode decode) {
    long before = Guard.allocatedBytes();
    Object v;
    try {
      v = decode.run();
    } catch (DecodeException expected) {
      checkAllocation(before, input, what, entry);
      return;
    } catch (AssertionError e) {
      throw new AssertionError(entry + ": " + what + ": " + e.getMessage(), e);
    } catch (Throwable t) {
      throw new AssertionError(entry + ": " + what + " threw " + t + ", but bad input may only raise DecodeException", t);
    }
    checkAllocation(before, input, what, entry);
    if (v == null) {
      throw new AssertionError(entry + ": " + what + " returned null");
    }
    GenericRecord g;
    try {
      RecordBinding<?> b = bindingOf(v);
      g = view(b, v, entry);
      Values.assertConforms(g);
    } catch (AssertionError e) {
      throw new AssertionError(entry + ": " + what + " returned a value that breaks the model: " + e.getMessage(), e);
    }
    try {
      ((Codec) codec).encode(v);
    } catch (CodecException acceptable) {
      // e.g. a quantized vector whose decoded scale is not finite: refusing to encode it is fine
    } catch (Throwable t) {
      throw new AssertionError(entry + ": " + what + " returned " + Describe.of(g) + ", which encode() failed on with " + t, t);
    }
  }

  private static void checkAllocation(long before, byte[] input, String what, String entry) {
    if (before < 0) {
      return;
    }
    long used = Guard.allocatedBytes() - before;
    long allowed = ALLOCATION_ALLOWANCE + ALLOCATION_PER_INPUT_BYTE * input.length;
    if (used > allowed) {
      throw new AssertionError(entry + ": " + what + " allocated " + used + " bytes (allowed " + allowed
          + "): a length or count read from the input must be checked against the bytes present before allocating");
    }
  }

  /**
   * Checks that encoding {@code value} fails with an {@link EncodeException} whose message mentions each
   * of {@code mentions} (the field's name, its index…).
   */
  public static <T> EncodeException assertEncodeFails(Codec<T> codec, T value, String... mentions) {
    try {
      byte[] bytes = codec.encode(value);
      throw new AssertionError("encoding an invalid value succeeded (" + Describe.hex(bytes) + "); expected an "
          + "EncodeException mentioning " + Arrays.toString(mentions));
    } catch (EncodeException e) {
      for (String m : mentions) {
        if (!e.getMessage().contains(m)) {
          throw new AssertionError("the EncodeException \"" + e.getMessage() + "\" should mention " + m, e);
        }
      }
      return e;
    } catch (RuntimeException e) {
      throw new AssertionError("encoding an invalid value threw " + e + "; expected an EncodeException mentioning "
          + Arrays.toString(mentions), e);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** The binding describing {@code value}: its Java record type's, or a generic one for its schema. */
  static RecordBinding<?> bindingOf(Object value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof GenericRecord) {
      return RecordBinding.generic(((GenericRecord) value).schema());
    }
    if (!value.getClass().isRecord()) {
      throw new IllegalArgumentException(value.getClass().getName() + " is neither a record nor a GenericRecord");
    }
    return RecordBinding.of(value.getClass());
  }

  /** The generic form of a value of {@code b}. */
  static GenericRecord view(RecordBinding<?> b, Object value, String what) {
    if (value instanceof GenericRecord) {
      return (GenericRecord) value;
    }
    try {
      return TypedValues.toGeneric(b, value);
    } catch (EncodeException | IllegalArgumentException e) {
      throw new AssertionError(what + " returned a " + value.getClass().getSimpleName() + " that breaks the model: "
          + e.getMessage(), e);
    }
  }

  static GenericRecord expected(RecordBinding<?> b, Object value) {
    return Values.afterRoundTrip(view(b, value, "value"));
  }

  private static void check(RecordBinding<?> b, GenericRecord expected, Object actual, String entry) {
    if (actual == null) {
      throw new AssertionError(entry + " returned null");
    }
    Values.assertEqual(entry, expected, view(b, actual, entry));
  }

  private static void checkAll(RecordBinding<?> b, List<GenericRecord> expected, List<?> actual, String entry) {
    if (actual.size() != expected.size()) {
      throw new AssertionError(entry + " returned " + actual.size() + " values, expected " + expected.size());
    }
    for (int i = 0; i < expected.size(); i++) {
      check(b, expected.get(i), actual.get(i), entry + ", value " + i);
    }
  }

  private static <T> void checkBuffer(Codec<T> codec, RecordBinding<?> b, GenericRecord expected, ByteBuffer buf,
      String what) {
    int position = buf.position();
    int limit = buf.limit();
    ByteOrder order = buf.order();
    buf.mark();
    byte[] content = new byte[buf.capacity()];
    buf.duplicate().clear().get(content);
    check(b, expected, codec.decode(buf), "decode(" + what + ")");
    if (buf.position() != position || buf.limit() != limit || buf.order() != order) {
      throw new AssertionError("decode(" + what + ") changed the buffer: position " + position + "->" + buf.position()
          + ", limit " + limit + "->" + buf.limit() + ", order " + order + "->" + buf.order());
    }
    try {
      buf.reset();
    } catch (InvalidMarkException e) {
      throw new AssertionError("decode(" + what + ") discarded the buffer's mark", e);
    }
    if (buf.position() != position) {
      throw new AssertionError("decode(" + what + ") moved the buffer's mark");
    }
    byte[] after = new byte[buf.capacity()];
    buf.duplicate().clear().get(after);
    unchanged(content, after, "decode(" + what + ")");
  }

  private static void unchanged(byte[] before, byte[] after, String what) {
    if (!Arrays.equals(before, after)) {
      throw new AssertionError(what + " modified its input: " + Describe.hex(before) + " became " + Describe.hex(after));
    }
  }

  private static void sameBytes(byte[] expected, byte[] actual, String what) {
    if (!Arrays.equals(expected, actual)) {
      throw new AssertionError(what + " gave other bytes, though the codec declares DETERMINISTIC: "
          + Describe.hex(expected) + " vs " + Describe.hex(actual));
    }
  }

  private static void streamState(TrackingStream in, boolean toEnd, String what) throws IOException {
    if (in.closed) {
      throw new AssertionError(what + " closed the stream");
    }
    if (toEnd && in.read() != -1) {
      throw new AssertionError(what + " did not read the stream to its end");
    }
  }

  /** Array filled around the bytes, so that an offset mistake reads garbage rather than zeros. */
  private static byte[] padded(byte[] bytes) {
    byte[] p = new byte[bytes.length + 2 * PAD];
    Arrays.fill(p, (byte) 0xE7);
    System.arraycopy(bytes, 0, p, PAD, bytes.length);
    return p;
  }

  /** An in-memory stream that hands out at most {@code chunk} bytes per read and records close(). */
  private static final class TrackingStream extends InputStream {
    private final byte[] data;
    private final int chunk;
    private int pos;
    boolean closed;

    TrackingStream(byte[] data, int chunk) {
      this.data = data;
      this.chunk = chunk;
    }

    int position() {
      return pos;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, chunk), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return 0;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static final class TrackingOutput extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
