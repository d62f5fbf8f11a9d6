package io.polycodec.json;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecOption;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.bind.RecordBinding;
import java.util.List;

/**
 * JSON: records as objects keyed by field name, unions as objects with an {@code "@type"} discriminator,
 * enums by name, timestamps as RFC 3339 strings, bytes as base64, NaN and infinities as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. Reading is strict (RFC 8259: no comments,
 * trailing tokens, empty input, or numbers outside the field's range) and tolerant of evolution (unknown
 * keys skipped, missing keys at their defaults). See docs/json.md.
 */
public final class JsonProvider implements CodecProvider {
  /** The format's name, {@code json}. */
  public static final String NAME = "json";

  /** The JSON format: text, keyed by name, deterministic, self-describing. */
  public static final Format FORMAT = Format.builder(NAME)
      .mediaType("application/json")
      .binary(false)
      .keying(FieldKeying.NAME)
      .capabilities(Capability.DETERMINISTIC, Capability.SELF_DESCRIBING)
      .build();

  /** Used by {@link java.util.ServiceLoader}; prefer {@link io.polycodec.Codecs#get}. */
  public JsonProvider() {}

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public List<CodecOption<?>> options() {
    return List.of(JsonOptions.PRETTY);
  }

  @Override
  public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
    return new JsonCodec<>(binding, options);
  }

  @Override
  public Codec<Object> schemaless(CodecOptions options) {
    return new JsonSchemalessCodec(options);
  }
}
