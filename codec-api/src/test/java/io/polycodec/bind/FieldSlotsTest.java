package io.polycodec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * FieldSlots keeps primitive-kind and other fields in separate, exactly sized arrays (by the binding's
 * slot layout) and tracks which primitive slots are set in bit masks; these tests pin what decoders
 * rely on, including records with more than 64 primitive fields.
 */
class FieldSlotsTest {

  /** 210 fields: optional int32 (i % 3 == 0), required int64 (i % 3 == 1), optional string (i % 3 == 2). */
  private static RecordSchema wide() {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < 210; i++) {
      String name = "f" + i;
      switch (i % 3) {
        case 0: fields.add(Field.optional(name, i + 1, ScalarSchema.of(Kind.INT32))); break;
        case 1: fields.add(Field.of(name, i + 1, ScalarSchema.of(Kind.INT64))); break;
        default: fields.add(Field.optional(name, i + 1, ScalarSchema.of(Kind.STRING))); break;
      }
    }
    return RecordSchema.of("Wide", fields.toArray(new Field[0]));
  }

  @Test
  void everyPrimitiveSlotBeyondSixtyFourKeepsItsOwnPresence() {
    RecordBinding<GenericRecord> b = RecordBinding.generic(wide());
    FieldSlots s = b.newSlots();
    for (int i = 0; i < 210; i++) {
      if (i % 5 == 0) {
        continue;
      }
      switch (i % 3) {
        case 0: s.setInt(i, -i); break;
        case 1: s.setLong(i, 1_000_000_000_000L * i); break;
        default: s.set(i, "s" + i); break;
      }
    }
    GenericRecord r = b.build(s);
    for (int i = 0; i < 210; i++) {
      boolean written = i % 5 != 0;
      assertEquals(written, s.isSet(i), "isSet f" + i);
      Object want;
      switch (i % 3) {
        case 0: want = written ? (Object) (-i) : null; break;
        case 1: want = written ? 1_000_000_000_000L * i : 0L; break;
        default: want = written ? "s" + i : null; break;
      }
      assertEquals(want, r.get(i), "f" + i);
    }
  }

  @Test
  void clearUndoesASetAndBoxedValuesMayBeSetForPrimitiveFields() {
    RecordBinding<GenericRecord> b = RecordBinding.generic(wide());
    FieldSlots s = b.newSlots();
    s.setInt(99, 7);
    s.setInt(195, 8);
    s.set(3, Integer.valueOf(9));
    s.set(2, "x");
    s.clear(99);
    s.clear(2);
    assertFalse(s.isSet(99));
    assertFalse(s.isSet(2));
    assertTrue(s.isSet(195));
    assertNull(s.get(3), "get() answers only for non-primitive fields");
    GenericRecord r = b.build(s);
    assertNull(r.get(99));
    assertNull(r.get(2));
    assertEquals(8, r.get(195));
    assertEquals(9, r.get(3));
  }

  record Optionals(OptionalInt a, OptionalLong b, OptionalDouble c, Optional<Integer> d, Optional<String> e,
      @Nullable Integer f, byte g, @Nullable Short h, boolean i, float j, String k) {}

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @interface Nullable {}

  @Test
  void typedRecordsTellSetFromUnsetOptionalsOfEveryRepresentation() {
    RecordBinding<Optionals> b = RecordBinding.of(Optionals.class);
    assertEquals(new Optionals(OptionalInt.empty(), OptionalLong.empty(), OptionalDouble.empty(), Optional.empty(),
        Optional.empty(), null, (byte) 0, null, false, 0f, ""), b.build(b.newSlots()));

    FieldSlots s = b.newSlots();
    s.setInt(0, 0);
    s.setLong(1, -1);
    s.setDouble(2, -0.0);
    s.setInt(3, 42);
    s.set(4, "e");
    s.setInt(5, 0);
    s.setInt(6, -128);
    s.setInt(7, 300);
    s.setBoolean(8, true);
    s.setFloat(9, Float.NaN);
    s.set(10, "k");
    assertEquals(new Optionals(OptionalInt.of(0), OptionalLong.of(-1), OptionalDouble.of(-0.0), Optional.of(42),
        Optional.of("e"), 0, (byte) -128, (short) 300, true, Float.NaN, "k"), b.build(s));

    FieldSlots tooBig = b.newSlots();
    tooBig.setInt(6, 128);
    assertThrows(DecodeException.class, () -> b.build(tooBig), "128 does not fit a byte");
  }
}
