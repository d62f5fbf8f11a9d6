package io.polycodec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericRecordTest {
  static final EnumSchema COLOR = EnumSchema.of("Color", "RED", "GREEN");
  static final RecordSchema POINT = RecordSchema.of("Point", Field.of("x", 1, Schema.float64()), Field.of("y", 2, Schema.float64()));
  static final RecordSchema LABEL = RecordSchema.of("Label", Field.of("text", 1, Schema.string()));
  static final UnionSchema SHAPE = UnionSchema.of("Shape", POINT, LABEL);
  static final RecordSchema ALL = RecordSchema.of("All",
      Field.of("n", 1, Schema.int32()),
      Field.optional("nick", 2, Schema.string()),
      Field.of("blobs", 3, Schema.list(Schema.bytes())),
      Field.of("color", 4, COLOR),
      Field.of("at", 5, Schema.timestamp()),
      Field.of("scores", 6, Schema.map(Schema.string(), Schema.float32())),
      Field.of("shape", 7, SHAPE),
      Field.of("v", 8, Schema.float32Vector()),
      Field.optional("a", 9, Schema.int64()).withOneof("pick"),
      Field.optional("b", 10, Schema.string()).withOneof("pick"));

  private static GenericRecord.Builder base() {
    return GenericRecord.builder(ALL).set("shape", GenericRecord.builder(POINT).set("x", 1.0).build());
  }

  @Test
  void unsetFieldsTakeDefaultsAndOptionalsStayAbsent() {
    GenericRecord r = base().build();
    assertEquals(0, r.get("n"));
    assertNull(r.get("nick"));
    assertEquals(List.of(), r.get("blobs"));
    assertEquals(GenericEnum.of("RED", 0), r.get("color"));
    assertEquals(Instant.EPOCH, r.get("at"));
    assertArrayEquals(new float[0], (float[]) r.get("v"));
  }

  @Test
  void aRequiredUnionHasNoDefault() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> GenericRecord.builder(ALL).build());
    assertTrue(e.getMessage().contains("All.shape"), e.getMessage());
  }

  @Test
  void valuesAreCheckedAgainstTheirTypes() {
    assertThrows(IllegalArgumentException.class, () -> base().set("n", 1L), "int32 needs an Integer");
    assertThrows(IllegalArgumentException.class, () -> base().set("n", null), "null in a required field");
    assertThrows(IllegalArgumentException.class, () -> base().set("color", "BLUE"), "no such constant");
    assertThrows(IllegalArgumentException.class, () -> base().set("blobs", List.of("x")), "element type");
    assertThrows(IllegalArgumentException.class, () -> base().set("missing", 1), "no such field");
    IllegalArgumentException wrongMember = assertThrows(IllegalArgumentException.class,
        () -> base().set("shape", GenericRecord.builder(COLOR_HOLDER).build()));
    assertTrue(wrongMember.getMessage().contains("not a member"), wrongMember.getMessage());
    assertEquals(GenericEnum.of("GREEN", 1), base().set("color", "GREEN").build().get("color"), "names convert to constants");
  }

  static final RecordSchema COLOR_HOLDER = RecordSchema.of("Holder", Field.of("c", 1, COLOR));

  @Test
  void whatTheCallerHandsInIsCopied() {
    byte[] blob = {1, 2, 3};
    List<byte[]> blobs = new ArrayList<>(List.of(blob));
    GenericRecord r = base().set("blobs", blobs).build();
    blob[0] = 9;
    blobs.add(new byte[0]);
    assertEquals(1, ((List<?>) r.get("blobs")).size());
    assertEquals(1, ((byte[]) ((List<?>) r.get("blobs")).get(0))[0]);
    assertThrows(UnsupportedOperationException.class, () -> ((List<?>) r.get("blobs")).clear());
  }

  @Test
  void equalityIsByValueIncludingArraysInsideCollections() {
    GenericRecord a = base().set("blobs", List.of(new byte[] {1})).set("v", new float[] {Float.NaN})
        .set("scores", Map.of("x", -0.0f)).build();
    GenericRecord b = base().set("blobs", List.of(new byte[] {1})).set("v", new float[] {Float.NaN})
        .set("scores", Map.of("x", -0.0f)).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, base().set("blobs", List.of(new byte[] {1})).set("v", new float[] {Float.NaN})
        .set("scores", Map.of("x", 0.0f)).build(), "-0.0 and 0.0 differ");
    assertEquals(a, a.withUnknownFields(UnknownFields.of("protobuf", new byte[] {8, 1})), "unknown fields take no part");
  }

  @Test
  void settingAOneofMemberClearsTheOthers() {
    GenericRecord r = base().set("a", 5L).set("b", "x").build();
    assertNull(r.get("a"));
    assertEquals("x", r.get("b"));
  }

  @Test
  void int8AndInt16HoldIntsInTheirRange() {
    RecordSchema small = RecordSchema.of("Small", Field.of("b", 1, Schema.int8()), Field.of("s", 2, Schema.int16()));
    GenericRecord r = GenericRecord.builder(small).set("b", -128).set("s", 32767).build();
    assertEquals(-128, r.get("b"));
    assertEquals(0, GenericRecord.builder(small).build().get("s"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GenericRecord.builder(small).set("b", 128).build());
    assertTrue(e.getMessage().contains("int8"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GenericRecord.builder(small).set("s", -32769).build());
    assertThrows(IllegalArgumentException.class, () -> GenericRecord.builder(small).set("b", (byte) 1).build());
  }
}
