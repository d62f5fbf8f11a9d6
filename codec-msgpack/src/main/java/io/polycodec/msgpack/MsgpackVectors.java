package io.polycodec.msgpack;

/** How vector fields ({@code float[]}, {@code double[]}) are written ({@link MsgpackOptions#VECTORS}). */
public enum MsgpackVectors {
  /**
   * One bin holding the elements little-endian in the layout of {@link io.polycodec.vector.VectorBytes}
   * (4 bytes per float32, 8 per float64; quantized float32 vectors in their quantized layout). Compact and
   * fast. The default.
   */
  BIN,
  /**
   * An array of float32 (or float64) values, readable by any MessagePack consumer. A quantized vector is
   * written as the float32 values it holds after quantization (what {@link
   * io.polycodec.vector.VectorBytes#roundTrip} gives), so a reader gets the same values in either layout.
   */
  ARRAY
}
