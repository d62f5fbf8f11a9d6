package io.polycodec.flatbuffers;

import io.polycodec.CodecOption;

/** Options of FlatBuffers codecs, set with {@link io.polycodec.CodecOptions#with}. */
public final class FlatBuffersOptions {
  /**
   * Whether {@code decode} and {@code view} verify the buffer first (default {@code true}). Turn it off
   * only for bytes you trust (that you wrote, or verified once already): unverified bad input can make
   * decoding and views throw exceptions other than {@link io.polycodec.DecodeException}, such as
   * {@link IndexOutOfBoundsException}, or return garbage. Verification costs one walk over the parts of
   * the buffer the schema reaches, so skipping it matters most when views read a few fields of large
   * messages.
   */
  public static final CodecOption<Boolean> VERIFY = CodecOption.of("flatbuffers.verify", Boolean.class, Boolean.TRUE);

  /**
   * How much work beyond one unit per 4 bytes of input the verifier allows for shared subobjects
   * (default 1,000,000): each table, vector and string reached costs one unit, and each vector or string
   * also one unit per 4 bytes of its contents, since decoding copies it once per offset that reaches it.
   * A buffer without shared subobjects never needs more than one unit per 4 bytes; a crafted one whose
   * offsets share a subtree or a large string many times would otherwise make verification take time
   * exponential in its size, or decoding allocate far more than the input.
   */
  public static final CodecOption<Integer> MAX_SHARED_VISITS =
      CodecOption.of("flatbuffers.maxSharedVisits", Integer.class, 1_000_000);

  /**
   * Layout choices the schema model cannot express: records laid out as FlatBuffers structs and
   * fixed-size arrays (default {@link FlatLayout#DEFAULT}). Records annotated {@link FlatStruct} and
   * components annotated {@link FlatArray} are added to it when a codec is built for a Java type.
   */
  public static final CodecOption<FlatLayout> LAYOUT =
      CodecOption.of("flatbuffers.layout", FlatLayout.class, FlatLayout.DEFAULT);

  private FlatBuffersOptions() {}
}
