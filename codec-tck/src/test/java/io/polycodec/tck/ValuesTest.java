package io.polycodec.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.GenericRecord;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static final RecordSchema INNER = RecordSchema.of("Inner", Field.of("xs", 1, Schema.list(Schema.float64())));
  private static final RecordSchema OUTER = RecordSchema.of("Outer", Field.of("inner", 1, Schema.list(INNER)),
      Field.of("m", 2, Schema.map(Schema.string(), Schema.int32())));

  private static GenericRecord outer(double x) {
    GenericRecord inner = GenericRecord.builder(INNER).set("xs", List.of(1.0, x)).build();
    return GenericRecord.builder(OUTER).set("inner", List.of(inner)).set("m", Map.of("k", 1)).build();
  }

  @Test
  void theFirstDifferenceIsLocatedByPath() {
    assertNull(Values.firstDifference(outer(Double.NaN), outer(Double.NaN)), "NaN equals NaN");
    assertEquals("Outer.inner[0].xs[1]: expected -0.0 but was 0.0", Values.firstDifference(outer(-0.0), outer(0.0)));
  }

  @Test
  void modifiableDecodedCollectionsAreFound() {
    List<Double> modifiable = new ArrayList<>(List.of(1.0));
    AssertionError e = assertThrows(AssertionError.class, () -> Values.assertUnmodifiable(modifiable, "R.xs"));
    assertTrue(e.getMessage().contains("R.xs"), e.getMessage());
    Values.assertUnmodifiable(outer(1.0), "Outer");
  }

  @Test
  void reorderedMapsAreEqualValues() {
    GenericRecord a = outer(2.0);
    assertEquals(a, Values.reverseMaps(a));
    assertEquals(a, Values.deepCopy(a));
  }
}
