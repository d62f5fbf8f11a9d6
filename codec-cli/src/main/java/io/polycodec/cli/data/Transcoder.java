package io.polycodec.cli.data;

import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import io.polycodec.cli.CliException;
import io.polycodec.cli.PayloadException;
import io.polycodec.cli.schema.Version;
import io.polycodec.json.JsonOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Reads payloads in one format and writes them in another: the engine behind {@code decode} (to JSON),
 * {@code encode} (from JSON) and {@code transcode}. With a schema, values pass as
 * {@link GenericRecord}s of it; without one, both formats must be self-describing (MessagePack, JSON)
 * and values pass as plain Java values.
 *
 * <p>Streams of payloads: binary formats use length-delimited frames ({@link Codec#encodeDelimited}),
 * JSON one document per line (JSON Lines); a stream is converted one payload at a time, so its size is
 * not limited by memory. Immutable.
 */
public final class Transcoder {
  private static final String JSON = "json";

  private final Codec<Object> from;
  private final Codec<Object> to;
  private final UnaryOperator<Object> adapt;

  private Transcoder(Codec<Object> from, Codec<Object> to, UnaryOperator<Object> adapt) {
    this.from = from;
    this.to = to;
    this.adapt = adapt;
  }

  /**
   * A transcoder from {@code fromFormat} to {@code toFormat} (registry names), for records of
   * {@code schema} (null: schema-less).
   *
   * @param pretty whether JSON output is indented
   * @throws CliException if a format is unknown, or needs a schema and none was given
   * @throws io.polycodec.SchemaException if a format cannot express the schema
   */
  public static Transcoder of(String fromFormat, String toFormat, Version schema, CodecOptions options, boolean pretty) {
    CodecOptions out = JSON.equals(name(toFormat)) ? options.with(JsonOptions.PRETTY, pretty) : options;
    if (schema != null) {
      return new Transcoder(generic(fromFormat, schema, options), generic(toFormat, schema, out), UnaryOperator.identity());
    }
    Codec<Object> f = schemaless(fromFormat, options);
    Codec<Object> t = schemaless(toFormat, out);
    return new Transcoder(f, t, JSON.equals(name(toFormat)) ? PlainJson::of : UnaryOperator.identity());
  }

  private static String name(String format) {
    try {
      return Codecs.provider(format).format().name();
    } catch (CodecException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Codec<Object> generic(String format, Version schema, CodecOptions options) {
    String name = name(format);
    Codec<GenericRecord> c = schema.proto() != null && name.equals("protobuf") ? schema.proto().codec(options)
        : schema.flat() != null && name.equals("flatbuffers")
            ? io.polycodec.flatbuffers.FlatBuffersCodec.of(io.polycodec.bind.RecordBinding.generic(schema.schema()),
                options.with(io.polycodec.flatbuffers.FlatBuffersOptions.LAYOUT, schema.flat().layout()))
            : Codecs.generic(name, schema.schema(), options);
    return (Codec<Object>) (Codec<?>) c;
  }

  private static Codec<Object> schemaless(String format, CodecOptions options) {
    String name = name(format);
    try {
      return Codecs.provider(name).schemaless(options);
    } catch (UnsupportedOperationException e) {
      throw new CliException(name + " is not self-describing: give its schema with --schema (or --classpath and"
          + " --type)");
    }
  }

  /**
   * Converts the one payload {@code in} holds (read to its end) and writes it to {@code out}, followed
   * by a newline if the output format is text.
   *
   * @throws PayloadException if it does not decode or encode, with the codec's located message
   */
  public void one(InputStream in, OutputStream out) throws IOException {
    Object value;
    try {
      value = from.decode(in);
    } catch (CodecException e) {
      throw new PayloadException(e.getMessage(), e);
    }
    write(value, out, false, 0);
  }

  /**
   * Converts a stream of payloads until {@code in} ends; returns how many.
   *
   * @throws PayloadException at the first payload that does not decode or encode, naming its number
   */
  public long stream(InputStream in, OutputStream out) throws IOException {
    long n = 0;
    if (!from.format().isBinary()) {
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        n++;
        Object value;
        try {
          value = from.decode(line.getBytes(StandardCharsets.UTF_8));
        } catch (CodecException e) {
          throw new PayloadException("payload " + n + ": " + e.getMessage(), e);
        }
        write(value, out, true, n);
      }
      return n;
    }
    while (true) {
      Object value;
      try {
        value = from.decodeDelimited(in);
      } catch (CodecException e) {
        throw new PayloadException("payload " + (n + 1) + ": " + e.getMessage(), e);
      }
      if (value == null) {
        return n;
      }
      n++;
      write(value, out, true, n);
    }
  }

  private void write(Object value, OutputStream out, boolean delimited, long n) throws IOException {
    Object adapted = adapt.apply(value);
    try {
      if (to.format().isBinary() && delimited) {
        to.encodeDelimited(adapted, out); // encodes fully before writing a byte
        return;
      }
      byte[] bytes = to.encode(adapted);
      out.write(bytes);
      if (!to.format().isBinary()) {
        out.write('\n');
      }
    } catch (CodecException e) {
      throw new PayloadException((n > 0 ? "payload " + n + ": " : "") + e.getMessage(), e);
    }
  }
}
