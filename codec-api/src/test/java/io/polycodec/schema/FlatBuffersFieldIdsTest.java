package io.polycodec.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The id rule, on the cases docs/flatbuffers.md lists (flatc's implicit ids worked out by hand). */
class FlatBuffersFieldIdsTest {
  private static final UnionSchema U = UnionSchema.of("U", RecordSchema.of("M", Field.of("x", 1, Schema.int32())));

  private static String ids(RecordSchema r) {
    return Arrays.toString(FlatBuffersFieldIds.of(r));
  }

  @Test
  void withoutUnionsIdsAreTagsMinusOne() {
    assertEquals("[0, 4, 1]", ids(RecordSchema.of("R", Field.of("a", 1, Schema.int32()), Field.of("b", 5, Schema.string()),
        Field.of("c", 2, Schema.bool()))));
  }

  @Test
  void consecutiveTagsGiveFlatcsImplicitIds() {
    // table R { u: U; a: int; v: [U]; b: string; }  flatc: u_type 0, u 1, a 2, v_type 3, v 4, b 5.
    RecordSchema r = RecordSchema.of("R", Field.of("u", 1, U), Field.of("a", 2, Schema.int32()),
        Field.of("v", 3, Schema.list(U)), Field.of("b", 4, Schema.string()));
    assertEquals("[1, 2, 4, 5]", ids(r));
    assertEquals(6, FlatBuffersFieldIds.slotCount(FlatBuffersFieldIds.of(r)));
  }

  @Test
  void fieldsAreWalkedInTagOrderAndGapsStay() {
    // Declared out of order; tags 2, 6, 9: u (2 − 1) + 1 = 2 (type 1); a (6 − 1) + 1 = 6; w (9 − 1) + 2 = 10.
    RecordSchema r = RecordSchema.of("R", Field.of("a", 6, Schema.int32()), Field.optional("w", 9, U),
        Field.optional("u", 2, U));
    assertEquals("[6, 10, 2]", ids(r));
  }

  @Test
  void theHolderLayoutTakesOneId() {
    RecordSchema r = RecordSchema.of("R", Field.of("u", 1, U), Field.of("a", 2, Schema.int32()));
    assertEquals("[0, 1]", Arrays.toString(FlatBuffersFieldIds.of(r, i -> false)));
    assertTrue(FlatBuffersFieldIds.isUnionField(r.field(0)));
    assertFalse(FlatBuffersFieldIds.isUnionField(r.field(1)));
    assertFalse(FlatBuffersFieldIds.isUnionField(Field.of("m", 3, Schema.map(Schema.string(), U))),
        "a map of unions is a vector of entry tables: one id");
    assertEquals(0, FlatBuffersFieldIds.slotCount(new int[0]));
  }
}
