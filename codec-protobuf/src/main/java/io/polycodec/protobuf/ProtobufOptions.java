package io.polycodec.protobuf;

import io.polycodec.CodecOption;

/**
 * The {@link CodecOption}s the protobuf codec reads: {@code CodecOptions.defaults().with(ProtobufOptions.LAYOUT, layout)}.
 */
public final class ProtobufOptions {
  /**
   * Wire choices beyond the model (unpacked repeated fields, groups) for schemas imported from .proto
   * files; {@link WireLayout#DEFAULT} by default. {@link ProtoImport} hands out the layout it found.
   */
  public static final CodecOption<WireLayout> LAYOUT =
      CodecOption.of("protobuf.layout", WireLayout.class, WireLayout.DEFAULT);

  private ProtobufOptions() {}
}
