package io.polycodec.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.polycodec.Format;
import io.polycodec.evolution.CompatibilityResult.Grade;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.SchemaSnapshot;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties over random schema graphs (until codec-tck's engine lands): the checker
 * terminates on recursive graphs, calls equal schemas identical, explains every compatible change,
 * and agrees with the rules everyone states for the simplest evolutions. The seed is printed on failure.
 */
class CompatibilityPropertiesTest {
  private static final int RUNS = 200;

  interface Property {
    void check(SplittableRandom rnd, RecordSchema schema);
  }

  private static void forAll(Property p) {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < RUNS; i++) {
      RecordSchema s = RandomSchemas.generate(rnd);
      try {
        p.check(rnd, s);
      } catch (AssertionError | RuntimeException e) {
        fail("seed " + seed + ", run " + i + ", schema:\n" + SchemaSnapshot.toJson(s), e);
      }
    }
  }

  private static RecordSchema copy(RecordSchema s) {
    return SchemaSnapshot.fromJson(SchemaSnapshot.toJson(s));
  }

  @Test
  void equalSchemasAreIdentical() {
    forAll((rnd, s) -> {
      for (Format f : Formats.ALL.values()) {
        CompatibilityResult r = Compatibility.check(s, copy(s), f);
        assertEquals(Grade.IDENTICAL, r.grade());
      }
    });
  }

  // Records elsewhere in a random graph may point back at the root, so the root is edited in the
  // snapshot text (and the whole graph read back) rather than rebuilt on its own.
  private static final String ROOT_FIELDS = "\"name\": \"Root\", \"fields\": [";

  private static RecordSchema withField(RecordSchema s, String fieldJson) {
    String text = SchemaSnapshot.toJson(s);
    String sep = s.size() == 0 ? "" : ",";
    return SchemaSnapshot.fromJson(text.replace(ROOT_FIELDS, ROOT_FIELDS + fieldJson + sep));
  }

  private static RecordSchema renameRootField(RecordSchema s, String from, String to) {
    String text = SchemaSnapshot.toJson(s);
    int start = text.indexOf(ROOT_FIELDS);
    int end = text.indexOf("]}", start);
    String block = text.substring(start, end).replace("{\"name\": \"" + from + "\",", "{\"name\": \"" + to + "\",");
    return SchemaSnapshot.fromJson(text.substring(0, start) + block + text.substring(end));
  }

  @Test
  void addingAnOptionalFieldIsBackwardCompatibleEverywhere() {
    forAll((rnd, s) -> {
      RecordSchema next = withField(s, "{\"name\": \"added\", \"tag\": " + (s.maxTag() + 1 + rnd.nextInt(5))
          + ", \"type\": \"string\", \"optional\": true}");
      for (Format f : Formats.ALL.values()) {
        CompatibilityResult r = Compatibility.check(s, next, f);
        assertEquals(Grade.COMPATIBLE, r.grade(), f.name() + ": " + r.report());
        assertEquals(1, r.notes().size(), r.report());
        // Forward: the old reader skips the field; FlatBuffers' deprecation rule is policy, not breakage.
        CompatibilityResult back = Compatibility.check(next, s, f);
        assertTrue(back.isCompatible(), f.name() + ": " + back.report());
      }
    });
  }

  @Test
  void renamingTheRootFieldsFollowsKeying() {
    forAll((rnd, s) -> {
      if (s.size() == 0) {
        return;
      }
      String victim = s.field(rnd.nextInt(s.size())).name();
      RecordSchema renamed = renameRootField(s, victim, "renamed");
      for (Format f : Formats.ALL.values()) {
        boolean byNumber = f.keying() == io.polycodec.FieldKeying.NUMBER;
        CompatibilityResult r = Compatibility.check(s, renamed, f);
        assertEquals(byNumber, r.isCompatible(), f + ": " + r.report());
      }
    });
  }

  @Test
  void everyPairOfRandomSchemasGetsAVerdictWithLocatedReasons() {
    forAll((rnd, s) -> {
      RecordSchema other = RandomSchemas.generate(rnd);
      for (Format f : Formats.ALL.values()) {
        CompatibilityResult r = Compatibility.check(s, other, f);
        if (r.grade() == Grade.COMPATIBLE) {
          assertFalse(r.notes().isEmpty(), r.report());
        }
        for (Reason reason : r.reasons()) {
          assertTrue(reason.path().startsWith(other.name()), reason.toString());
        }
        assertEquals(r.isCompatible(), r.reasons().isEmpty());
      }
    });
  }

  @Test
  void fullIsBackwardAndForward() {
    forAll((rnd, s) -> {
      RecordSchema other = rnd.nextBoolean() ? RandomSchemas.generate(rnd)
          : withField(s, "{\"name\": \"x\", \"tag\": " + (s.maxTag() + 1) + ", \"type\": \"int32\"}");
      for (Format f : Formats.ALL.values()) {
        boolean back = Compatibility.check(List.of(s), other, CompatibilityMode.BACKWARD, f).isCompatible();
        boolean fwd = Compatibility.check(List.of(s), other, CompatibilityMode.FORWARD, f).isCompatible();
        assertEquals(Compatibility.check(s, other, f).isCompatible(), back);
        assertEquals(Compatibility.check(other, s, f).isCompatible(), fwd);
        assertEquals(back && fwd, Compatibility.check(List.of(s), other, CompatibilityMode.FULL, f).isCompatible());
      }
    });
  }
}
