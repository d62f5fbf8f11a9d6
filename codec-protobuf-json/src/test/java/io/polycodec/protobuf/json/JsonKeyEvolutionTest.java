package io.polycodec.protobuf.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Keys follow JSON names, except where two fields' JSON names clash: then a field's key depends on its
 * neighbours, and the checker must see what the reader really does with each key (the TCK's evolution
 * property found {@code f4} removed beside {@code f__4}, called compatible, failing to decode).
 */
class JsonKeyEvolutionTest {
  private static final RecordSchema CLASH = RecordSchema.of("R", Field.of("f4", 1, Schema.string()),
      Field.of("f__4", 2, Schema.bool()));
  private static final RecordSchema ALONE = RecordSchema.of("R", Field.of("f__4", 2, Schema.bool()));

  @Test
  void aClashThatDisappearsMovesAKeyAndTheCheckerSaysSo() {
    GenericRecord v = GenericRecord.builder(ALONE).set("f__4", true).build();
    byte[] written = Codecs.generic("protobuf-json", ALONE).encode(v);
    // Alone, f__4 is written under its JSON name, which the older reader knows as f4's key.
    assertEquals("{\"f4\":true}", new String(written, StandardCharsets.UTF_8));
    DecodeException e = assertThrows(DecodeException.class, () -> Codecs.generic("protobuf-json", CLASH).decode(written));
    assertTrue(e.getMessage().contains("R.f4"), e.getMessage());

    CompatibilityResult r = Compatibility.check(ALONE, CLASH, ProtobufJsonProvider.FORMAT);
    assertFalse(r.isCompatible(), r.report());
    assertTrue(r.report().contains("R.f4"), r.report());
  }

  @Test
  void renamingToAnotherNameWithTheSameJsonNameKeepsTheData() {
    RecordSchema snake = RecordSchema.of("R", Field.of("a_b", 1, Schema.int32()));
    RecordSchema camel = RecordSchema.of("R", Field.of("aB", 1, Schema.int32()));
    byte[] written = Codecs.generic("protobuf-json", snake).encode(GenericRecord.builder(snake).set("a_b", 7).build());
    assertEquals(7, Codecs.generic("protobuf-json", camel).decode(written).get("aB"));

    CompatibilityResult r = Compatibility.check(snake, camel, ProtobufJsonProvider.FORMAT);
    assertTrue(r.isCompatible(), r.report());
    // JSON, keyed by the field name itself, drops the data: there it is breaking.
    assertFalse(Compatibility.check(snake, camel, Codecs.provider("json").format()).isCompatible());
  }
}
