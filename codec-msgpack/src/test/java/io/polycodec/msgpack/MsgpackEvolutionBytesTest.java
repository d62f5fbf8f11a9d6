package io.polycodec.msgpack;

import static io.polycodec.tck.EvolutionProof.ENUM_E_AB;
import static io.polycodec.tck.EvolutionProof.ENUM_E_ABC;
import static io.polycodec.tck.EvolutionProof.RECORD_P;
import static io.polycodec.tck.EvolutionProof.RECORD_Q;
import static io.polycodec.tck.EvolutionProof.field;
import static io.polycodec.tck.EvolutionProof.optionalField;
import static io.polycodec.tck.EvolutionProof.unionMember;
import static io.polycodec.evolution.Severity.BREAKING;
import static io.polycodec.evolution.Severity.CAVEAT;
import static io.polycodec.evolution.Severity.SAFE;
import static io.polycodec.tck.EvolutionProof.record;
import static io.polycodec.tck.EvolutionProof.value;

import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.GenericEnum;
import io.polycodec.evolution.Severity;
import io.polycodec.schema.RecordSchema;
import io.polycodec.tck.EvolutionProof;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compatibility checker's MessagePack verdicts proven on real bytes, in both keyings (by name, the
 * default, and by tag, compact): each rule row of docs/evolution.md ("MessagePack and JSON: what the
 * readers accept") writes values with one version of a record and reads them with the other, both ways,
 * with Polycodec's own codecs ({@link EvolutionProof} says what each grade must show).
 */
class MsgpackEvolutionBytesTest {
  private static EvolutionProof proof(MsgpackKeys keys) {
    CodecOptions o = CodecOptions.defaults().with(MsgpackOptions.KEYS, keys);
    return EvolutionProof.with(s -> Codecs.generic("msgpack", s, o));
  }

  private static Severity byName(MsgpackKeys keys, Severity names, Severity tags) {
    return keys == MsgpackKeys.NAMES ? names : tags;
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void renamedSameTag(MsgpackKeys keys) {
    RecordSchema v1 = record(field("a", 1, "int32"));
    RecordSchema v2 = record(field("b", 1, "int32"));
    proof(keys).rule("field renamed, same tag", v1, v2).same(value(v1, "a", 7), value(v2, "b", 7))
        .proves(byName(keys, BREAKING, SAFE), byName(keys, BREAKING, SAFE));
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void retaggedSameName(MsgpackKeys keys) {
    RecordSchema v1 = record(field("a", 1, "int32"));
    RecordSchema v2 = record(field("a", 2, "int32"));
    proof(keys).rule("field tag changed, same name", v1, v2).same(value(v1, "a", 7), value(v2, "a", 7))
        .proves(byName(keys, SAFE, BREAKING), byName(keys, SAFE, BREAKING));
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void reordered(MsgpackKeys keys) {
    RecordSchema v1 = record(field("a", 1, "int32") + "," + field("b", 2, "string"));
    RecordSchema v2 = record(field("b", 2, "string") + "," + field("a", 1, "int32"));
    proof(keys).rule("fields reordered", v1, v2).same(value(v1, "a", 7, "b", "x"), value(v2, "a", 7, "b", "x"))
        .proves(SAFE, SAFE);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void optionalAdded(MsgpackKeys keys) {
    RecordSchema v1 = record(field("a", 1, "int32"));
    RecordSchema v2 = record(field("a", 1, "int32") + "," + optionalField("b", 2, "string"));
    proof(keys).rule("optional field added", v1, v2)
        .same(value(v1, "a", 7), value(v2, "a", 7))
        .forward(value(v2, "a", 7, "b", "new"), value(v1, "a", 7))
        .proves(SAFE, SAFE);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void requiredAdded(MsgpackKeys keys) {
    RecordSchema v1 = record(field("a", 1, "int32"));
    RecordSchema v2 = record(field("a", 1, "int32") + "," + field("b", 2, "int32"));
    proof(keys).rule("required field added", v1, v2)
        .same(value(v1, "a", 7), value(v2, "a", 7, "b", 0))
        .forward(value(v2, "a", 7, "b", 5), value(v1, "a", 7))
        .proves(SAFE, SAFE);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void requiredUnionAdded(MsgpackKeys keys) {
    String u = "{\"kind\": \"union\", \"name\": \"U\", \"members\": [{\"name\": \"P\", \"tag\": 1, \"type\": \"P\"}]}";
    RecordSchema v1 = record(field("a", 1, "int32"));
    RecordSchema v2 = record(field("a", 1, "int32") + "," + field("u", 2, "U"), RECORD_P, u);
    RecordSchema p = unionMember(v2, 0);
    proof(keys).rule("required union added", v1, v2)
        .same(value(v1, "a", 7), value(v2, "a", 7, "u", value(p, "x", 1)))
        .proves(BREAKING, SAFE);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void removed(MsgpackKeys keys) {
    RecordSchema v1 = record(field("a", 1, "int32") + "," + field("b", 2, "string"));
    RecordSchema v2 = record(field("a", 1, "int32"));
    proof(keys).rule("field removed", v1, v2)
        .same(value(v1, "a", 7), value(v2, "a", 7))
        .backward(value(v1, "a", 7, "b", "gone"), value(v2, "a", 7))
        .proves(SAFE, SAFE);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void int32ToInt64(MsgpackKeys keys) {
    RecordSchema v1 = record(field("n", 1, "int32"));
    RecordSchema v2 = record(field("n", 1, "int64"));
    proof(keys).rule("int32 → int64", v1, v2)
        .same(value(v1, "n", Integer.MIN_VALUE), value(v2, "n", (long) Integer.MIN_VALUE))
        .same(value(v1, "n", -1), value(v2, "n", -1L))
        .onlyV2(value(v2, "n", 1L << 40))
        .proves(SAFE, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void int8ToInt32(MsgpackKeys keys) {
    RecordSchema v1 = record(field("n", 1, "int8"));
    RecordSchema v2 = record(field("n", 1, "int32"));
    proof(keys).rule("int8 → int32", v1, v2)
        .same(value(v1, "n", -128), value(v2, "n", -128))
        .onlyV2(value(v2, "n", 300))
        .proves(SAFE, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void intToFloat(MsgpackKeys keys) {
    RecordSchema v1 = record(field("n", 1, "int64"));
    RecordSchema v2 = record(field("n", 1, "float64"));
    proof(keys).rule("int64 → float64", v1, v2)
        .same(value(v1, "n", 3L), value(v2, "n", 3.0))
        .onlyV2(value(v2, "n", 0.5))
        .proves(SAFE, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void floatWidening(MsgpackKeys keys) {
    RecordSchema v1 = record(field("x", 1, "float32"));
    RecordSchema v2 = record(field("x", 1, "float64"));
    proof(keys).rule("float32 → float64", v1, v2)
        .same(value(v1, "x", 0.1f), value(v2, "x", (double) 0.1f))
        .onlyV2(value(v2, "x", 0.1))
        .onlyV2(value(v2, "x", 1e300))
        .proves(SAFE, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void encodingHint(MsgpackKeys keys) {
    RecordSchema v1 = record(field("n", 1, "int32"));
    RecordSchema v2 = record(field("n", 1, "int32(zigzag)"));
    proof(keys).rule("integer encoding hint, same signedness", v1, v2)
        .same(value(v1, "n", -5), value(v2, "n", -5))
        .proves(SAFE, SAFE);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void signedness(MsgpackKeys keys) {
    RecordSchema v1 = record(field("n", 1, "int32"));
    RecordSchema v2 = record(field("n", 1, "int32(unsigned)"));
    proof(keys).rule("signed ↔ unsigned", v1, v2)
        .same(value(v1, "n", 5), value(v2, "n", 5))
        .onlyV1(value(v1, "n", -1))
        .onlyV2(value(v2, "n", -1))
        .proves(BREAKING, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void otherKindChange(MsgpackKeys keys) {
    RecordSchema v1 = record(field("s", 1, "string"));
    RecordSchema v2 = record(field("s", 1, "bytes"));
    proof(keys).rule("string → bytes", v1, v2)
        .same(value(v1, "s", "hé"), value(v2, "s", "hé".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        // 32+ bytes: a str8, not a fixstr (msgpack-java reads a fixstr as bin whatever its settings).
        .same(value(v1, "s", "a string long enough to need a str8 header"),
            value(v2, "s", "a string long enough to need a str8 header".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .onlyV2(value(v2, "s", new byte[] {(byte) 0xff}))
        .proves(SAFE, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void requiredToOptional(MsgpackKeys keys) {
    RecordSchema v1 = record(field("n", 1, "int32"));
    RecordSchema v2 = record(optionalField("n", 1, "int32"));
    proof(keys).rule("required → optional", v1, v2)
        .same(value(v1, "n", 0), value(v2, "n", 0))
        .same(value(v1, "n", 5), value(v2, "n", 5))
        .onlyV2(value(v2))
        .proves(SAFE, CAVEAT);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void enumConstantAdded(MsgpackKeys keys) {
    RecordSchema v1 = record(field("e", 1, "E"), ENUM_E_AB);
    RecordSchema v2 = record(field("e", 1, "E"), ENUM_E_ABC);
    proof(keys).rule("enum constant added", v1, v2)
        .same(value(v1, "e", GenericEnum.of("B", 1)), value(v2, "e", GenericEnum.of("B", 1)))
        .onlyV2(value(v2, "e", GenericEnum.of("C", 2)))
        .proves(SAFE, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void enumConstantRenamed(MsgpackKeys keys) {
    RecordSchema v1 = record(field("e", 1, "E"), ENUM_E_AB);
    RecordSchema v2 = record(field("e", 1, "E"), ENUM_E_AB.replace("\"B\"", "\"BEE\""));
    proof(keys).rule("enum constant renamed, same number", v1, v2)
        .same(value(v1, "e", GenericEnum.of("B", 1)), value(v2, "e", GenericEnum.of("BEE", 1)))
        .proves(byName(keys, BREAKING, SAFE), byName(keys, BREAKING, SAFE));
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void enumConstantRenumbered(MsgpackKeys keys) {
    RecordSchema v1 = record(field("e", 1, "E"), ENUM_E_AB);
    RecordSchema v2 = record(field("e", 1, "E"), ENUM_E_AB.replace("\"number\": 1", "\"number\": 5"));
    proof(keys).rule("enum constant renumbered, same name", v1, v2)
        .same(value(v1, "e", GenericEnum.of("B", 1)), value(v2, "e", GenericEnum.of("B", 5)))
        .proves(byName(keys, SAFE, BREAKING), byName(keys, SAFE, BREAKING));
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void enumDefaultMoves(MsgpackKeys keys) {
    String e1 = "{\"kind\": \"enum\", \"name\": \"E\", \"constants\": ["
        + "{\"name\": \"A\", \"number\": 1}, {\"name\": \"B\", \"number\": 2}]}";
    String e2 = "{\"kind\": \"enum\", \"name\": \"E\", \"constants\": ["
        + "{\"name\": \"U\", \"number\": 0}, {\"name\": \"A\", \"number\": 1}, {\"name\": \"B\", \"number\": 2}]}";
    RecordSchema v1 = record(field("e", 1, "E") + "," + field("l", 2, "list<E>"), e1);
    RecordSchema v2 = record(field("e", 1, "E") + "," + field("l", 2, "list<E>"), e2);
    // A is v1's default constant (no constant numbered 0), U v2's
    proof(keys).rule("enum default constant moves", v1, v2)
        .same(value(v1, "e", GenericEnum.of("A", 1)), value(v2, "e", GenericEnum.of("A", 1)))
        .same(value(v1, "e", GenericEnum.of("B", 2), "l", List.of(GenericEnum.of("A", 1))),
            value(v2, "e", GenericEnum.of("B", 2), "l", List.of(GenericEnum.of("A", 1))))
        .onlyV2(value(v2, "e", GenericEnum.of("B", 2), "l", List.of(GenericEnum.of("U", 0))))
        .proves(SAFE, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void unionMemberAddedRenamedRetagged(MsgpackKeys keys) {
    String u1 = "{\"kind\": \"union\", \"name\": \"U\", \"members\": [{\"name\": \"P\", \"tag\": 1, \"type\": \"P\"}]}";
    String u2 = "{\"kind\": \"union\", \"name\": \"U\", \"members\": [{\"name\": \"P\", \"tag\": 1, \"type\": \"P\"},"
        + " {\"name\": \"Q\", \"tag\": 2, \"type\": \"Q\"}]}";
    RecordSchema v1 = record(optionalField("u", 1, "U"), RECORD_P, u1);
    RecordSchema v2 = record(optionalField("u", 1, "U"), RECORD_P, RECORD_Q, u2);
    RecordSchema p1 = unionMember(v1, 0);
    RecordSchema p2 = unionMember(v2, 0);
    RecordSchema q2 = unionMember(v2, 1);
    proof(keys).rule("union member added", v1, v2)
        .same(value(v1, "u", value(p1, "x", 3)), value(v2, "u", value(p2, "x", 3)))
        .onlyV2(value(v2, "u", value(q2, "s", "q")))
        .proves(SAFE, BREAKING);

    String renamed = u1.replace("\"name\": \"P\"", "\"name\": \"Pee\"");
    RecordSchema v3 = record(optionalField("u", 1, "U"), RECORD_P, renamed);
    RecordSchema p3 = unionMember(v3, 0);
    proof(keys).rule("union member renamed, same tag", v1, v3)
        .same(value(v1, "u", value(p1, "x", 3)), value(v3, "u", value(p3, "x", 3)))
        .proves(byName(keys, BREAKING, SAFE), byName(keys, BREAKING, SAFE));

    String retagged = u1.replace("\"tag\": 1, \"type\": \"P\"", "\"tag\": 4, \"type\": \"P\"");
    RecordSchema v4 = record(optionalField("u", 1, "U"), RECORD_P, retagged);
    RecordSchema p4 = unionMember(v4, 0);
    proof(keys).rule("union member retagged, same name", v1, v4)
        .same(value(v1, "u", value(p1, "x", 3)), value(v4, "u", value(p4, "x", 3)))
        .proves(byName(keys, SAFE, BREAKING), byName(keys, SAFE, BREAKING));
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void mapKeyWidened(MsgpackKeys keys) {
    RecordSchema v1 = record(field("m", 1, "map<int32,string>"));
    RecordSchema v2 = record(field("m", 1, "map<int64,string>"));
    proof(keys).rule("map key int32 → int64", v1, v2)
        .same(value(v1, "m", Map.of(-3, "x")), value(v2, "m", Map.of(-3L, "x")))
        .onlyV2(value(v2, "m", Map.of(1L << 40, "x")))
        .proves(SAFE, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void listElementWidened(MsgpackKeys keys) {
    RecordSchema v1 = record(field("l", 1, "list<int32>"));
    RecordSchema v2 = record(field("l", 1, "list<int64>"));
    proof(keys).rule("list element int32 → int64", v1, v2)
        .same(value(v1, "l", List.of(1, -2)), value(v2, "l", List.of(1L, -2L)))
        .onlyV2(value(v2, "l", List.of(1L << 40)))
        .proves(SAFE, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void nestedRecordChanged(MsgpackKeys keys) {
    RecordSchema v1 = record(field("p", 1, "P"), RECORD_P);
    RecordSchema v2 = record(field("p", 1, "P"), RECORD_P.replace("int32", "string"));
    RecordSchema p1 = (RecordSchema) v1.field("p").type();
    RecordSchema p2 = (RecordSchema) v2.field("p").type();
    proof(keys).rule("nested record changed", v1, v2)
        .same(value(v1, "p", value(p1, "x", 1)), value(v2, "p", value(p2, "x", "1")))
        .proves(BREAKING, BREAKING);
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void typeRenamed(MsgpackKeys keys) {
    RecordSchema v1 = record(field("p", 1, "P"), RECORD_P);
    RecordSchema v2 = record(field("p", 1, "P2"), RECORD_P.replace("\"P\"", "\"P2\""));
    RecordSchema p1 = (RecordSchema) v1.field("p").type();
    RecordSchema p2 = (RecordSchema) v2.field("p").type();
    proof(keys).rule("record type renamed", v1, v2)
        .same(value(v1, "p", value(p1, "x", 1)), value(v2, "p", value(p2, "x", 1)))
        .proves(SAFE, SAFE);
  }
}
