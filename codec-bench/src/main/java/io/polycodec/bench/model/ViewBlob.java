package io.polycodec.bench.model;

import io.polycodec.Tag;
import java.util.Arrays;

/**
 * A scalar next to an opaque payload, to show that reading the scalar from a zero-copy view costs the
 * same whatever the payload's size.
 */
public record ViewBlob(@Tag(1) long id, @Tag(2) byte[] payload) {

  @Override
  public boolean equals(Object o) {
    return o instanceof ViewBlob && id == ((ViewBlob) o).id && Arrays.equals(payload, ((ViewBlob) o).payload);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "ViewBlob[" + id + ", " + payload.length + " bytes]";
  }
}
