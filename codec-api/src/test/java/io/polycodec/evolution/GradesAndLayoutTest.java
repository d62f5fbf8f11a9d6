package io.polycodec.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.evolution.CompatibilityResult.Grade;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Grades (breaking, caveat, safe), the strict switch, JSON output, and the encoding choices
 * ({@link WireChoices}) the Protobuf rules compare. That the verdicts hold on real bytes is tested in
 * codec-protobuf (ProtobufEvolutionBytesTest), with protobuf-java as the second opinion.
 */
class GradesAndLayoutTest {
  private static final RecordSchema G = RecordSchema.of("M.G", Field.of("a", 2, Schema.int32()));
  private static final RecordSchema M = RecordSchema.of("M", Field.optional("g", 1, G),
      Field.of("xs", 3, Schema.list(Schema.int32())));

  /** Choices named "record#field", as the protobuf WireLayout names them. */
  private record Choices(Set<String> delimited, Set<String> unpacked) implements WireChoices {
    @Override
    public boolean isDelimited(String record, int field) {
      return delimited.contains(record + "#" + field);
    }

    @Override
    public boolean isUnpacked(String record, int field) {
      return unpacked.contains(record + "#" + field);
    }
  }

  private static final Choices GROUP = new Choices(Set.of("M#1"), Set.of());
  private static final Choices UNPACKED = new Choices(Set.of(), Set.of("M#3"));

  @Test
  void aGroupReadAsALengthPrefixedMessageIsBreakingBothWays() {
    CompatibilityResult r = Compatibility.check(M, GROUP, M, WireChoices.NONE, Formats.PROTOBUF);
    assertEquals(Grade.INCOMPATIBLE, r.grade(), r.report());
    assertEquals(1, r.reasons().size(), r.report());
    Reason x = r.reasons().get(0);
    assertEquals("M.g (tag 1)", x.location());
    assertEquals(Severity.BREAKING, x.severity());
    assertTrue(x.message().startsWith("written as a group"), x.message());
    CompatibilityResult back = Compatibility.check(M, WireChoices.NONE, M, GROUP, Formats.PROTOBUF);
    assertFalse(back.isCompatible(), back.report());
    assertTrue(back.reasons().get(0).message().startsWith("written as a length-prefixed message"));
    // Equal choices on equal schemas: identical.
    assertEquals(Grade.IDENTICAL, Compatibility.check(M, GROUP, M, GROUP, Formats.PROTOBUF).grade());
    // Other formats have no groups: the choices do not matter there.
    assertEquals(Grade.IDENTICAL, Compatibility.check(M, GROUP, M, WireChoices.NONE, Formats.JSON).grade());
  }

  @Test
  void packedAgainstUnpackedIsSafeAndSaysWhy() {
    for (CompatibilityResult r : List.of(Compatibility.check(M, UNPACKED, M, WireChoices.NONE, Formats.PROTOBUF),
        Compatibility.check(M, WireChoices.NONE, M, UNPACKED, Formats.PROTOBUF))) {
      assertEquals(Grade.COMPATIBLE, r.grade(), r.report());
      assertTrue(r.caveatsAsBreaking().isCompatible(), r.report());
      assertEquals(1, r.notes().size(), r.report());
      assertEquals(Severity.SAFE, r.notes().get(0).severity());
      assertTrue(r.notes().get(0).message().contains("parsers accept both"), r.report());
    }
  }

  @Test
  void caveatsAreCompatibleUnlessCountedAsBreaking() {
    RecordSchema w = RecordSchema.of("M", Field.of("n", 1, Schema.int64()));
    RecordSchema r = RecordSchema.of("M", Field.of("n", 1, Schema.int32()));
    CompatibilityResult lenient = Compatibility.check(w, r, Formats.PROTOBUF);
    assertTrue(lenient.isCompatible(), lenient.report());
    assertEquals(1, lenient.caveats().size());
    assertTrue(lenient.reasons().isEmpty());
    CompatibilityResult strict = lenient.caveatsAsBreaking();
    assertFalse(strict.isCompatible());
    assertTrue(strict.caveatsBreak());
    assertEquals(lenient.caveats(), strict.reasons());
    assertTrue(strict.notes().isEmpty());
    assertSame(strict, strict.caveatsAsBreaking());
    assertTrue(strict.report().startsWith("INCOMPATIBLE in protobuf (caveats count as breaking)\nbreaking:\n"
        + "  [caveat] M.n (tag 1): int64 → int32: the same wire type"), strict.report());
  }

