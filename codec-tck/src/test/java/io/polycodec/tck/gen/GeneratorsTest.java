package io.polycodec.tck.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import io.polycodec.tck.engine.Source;
import io.polycodec.tck.zoo.Zoo;
import io.polycodec.tck.zoo.ZooGen;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generators cover the whole model and respect its rules. */
class GeneratorsTest {

  @Test
  void schemasCoverEveryKindAndShape() {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    Set<Kind> mapKeys = EnumSet.noneOf(Kind.class);
    Set<String> vectors = new HashSet<>();
    Set<String> shapes = new HashSet<>();
    for (long seed = 0; seed < 600; seed++) {
      RecordSchema root = Source.random(seed).draw(SchemaGen.records());
      for (Schema t : SchemaGraph.of(root).namedTypes()) {
        if (t instanceof RecordSchema) {
          RecordSchema r = (RecordSchema) t;
          Set<Integer> tags = new HashSet<>();
          for (Field f : r.fields()) {
            kinds.add(f.type().kind());
            tags.add(f.tag());
            if (f.type() instanceof MapSchema) {
              mapKeys.add(((MapSchema) f.type()).key().kind());
            }
            if (f.type() instanceof VectorSchema) {
              vectors.add(f.type().describe());
            }
            if (f.type() instanceof ListSchema && ((ListSchema) f.type()).element().kind().isNamed()) {
              shapes.add("list of named");
            }
            if (f.optional()) {
              shapes.add("optional");
            }
            if (f.oneof() != null) {
              shapes.add("oneof");
            }
            if (f.required() && f.type().kind().isCollection()) {
              shapes.add("required " + f.type().kind().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (f.hasDefault() && f.type() instanceof EnumSchema && f.defaultValue() instanceof Long) {
              // A default no constant has: reading data without the field must give GenericEnum.unknown(0).
              assertEquals(0L, f.defaultValue());
              assertNull(((EnumSchema) f.type()).byNumber(0));
              shapes.add("enum default without a constant");
            }
            if (f.type() instanceof ScalarSchema && ((ScalarSchema) f.type()).encoding() != io.polycodec.schema.IntEncoding.VARINT) {
              shapes.add("int encoding");
            }
            if (f.tag() > r.size() + 5) {
              shapes.add("sparse tags");
            }
            if (SchemaGraph.namedPart(f.type()) == r) {
              shapes.add("self recursion");
            }
          }
          if (r.name().contains(".")) {
            shapes.add("dotted name");
          }
        } else if (t instanceof EnumSchema) {
          if (((EnumSchema) t).constants().stream().anyMatch(c -> c.number() < 0)) {
            shapes.add("negative enum number");
          }
          if (((EnumSchema) t).constants().stream().anyMatch(c -> c.number() != (int) c.number())) {
            shapes.add("64-bit enum number");
          }
        } else {
          UnionSchema u = (UnionSchema) t;
          if (u.members().size() > 1) {
            shapes.add("union of several");
          }
          if (u.hasStringMember()) {
            shapes.add("string member");
          }
          if (u.hasAliases()) {
            shapes.add("aliased member");
          }
        }
      }
    }
    assertEquals(EnumSet.allOf(Kind.class), kinds, "every kind appears as a field type");
    assertEquals(EnumSet.of(Kind.STRING, Kind.BOOL, Kind.INT32, Kind.INT64), mapKeys);
    assertEquals(Set.of("vector<float32>", "vector<float64>", "vector<float32,fp16>", "vector<float32,bf16>",
        "vector<float32,int8>"), vectors);
    assertEquals(Set.of("list of named", "optional", "oneof", "int encoding", "sparse tags", "self recursion",
        "dotted name", "negative enum number", "union of several", "required list", "required map", "required vector",
        "enum default without a constant", "64-bit enum number", "string member", "aliased member"), shapes);
  }

  @Test
  void withoutLongEnumNumbersTheSameChoicesKeepEveryNumberInInt32() {
    int changed = 0;
    for (long seed = 0; seed < 600; seed++) {
      RecordSchema narrow = Source.random(seed).draw(SchemaGen.records().withLongEnumNumbers(false));
      RecordSchema wide = Source.random(seed).draw(SchemaGen.records());
      boolean anyLong = false;
      for (Schema t : SchemaGraph.of(narrow).namedTypes()) {
        if (t instanceof EnumSchema) {
          for (EnumSchema.Constant c : ((EnumSchema) t).constants()) {
            assertEquals(c.number(), (int) c.number(), "seed " + seed + ": " + t.describe());
          }
        }
      }
      for (Schema t : SchemaGraph.of(wide).namedTypes()) {
        if (t instanceof EnumSchema) {
          anyLong |= ((EnumSchema) t).constants().stream().anyMatch(c -> c.number() == 1L << 40);
        }
      }
      // Only the enum number differs (40 instead of 1 << 40): the shape of the schema is the same.
      assertEquals(narrow.fields().size(), wide.fields().size(), "seed " + seed);
      if (anyLong) {
        changed++;
      } else {
        assertEquals(narrow, wide, "seed " + seed);
      }
    }
    assertTrue(changed > 0, "some seeds draw a 64-bit enum number");
  }

  @Test
  void withoutStringUnionMembersTheSameChoicesGiveRecordMembersOnly() {
    int changed = 0;
    for (long seed = 0; seed < 600; seed++) {
      RecordSchema without = Source.random(seed).draw(SchemaGen.records().withStringUnionMembers(false));
      RecordSchema with = Source.random(seed).draw(SchemaGen.records());
      for (Schema t : SchemaGraph.of(without).namedTypes()) {
        if (t instanceof UnionSchema) {
          assertFalse(((UnionSchema) t).hasStringMember(), "seed " + seed + ": " + t);
        }
      }
      boolean anyString = SchemaGraph.of(with).namedTypes().stream()
          .anyMatch(t -> t instanceof UnionSchema && ((UnionSchema) t).hasStringMember());
      assertEquals(without.fields().size(), with.fields().size(), "seed " + seed);
      if (anyString) {
        changed++;
      } else {
        assertEquals(without, with, "seed " + seed);
      }
    }
    assertTrue(changed > 0, "some seeds draw a string member");
  }

  /**
   * Values of string members are Strings, of aliased members GenericUnions naming a member of the
   * union (the builder refuses a bare value there), as decoders return them.
   */
  @Test
  void stringAndAliasedMembersGetTheirValues() {
    Set<String> seen = new HashSet<>();
    for (long seed = 0; seed < 3000 && !seen.containsAll(List.of("string", "aliased record")); seed++) {
      Source source = Source.random(seed);
      RecordSchema schema = source.draw(SchemaGen.records());
      boolean special = SchemaGraph.of(schema).namedTypes().stream().anyMatch(t -> t instanceof UnionSchema
          && (((UnionSchema) t).hasStringMember() || ((UnionSchema) t).hasAliases()));
      if (!special) {
        continue;
      }
      for (int i = 0; i < 20; i++) {
        GenericRecord v = source.draw(ValueGen.of(schema));
        assertEquals(v, v.toBuilder().build());
        unionValues(v, schema, seen);
      }
    }
    // Two string members in one union ("aliased string") are rarer; their values are checked when drawn.
    assertTrue(seen.containsAll(List.of("string", "aliased record")), seen.toString());
  }

  private static void unionValues(Object v, Schema type, Set<String> seen) {
    if (v == null) {
      return;
    }
    if (type instanceof RecordSchema) {
      GenericRecord r = (GenericRecord) v;
      for (int i = 0; i < r.schema().size(); i++) {
        unionValues(r.get(i), r.schema().field(i).type(), seen);
      }
    } else if (type instanceof ListSchema) {
      ((List<?>) v).forEach(e -> unionValues(e, ((ListSchema) type).element(), seen));
    } else if (type instanceof MapSchema) {
      ((java.util.Map<?, ?>) v).values().forEach(e -> unionValues(e, ((MapSchema) type).value(), seen));
    } else if (type instanceof UnionSchema) {
      UnionSchema u = (UnionSchema) type;
      if (v instanceof io.polycodec.GenericUnion) {
        io.polycodec.GenericUnion g = (io.polycodec.GenericUnion) v;
        int m = u.indexOfName(g.member());
        assertTrue(m >= 0 && u.isAliased(m), g.member() + " in " + u);
        seen.add(u.members().get(m).isString() ? "aliased string" : "aliased record");
        unionValues(g.value(), u.members().get(m).type(), seen);
      } else if (v instanceof String) {
        assertTrue(u.indexOfString() >= 0 && !u.isAliased(u.indexOfString()), u.toString());
        seen.add("string");
      } else {
        int m = u.indexOfType(((GenericRecord) v).schema());
        assertTrue(m >= 0 && !u.isAliased(m), u.toString());
        unionValues(v, u.members().get(m).type(), seen);
      }
    }
  }

  @Test
  void valuesObeyTheModelAndHitTheEdges() {
    Set<String> seen = new HashSet<>();
    for (long seed = 0; seed < 400; seed++) {
      Sample s = Source.random(seed).draw(Sample.single());
      // The builder type-checks every value; rebuilding proves it holds only canonical forms.
      GenericRecord copy = s.value().toBuilder().build();
      assertEquals(s.value(), copy);
      walk(s.value(), seen);
    }
    assertTrue(seen.containsAll(List.of("NaN", "-0.0", "Infinity", "empty string", "astral", "empty list",
        "large list", "absent optional", "long string", "timestamp min", "timestamp max")), seen.toString());
  }

  private static void walk(Object v, Set<String> seen) {
    if (v == null) {
      seen.add("absent optional");
    } else if (v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      for (int i = 0; i < r.schema().size(); i++) {
        walk(r.get(i), seen);
      }
    } else if (v instanceof List) {
      List<?> l = (List<?>) v;
      seen.add(l.isEmpty() ? "empty list" : l.size() > 100 ? "large list" : "list");
      l.forEach(e -> walk(e, seen));
    } else if (v instanceof java.util.Map) {
      ((java.util.Map<?, ?>) v).values().forEach(e -> walk(e, seen));
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      seen.add(Double.isNaN(d) ? "NaN" : d == 0 && 1 / d < 0 ? "-0.0" : Double.isInfinite(d) ? "Infinity" : "number");
    } else if (v instanceof String) {
      String s = (String) v;
      seen.add(s.isEmpty() ? "empty string" : s.length() > 500 ? "long string" : "string");
      if (s.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
        seen.add("astral");
      }
    } else if (v instanceof java.time.Instant) {
      java.time.Instant t = (java.time.Instant) v;
      if (t.equals(io.polycodec.schema.TimestampRange.MIN)) {
        seen.add("timestamp min");
      }
      if (t.equals(io.polycodec.schema.TimestampRange.MAX)) {
        seen.add("timestamp max");
      }
    }
  }

  @Test
  void everyZooTypeGeneratesAndConvertsBothWays() {
    for (Class<? extends Record> type : Zoo.types()) {
      ZooGen<? extends Record> gen = ZooGen.of(type);
      for (long seed = 0; seed < 30; seed++) {
        Record r = Source.random(seed).draw(gen);
        @SuppressWarnings("unchecked")
        RecordBinding<Object> b = (RecordBinding<Object>) (RecordBinding<?>) gen.binding();
        GenericRecord g = TypedValues.toGeneric(b, r);
        Object back = TypedValues.toTyped(b, g);
        assertEquals(g, TypedValues.toGeneric(b, back), type.getSimpleName() + " seed " + seed);
      }
    }
  }

  @Test
  void byteAndShortComponentsAreInt8AndInt16SoGenericValuesAlreadyFitThem() {
    RecordBinding<Zoo.Scalars> b = RecordBinding.of(Zoo.Scalars.class);
    assertEquals(io.polycodec.schema.Schema.int8(), b.schema().field("tiny").type());
    assertEquals(io.polycodec.schema.Schema.int16(), b.schema().field("small").type());
    GenericRecord base = TypedValues.toGeneric(b, Source.random(1).draw(ZooGen.of(Zoo.Scalars.class)));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> base.toBuilder().set("tiny", 300));
    GenericRecord g = base.toBuilder().set("tiny", -128).set("small", 32767).build();
    Zoo.Scalars s = TypedValues.fitting(b, g);
    assertEquals((byte) -128, s.tiny());
    assertEquals((short) 32767, s.small());
  }

  @Test
  void everyEvolutionStepIsGeneratedAndChangesTheSchema() {
    Set<EvolutionStep.Kind> kinds = EnumSet.noneOf(EvolutionStep.Kind.class);
    for (long seed = 0; seed < 800; seed++) {
      EvolutionStep step = Source.random(seed).draw(EvolutionGen.steps());
      kinds.add(step.kind());
      assertNotEquals(step.before(), step.after(), step.toString());
      if (step.kind() == EvolutionStep.Kind.ADD_ENUM_CONSTANT || step.kind() == EvolutionStep.Kind.REMOVE_ENUM_CONSTANT) {
        EnumSchema before = (EnumSchema) SchemaGraph.of(step.before()).type(step.type());
        EnumSchema after = (EnumSchema) SchemaGraph.of(step.after()).type(step.type());
        assertEquals(before.defaultConstant(), after.defaultConstant(), "the default constant stays: " + step);
      }
    }
    assertEquals(EnumSet.allOf(EvolutionStep.Kind.class), kinds);
  }

  @Test
  void anAddedEnumConstantIsAboveEveryNumberEvenBeside64BitOnes() {
    // The added number was computed in int, so beside 1 << 40 it could fall among the small constants
    // and collide (found by the tlv-backend IT: "constants C and ADDED share number 32").
    int checked = 0;
    int wide = 0;
    for (long seed = 0; seed < 3000; seed++) {
      EvolutionStep step = Source.random(seed).draw(EvolutionGen.steps());
      if (step.kind() != EvolutionStep.Kind.ADD_ENUM_CONSTANT) {
        continue;
      }
      EnumSchema before = (EnumSchema) SchemaGraph.of(step.before()).type(step.type());
      EnumSchema after = (EnumSchema) SchemaGraph.of(step.after()).type(step.type());
      long max = 0;
      for (EnumSchema.Constant c : before.constants()) {
        max = Math.max(max, Math.abs(c.number()));
      }
      wide += max > Integer.MAX_VALUE ? 1 : 0;
      for (EnumSchema.Constant c : after.constants()) {
        if (before.byName(c.name()) == null) {
          assertTrue(c.number() > max, "added " + c + " is not above " + max + ": " + step);
          checked++;
        }
      }
    }
    assertTrue(checked > 0 && wide > 0, checked + " added constants, " + wide + " beside a 64-bit one");
  }

  @Test
  void someStepsMoveFlatBuffersFieldIds() {
    EvolutionRules flat = EvolutionRules.forFormat(io.polycodec.Format.builder("flatbuffers")
        .mediaType("application/x-flatbuffers").keying(io.polycodec.FieldKeying.NUMBER).build());
    int moved = 0;
    for (long seed = 0; seed < 2000; seed++) {
      EvolutionStep step = Source.random(seed).draw(EvolutionGen.steps());
      if (flat.movesFieldIds(step.before(), step.after())) {
        moved++;
        assertFalse(flat.compatible(step, true) || flat.compatible(step, false), step.toString());
      }
    }
    System.out.println("GeneratorsTest: " + moved + " of 2000 steps move a FlatBuffers field id");
    assertTrue(moved > 0, "the evolution property never draws a step that moves a FlatBuffers field id");
  }
}
