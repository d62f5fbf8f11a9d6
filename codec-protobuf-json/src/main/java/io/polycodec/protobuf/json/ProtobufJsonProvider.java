package io.polycodec.protobuf.json;

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
 * Protobuf's canonical proto3 JSON mapping for records and imported schemas: the JSON that protobuf's
 * {@code JsonFormat}, grpc-gateway and Envoy's gRPC-JSON transcoder speak for the message
 * {@code ProtoExport} declares for the record. Field keys are lowerCamelCase JSON names (proto names
 * accepted on read), 64-bit integers are strings, enums names, bytes base64, {@code Instant}s RFC 3339
 * strings ({@code google.protobuf.Timestamp}), a union an object holding its one member. Bad input is a
 * {@link io.polycodec.DecodeException} with offset and field path. See docs/protobuf-json.md.
 */
public final class ProtobufJsonProvider implements CodecProvider {
  /** The format's name, {@code protobuf-json}. */
  public static final String NAME = "protobuf-json";

  /**
   * The format. Its media type is {@code application/protobuf+json} (with {@code application/x-protobuf+json}):
   * gateways send this JSON as plain {@code application/json}, which names Polycodec's own JSON format
   * here; docs/protobuf-json.md says how to serve both.
   */
  public static final Format FORMAT = Format.builder(NAME)
      .mediaType("application/protobuf+json")
      .mediaType("application/x-protobuf+json")
      .binary(false)
      .keying(FieldKeying.NAME)
      .capabilities(Capability.DETERMINISTIC)
      .build();

  /** Used by {@link java.util.ServiceLoader}; prefer {@link io.polycodec.Codecs#get}. */
  public ProtobufJsonProvider() {}

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public List<CodecOption<?>> options() {
    return List.of(ProtobufJsonOptions.EMIT_DEFAULTS, ProtobufJsonOptions.PRESERVE_PROTO_NAMES,
        ProtobufJsonOptions.IGNORE_UNKNOWN_FIELDS, ProtobufJsonOptions.IGNORE_UNKNOWN_ENUM_VALUES,
        ProtobufJsonOptions.ANY_TYPES, ProtobufJsonOptions.PRETTY);
  }

  @Override
  public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
    return new ProtobufJsonCodec<>(binding, options);
  }
}