  @Test
  void jsonOutputListsEveryFindingWithItsGradeAndLocation() {
    RecordSchema w = RecordSchema.of("M", Field.of("n", 1, Schema.int64()), Field.of("s", 2, Schema.string()));
    RecordSchema r = RecordSchema.of("M", Field.of("n", 1, Schema.int32()), Field.of("t", 3, Schema.bool()));
    CompatibilityResult res = Compatibility.check(w, r, Formats.PROTOBUF);
    String expected = "{\"format\":\"protobuf\",\"grade\":\"COMPATIBLE\",\"compatible\":true,\"caveatsBreak\":false,"
        + "\"findings\":["
        + "{\"severity\":\"caveat\",\"counts\":false,\"context\":\"\",\"path\":\"M.n\",\"tag\":1,"
        + "\"location\":\"M.n (tag 1)\",\"message\":\"int64 → int32: the same wire type, so data reads, but numbers"
        + " beyond 32 bits are truncated to their low 32 bits\"},"
        + "{\"severity\":\"safe\",\"counts\":false,\"context\":\"\",\"path\":\"M.t\",\"tag\":3,"
        + "\"location\":\"M.t (tag 3)\",\"message\":\"added; data written without it reads it as its default, false\"},"
        + "{\"severity\":\"safe\",\"counts\":false,\"context\":\"\",\"path\":\"M.s\",\"tag\":2,"
        + "\"location\":\"M.s (tag 2)\",\"message\":\"removed; the reader skips it\"}]}";
    assertEquals(expected, res.toJson());
    String strict = res.caveatsAsBreaking().toJson();
    assertTrue(strict.startsWith("{\"format\":\"protobuf\",\"grade\":\"INCOMPATIBLE\",\"compatible\":false,"
        + "\"caveatsBreak\":true,\"findings\":[{\"severity\":\"caveat\",\"counts\":true,"), strict);
  }

  @Test
  void combinedFindingsAreGradedBySeverityAndPolicyNeverBreaks() {
    Reason policy = new Reason("", "M.b", 2, "field deleted without reserving its number", Severity.POLICY);
    Reason caveat = new Reason("", "M.n", 1, "int64 → int32", Severity.CAVEAT);
    CompatibilityResult r = CompatibilityResult.of("protobuf", false, List.of(policy, caveat));
    assertTrue(r.isCompatible());
    assertEquals(List.of(policy, caveat), r.notes());
    CompatibilityResult strict = r.caveatsAsBreaking();
    assertEquals(List.of(caveat), strict.reasons());
    assertEquals(List.of(policy), strict.notes());
    assertTrue(strict.report().endsWith("\npolicy:\n  M.b (tag 2): field deleted without reserving its number"),
        strict.report());
    Reason broken = new Reason("", "M.x", 3, "gone", Severity.BREAKING);
    assertEquals(List.of(broken), CompatibilityResult.of("protobuf", false, List.of(policy, broken)).reasons());
  }

  @Test
  void anEnumAloneIsCheckedByTheEnumRules() {
    EnumSchema v1 = EnumSchema.of("Color", "RED", "GREEN", "BLUE");
    EnumSchema v2 = EnumSchema.of("Color", "RED", "GREEN");
    CompatibilityResult r = Compatibility.check(v1, v2, Formats.PROTOBUF);
    assertFalse(r.isCompatible(), r.report());
    assertTrue(r.reasons().get(0).toString().startsWith("Color: enum Color: constant BLUE (2) is unknown"), r.report());
    assertTrue(Compatibility.check(v2, v1, Formats.PROTOBUF).isCompatible());
    assertEquals(Grade.IDENTICAL, Compatibility.check(v1, v1, Formats.JSON).grade());
  }

  @Test
  void controlCharactersAreEscapedInJson() {
    StringBuilder sb = new StringBuilder();
    Json.string(sb, "a\nb\u0001\\");
    assertEquals("\"a\\nb\\u0001\\\\\"", sb.toString());
  }
}
