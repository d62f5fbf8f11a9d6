package io.polycodec.flatbuffers;

import io.polycodec.Capability;
import io.polycodec.FieldKeying;
import io.polycodec.Format;

/** The FlatBuffers format as Polycodec declares it, and the bounds its mapping imposes on schemas. */
public final class FlatBuffersFormat {
  /**
   * {@code flatbuffers}, {@code application/x-flatbuffers}, binary, keyed by number (field id = tag − 1),
   * {@link Capability#ZERO_COPY} (views read the caller's buffer in place) and
   * {@link Capability#DETERMINISTIC} (maps are written in key order).
   */
  public static final Format FORMAT = Format.builder("flatbuffers")
      .mediaType("application/x-flatbuffers")
      .binary(true)
      .keying(FieldKeying.NUMBER)
      .capabilities(Capability.ZERO_COPY, Capability.DETERMINISTIC)
      .build();

  /**
   * The largest field tag a FlatBuffers codec accepts. A table's vtable has one 2-byte entry per field id
   * up to the largest present, so tag 1024 already costs a 2 KiB vtable per distinct table shape; larger
   * tags are a {@link io.polycodec.SchemaException} naming the field.
   */
  public static final int MAX_TAG = 1024;

  /** The largest union member tag: a FlatBuffers union's type is one unsigned byte, and 0 means none. */
  public static final int MAX_UNION_TAG = 255;

  private FlatBuffersFormat() {}
}
