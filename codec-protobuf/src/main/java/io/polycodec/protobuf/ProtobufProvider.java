package io.polycodec.protobuf;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecOption;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.SchemaException;
import io.polycodec.bind.RecordBinding;
import java.util.List;

/**
 * The Protobuf backend, found by {@link io.polycodec.Codecs} as format {@code "protobuf"} (media types
 * {@code application/x-protobuf} and {@code application/protobuf}). Records go on the wire by field
 * number with protobuf-java's CodedOutputStream and CodedInputStream, so that protoc-generated classes
 * in any language read what it writes and the other way round; docs/protobuf.md has the mapping.
 *
 * <p>Codecs are immutable and thread-safe. Equal values encode to identical bytes (map keys are
 * sorted), and {@link io.polycodec.GenericRecord}s keep fields their schema does not know and write
 * them back.
 */
public final class ProtobufProvider implements CodecProvider {
  /** The format's name, {@code protobuf}. */
  public static final String NAME = "protobuf";

  /** The format this provider writes. */
  public static final Format FORMAT = Format.builder(NAME)
      .mediaType("application/x-protobuf")
      .mediaType("application/protobuf")
      .binary(true)
      .keying(FieldKeying.NUMBER)
      .capabilities(Capability.DETERMINISTIC, Capability.PRESERVES_UNKNOWN_FIELDS)
      .build();

  /** For {@link java.util.ServiceLoader}. */
  public ProtobufProvider() {}

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public List<CodecOption<?>> options() {
    return List.of(ProtobufOptions.LAYOUT);
  }

  /**
   * A protobuf codec for {@code binding}'s records, compiled once.
   *
   * @throws SchemaException if a tag is not a valid protobuf field number (above 2^29 - 1, or in the
   *     reserved range 19000 to 19999), or the options' {@link WireLayout} asks for a group where there
   *     is no record
   */
  @Override
  public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
    return new ProtobufCodec<>(binding, options);
  }
}
