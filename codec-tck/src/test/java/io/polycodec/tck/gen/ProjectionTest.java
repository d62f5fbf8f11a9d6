package io.polycodec.tck.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.GenericUnion;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The projection against hand-worked cases of the shared rules. */
class ProjectionTest {
  private static final EvolutionRules JSON = rules("json", FieldKeying.NAME);
  private static final EvolutionRules PROTOBUF = rules("protobuf", FieldKeying.NUMBER);
  private static final EvolutionRules FLATBUFFERS = rules("flatbuffers", FieldKeying.NUMBER);

  private static EvolutionRules rules(String name, FieldKeying keying) {
    return EvolutionRules.forFormat(Format.builder(name).mediaType("application/x-" + name).keying(keying).build());
  }

  private static final RecordSchema V1 = RecordSchema.of("User", Field.of("id", 1, Schema.int32()),
      Field.optional("email", 2, Schema.string()));
  private static final RecordSchema RENAMED = RecordSchema.of("User", Field.of("id", 1, Schema.int32()),
      Field.optional("mail", 2, Schema.string()));

  private static GenericRecord user(int id, String email) {
    return GenericRecord.builder(V1).set("id", id).set("email", email).build();
  }

  @Test
  void aUnionRemovedBelowAFieldLeavesFlatBuffersUnspecified() {
    UnionSchema u = UnionSchema.of("U", RecordSchema.of("M",
        Field.of("x", 1, Schema.int32())));
    RecordSchema withUnion = RecordSchema.of("User", Field.of("id", 1, Schema.int32()), Field.optional("u", 2, u),
        Field.optional("email", 3, Schema.string()));
    RecordSchema without = RecordSchema.of("User", Field.of("id", 1, Schema.int32()),
        Field.optional("email", 3, Schema.string()));
    GenericRecord written = GenericRecord.builder(withUnion).set("id", 1).set("email", "e").build();
    // email sits at FlatBuffers id 3 in the writer's table and id 2 in the reader's.
    assertEquals(Expectation.Outcome.UNSPECIFIED, Projection.of(written, without, FLATBUFFERS).outcome());
    assertTrue(FLATBUFFERS.movesFieldIds(withUnion, without) && FLATBUFFERS.movesFieldIds(without, withUnion));
    assertEquals(Expectation.Outcome.VALUE, Projection.of(written, without, PROTOBUF).outcome());
    assertTrue(!PROTOBUF.movesFieldIds(withUnion, without));
  }

  @Test
  void anAbsentRequiredListReadsEmptyInProtobufAndFailsElsewhere() {
    RecordSchema withTags = RecordSchema.of("User", Field.of("id", 1, Schema.int32()),
        Field.optional("email", 2, Schema.string()), Field.of("tags", 3, Schema.list(Schema.string())).withRequired(true));
    Expectation pb = Projection.of(user(5, null), withTags, PROTOBUF);
    assertEquals(GenericRecord.builder(withTags).set("id", 5).set("tags", List.of()).build(), pb.value());
    assertEquals(Expectation.Outcome.FAILS, Projection.of(user(5, null), withTags, JSON).outcome());
    assertEquals(Expectation.Outcome.FAILS, Projection.of(user(5, null), withTags, FLATBUFFERS).outcome());
    // Written empty by a writer that did not require it: FlatBuffers may have left it off the wire.
    RecordSchema optionalTags = RecordSchema.of("User", Field.of("id", 1, Schema.int32()),
        Field.optional("email", 2, Schema.string()), Field.of("tags", 3, Schema.list(Schema.string())));
    GenericRecord empty = GenericRecord.builder(optionalTags).set("id", 5).set("tags", List.of()).build();
    assertEquals(Expectation.Outcome.UNSPECIFIED, Projection.of(empty, withTags, FLATBUFFERS).outcome());
    assertEquals(Expectation.Outcome.VALUE, Projection.of(empty, withTags, JSON).outcome());
    GenericRecord full = GenericRecord.builder(optionalTags).set("id", 5).set("tags", List.of("t")).build();
    assertEquals(Expectation.Outcome.VALUE, Projection.of(full, withTags, FLATBUFFERS).outcome());
  }

  @Test
  void anAbsentEnumWithADefaultNoConstantHasReadsAsThatNumber() {
    EnumSchema flags = EnumSchema.of("Flags", List.of(new EnumSchema.Constant("A", 1), new EnumSchema.Constant("B", 2)));
    RecordSchema withFlags = RecordSchema.of("User", Field.of("id", 1, Schema.int32()),
        Field.optional("email", 2, Schema.string()), Field.of("flags", 3, flags).withDefault(GenericEnum.unknown(0)));
    for (EvolutionRules rules : List.of(JSON, PROTOBUF, FLATBUFFERS)) {
      assertEquals(GenericEnum.unknown(0), Projection.of(user(5, null), withFlags, rules).value().get("flags"), rules.toString());
    }
  }

