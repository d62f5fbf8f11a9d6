package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Sets through a deterministic format: equal sets give equal bytes, and repeats in the data are refused. */
class SetsRoundTripTest {
  record Tagged(Set<String> tags, SortedSet<Long> ids) {}

  @Test
  void equalSetsEncodeIdenticallyAndRoundTrip() {
    Codec<Tagged> codec = Codecs.get("msgpack", Tagged.class);
    Set<String> one = new LinkedHashSet<>(List.of("c", "a", "b"));
    Set<String> other = new HashSet<>(List.of("b", "c", "a"));
    Tagged a = new Tagged(one, new TreeSet<>(List.of(3L, 1L)));
    Tagged b = new Tagged(other, new TreeSet<>(List.of(1L, 3L)));
    assertArrayEquals(codec.encode(a), codec.encode(b));
    assertEquals(a, codec.decode(codec.encode(a)));
  }

  @Test
  void aRepeatedElementIsADecodeException() {
    RecordSchema asList = RecordSchema.of("Tagged", Field.of("tags", 1, Schema.list(Schema.string())),
        Field.of("ids", 2, Schema.list(Schema.int64())));
    byte[] repeated = Codecs.generic("msgpack", asList)
        .encode(GenericRecord.builder(asList).set("tags", List.of("x", "y", "x")).build());
    DecodeException e = assertThrows(DecodeException.class, () -> Codecs.get("msgpack", Tagged.class).decode(repeated));
    assertTrue(e.getMessage().contains("tags") && e.getMessage().contains("repeats"), e.getMessage());
  }
}
