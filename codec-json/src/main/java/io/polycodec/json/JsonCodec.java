package io.polycodec.json;

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

/** The JSON codec for one record type; immutable and thread-safe. */
final class JsonCodec<T> implements Codec<T> {
  private final CodecOptions options;
  private final RecordBinding<T> binding;
  private final Limits limits;
  private final JsonFactory factory;
  private final JsonRecordPlan plan;
  private final boolean pretty;
  private final CodecShell shell;

  JsonCodec(RecordBinding<T> binding, CodecOptions options) {
    this.options = options;
    this.binding = binding;
    this.limits = options.limits();
    this.factory = JsonFactories.create(limits);
    this.plan = new JsonPlanCompiler(limits, factory).record(binding);
    this.pretty = options.get(JsonOptions.PRETTY);
    this.shell = CodecShell.of(JsonProvider.FORMAT, binding.schema().name(), limits);
  }

  @Override
  public Format format() {
    return JsonProvider.FORMAT;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  @Override
  public byte[] encode(T value) {
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
  public void encode(T value, OutputStream out) throws IOException {
    write(value, factory.createGenerator(out));
  }

  private void write(T value, JsonGenerator g) throws IOException {
    shell.checkEncodable(value);
    try (JsonGenerator gen = pretty ? g.useDefaultPrettyPrinter() : g) {
      plan.write(gen, value, 1);
    } catch (CodecException e) {
      throw shell.decorate(e);
    } catch (StackOverflowError e) {
      throw shell.decorate(EncodeException.stackExhausted(JsonProvider.NAME));
    }
  }

  @Override
  public T decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  @Override
  public T decode(byte[] bytes, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    shell.checkMessageLength(length);
    try (JsonParser p = factory.createParser(bytes, offset, length)) {
      return read(p, offset);
    } catch (IOException e) {
      throw wrap(e, offset);
    }
  }

  private T read(JsonParser p, int base) throws IOException {
    try {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new DecodeException("empty input");
      }
      if (t != JsonToken.START_OBJECT) {
        throw JsonScalars.expected("an object", t);
      }
      Object v = plan.read(p, 1);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new DecodeException("trailing " + JsonScalars.describe(trailing) + " after the value");
      }
      return binding.javaType().cast(v);
    } catch (JsonProcessingException e) {
      throw shell.decorate(malformed(e), offsetOf(e.getLocation(), base));
    } catch (CodecException e) {
      JsonLocation at = e.getCause() instanceof JsonProcessingException
          ? ((JsonProcessingException) e.getCause()).getLocation()
          : p.currentTokenLocation();
      throw shell.decorate(e, offsetOf(at, base));
    } catch (StackOverflowError e) {
      throw shell.decorate(DecodeException.stackExhausted(JsonProvider.NAME, offsetOf(p.currentTokenLocation(), base)));
    }
  }

  /** A Jackson parse error as a DecodeException; the caller adds path, format and offset. */
  static DecodeException malformed(JsonProcessingException e) {
    return new DecodeException("malformed JSON: " + e.getOriginalMessage(), e);
  }

  static DecodeException wrap(IOException e, int base) {
    if (e instanceof JsonProcessingException) {
      JsonProcessingException j = (JsonProcessingException) e;
      return malformed(j).withFormat("json").withOffset(offsetOf(j.getLocation(), base));
    }
    return new DecodeException("reading failed: " + e.getMessage(), e).withFormat("json");
  }

  private static long offsetOf(JsonLocation loc, int base) {
    if (loc == null || loc.getByteOffset() < 0) {
      return -1;
    }
    return loc.getByteOffset() + base;
  }

  @Override
  public String toString() {
    return Codec.describe(format(), binding, options);
  }
}