  @Test
  void aRenameKeepsTheValueWhereKeyedByTagAndLosesItWhereKeyedByName() {
    Expectation byTag = Projection.of(user(7, "a@b"), RENAMED, PROTOBUF);
    assertEquals(GenericRecord.builder(RENAMED).set("id", 7).set("mail", "a@b").build(), byTag.value());
    Expectation byName = Projection.of(user(7, "a@b"), RENAMED, JSON);
    assertEquals(GenericRecord.builder(RENAMED).set("id", 7).build(), byName.value());
  }

  @Test
  void removedFieldsAreDroppedAndMissingOnesTakeTheirDefaults() {
    RecordSchema slim = RecordSchema.of("User", Field.of("id", 1, Schema.int32()));
    assertEquals(GenericRecord.builder(slim).set("id", 3).build(), Projection.of(user(3, "x"), slim, JSON).value());
    RecordSchema wide = RecordSchema.of("User", Field.of("id", 1, Schema.int32()),
        Field.optional("email", 2, Schema.string()), Field.of("age", 3, Schema.int64()));
    assertEquals(GenericRecord.builder(wide).set("id", 3).set("age", 0L).build(),
        Projection.of(user(3, null), wide, PROTOBUF).value());
  }

  /**
   * A union with a string member and one record under two names: the writer's member (named by a
   * GenericUnion, or told by a String) is found in the reader by name where keyed by name, by tag where
   * keyed by number, and named again where the reader's member is aliased.
   */
  @Test
  void stringAndAliasedUnionMembersAreMatchedByTheFormatsKeying() {
    RecordSchema point = RecordSchema.of("Point", Field.of("x", 1, Schema.int32()));
    UnionSchema writerUnion = UnionSchema.of("Shape", List.of(new UnionSchema.Member("here", 1, point),
        new UnionSchema.Member("there", 2, point), UnionSchema.Member.ofString("label", 3)));
    // The reader renames "there" to "elsewhere" (same tag) and re-tags "label" (same name).
    UnionSchema readerUnion = UnionSchema.of("Shape", List.of(new UnionSchema.Member("here", 1, point),
        new UnionSchema.Member("elsewhere", 2, point), UnionSchema.Member.ofString("label", 4)));
    RecordSchema writer = RecordSchema.of("Holder", Field.optional("u", 1, writerUnion));
    RecordSchema reader = RecordSchema.of("Holder", Field.optional("u", 1, readerUnion));
    GenericRecord p = GenericRecord.builder(point).set("x", 7).build();
    GenericRecord there = GenericRecord.builder(writer).set("u", GenericUnion.of("there", p)).build();
    GenericRecord label = GenericRecord.builder(writer).set("u", "text").build();

    assertEquals(GenericUnion.of("elsewhere", p), Projection.of(there, reader, PROTOBUF).value().get("u"));
    assertEquals(Expectation.Outcome.FAILS, Projection.of(there, reader, JSON).outcome());
    assertEquals("text", Projection.of(label, reader, JSON).value().get("u"));
    assertEquals(Expectation.Outcome.FAILS, Projection.of(label, reader, PROTOBUF).outcome());
    // Unchanged, the value reads back as written, GenericUnion and all.
    assertEquals(GenericUnion.of("there", p), Projection.of(there, writer, PROTOBUF).value().get("u"));
    assertEquals("text", Projection.of(label, writer, FLATBUFFERS).value().get("u"));
  }

  @Test
  void aMemberThatIsNoLongerAliasedReadsAsItsBareRecord() {
    RecordSchema point = RecordSchema.of("Point", Field.of("x", 1, Schema.int32()));
    RecordSchema other = RecordSchema.of("Other", Field.of("y", 1, Schema.int32()));
    UnionSchema aliased = UnionSchema.of("Shape", List.of(new UnionSchema.Member("a", 1, point),
        new UnionSchema.Member("b", 2, point)));
    UnionSchema plain = UnionSchema.of("Shape", List.of(new UnionSchema.Member("a", 1, point),
        new UnionSchema.Member("c", 3, other)));
    RecordSchema writer = RecordSchema.of("Holder", Field.of("u", 1, aliased));
    RecordSchema reader = RecordSchema.of("Holder", Field.of("u", 1, plain));
    GenericRecord p = GenericRecord.builder(point).set("x", 3).build();
    GenericRecord written = GenericRecord.builder(writer).set("u", GenericUnion.of("a", p)).build();
    for (EvolutionRules rules : List.of(JSON, PROTOBUF)) {
      assertEquals(p, Projection.of(written, reader, rules).value().get("u"), rules.toString());
    }
    // And a required union whose first member is aliased still gets a placeholder the builder takes.
    GenericRecord none = GenericRecord.builder(RecordSchema.of("Holder", Field.of("id", 2, Schema.int32()))).set("id", 1).build();
    assertEquals(Expectation.Outcome.FAILS, Projection.of(none, writer, PROTOBUF).outcome());
  }

