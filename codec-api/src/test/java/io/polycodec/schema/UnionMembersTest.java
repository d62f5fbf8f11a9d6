package io.polycodec.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.GenericUnion;
import io.polycodec.SchemaException;
import io.polycodec.bind.RecordBinding;
import io.polycodec.bind.UnionBinding;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.Compatibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** String members and members sharing a record (aliases): the schema rules, generic values, snapshots. */
class UnionMembersTest {
  private static final RecordSchema MONSTER = RecordSchema.of("t.Monster", Field.of("name", 1, Schema.string()));
  private static final RecordSchema WEAPON = RecordSchema.of("t.Weapon", Field.of("damage", 1, Schema.int32()));
  private static final UnionSchema U = UnionSchema.of("t.U", List.of(new UnionSchema.Member("M1", 1, MONSTER),
      new UnionSchema.Member("M2", 2, MONSTER), new UnionSchema.Member("W", 3, WEAPON),
      UnionSchema.Member.ofString("Label", 4)));
  private static final io.polycodec.Format FLATBUFFERS = io.polycodec.Format.builder("flatbuffers")
      .mediaType("application/x-flatbuffers").keying(io.polycodec.FieldKeying.NUMBER).build();
  private static final RecordSchema ROOT = RecordSchema.of("t.Root", Field.optional("u", 1, U));

  @Test
  void membersAreRecordsOrStrings() {
    assertTrue(U.isAliased(0) && U.isAliased(1));
    assertFalse(U.isAliased(2) || U.isAliased(3));
    assertTrue(U.hasAliases() && U.hasStringMember());
    assertEquals(3, U.indexOfString());
    assertSame(MONSTER, U.members().get(1).record());
    assertThrows(IllegalStateException.class, () -> U.members().get(3).record());
    assertThrows(IllegalArgumentException.class, () -> new UnionSchema.Member("N", 5, Schema.int32()));
    assertThrows(IllegalArgumentException.class, () -> UnionSchema.of("t.V", List.of(
        new UnionSchema.Member("A", 1, MONSTER), new UnionSchema.Member("A", 2, WEAPON))));
    SchemaException e = assertThrows(SchemaException.class, () -> U.requireRecordMembers("someformat"));
    assertTrue(e.getMessage().contains("Label") && e.getMessage().contains("someformat"), e.getMessage());
  }

  @Test
  void genericValuesNameAnAliasedMember() {
    GenericRecord m = GenericRecord.builder(MONSTER).set("name", "x").build();
    assertThrows(IllegalArgumentException.class, () -> GenericRecord.builder(ROOT).set("u", m));
    assertThrows(IllegalArgumentException.class, () -> GenericRecord.builder(ROOT).set("u", GenericUnion.of("W", m)));
    assertThrows(IllegalArgumentException.class, () -> GenericRecord.builder(ROOT).set("u", GenericUnion.of("Nope", m)));
    assertEquals("hi", GenericRecord.builder(ROOT).set("u", "hi").build().get("u"));
    GenericRecord r = GenericRecord.builder(ROOT).set("u", GenericUnion.of("M2", m)).build();

    UnionBinding b = RecordBinding.generic(ROOT).unionChild(0);
    assertEquals(1, b.memberIndex(r.get("u")));
    assertEquals(3, b.memberIndex("hi"));
    assertEquals(2, b.memberIndex(GenericRecord.builder(WEAPON).set("damage", 1).build()));
    assertEquals(-1, b.memberIndex(GenericUnion.of("W", m)), "a record of another member's type");
    EncodeException bare = assertThrows(EncodeException.class, () -> b.memberIndex(m));
    assertTrue(bare.getMessage().contains("GenericUnion"), bare.getMessage());
    assertSame(m, b.unwrap(r.get("u")));
    assertEquals(GenericUnion.of("M1", m), b.wrap(0, m));
    assertSame(m, b.unwrap(b.wrap(0, m)));
    assertEquals("hi", b.wrap(3, "hi"), "a member with a type of its own stays bare");
  }

  @Test
  void snapshotsKeepStringAndAliasedMembers() {
    String json = SchemaSnapshot.toJson(ROOT);
    assertTrue(json.contains("\"type\": \"string\""), json);
    RecordSchema back = SchemaSnapshot.fromJson(json);
    assertEquals(ROOT, back);
    assertEquals(json, SchemaSnapshot.toJson(back));
  }

  @Test
  void aMemberTurningFromRecordToStringIsBreaking() {
    UnionSchema changed = UnionSchema.of("t.U", List.of(new UnionSchema.Member("M1", 1, MONSTER),
        UnionSchema.Member.ofString("M2", 2), new UnionSchema.Member("W", 3, WEAPON),
        UnionSchema.Member.ofString("Label", 4)));
    RecordSchema reader = RecordSchema.of("t.Root", Field.optional("u", 1, changed));
    CompatibilityResult r = Compatibility.check(ROOT, reader, FLATBUFFERS);
    assertFalse(r.isCompatible(), r.toString());
    assertTrue(r.toString().contains("M2"), r.toString());
    assertTrue(Compatibility.check(ROOT, ROOT, FLATBUFFERS).isCompatible());
  }
}
