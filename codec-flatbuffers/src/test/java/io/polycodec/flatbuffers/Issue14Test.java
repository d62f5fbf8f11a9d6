package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Regression tests for the hostile-input review (issue 14): each failed before its fix. */
class Issue14Test {
  record Named(String name, int n, Optional<String> nick) {}

  record Keyed(Map<String, String> m) {}

  /** The vtable entry of field {@code id} of the table at {@code table}: 0 when the field is absent. */
  private static int slot(ByteBuffer bb, int table, int id) {
    int vtable = table - bb.getInt(table);
    int vsize = bb.getShort(vtable);
    int entry = 4 + 2 * id;
    return entry < vsize ? bb.getShort(vtable + entry) : 0;
  }

  @Test
  void anEmptyRequiredStringIsWrittenSoThatARequiredDeclarationAcceptsIt() {
    Codec<Named> codec = Codecs.get("flatbuffers", Named.class);
    byte[] bytes = codec.encode(new Named("", 0, Optional.empty()));
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int root = bb.getInt(0);
    assertNotEquals(0, slot(bb, root, 0), "name (non-optional, empty) must be present");
    assertEquals(0, slot(bb, root, 1), "n (a scalar at its default) stays absent");
    assertEquals(0, slot(bb, root, 2), "nick (optional, absent) stays absent");
    assertEquals(new Named("", 0, Optional.empty()), codec.decode(bytes));
  }

  @Test
  void emptyMapKeysAndValuesAreWrittenToo() {
    Codec<Keyed> codec = Codecs.get("flatbuffers", Keyed.class);
    byte[] bytes = codec.encode(new Keyed(Map.of("", "")));
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int root = bb.getInt(0);
    int vectorRef = root + slot(bb, root, 0);
    int vector = vectorRef + bb.getInt(vectorRef);
    assertEquals(1, bb.getInt(vector));
    int entry = vector + 4 + bb.getInt(vector + 4);
    assertNotEquals(0, slot(bb, entry, 0), "the empty key is present");
    assertNotEquals(0, slot(bb, entry, 1), "the empty value is present");
    assertEquals(new Keyed(Map.of("", "")), codec.decode(bytes));
  }
}
