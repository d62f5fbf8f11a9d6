package io.polycodec.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.evolution.CompatibilityResult.Grade;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityModeTest {
  private static final Field ID = Field.of("id", 1, Schema.int64());

  private static RecordSchema v(Field... fields) {
    return RecordSchema.of("Event", fields);
  }

  // v1 has a string under tag 2, v2 dropped it, the candidate reuses tag 2 (and the name) for an int64.
  private static final RecordSchema V1 = v(ID, Field.optional("note", 2, Schema.string()));
  private static final RecordSchema V2 = v(ID);
  private static final RecordSchema REUSE = v(ID, Field.optional("note", 2, Schema.int64()));
  // Adds a required field: old readers skip it (forward fine), new readers default it (backward fine).
  private static final RecordSchema ADD_REQUIRED = v(ID, Field.of("count", 3, Schema.int32()));

  private static boolean ok(List<RecordSchema> history, RecordSchema candidate, CompatibilityMode mode) {
    return Compatibility.check(history, candidate, mode, Formats.PROTOBUF).isCompatible();
  }

  /** The strict verdict: caveats (possible truncation, change of sign) count as breaking. */
  private static boolean strictOk(List<RecordSchema> history, RecordSchema candidate, CompatibilityMode mode) {
    return Compatibility.check(history, candidate, mode, Formats.PROTOBUF).caveatsAsBreaking().isCompatible();
  }

  @Test
  void modesSayWhichDirectionsAreChecked() {
    assertTrue(CompatibilityMode.BACKWARD.backward() && !CompatibilityMode.BACKWARD.forward());
    assertTrue(!CompatibilityMode.FORWARD.backward() && CompatibilityMode.FORWARD.forward());
    assertTrue(CompatibilityMode.FULL.backward() && CompatibilityMode.FULL.forward());
    assertTrue(CompatibilityMode.FULL_TRANSITIVE.transitive() && !CompatibilityMode.FULL.transitive());
    assertFalse(CompatibilityMode.NONE.backward() || CompatibilityMode.NONE.forward());
  }

  @Test
  void backwardReadsOldDataForwardLetsOldReadersReadNewData() {
    // A new optional field with a fresh tag: both directions fine in protobuf.
    RecordSchema added = v(ID, Field.optional("email", 5, Schema.string()));
    for (CompatibilityMode m : CompatibilityMode.values()) {
      assertTrue(ok(List.of(V2), added, m), m.name());
    }
    // Narrowing int64 → int32: protobuf reads old data but truncates big numbers (a caveat, breaking when
    // strict), while old readers read new data exactly (widening).
    RecordSchema narrowed = v(Field.of("id", 1, Schema.int32()));
    assertTrue(ok(List.of(V2), narrowed, CompatibilityMode.BACKWARD));
    assertFalse(strictOk(List.of(V2), narrowed, CompatibilityMode.BACKWARD));
    assertTrue(strictOk(List.of(V2), narrowed, CompatibilityMode.FORWARD));
    assertFalse(strictOk(List.of(V2), narrowed, CompatibilityMode.FULL));
    assertTrue(strictOk(List.of(V2), narrowed, CompatibilityMode.NONE));
    CompatibilityResult caveat = Compatibility.check(List.of(V2), narrowed, CompatibilityMode.BACKWARD, Formats.PROTOBUF);
    assertEquals(1, caveat.caveats().size(), caveat.report());
    assertEquals("v1 → candidate (backward)", caveat.caveats().get(0).context());
    assertEquals(Severity.CAVEAT, caveat.caveatsAsBreaking().reasons().get(0).severity());
    // In JSON, required → optional reads (every required field is written); the reverse reads an absent
    // value as 0: a caveat, so only the strict verdict refuses it.
    RecordSchema relaxed = v(Field.optional("id", 1, Schema.int64()));
    CompatibilityResult json = Compatibility.check(List.of(V2), relaxed, CompatibilityMode.BACKWARD, Formats.JSON);
    assertTrue(json.isCompatible(), json.report());
    CompatibilityResult forward = Compatibility.check(List.of(V2), relaxed, CompatibilityMode.FORWARD, Formats.JSON);
    assertTrue(forward.isCompatible(), forward.report());
    assertFalse(forward.caveatsAsBreaking().isCompatible(), forward.report());
  }

  @Test
  void transitiveModesCatchTagReuseAcrossTheWholeHistory() {
    List<RecordSchema> history = List.of(V1, V2);
    assertTrue(ok(history, REUSE, CompatibilityMode.BACKWARD));
    assertTrue(ok(history, REUSE, CompatibilityMode.FORWARD));
    assertTrue(ok(history, REUSE, CompatibilityMode.FULL));
    assertFalse(ok(history, REUSE, CompatibilityMode.BACKWARD_TRANSITIVE));
    assertFalse(ok(history, REUSE, CompatibilityMode.FORWARD_TRANSITIVE));
    assertFalse(ok(history, REUSE, CompatibilityMode.FULL_TRANSITIVE));
    assertTrue(ok(history, REUSE, CompatibilityMode.NONE));
    CompatibilityResult r = Compatibility.check(history, REUSE, CompatibilityMode.FULL_TRANSITIVE, Formats.PROTOBUF);
    List<String> lines = new ArrayList<>();
    for (Reason reason : r.reasons()) {
      lines.add(reason.toString());
    }
    assertEquals(List.of(
        "v1 → candidate (backward): Event.note (tag 2): string → int64 is not readable in protobuf",
        "candidate → v1 (forward): Event.note (tag 2): int64 → string is not readable in protobuf"), lines);
  }

  @Test
  void everyComparisonIsLabelledInNotes() {
    CompatibilityResult r = Compatibility.check(List.of(V2), ADD_REQUIRED, CompatibilityMode.FULL, Formats.JSON);
    assertEquals(Grade.COMPATIBLE, r.grade(), r.report());
    assertEquals("v1 → candidate (backward)", r.notes().get(0).context());
    assertEquals("candidate → v1 (forward)", r.notes().get(1).context());
    assertEquals("v1 → candidate (backward): Event.count (tag 3): added; data written without it reads it as its default, 0",
        r.notes().get(0).toString());
    assertEquals("candidate → v1 (forward): Event.count (tag 3): removed; the reader skips it", r.notes().get(1).toString());
  }

  @Test
  void identicalOnlyWhenEveryComparisonIs() {
    assertEquals(Grade.IDENTICAL,
        Compatibility.check(List.of(V2, V2), V2, CompatibilityMode.FULL_TRANSITIVE, Formats.JSON).grade());
    assertEquals(Grade.COMPATIBLE,
        Compatibility.check(List.of(ADD_REQUIRED, V2), V2, CompatibilityMode.FULL_TRANSITIVE, Formats.JSON).grade());
    // Non-transitive modes look at the latest version only.
    assertEquals(Grade.IDENTICAL,
        Compatibility.check(List.of(ADD_REQUIRED, V2), V2, CompatibilityMode.FULL, Formats.JSON).grade());
  }

  @Test
  void emptyHistoryAndModeNoneCheckNothing() {
    CompatibilityResult first = Compatibility.check(List.of(), REUSE, CompatibilityMode.FULL_TRANSITIVE, Formats.JSON);
    assertEquals(Grade.COMPATIBLE, first.grade());
    assertEquals("Event: no earlier version to compare with", first.notes().get(0).toString());
    CompatibilityResult none = Compatibility.check(List.of(V1), v(Field.of("id", 1, Schema.string())),
        CompatibilityMode.NONE, Formats.JSON);
    assertEquals(Grade.COMPATIBLE, none.grade());
    assertTrue(none.notes().get(0).message().contains("NONE"));
    assertEquals(Grade.IDENTICAL, Compatibility.check(List.of(V1), V1, CompatibilityMode.NONE, Formats.JSON).grade());
  }

  @Test
  void nullsAreRejected() {
    assertThrows(NullPointerException.class, () -> Compatibility.check(null, V1, Formats.JSON));
    assertThrows(NullPointerException.class, () -> Compatibility.check(V1, null, Formats.JSON));
    assertThrows(NullPointerException.class, () -> Compatibility.check(V1, V1, null));
    assertThrows(NullPointerException.class,
        () -> Compatibility.check(List.of(V1), V1, null, Formats.JSON));
    List<RecordSchema> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(NullPointerException.class,
        () -> Compatibility.check(withNull, V1, CompatibilityMode.FULL, Formats.JSON));
  }
}
