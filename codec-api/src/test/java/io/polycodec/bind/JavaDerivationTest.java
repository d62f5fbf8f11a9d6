package io.polycodec.bind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Fallback;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.IntEncoded;
import io.polycodec.Quantized;
import io.polycodec.SchemaException;
import io.polycodec.SchemaName;
import io.polycodec.Tag;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JavaDerivationTest {

  @Retention(RetentionPolicy.RUNTIME)
  @interface Nullable {}

  enum Color { RED, GREEN, @Fallback UNKNOWN }

  enum Status { @Tag(5) ACTIVE, @Tag(9) GONE }

  record Address(String street, int zip) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  record Everything(
      boolean flag, byte tiny, short small, int count, long big, float ratio, double precise,
      Boolean boxedFlag, Integer boxedCount, String name, byte[] blob, Instant at, Color color,
      List<Address> addresses, Map<String, Integer> scores, Map<Long, Address> byId,
      float[] embedding, double[] series, @Quantized(Quantization.FP16) float[] half,
      Optional<String> nickname, OptionalInt maybeInt, OptionalLong maybeLong, OptionalDouble maybeDouble,
      @Nullable String note, @Nullable Integer nullableCount, Shape shape, Optional<Address> home,
      @IntEncoded(IntEncoding.ZIGZAG) int delta, List<Color> colors) {}

  record Tagged(@Tag(3) String a, @Tag(1) int b) {}

  record PartlyTagged(@Tag(3) String a, int b) {}

  record Node(String label, List<Node> children, Optional<Node> parent) {}

  record Loop(Loop next) {}

  record WithObject(Object anything) {}

  record WithWildcard(List<?> things) {}

  record WithNested(List<List<String>> grid) {}

  record WithChar(char c) {}

  record WithCharacters(List<Character> cs) {}

  record WithBoxedChar(Character c) {}

  @SchemaName("Renamed")
  record Original(@SchemaName("first_name") String firstName) {}

  sealed interface Expr permits Lit, Add {}

  record Lit(int value) implements Expr {}

  record Add(Expr left, Expr right) implements Expr {}

  record Formula(Expr expr) {}

  record WithStatus(Status status) {}

  @Test
  void derivesEveryKind() {
    RecordSchema s = RecordBinding.of(Everything.class).schema();
    assertEquals("Everything", s.name());
    assertEquals(Kind.BOOL, s.field("flag").type().kind());
    assertEquals(Kind.INT8, s.field("tiny").type().kind());
    assertEquals(Kind.INT16, s.field("small").type().kind());
    assertEquals(Kind.INT64, s.field("big").type().kind());
    assertEquals(Kind.FLOAT32, s.field("ratio").type().kind());
    assertEquals(Kind.BYTES, s.field("blob").type().kind());
    assertEquals(Kind.TIMESTAMP, s.field("at").type().kind());
    assertEquals(Kind.ENUM, s.field("color").type().kind());
    assertEquals(Kind.RECORD, ((ListSchema) s.field("addresses").type()).element().kind());
    assertEquals(Kind.INT64, ((MapSchema) s.field("byId").type()).key().kind());
    assertEquals(Quantization.FP16, ((VectorSchema) s.field("half").type()).quantization());
    assertEquals(Kind.FLOAT64, ((VectorSchema) s.field("series").type()).element());
    assertTrue(s.field("nickname").optional());
    assertTrue(s.field("maybeInt").optional());
    assertTrue(s.field("note").optional());
    assertTrue(s.field("nullableCount").optional());
    assertFalse(s.field("name").optional());
    assertEquals(Kind.UNION, s.field("shape").type().kind());
    assertEquals(IntEncoding.ZIGZAG, ((io.polycodec.schema.ScalarSchema) s.field("delta").type()).encoding());
    for (int i = 0; i < s.size(); i++) {
      assertEquals(i + 1, s.field(i).tag(), "declaration order numbers fields 1..n");
    }
    assertSame(s, RecordBinding.of(Everything.class).schema(), "derived once and cached");
  }

  @Test
  void explicitTagsAndNames() {
    RecordSchema s = RecordBinding.of(Tagged.class).schema();
    assertEquals(3, s.field("a").tag());
    assertEquals(1, s.field("b").tag());
    RecordSchema r = RecordBinding.of(Original.class).schema();
    assertEquals("Renamed", r.name());
    assertEquals("first_name", r.field(0).name());
    var status = RecordBinding.of(WithStatus.class).schema().field(0).type();
    assertEquals(5, ((io.polycodec.schema.EnumSchema) status).byName("ACTIVE").number());
  }

  @Test
  void unsupportedShapesNameTheField() {
    assertMessage(PartlyTagged.class, "PartlyTagged", "b");
    assertMessage(Loop.class, "Loop", "contains itself");
    assertMessage(WithObject.class, "WithObject.anything", "Object");
    assertMessage(WithWildcard.class, "WithWildcard.things", "wildcard");
    assertMessage(WithNested.class, "WithNested.grid", "nested");
    assertMessage(WithChar.class, "WithChar.c", "char", "UTF-16 code unit", "use String");
    assertMessage(WithCharacters.class, "WithCharacters.cs", "Character", "UTF-16 code unit");
    assertMessage(WithBoxedChar.class, "WithBoxedChar.c", "Character", "short/int");
    assertMessage(WithOptionalList.class, "WithOptionalList.tags", "collections cannot be optional", "empty List");
    assertMessage(WithOptionalVector.class, "WithOptionalVector.v", "collections cannot be optional");
  }

  record WithOptionalList(java.util.Optional<List<String>> tags) {}

  record WithOptionalVector(java.util.Optional<float[]> v) {}

  private static void assertMessage(Class<?> type, String... parts) {
    SchemaException e = assertThrows(SchemaException.class, () -> RecordBinding.of(type));
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' should mention " + p);
    }
  }

  @Test
  void recursiveRecordsAndUnions() {
    RecordSchema node = RecordBinding.of(Node.class).schema();
    assertSame(node, ((ListSchema) node.field("children").type()).element());
    RecordSchema formula = RecordBinding.of(Formula.class).schema();
    UnionSchema expr = (UnionSchema) formula.field("expr").type();
    RecordSchema add = expr.members().get(expr.indexOfName("Add")).record();
    assertSame(expr, add.field("left").type());
  }

  @Test
  void bindingReadsAndBuildsEveryRepresentation() {
    RecordBinding<Everything> b = RecordBinding.of(Everything.class);
    Everything e = sample();
    FieldSlots slots = b.newSlots();
    RecordSchema s = b.schema();
    for (int i = 0; i < s.size(); i++) {
      Field f = s.field(i);
      Object v = b.get(e, i);
      if (f.type().kind().isPrimitive()) {
        if (v == null) {
          continue;
        }
        switch (f.type().kind()) {
          case BOOL: slots.setBoolean(i, (Boolean) v); break;
          case INT8: case INT16: case INT32: slots.setInt(i, (Integer) v); break;
          case INT64: slots.setLong(i, (Long) v); break;
          case FLOAT32: slots.setFloat(i, (Float) v); break;
          default: slots.setDouble(i, (Double) v); break;
        }
      } else {
        slots.set(i, v);
      }
    }
    Everything back = b.build(slots);
    assertEquals(e.count(), back.count());
    assertEquals(e.tiny(), back.tiny());
    assertEquals(e.small(), back.small());
    assertEquals(e.nickname(), back.nickname());
    assertEquals(e.maybeInt(), back.maybeInt());
    assertEquals(e.maybeLong(), back.maybeLong());
    assertEquals(e.maybeDouble(), back.maybeDouble());
    assertEquals(e.note(), back.note());
    assertEquals(e.nullableCount(), back.nullableCount());
    assertEquals(e.shape(), back.shape());
    assertArrayEquals(e.embedding(), back.embedding());
    assertEquals(e.addresses(), back.addresses());
    assertEquals(-0.0, back.precise());
    assertEquals(7, b.getInt(e, s.indexOf("count")));
    assertEquals(-3, b.getInt(e, s.indexOf("tiny")));
    assertEquals(1, b.unionChild(s.indexOf("shape")).memberIndex(new Square(1)));
  }

  @Test
  void missingFieldsTakeDefaults() {
    RecordBinding<Everything> b = RecordBinding.of(Everything.class);
    // shape is a required union: no default.
    FieldSlots slots = b.newSlots();
    DecodeException missing = assertThrows(DecodeException.class, () -> b.build(slots));
    assertTrue(missing.getMessage().contains("shape"), missing.getMessage());
    slots.set(b.schema().indexOf("shape"), new Circle(1));
    Everything d = b.build(slots);
    assertEquals("", d.name());
    assertEquals(0, d.blob().length);
    assertEquals(Instant.EPOCH, d.at());
    assertEquals(Color.RED, d.color());
    assertEquals(List.of(), d.addresses());
    assertEquals(Optional.empty(), d.nickname());
    assertEquals(OptionalInt.empty(), d.maybeInt());
    assertNull(d.note());
    assertEquals(Integer.valueOf(0), d.boxedCount());
  }

  @Test
  void byteOutOfRangeIsADecodeError() {
    RecordBinding<Everything> b = RecordBinding.of(Everything.class);
    FieldSlots slots = b.newSlots();
    slots.set(b.schema().indexOf("shape"), new Circle(1));
    slots.setInt(b.schema().indexOf("tiny"), 300);
    DecodeException e = assertThrows(DecodeException.class, () -> b.build(slots));
    assertEquals("tiny", e.path());
  }

  @Test
  void nullInRequiredFieldIsAnEncodeError() {
    RecordBinding<Address> b = RecordBinding.of(Address.class);
    EncodeException e = assertThrows(EncodeException.class, () -> b.get(new Address(null, 1), 0));
    assertTrue(e.getMessage().contains("null in a non-optional field"), e.getMessage());
    assertEquals("", e.path(), "the codec, not the binding, adds the path while unwinding");
  }

  @Test
  void enumsMapNumbersNamesAndFallback() {
    RecordBinding<Everything> b = RecordBinding.of(Everything.class);
    EnumBinding colors = b.enumChild(b.schema().indexOf("color"));
    assertEquals(1, colors.number(Color.GREEN));
    assertSame(Color.GREEN, colors.forNumber(1));
    assertSame(Color.UNKNOWN, colors.forNumber(42), "unknown numbers go to the @Fallback constant");
    assertSame(Color.UNKNOWN, colors.forName("PURPLE"));
    RecordBinding<GenericRecord> g = RecordBinding.generic(b.schema());
    EnumBinding generic = g.enumChild(b.schema().indexOf("color"));
    assertEquals(GenericEnum.unknown(42), generic.forNumber(42), "generic values keep unknown numbers");
  }

  @Test
  void genericBindingMirrorsTypedOne() {
    RecordSchema s = RecordBinding.of(Address.class).schema();
    RecordBinding<GenericRecord> g = RecordBinding.generic(s);
    FieldSlots slots = g.newSlots();
    slots.set(0, "Main St");
    slots.setInt(1, 12345);
    GenericRecord r = g.build(slots);
    assertEquals(GenericRecord.builder(s).set("street", "Main St").set("zip", 12345).build(), r);
    assertEquals(12345, g.getInt(r, 1));
  }

  static Everything sample() {
    return new Everything(true, (byte) -3, (short) 300, 7, Long.MIN_VALUE, Float.NaN, -0.0, Boolean.TRUE, 42,
        "héllo 😀", new byte[] {1, 2}, Instant.ofEpochSecond(1, 5), Color.GREEN,
        List.of(new Address("a", 1)), Map.of("x", 1), Map.of(5L, new Address("b", 2)),
        new float[] {1f, Float.NaN}, new double[] {2.5}, new float[] {0.5f},
        Optional.of("nick"), OptionalInt.of(-1), OptionalLong.empty(), OptionalDouble.of(Double.MAX_VALUE),
        null, 9, new Square(2), Optional.empty(), -5, List.of(Color.RED));
  }
}
