package io.polycodec.protobuf.json;

import io.polycodec.CodecOption;

/**
 * Options of the protobuf-json codec, set through {@link io.polycodec.CodecOptions}. They are the
 * options protobuf's JSON mapping defines for every implementation.
 */
public final class ProtobufJsonOptions {
  /**
   * Write fields without presence (non-optional scalars, strings, bytes, enums, lists, maps) even at
   * their default value; default false, as protobuf's printers. Absent optional fields stay absent.
   */
  public static final CodecOption<Boolean> EMIT_DEFAULTS =
      CodecOption.of("protobuf-json.emit-defaults", Boolean.class, Boolean.FALSE);

  /** Write the proto field names ({@code user_id}) instead of their lowerCamelCase JSON names; default false. */
  public static final CodecOption<Boolean> PRESERVE_PROTO_NAMES =
      CodecOption.of("protobuf-json.preserve-proto-names", Boolean.class, Boolean.FALSE);

  /**
   * Skip keys the schema does not know instead of refusing them. Default true, unlike protobuf's parsers,
   * because every Polycodec codec reads a newer writer's data (schema evolution); false is protobuf's
   * strict default.
   */
  public static final CodecOption<Boolean> IGNORE_UNKNOWN_FIELDS =
      CodecOption.of("protobuf-json.ignore-unknown-fields", Boolean.class, Boolean.TRUE);

  /**
   * Drop enum names the enum does not list (the field stays unset, a list or map loses that element)
   * instead of refusing them. Default false: silently reading another value is data loss, and Polycodec's
   * other name-keyed formats refuse too. Set both this and {@link #IGNORE_UNKNOWN_FIELDS} for protobuf's
   * {@code ignore_unknown_fields} parser option.
   */
  public static final CodecOption<Boolean> IGNORE_UNKNOWN_ENUM_VALUES =
      CodecOption.of("protobuf-json.ignore-unknown-enum-values", Boolean.class, Boolean.FALSE);

  /**
   * The message types a {@code google.protobuf.Any} may hold (default: none). An Any holding a type not
   * listed is an {@link io.polycodec.EncodeException} to write and a {@link io.polycodec.DecodeException}
   * to read, as in protobuf's printers and parsers without a type registry.
   */
  public static final CodecOption<AnyTypes> ANY_TYPES =
      CodecOption.of("protobuf-json.any-types", AnyTypes.class, AnyTypes.empty());

  /** Indent the output for people to read (default false: compact). */
  public static final CodecOption<Boolean> PRETTY =
      CodecOption.of("protobuf-json.pretty", Boolean.class, Boolean.FALSE);

  private ProtobufJsonOptions() {}
}