  @Test
  void aMissingRequiredUnionFails() {
    RecordSchema circle = RecordSchema.of("Circle", Field.of("r", 1, Schema.float64()));
    RecordSchema withShape = RecordSchema.of("User", Field.of("id", 1, Schema.int32()),
        Field.of("shape", 3, UnionSchema.of("Shape", circle)));
    Expectation e = Projection.of(user(1, null), withShape, JSON);
    assertEquals(Expectation.Outcome.FAILS, e.outcome());
    assertTrue(e.reason().contains("User.shape"), e.reason());
  }

  @Test
  void unknownEnumConstantsAreKeptByNumberAndFailByName() {
    EnumSchema three = EnumSchema.of("Plan", "FREE", "PRO", "TEAM");
    EnumSchema two = EnumSchema.of("Plan", "FREE", "PRO");
    RecordSchema w = RecordSchema.of("Account", Field.of("plan", 1, three));
    RecordSchema r = RecordSchema.of("Account", Field.of("plan", 1, two));
    GenericRecord team = GenericRecord.builder(w).set("plan", "TEAM").build();
    assertEquals(GenericEnum.unknown(2), Projection.of(team, r, PROTOBUF).value().get("plan"));
    assertEquals(Expectation.Outcome.FAILS, Projection.of(team, r, JSON).outcome());
  }

  @Test
  void numbersWidenOrNarrowAsEachFormatSays() {
    RecordSchema small = RecordSchema.of("N", Field.of("n", 1, Schema.int32()));
    RecordSchema big = RecordSchema.of("N", Field.of("n", 1, Schema.int64()));
    GenericRecord seven = GenericRecord.builder(small).set("n", 7).build();
    assertEquals(7L, Projection.of(seven, big, PROTOBUF).value().get("n"));
    assertEquals(Expectation.Outcome.UNSPECIFIED, Projection.of(seven, big, FLATBUFFERS).outcome());
    GenericRecord huge = GenericRecord.builder(big).set("n", 1L << 40).build();
    assertEquals(Expectation.Outcome.FAILS, Projection.of(huge, small, JSON).outcome());
    assertEquals(Expectation.Outcome.UNSPECIFIED, Projection.of(huge, small, PROTOBUF).outcome());
    assertEquals(5, Projection.of(GenericRecord.builder(big).set("n", 5L).build(), small, JSON).value().get("n"));
  }

  @Test
  void jsonWidensFloatsToFloat32PrecisionOnly() {
    RecordSchema f32 = RecordSchema.of("F", Field.of("x", 1, Schema.list(Schema.float32())));
    RecordSchema f64 = RecordSchema.of("F", Field.of("x", 1, Schema.list(Schema.float64())));
    Expectation e = Projection.of(GenericRecord.builder(f32).set("x", List.of(1.4E-45f, 0.1f)).build(), f64, JSON);
    assertEquals(Set.of("F.x"), e.float32Precision());
    GenericRecord decimalRead = GenericRecord.builder(f64).set("x", List.of(1.4E-45, 0.1)).build();
    assertEquals(e.normalize(e.value()), e.normalize(decimalRead));
    GenericRecord wrong = GenericRecord.builder(f64).set("x", List.of(1.4E-45, 0.2)).build();
    assertTrue(!e.normalize(e.value()).equals(e.normalize(wrong)));
  }

  @Test
  void aFieldMadeOptionalMayReadAbsentWhereDefaultsAreLeftOut() {
    RecordSchema optional = RecordSchema.of("User", Field.optional("id", 1, Schema.int32()),
        Field.optional("email", 2, Schema.string()));
    Expectation proto = Projection.of(user(0, null), optional, PROTOBUF);
    assertEquals(Set.of("User.id"), proto.absentMeansDefault());
    GenericRecord absent = GenericRecord.builder(optional).build();
    assertEquals(proto.normalize(proto.value()), proto.normalize(absent));
    Expectation json = Projection.of(user(0, null), optional, JSON);
    assertTrue(json.absentMeansDefault().isEmpty());
    assertEquals(0, json.value().get("id"));
    assertNull(json.value().get("email"));
  }

  @Test
  void theDeclaredVerdictsFollowKeying() {
    EvolutionStep rename = new EvolutionStep(EvolutionStep.Kind.RENAME_FIELD, "User", V1.field(1), "rename", V1, RENAMED);
    assertTrue(PROTOBUF.compatible(rename, true));
    assertTrue(!JSON.compatible(rename, true));
    EvolutionStep widen = new EvolutionStep(EvolutionStep.Kind.WIDEN_INT32_TO_INT64, "N", null, "widen", V1, V1);
    assertTrue(PROTOBUF.compatible(widen, true) && !PROTOBUF.compatible(widen, false));
    assertTrue(!FLATBUFFERS.compatible(widen, true));
  }
}
