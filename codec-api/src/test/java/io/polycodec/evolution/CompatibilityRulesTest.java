package io.polycodec.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.polycodec.Format;
import io.polycodec.evolution.CompatibilityResult.Grade;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaSnapshot;
import io.polycodec.schema.UnionSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per rule. Expected verdicts are written out per format, in the order protobuf,
 * flatbuffers, json, msgpack, compact (msgpack keyed by number), other-number and other-name (formats
 * Polycodec does not know), from the decisions the backends share: "ok" = compatible even when caveats
 * count as breaking, "cv" = compatible with a caveat (incompatible when caveats count), "no" = not.
 */
class CompatibilityRulesTest {

  private static RecordSchema user(Field... fields) {
    return RecordSchema.of("UserProfile", fields);
  }

  private static final Field ID = Field.of("id", 1, Schema.int64());

  /** Checks writer → reader in every format against {@code expected} ("ok no ok ok ok no no"). */
  private static void verdicts(RecordSchema writer, RecordSchema reader, String expected) {
    String[] want = expected.trim().split("\\s+");
    assertEquals(Formats.ALL.size(), want.length, "one verdict per format");
    List<String> wrong = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Format> e : Formats.ALL.entrySet()) {
      CompatibilityResult r = Compatibility.check(writer, reader, e.getValue());
      String w = want[i++];
      boolean ok = !w.equals("no");
      boolean strictOk = w.equals("ok");
      if (r.isCompatible() != ok) {
        wrong.add(e.getKey() + " expected " + (ok ? "compatible" : "incompatible") + " but was:\n" + r.report());
      } else if (r.caveatsAsBreaking().isCompatible() != strictOk) {
        wrong.add(e.getKey() + " expected " + (strictOk ? "no caveat" : "a caveat") + " but was:\n" + r.report());
      }
      if (r.isCompatible()) {
        assertTrue(r.reasons().isEmpty());
        assertFalse(r.notes().isEmpty() && r.grade() == Grade.IDENTICAL);
        assertEquals(writer.equals(reader), r.grade() == Grade.IDENTICAL);
        if (r.grade() == Grade.COMPATIBLE) {
          assertFalse(r.notes().isEmpty(), "every difference must be explained: " + e.getKey());
        }
      } else {
        for (Reason reason : r.reasons()) {
          assertTrue(reason.path().startsWith(reader.name()), reason.toString());
          assertFalse(reason.message().isBlank());
        }
      }
    }
    if (!wrong.isEmpty()) {
      fail(String.join("\n\n", wrong));
    }
  }

  private static CompatibilityResult check(RecordSchema w, RecordSchema r, Format f) {
    return Compatibility.check(w, r, f);
  }

  private static void hasReason(CompatibilityResult r, String text) {
    for (Reason x : r.reasons()) {
      if (x.toString().contains(text)) {
        return;
      }
    }
    fail("no reason contains '" + text + "' in:\n" + r.report());
  }

  private static void hasNote(CompatibilityResult r, String text) {
    for (Reason x : r.notes()) {
      if (x.toString().contains(text)) {
        return;
      }
    }
    fail("no note contains '" + text + "' in:\n" + r.report());
  }

  // ---- identity, names and tags -----------------------------------------------------------------

  @Test
  void equalSchemasAreIdenticalEverywhere() {
    RecordSchema a = SchemaSnapshotTest.everything();
    RecordSchema b = SchemaSnapshot.fromJson(SchemaSnapshot.toJson(a));
    for (Format f : Formats.ALL.values()) {
      CompatibilityResult r = check(a, b, f);
      assertEquals(Grade.IDENTICAL, r.grade());
      assertTrue(r.reasons().isEmpty() && r.notes().isEmpty());
    }
  }

  @Test
  void renameIsHarmlessByNumberAndBreakingByName() {
    RecordSchema w = user(ID, Field.optional("email", 2, Schema.string()));
    RecordSchema r = user(ID, Field.optional("mail", 2, Schema.string()));
    verdicts(w, r, "ok ok no no ok ok no");
    hasReason(check(w, r, Formats.JSON), "UserProfile.mail (tag 2): was named email");
    hasNote(check(w, r, Formats.PROTOBUF), "UserProfile.mail (tag 2): renamed from email");
  }

  @Test
  void tagChangeIsHarmlessByNameAndBreakingByNumber() {
    RecordSchema w = user(ID, Field.optional("email", 2, Schema.string()));
    RecordSchema r = user(ID, Field.optional("email", 5, Schema.string()));
    verdicts(w, r, "no no ok ok no no ok");
    hasReason(check(w, r, Formats.PROTOBUF), "UserProfile.email (tag 5): tag changed from 2 to 5");
    hasNote(check(w, r, Formats.JSON), "tag changed from 2");
  }

  @Test
  void namesSwappedBetweenTagsBreakNumberKeyedFormats() {
    RecordSchema w = user(Field.of("a", 1, Schema.string()), Field.of("b", 2, Schema.string()));
    RecordSchema r = user(Field.of("b", 1, Schema.string()), Field.of("a", 2, Schema.string()));
    verdicts(w, r, "no no ok ok no no ok");
  }

  @Test
  void fieldOrderDoesNotMatter() {
    RecordSchema w = user(ID, Field.of("name", 2, Schema.string()));
    RecordSchema r = user(Field.of("name", 2, Schema.string()), ID);
    verdicts(w, r, "ok ok ok ok ok ok ok");
    hasNote(check(w, r, Formats.PROTOBUF), "reordered");
  }

  @Test
  void typeNamesAreNotOnTheWire() {
    RecordSchema w = RecordSchema.of("Old", Field.of("e", 1, EnumSchema.of("E1", "A")),
        Field.of("u", 2, UnionSchema.of("U1", RecordSchema.of("M", ID))));
    RecordSchema r = RecordSchema.of("New", Field.of("e", 1, EnumSchema.of("E2", "A")),
        Field.of("u", 2, UnionSchema.of("U2", RecordSchema.of("M", ID))));
    verdicts(w, r, "ok ok ok ok ok ok ok");
    CompatibilityResult res = check(w, r, Formats.JSON);
    hasNote(res, "record Old is now named New");
    hasNote(res, "enum E1 is now named E2");
    hasNote(res, "union U1 is now named U2");
  }

  // ---- added and removed fields ------------------------------------------------------------------

  @Test
  void addingAnOptionalFieldIsBackwardCompatibleEverywhere() {
    RecordSchema v1 = user(ID);
    RecordSchema v2 = user(ID, Field.optional("email", 2, Schema.string()));
    verdicts(v1, v2, "ok ok ok ok ok ok ok");
    hasNote(check(v1, v2, Formats.JSON), "UserProfile.email (tag 2): added; data written without it reads it as absent");
    // Forward: the old reader meets a field it does not know and skips it; FlatBuffers' rule against
    // dropping undeprecated fields is a policy finding (FlatBuffersEvolutionBytesTest).
    verdicts(v2, v1, "ok ok ok ok ok ok ok");
  }

  @Test
  void addingARequiredFieldReadsItsDefault() {
    RecordSchema v1 = user(ID);
    RecordSchema v2 = user(ID, Field.of("age", 2, Schema.int32()), Field.of("tags", 3, Schema.list(Schema.string())));
    verdicts(v1, v2, "ok ok ok ok ok ok ok");
    hasNote(check(v1, v2, Formats.PROTOBUF), "reads it as its default, 0");
  }

  @Test
  void flatbuffersAsksForDeprecationBeforeRemovalAsPolicy() {
    RecordSchema deprecated = user(ID, Field.of("old", 2, Schema.string()).withDeprecated(true));
    RecordSchema live = user(ID, Field.of("old", 2, Schema.string()));
    verdicts(deprecated, user(ID), "ok ok ok ok ok ok ok");
    verdicts(live, user(ID), "ok ok ok ok ok ok ok");
    CompatibilityResult removed = check(live, user(ID), Formats.FLATBUFFERS);
    hasNote(removed, "UserProfile.old (tag 2): removed without being deprecated");
    assertEquals(Severity.POLICY, removed.notes().get(0).severity(), removed.report());
    assertTrue(removed.caveatsAsBreaking().isCompatible(), removed.report());
    verdicts(live, deprecated, "ok ok ok ok ok ok ok");
    hasNote(check(live, deprecated, Formats.FLATBUFFERS), "now deprecated");
  }

  @Test
  void aRequiredUnionCannotBeAdded() {
    UnionSchema shape = UnionSchema.of("Shape", RecordSchema.of("Circle", Field.of("r", 1, Schema.float64())));
    verdicts(user(ID), user(ID, Field.of("shape", 2, shape)), "no no no no no no no");
    hasReason(check(user(ID), user(ID, Field.of("shape", 2, shape)), Formats.JSON),
        "UserProfile.shape (tag 2): required Shape added: a union has no default");
    verdicts(user(ID), user(ID, Field.optional("shape", 2, shape)), "ok ok ok ok ok ok ok");
  }

  @Test
  void flatbuffersIdsMoveWhenAUnionIsAddedOrRemovedBelowAField() {
    UnionSchema shape = UnionSchema.of("Shape", RecordSchema.of("Circle", Field.of("r", 1, Schema.float64())));
    Field name = Field.of("name", 3, Schema.string());
    RecordSchema without = user(ID, name);
    RecordSchema with = user(ID, Field.optional("shape", 2, shape), name);
    // A union takes two FlatBuffers ids (its _type, then itself): name moves from id 2 to id 3.
    verdicts(without, with, "ok no ok ok ok ok ok");
    verdicts(with, without, "ok no ok ok ok ok ok");
    hasReason(check(without, with, Formats.FLATBUFFERS),
        "UserProfile.name (tag 3): its flatbuffers field id moves from 2 to 3");
    hasReason(check(with, without, Formats.FLATBUFFERS),
        "UserProfile.name (tag 3): its flatbuffers field id moves from 3 to 2");
    // Above every other field, or as a list of unions turned into a list of records, ids move or not alike.
    verdicts(without, user(ID, name, Field.optional("shape", 4, shape)), "ok ok ok ok ok ok ok");
    RecordSchema circles = user(ID, Field.of("all", 2, Schema.list(shape.members().get(0).type())), name);
    RecordSchema shapes = user(ID, Field.of("all", 2, Schema.list(shape)), name);
    hasReason(check(circles, shapes, Formats.FLATBUFFERS), "UserProfile.name (tag 3): its flatbuffers field id moves");
  }

  @Test
  void aRequiredRecordHoldingARequiredUnionCannotBeAdded() {
    // Found by the TCK's evolution property: such a record has no default either, so decoding fails.
    UnionSchema shape = UnionSchema.of("Shape", RecordSchema.of("Circle", Field.of("r", 1, Schema.float64())));
    RecordSchema drawing = RecordSchema.of("Drawing", Field.of("shape", 1, shape), Field.of("title", 2, Schema.string()));
    RecordSchema frame = RecordSchema.of("Frame", Field.of("drawing", 1, drawing));
    verdicts(user(ID), user(ID, Field.of("drawing", 2, drawing)), "no no no no no no no");
    verdicts(user(ID), user(ID, Field.of("frame", 2, frame)), "no no no no no no no");
    hasReason(check(user(ID), user(ID, Field.of("frame", 2, frame)), Formats.PROTOBUF),
        "UserProfile.frame (tag 2): required Frame added: it holds a required union");
    verdicts(user(ID), user(ID, Field.optional("drawing", 2, drawing)), "ok ok ok ok ok ok ok");
  }

  // ---- scalar type changes -----------------------------------------------------------------------

  @Test
  void int32ToInt64WidensExceptInFlatbuffers() {
    RecordSchema w = user(Field.of("n", 1, Schema.int32()));
    RecordSchema r = user(Field.of("n", 1, Schema.int64()));
    verdicts(w, r, "ok no ok ok ok no no");
    // protobuf reads an int64 as int32, truncating numbers beyond 32 bits (language guide); flatbuffers
    // reads the low 4 bytes of the little-endian int64 (FlatBuffersEvolutionBytesTest).
    verdicts(r, w, "cv cv no no no no no");
    hasReason(check(w, r, Formats.FLATBUFFERS), "UserProfile.n (tag 1): int32 → int64 is not readable in flatbuffers");
  }

  @Test
  void int8AndInt16WidenLikeInt32ExceptInFlatbuffersAndNeverNarrow() {
    RecordSchema small = user(Field.of("n", 1, Schema.int8()));
    RecordSchema medium = user(Field.of("n", 1, Schema.int16()));
    RecordSchema wide = user(Field.of("n", 1, Schema.int32()));
    verdicts(small, medium, "ok no ok ok ok no no");
    verdicts(small, wide, "ok no ok ok ok no no");
    verdicts(medium, user(Field.of("n", 1, Schema.int64())), "ok no ok ok ok no no");
    verdicts(wide, small, "no cv no no no no no");
    verdicts(medium, small, "no cv no no no no no");
    hasReason(check(small, wide, Formats.FLATBUFFERS), "UserProfile.n (tag 1): int8 → int32 is not readable in flatbuffers");
    // int16 fits a float32's 24-bit significand: no rounding to warn about.
    CompatibilityResult toFloat = Compatibility.check(medium, user(Field.of("n", 1, Schema.float32())), Formats.JSON);
    assertTrue(toFloat.isCompatible() && !toFloat.notes().toString().contains("rounded"), toFloat.report());
  }

  @Test
  void aDurationIsSecondsAndNanosInProtobufAndItsOwnTypeElsewhere() {
    RecordSchema span = RecordSchema.of("Span", Field.of("seconds", 1, Schema.int64()), Field.of("nanos", 2, Schema.int32()));
    RecordSchema other = RecordSchema.of("Span", Field.of("seconds", 1, Schema.int64()), Field.of("nanos", 3, Schema.int32()));
    RecordSchema duration = user(Field.of("d", 1, Schema.duration()));
    RecordSchema record = user(Field.of("d", 1, span));
    // Protobuf: the same bytes; a record reads every duration, a duration refuses records of mixed signs.
    verdicts(duration, record, "ok no no no no no no");
    verdicts(record, duration, "no no no no no no no");
    hasNote(check(duration, record, Formats.PROTOBUF), "the same bytes");
    hasReason(check(record, duration, Formats.PROTOBUF), "differ in sign");
    verdicts(duration, user(Field.of("d", 1, other)), "no no no no no no no");
    // timestamp → duration reads (a caveat: the meaning changes); a negative duration is no timestamp.
    RecordSchema timestamp = user(Field.of("d", 1, Schema.timestamp()));
    verdicts(timestamp, duration, "caveat no no no no no no");
    verdicts(duration, timestamp, "no no no no no no no");
    for (Schema s : List.of(Schema.string(), Schema.int64(), Schema.bytes())) {
      verdicts(duration, user(Field.of("d", 1, s)), "no no no no no no no");
      verdicts(user(Field.of("d", 1, s)), duration, "no no no no no no no");
    }
  }

  @Test
  void integersReadAsFloatsOnlyInJsonAndMsgpack() {
    for (Kind from : List.of(Kind.INT32, Kind.INT64)) {
      for (Kind to : List.of(Kind.FLOAT32, Kind.FLOAT64)) {
        RecordSchema w = user(Field.of("x", 1, ScalarSchema.of(from)));
        RecordSchema r = user(Field.of("x", 1, ScalarSchema.of(to)));
        verdicts(w, r, "no no ok ok ok no no");
        verdicts(r, w, "no no no no no no no");
      }
    }
    hasNote(check(user(Field.of("x", 1, Schema.int64())), user(Field.of("x", 1, Schema.float64())), Formats.JSON),
        "above 2^53 are rounded");
  }

  @Test
  void float32ToFloat64OnlyInJsonAndMsgpack() {
    RecordSchema w = user(Field.of("x", 1, Schema.float32()));
    RecordSchema r = user(Field.of("x", 1, Schema.float64()));
    verdicts(w, r, "no no ok ok ok no no");
    verdicts(r, w, "no no no no no no no");
  }

  @Test
  void integerEncodingsMatterWhereTheyChangeTheWire() {
    verdicts(user(Field.of("n", 1, Schema.int32())), user(Field.of("n", 1, Schema.int32(IntEncoding.ZIGZAG))),
        "no ok ok ok ok no no");
    verdicts(user(Field.of("n", 1, Schema.int32())), user(Field.of("n", 1, Schema.int32(IntEncoding.UNSIGNED))),
        "cv cv no no no no no");
    verdicts(user(Field.of("n", 1, Schema.int32(IntEncoding.ZIGZAG))), user(Field.of("n", 1, Schema.int64(IntEncoding.ZIGZAG))),
        "ok no ok ok ok no no");
    verdicts(user(Field.of("n", 1, Schema.int32(IntEncoding.FIXED))), user(Field.of("n", 1, Schema.int64(IntEncoding.FIXED))),
        "no no ok ok ok no no");
    verdicts(user(Field.of("n", 1, Schema.int32(IntEncoding.UNSIGNED))),
        user(Field.of("n", 1, Schema.int64(IntEncoding.UNSIGNED))), "ok no no no no no no");
    verdicts(user(Field.of("n", 1, Schema.int32(IntEncoding.UNSIGNED))),
        user(Field.of("n", 1, Schema.float64())), "no no no no no no no");
    hasReason(check(user(Field.of("n", 1, Schema.int32())), user(Field.of("n", 1, Schema.int32(IntEncoding.ZIGZAG))),
        Formats.PROTOBUF), "int32 → int32(zigzag) is not readable in protobuf");
  }

  @Test
  void otherKindChangesAreNeverReadable() {
    RecordSchema w = user(ID, Field.of("email", 4, Schema.string()));
    RecordSchema r = user(ID, Field.of("email", 4, Schema.int64()));
    verdicts(w, r, "no no no no no no no");
    CompatibilityResult res = check(w, r, Formats.PROTOBUF);
    assertEquals("UserProfile.email (tag 4): string → int64 is not readable in protobuf", res.reasons().get(0).toString());
    assertEquals(1, res.reasons().size());
    List<Schema> kinds = List.of(Schema.bool(), Schema.string(), Schema.bytes(), Schema.timestamp(),
        EnumSchema.of("E", "A"), RecordSchema.of("Inner"), Schema.list(Schema.string()),
        Schema.map(Schema.string(), Schema.string()), Schema.float32Vector(), Schema.int32());
    // What protobuf reads across kinds (language guide, "Updating a message type"); every other
    // format reads none of these.
    Map<String, String> protobuf = Map.ofEntries(
        Map.entry("bool → int32", "ok"), Map.entry("int32 → bool", "cv"), Map.entry("E → int32", "ok"),
        Map.entry("int32 → E", "no"), Map.entry("bool → E", "no"), Map.entry("E → bool", "cv"),
        Map.entry("string → bytes", "ok"), Map.entry("bytes → string", "no"),
        Map.entry("string → list<string>", "cv"), Map.entry("list<string> → string", "cv"),
        Map.entry("bytes → list<string>", "no"), Map.entry("list<string> → bytes", "cv"));
    for (Schema a : kinds) {
      for (Schema b : kinds) {
        if (a.kind() != b.kind()) {
          String pb = protobuf.getOrDefault(a.describe() + " → " + b.describe(), "no");
          // MessagePack reads a str as bytes (msgpack-java accepts the str family for bin), FlatBuffers a
          // string as [ubyte] (a string is a byte vector).
          String mp = a.kind() == Kind.STRING && b.kind() == Kind.BYTES ? "ok" : "no";
          verdicts(user(Field.of("x", 1, a)), user(Field.of("x", 1, b)), pb + " " + mp + " no " + mp + " " + mp + " no no");
        }
      }
    }
  }

  @Test
  void vectorLayoutsDoNotConvert() {
    verdicts(user(Field.of("v", 1, Schema.float32Vector())), user(Field.of("v", 1, Schema.float64Vector())),
        "no no no no no no no");
    verdicts(user(Field.of("v", 1, Schema.float32Vector())), user(Field.of("v", 1, Schema.float32Vector(Quantization.FP16))),
        "no no no no no no no");
  }

  // ---- optionality ---------------------------------------------------------------------------------

  @Test
  void requiredToOptionalLosesWrittenDefaultsWhereTheyAreLeftOffTheWire() {
    RecordSchema w = user(ID, Field.of("age", 2, Schema.int32()));
    RecordSchema r = user(ID, Field.optional("age", 2, Schema.int32()));
    // protobuf: implicit → explicit presence, the same bytes; a written 0 reads as unset.
    // flatbuffers: a required scalar holding its default is left off the wire, so it reads as absent.
    verdicts(w, r, "cv cv ok ok ok no no");
    hasNote(check(w, r, Formats.PROTOBUF), "UserProfile.age (tag 2): implicit → explicit presence");
    UnionSchema shape = UnionSchema.of("Shape", RecordSchema.of("Circle", Field.of("r", 1, Schema.float64())));
    verdicts(user(Field.of("s", 1, shape)), user(Field.optional("s", 1, shape)), "ok ok ok ok ok ok ok");
  }

  @Test
  void optionalToRequiredLosesTheAbsenceOrBreaks() {
    // JSON and MessagePack read a missing field as its default (MsgpackEvolutionBytesTest,
    // JsonEvolutionBytesTest): only the absence is lost, a caveat.
    verdicts(user(ID, Field.optional("age", 2, Schema.int32())), user(ID, Field.of("age", 2, Schema.int32())),
        "cv cv cv cv cv no no");
    UnionSchema shape = UnionSchema.of("Shape", RecordSchema.of("Circle", Field.of("r", 1, Schema.float64())));
    verdicts(user(Field.optional("s", 1, shape)), user(Field.of("s", 1, shape)), "no no no no no no no");
    hasReason(check(user(Field.optional("s", 1, shape)), user(Field.of("s", 1, shape)), Formats.JSON),
        "a union has no default");
  }

  // ---- enums ---------------------------------------------------------------------------------------

  private static RecordSchema withEnum(EnumSchema e) {
    return user(ID, Field.of("plan", 2, e));
  }

  private static EnumSchema plan(Object... nameNumber) {
    List<EnumSchema.Constant> cs = new ArrayList<>();
    for (int i = 0; i < nameNumber.length; i += 2) {
      cs.add(new EnumSchema.Constant((String) nameNumber[i], (Integer) nameNumber[i + 1]));
    }
    return EnumSchema.of("Plan", cs);
  }

  @Test
  void enumConstantsMayBeAddedForReadersOnly() {
    RecordSchema v1 = withEnum(plan("FREE", 0, "PRO", 1));
    RecordSchema v2 = withEnum(plan("FREE", 0, "PRO", 1, "TEAM", 2));
    verdicts(v1, v2, "ok ok ok ok ok ok ok");
    verdicts(v2, v1, "no no no no no no no");
    hasReason(check(v2, v1, Formats.PROTOBUF), "UserProfile.plan (tag 2): enum Plan: constant TEAM (2) is unknown to the reader");
  }

  @Test
  void enumConstantRenameAndRenumberFollowKeying() {
    RecordSchema base = withEnum(plan("FREE", 0, "PRO", 1));
    verdicts(base, withEnum(plan("FREE", 0, "PREMIUM", 1)), "ok ok no no ok ok no");
    verdicts(base, withEnum(plan("FREE", 0, "PRO", 5)), "no no ok ok no no ok");
    verdicts(base, withEnum(plan("PRO", 0, "FREE", 1)), "no no ok ok no no no");
    hasReason(check(base, withEnum(plan("FREE", 0, "PREMIUM", 1)), Formats.JSON), "renamed to PREMIUM?");
  }

  @Test
  void enumDefaultMustNotMoveWhereDefaultsAreLeftOffTheWire() {
    RecordSchema w = withEnum(plan("FREE", 1, "PRO", 2));
    RecordSchema r = withEnum(plan("UNSET", 0, "FREE", 1, "PRO", 2));
    verdicts(w, r, "no no ok ok ok no no");
    hasReason(check(w, r, Formats.PROTOBUF), "the default constant changes from FREE (1) to UNSET (0)");
  }

  @Test
  void flatbuffersEnumsMustKeepTheirWidth() {
    verdicts(withEnum(plan("A", 0, "B", 1)), withEnum(plan("A", 0, "B", 1, "C", 300)), "ok no ok ok ok ok ok");
  }

  // ---- unions --------------------------------------------------------------------------------------

  private static final RecordSchema CIRCLE = RecordSchema.of("Circle", Field.of("r", 1, Schema.float64()));
  private static final RecordSchema SQUARE = RecordSchema.of("Square", Field.of("side", 1, Schema.float64()));

  private static RecordSchema withShape(UnionSchema.Member... members) {
    return user(ID, Field.of("shape", 2, UnionSchema.of("Shape", List.of(members))));
  }

  @Test
  void unionMembersMayBeAddedForReadersOnly() {
    RecordSchema v1 = withShape(new UnionSchema.Member("Circle", 1, CIRCLE));
    RecordSchema v2 = withShape(new UnionSchema.Member("Circle", 1, CIRCLE), new UnionSchema.Member("Square", 2, SQUARE));
    verdicts(v1, v2, "ok ok ok ok ok ok ok");
    verdicts(v2, v1, "no no no no no no no");
    hasReason(check(v2, v1, Formats.JSON), "UserProfile.shape (tag 2): union Shape: member Square (tag 2) is unknown");
  }

  @Test
  void unionMemberRenameAndRetagFollowKeying() {
    RecordSchema base = withShape(new UnionSchema.Member("Circle", 1, CIRCLE));
    verdicts(base, withShape(new UnionSchema.Member("Round", 1, CIRCLE)), "ok ok no no ok ok no");
    verdicts(base, withShape(new UnionSchema.Member("Circle", 3, CIRCLE)), "no no ok ok no no ok");
  }

  @Test
  void unionMemberRecordsAreComparedFieldByField() {
    RecordSchema bigCircle = RecordSchema.of("Circle", Field.of("r", 1, Schema.int64()));
    RecordSchema w = withShape(new UnionSchema.Member("Circle", 1, CIRCLE));
    RecordSchema r = withShape(new UnionSchema.Member("Circle", 1, bigCircle));
    verdicts(w, r, "no no no no no no no");
    hasReason(check(w, r, Formats.PROTOBUF), "UserProfile.shape(Circle).r (tag 1): float64 → int64");
  }

  // ---- collections and nesting ---------------------------------------------------------------------

  @Test
  void mapKeysWidenLikeScalars() {
    verdicts(user(Field.of("m", 1, Schema.map(Schema.int32(), Schema.string()))),
        user(Field.of("m", 1, Schema.map(Schema.int64(), Schema.string()))), "ok no ok ok ok no no");
    verdicts(user(Field.of("m", 1, Schema.map(Schema.string(), Schema.string()))),
        user(Field.of("m", 1, Schema.map(Schema.int64(), Schema.string()))), "no no no no no no no");
    verdicts(user(Field.of("m", 1, Schema.map(Schema.int64(), Schema.string()))),
        user(Field.of("m", 1, Schema.map(Schema.int32(), Schema.string()))), "no no no no no no no");
    hasReason(check(user(Field.of("m", 1, Schema.map(Schema.bool(), Schema.string()))),
        user(Field.of("m", 1, Schema.map(Schema.string(), Schema.string()))), Formats.JSON),
        "UserProfile.m (tag 1): map key bool → string");
  }

  @Test
  void elementsAndValuesAreLocated() {
    RecordSchema line1 = RecordSchema.of("Line", Field.of("product", 1, Schema.string()), Field.of("qty", 2, Schema.int32()));
    RecordSchema line2 = RecordSchema.of("Line", Field.of("product", 1, Schema.string()), Field.of("qty", 2, Schema.string()));
    RecordSchema w = RecordSchema.of("Order", Field.of("lines", 1, Schema.list(line1)),
        Field.of("byId", 2, Schema.map(Schema.string(), line1)));
    RecordSchema r = RecordSchema.of("Order", Field.of("lines", 1, Schema.list(line2)),
        Field.of("byId", 2, Schema.map(Schema.string(), line2)));
    verdicts(w, r, "no no no no no no no");
    // The pair (Line, Line) is compared once, at its first place.
    hasReason(check(w, r, Formats.PROTOBUF), "Order.lines[].qty (tag 2): int32 → string");
    verdicts(user(Field.of("xs", 1, Schema.list(Schema.int32()))), user(Field.of("xs", 1, Schema.list(Schema.int64()))),
        "ok no ok ok ok no no");
    verdicts(user(Field.of("xs", 1, Schema.map(Schema.string(), Schema.float32()))),
        user(Field.of("xs", 1, Schema.map(Schema.string(), Schema.float64()))), "no no ok ok ok no no");
    hasReason(check(user(Field.of("xs", 1, Schema.map(Schema.string(), Schema.float32()))),
        user(Field.of("xs", 1, Schema.map(Schema.string(), Schema.float64()))), Formats.PROTOBUF),
        "UserProfile.xs{} (tag 1): float32 → float64");
  }

  private static RecordSchema tree(Schema valueType, boolean withLabel) {
    RecordSchema.Builder b = RecordSchema.builder("Tree");
    b.field("value", 1, valueType);
    b.field("children", 2, Schema.list(b.ref()));
    b.optionalField("parent", 3, b.ref());
    if (withLabel) {
      b.optionalField("label", 4, Schema.string());
    }
    return b.build();
  }

  @Test
  void recursiveSchemasAreComparedOncePerPair() {
    verdicts(tree(Schema.int32(), false), tree(Schema.int32(), true), "ok ok ok ok ok ok ok");
    verdicts(tree(Schema.int32(), false), tree(Schema.int64(), false), "ok no ok ok ok no no");
    CompatibilityResult r = check(tree(Schema.string(), false), tree(Schema.int64(), false), Formats.JSON);
    assertEquals(1, r.reasons().size(), r.report());
    assertEquals("Tree.value (tag 1): string → int64 is not readable in json", r.reasons().get(0).toString());
  }

  // ---- oneof groups --------------------------------------------------------------------------------

  @Test
  void fieldsThatMayBothBeSetCannotJoinOneOneof() {
    RecordSchema w = user(Field.optional("a", 1, Schema.string()), Field.optional("b", 2, Schema.string()));
    RecordSchema r = user(Field.optional("a", 1, Schema.string()).withOneof("pick"),
        Field.optional("b", 2, Schema.string()).withOneof("pick"));
    verdicts(w, r, "no no no no no no no");
    hasReason(check(w, r, Formats.PROTOBUF), "fields a, b are now in oneof pick");
    // Leaving a oneof, or a single field entering one, is fine.
    verdicts(r, w, "ok ok ok ok ok ok ok");
    RecordSchema single = user(Field.optional("a", 1, Schema.string()).withOneof("pick"),
        Field.optional("b", 2, Schema.string()));
    verdicts(w, single, "ok ok ok ok ok ok ok");
    hasNote(check(w, single, Formats.JSON), "moved into oneof pick");
    // Already exclusive in the writer: renaming the group is harmless.
    RecordSchema renamed = user(Field.optional("a", 1, Schema.string()).withOneof("choice"),
        Field.optional("b", 2, Schema.string()).withOneof("choice"));
    verdicts(r, renamed, "ok ok ok ok ok ok ok");
  }

  // ---- argument checks -----------------------------------------------------------------------------

  @Test
  void resultReportListsReasonsThenNotes() {
    RecordSchema w = user(ID, Field.optional("email", 2, Schema.string()), Field.of("old", 3, Schema.bool()));
    RecordSchema r = user(ID, Field.optional("mail", 2, Schema.string()));
    CompatibilityResult res = check(w, r, Formats.JSON);
    assertEquals(Grade.INCOMPATIBLE, res.grade());
    assertFalse(res.isCompatible());
    assertEquals("json", res.format());
    String report = res.report();
    assertTrue(report.startsWith("INCOMPATIBLE in json\nbreaking:\n  UserProfile.mail (tag 2): was named email"), report);
    assertTrue(report.contains("\nharmless:\n  UserProfile.old (tag 3): removed; the reader skips it"), report);
  }
}
