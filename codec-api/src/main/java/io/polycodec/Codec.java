package io.polycodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes values of {@code T} to one wire format and decodes them back. Codecs are immutable and
 * thread-safe: build one per type and format (see {@link Codecs}) and share it.
 *
 * <p>Every decode entry point consumes its whole input (trailing bytes are an error), accepts only
 * what the codec's {@link #limits()} allow, and reports bad input only with {@link DecodeException}.
 * Nothing the caller passes in is modified or retained unless the format declares
 * {@link Capability#ZERO_COPY} and documents it. New methods are only ever added as defaults.
 *
 * @param <T> the type of values
 */
public interface Codec<T> {

  /**
   * What Polycodec's codecs return from {@code toString()}, for logs: the format, the schema name and
   * Java type of the values, and the options the codec was built with, as in
   * {@code json codec of shop.Order as com.example.Order, CodecOptions{Limits{…}, {json.pretty=true}}}.
   * The wording may change between versions; parse nothing out of it.
   */
  static String describe(Format format, io.polycodec.bind.RecordBinding<?> binding, CodecOptions options) {
    return describe(format, binding.schema().name() + " as " + binding.javaType().getName(), options);
  }

  /** As {@link #describe(Format, io.polycodec.bind.RecordBinding, CodecOptions)}, for values described in words. */
  static String describe(Format format, String values, CodecOptions options) {
    return format.name() + " codec of " + values + ", " + options;
  }

  /** The format this codec writes. */
  Format format();

  /**
   * The value's encoding.
   *
   * @throws EncodeException if the value cannot be encoded (null in a non-optional field…), naming the field
   */
  byte[] encode(T value);

  /**
   * Decodes exactly {@code bytes}.
   *
   * @throws DecodeException for malformed, truncated or over-limit input, or input that is not a {@code T}
   */
  T decode(byte[] bytes);

  /** The limits this codec decodes under. */
  default Limits limits() {
    return Limits.defaults();
  }

  /** Decodes exactly {@code length} bytes of {@code bytes} from {@code offset}; the array is not modified. */
  default T decode(byte[] bytes, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    if (offset == 0 && length == bytes.length) {
      return decode(bytes);
    }
    return decode(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /**
   * Decodes the bytes between {@code buffer}'s position and limit, for heap, direct and read-only
   * buffers alike. The buffer's position, limit, mark and contents are left unchanged.
   */
  default T decode(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    if (b.hasArray()) {
      return decode(b.array(), b.arrayOffset() + b.position(), b.remaining());
    }
    byte[] copy = new byte[b.remaining()];
    b.get(copy);
    return decode(copy);
  }

  /** Writes the value's encoding to {@code out} (which is not closed). */
  default void encode(T value, OutputStream out) throws IOException {
    out.write(encode(value));
  }

  /**
   * Reads {@code in} to its end and decodes what it held as one message; the stream is not closed.
   *
   * @throws DecodeException if the stream holds more than {@link Limits#maxMessageBytes()} or bad input
   */
  default T decode(InputStream in) throws IOException {
    return decode(Framing.readAll(in, format().name(), limits().maxMessageBytes()));
  }

  /** Writes one length-delimited frame (a varint length, then the message) to {@code out}. */
  default void encodeDelimited(T value, OutputStream out) throws IOException {
    byte[] bytes = encode(value);
    Framing.writeLength(out, bytes.length);
    out.write(bytes);
  }

  /**
   * Reads one length-delimited frame from {@code in} and decodes it, consuming exactly that frame.
   *
   * @return the value, or null if the stream ended cleanly before a new frame
   * @throws DecodeException if the stream ends inside a frame, or a frame is over the limit or bad
   */
  default T decodeDelimited(InputStream in) throws IOException {
    byte[] frame = Framing.readFrame(in, format().name(), limits().maxMessageBytes());
    return frame == null ? null : decode(frame);
  }

  /** Writes each value as a length-delimited frame. */
  default void encodeAll(Iterable<? extends T> values, OutputStream out) throws IOException {
    for (T v : values) {
      encodeDelimited(v, out);
    }
  }

  /** Reads length-delimited frames until the stream ends. */
  default List<T> decodeAll(InputStream in) throws IOException {
    List<T> out = new ArrayList<>();
    for (T v = decodeDelimited(in); v != null; v = decodeDelimited(in)) {
      out.add(v);
    }
    return out;
  }
}
