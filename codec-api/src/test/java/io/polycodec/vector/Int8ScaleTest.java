package io.polycodec.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.DecodeException;
import io.polycodec.schema.Quantization;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** An INT8 vector whose scale is NaN or infinite decodes to nothing a codec could encode again (issue 14). */
class Int8ScaleTest {
  private static byte[] withScale(float scale) {
    return ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putFloat(scale).put((byte) 1).put((byte) -1).array();
  }

  @Test
  void aNonFiniteScaleIsADecodeException() {
    for (float scale : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      byte[] b = withScale(scale);
      DecodeException e = assertThrows(DecodeException.class, () -> VectorBytes.decode(b, 0, b.length, Quantization.INT8));
      assertTrue(e.getMessage().contains("scale"), e.getMessage());
    }
  }

  @Test
  void aFiniteScaleStillDecodes() {
    byte[] b = withScale(0.5f);
    assertArrayEquals(new float[] {0.5f, -0.5f}, VectorBytes.decode(b, 0, b.length, Quantization.INT8));
  }
}
