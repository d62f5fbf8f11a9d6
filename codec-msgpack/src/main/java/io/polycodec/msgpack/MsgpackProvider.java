package io.polycodec.msgpack;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecOption;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.bind.RecordBinding;
import java.util.List;
import java.util.Objects;

/**
 * The MessagePack backend, on msgpack-core: found by {@link io.polycodec.Codecs} under the name
 * {@code msgpack} and the media types {@code application/msgpack}, {@code application/x-msgpack} and
 * {@code application/vnd.msgpack}.
 *
 * <p>Records are maps keyed by field name, or by tag with {@link MsgpackOptions#KEYS} set to
 * {@link MsgpackKeys#TAGS} (that codec's format then reports {@link FieldKeying#NUMBER}). Codecs are
 * {@link Capability#DETERMINISTIC} (map keys are written sorted) and the format is
 * {@link Capability#SELF_DESCRIBING}: {@link #schemaless} decodes any MessagePack into plain Java values.
 * {@link io.polycodec.GenericRecord}s keep the record entries their schema does not know and write them
 * back in place ({@link Capability#PRESERVES_UNKNOWN_FIELDS}).
 * docs/msgpack.md describes the mapping in full.
 */
public final class MsgpackProvider implements CodecProvider {
  /** The format's name, {@code msgpack}. */
  public static final String NAME = "msgpack";

  /** The format in its default, name-keyed mode (a tag-keyed codec reports {@link FieldKeying#NUMBER}). */
  public static final Format FORMAT = Format.builder(NAME)
      .mediaType("application/msgpack")
      .mediaType("application/x-msgpack")
      .mediaType("application/vnd.msgpack")
      .binary(true)
      .keying(FieldKeying.NAME)
      .capabilities(Capability.SELF_DESCRIBING, Capability.DETERMINISTIC, Capability.PRESERVES_UNKNOWN_FIELDS)
      .build();

  /** The provider; {@link java.util.ServiceLoader} calls this. */
  public MsgpackProvider() {}

  /** The format in its default, name-keyed mode. */
  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public List<CodecOption<?>> options() {
    return List.of(MsgpackOptions.KEYS, MsgpackOptions.VECTORS);
  }

  /**
   * A codec for the records of {@code binding}, keyed and laid out as {@code options} say.
   *
   * @throws io.polycodec.SchemaException never for a valid binding: every kind of the model maps to MessagePack
   */
  @Override
  public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
    return new MsgpackCodec<>(Objects.requireNonNull(binding, "binding"), Objects.requireNonNull(options, "options"));
  }

  /**
   * A codec for plain Java values without a schema. Only {@code options.limits()} apply.
   *
   * <p>Decoding maps nil to null, bool to {@link Boolean}, every integer to {@link Long} (uint64 values
   * above {@link Long#MAX_VALUE} to {@link java.math.BigInteger}), float32 to {@link Float} and float64 to
   * {@link Double} (kept apart so that a value re-encodes to the same bytes), str to {@link String}
   * (malformed UTF-8 is an error), bin to {@code byte[]}, array to an unmodifiable {@link java.util.List},
   * map to an unmodifiable {@link java.util.Map} in wire order (a repeated key keeps its last value),
   * the timestamp extension (-1) to {@link java.time.Instant}, and other extensions to
   * {@link ExtensionValue}. Bad input is a {@link io.polycodec.DecodeException}.
   *
   * <p>Encoding accepts those types and also {@link Integer}, {@link Short} and {@link Byte}; integers
   * take the smallest MessagePack int, and map keys are written in a fixed order (by type: nil, bool,
   * integer, float, str, bin, then others; within a type ascending), so equal values encode identically.
   * Anything else, a {@code BigInteger} outside 64 bits, or nesting past {@code maxDepth} (a cycle) is an
   * {@link io.polycodec.EncodeException} naming where it was found.
   */
  @Override
  public Codec<Object> schemaless(CodecOptions options) {
    return new SchemalessCodec(Objects.requireNonNull(options, "options").limits());
  }
}
