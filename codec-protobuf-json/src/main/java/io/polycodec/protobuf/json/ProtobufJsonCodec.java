package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The protobuf-json codec for one record type; immutable and thread-safe. */
final class ProtobufJsonCodec<T> implements Codec<T> {
  private static final String FORMAT_NAME = ProtobufJsonProvider.NAME;
  private final CodecOptions options;
  private final RecordBinding<T> binding;
  private final Limits limits;
  private final JsonFactory factory;
  private final RecordPlan plan;
  private final boolean pretty;

  ProtobufJsonCodec(RecordBinding<T> binding, CodecOptions options) {
    this.options = options;
    this.binding = binding;
    this.limits = options.limits();
    this.factory = factory(limits);
    this.plan = new PlanCompiler(new Settings(limits, options.get(ProtobufJsonOptions.EMIT_DEFAULTS),
        options.get(ProtobufJsonOptions.PRESERVE_PROTO_NAMES), options.get(ProtobufJsonOptions.IGNORE_UNKNOWN_FIELDS),
        options.get(ProtobufJsonOptions.IGNORE_UNKNOWN_ENUM_VALUES)))
        .record(binding);
    this.pretty = options.get(ProtobufJsonOptions.PRETTY);
  }

  @Override
  public Format format() {
    return ProtobufJsonProvider.FORMAT;
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
      if (out.size() > limits.maxMessageBytes()) {
        throw new EncodeException("encoded message of " + out.size() + " bytes exceeds the limit of "
            + limits.maxMessageBytes()).withFormat(FORMAT_NAME);
      }
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
    if (value == null) {
      throw new EncodeException("cannot encode null").withFormat(FORMAT_NAME);
    }
    try (JsonGenerator gen = pretty ? g.useDefaultPrettyPrinter() : g) {
      plan.write(gen, value, 1);
    } catch (CodecException e) {
      throw e.prependField(plan.name()).withFormat(FORMAT_NAME);
    } catch (StackOverflowError e) {
      throw EncodeException.stackExhausted(FORMAT_NAME).prependField(plan.name());
    }
  }

  @Override
  public T decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  @Override
  public T decode(byte[] bytes, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > limits.maxMessageBytes()) {
      throw DecodeException.at(FORMAT_NAME, limits.maxMessageBytes(),
          "message of " + length + " bytes exceeds the limit of " + limits.maxMessageBytes());
    }
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
        throw Scalars.expected("an object", t);
      }
      Object v = plan.read(p, 1);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new DecodeException("trailing " + Scalars.describe(trailing) + " after the value");
      }
      return binding.javaType().cast(v);
    } catch (JsonProcessingException e) {
      throw malformed(e).prependField(plan.name()).withFormat(FORMAT_NAME).withOffset(offsetOf(e.getLocation(), base));
    } catch (CodecException e) {
      JsonLocation at = e.getCause() instanceof JsonProcessingException
          ? ((JsonProcessingException) e.getCause()).getLocation()
          : p.currentTokenLocation();
      throw e.prependField(plan.name()).withFormat(FORMAT_NAME).withOffset(offsetOf(at, base));
    } catch (StackOverflowError e) {
      throw DecodeException.stackExhausted(FORMAT_NAME, offsetOf(p.currentTokenLocation(), base)).prependField(plan.name());
    }
  }

  /** A Jackson parse error as a DecodeException; the caller adds path, format and offset. */
  static DecodeException malformed(JsonProcessingException e) {
    return new DecodeException("malformed JSON: " + e.getOriginalMessage(), e);
  }

  static DecodeException wrap(IOException e, int base) {
    if (e instanceof JsonProcessingException) {
      JsonProcessingException j = (JsonProcessingException) e;
      return malformed(j).withFormat(FORMAT_NAME).withOffset(offsetOf(j.getLocation(), base));
    }
    return new DecodeException("reading failed: " + e.getMessage(), e).withFormat(FORMAT_NAME);
  }

  private static long offsetOf(JsonLocation loc, int base) {
    if (loc == null || loc.getByteOffset() < 0) {
      return -1;
    }
    return loc.getByteOffset() + base;
  }

  /** A jackson-core factory with Jackson's own limits set from ours. */
  private static JsonFactory factory(Limits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            // A union is two JSON levels (wrapper, member) for one level of the model, and a vector is an
            // array inside its record: twice ours plus one bounds every document the codec accepts.
            .maxNestingDepth(2 * limits.maxDepth() + 1)
            // Strings are checked in UTF-8 bytes and byte arrays by decoded size by the codec itself.
            .maxStringLength(limits.maxMessageBytes())
            .maxNameLength(limits.maxMessageBytes())
            .maxDocumentLength(limits.maxMessageBytes())
            .build())
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(2 * limits.maxDepth() + 1).build())
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        // Shortest round-tripping text for doubles and floats on every Java version.
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        // Messages must not quote the caller's (possibly sensitive) input back.
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  @Override
  public String toString() {
    return Codec.describe(format(), binding, options);
  }
}
