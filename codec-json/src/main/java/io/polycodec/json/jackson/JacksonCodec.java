package io.polycodec.json.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.CodecOptions;
import io.polycodec.CodecShell;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A JSON-text codec for one record type, less its mapping: a subclass says how the root record is
 * written and read; this class does the rest the same way for every JSON format. It refuses null and
 * messages over {@link Limits#maxMessageBytes()}, encodes into memory or a stream, requires one JSON
 * object and nothing after it, and turns every failure (Jackson's parse errors, the mapping's
 * {@link CodecException}s, stack exhaustion) into a {@link DecodeException} or {@link EncodeException}
 * naming the format, the byte offset and the field path. Immutable and thread-safe when the subclass is.
 *
 * @param <T> the record type
 */
public abstract class JacksonCodec<T> implements Codec<T> {
  private final Format format;
  private final RecordBinding<T> binding;
  private final CodecOptions options;
  private final Limits limits;
  private final JsonFactory factory;
  private final boolean pretty;
  private final CodecShell shell;

  /**
   * Builds the shell; the subclass compiles its plan after this returns.
   *
   * @param format the format the codec writes
   * @param binding the root record type
   * @param options the options it was built with (limits, and shown by {@link #toString()})
   * @param jsonLevelsPerLevel JSON nesting levels per level of the model, as {@link JacksonFactories#create}
   * @param pretty whether to indent the output
   */
  protected JacksonCodec(Format format, RecordBinding<T> binding, CodecOptions options, int jsonLevelsPerLevel,
      boolean pretty) {
    this.format = Objects.requireNonNull(format, "format");
    this.binding = Objects.requireNonNull(binding, "binding");
    this.options = Objects.requireNonNull(options, "options");
    this.limits = options.limits();
    this.factory = JacksonFactories.create(limits, jsonLevelsPerLevel);
    this.pretty = pretty;
    this.shell = CodecShell.of(format, binding.schema().name(), limits);
  }

  /**
   * Writes the root record (never null) as one JSON object, at nesting depth 1.
   *
   * @param g where to write
   * @param value the record
   * @throws IOException if the generator fails
   * @throws CodecException (an {@link EncodeException}) for a value the mapping cannot write
   */
  protected abstract void writeRoot(JsonGenerator g, T value) throws IOException;

  /**
   * Reads the root record, at nesting depth 1, from the object whose START_OBJECT is current.
   *
   * @param p the parser
   * @return the record
   * @throws IOException if the parser fails
   * @throws CodecException (a {@link DecodeException}) for input the mapping refuses
   */
  protected abstract Object readRoot(JsonParser p) throws IOException;

  /**
   * The codec's factory, for a mapping that must buffer part of the input and parse it again (a union
   * whose type key comes late).
   *
   * @return the factory, with the codec's limits
   */
  protected final JsonFactory factory() {
    return factory;
  }

  @Override
  public final Format format() {
    return format;
  }

  @Override
  public final Limits limits() {
    return limits;
  }

  @Override
  public final byte[] encode(T value) {
    ByteArrayBuilder out = new ByteArrayBuilder(factory._getBufferRecycler());
    try {
      write(value, factory.createGenerator(out));
      shell.checkEncodedLength(out.size());
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    } finally {
      out.release();
    }
  }

  @Override
  public final void encode(T value, OutputStream out) throws IOException {
    write(value, factory.createGenerator(out));
  }

  private void write(T value, JsonGenerator g) throws IOException {
    shell.checkEncodable(value);
    try (JsonGenerator gen = pretty ? g.useDefaultPrettyPrinter() : g) {
      writeRoot(gen, value);
    } catch (CodecException e) {
      throw shell.decorate(e);
    } catch (StackOverflowError e) {
      throw shell.decorate(EncodeException.stackExhausted(format.name()));
    }
  }

  @Override
  public final T decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  @Override
  public final T decode(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    shell.checkMessageLength(length);
    try (JsonParser p = factory.createParser(bytes, offset, length)) {
      return read(p, offset);
    } catch (IOException e) {
      throw JacksonErrors.wrap(e, format.name(), offset);
    }
  }

  private T read(JsonParser p, int base) throws IOException {
    try {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new DecodeException("empty input");
      }
      if (t != JsonToken.START_OBJECT) {
        throw JacksonErrors.expected("an object", t);
      }
      Object v = readRoot(p);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new DecodeException("trailing " + JacksonErrors.describe(trailing) + " after the value");
      }
      return binding.javaType().cast(v);
    } catch (JsonProcessingException e) {
      throw shell.decorate(JacksonErrors.malformed(e), JacksonErrors.offsetOf(e.getLocation(), base));
    } catch (CodecException e) {
      JsonLocation at = e.getCause() instanceof JsonProcessingException
          ? ((JsonProcessingException) e.getCause()).getLocation()
          : p.currentTokenLocation();
      throw shell.decorate(e, JacksonErrors.offsetOf(at, base));
    } catch (StackOverflowError e) {
      throw shell.decorate(DecodeException.stackExhausted(format.name(),
          JacksonErrors.offsetOf(p.currentTokenLocation(), base)));
    }
  }

  @Override
  public String toString() {
    return Codec.describe(format, binding, options);
  }
}
