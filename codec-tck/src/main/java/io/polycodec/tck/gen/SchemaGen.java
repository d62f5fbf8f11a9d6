package io.polycodec.tck.gen;

import io.polycodec.GenericEnum;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.schema.UnionSchema;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Random, valid record schemas over every kind of the model: scalars with integer encoding hints,
 * enums with sequential or sparse (negative) numbers, lists, maps with each key kind, vectors (plain
 * and quantized), nested records, unions, optional fields, oneof groups, sparse tags, tricky field
 * names, shared types and recursion (always through an optional field, a list or a map, so every
 * type has finite values), required fields (lists, maps and vectors too), defaults of their own
 * (an enum's may be a number no constant has, {@code GenericEnum.unknown(0)}), union members that are
 * strings and one record under two member names (aliases). Nesting of named types is bounded. Shrinks
 * towards one int32 field.
 */
public final class SchemaGen implements Gen<RecordSchema> {
  private static final String[] FIELD_NAMES = {
    "id", "name", "value", "type", "_", "_type", "a_b", "camelCase", "PascalCase", "x1", "null", "true", "class",
    "key", "length", "__proto__", "constructor", "toString", "f_", "ZZ"
  };
  private static final String[] CONSTANT_NAMES = {"A", "B", "C", "RED", "green", "_X", "VALUE_1", "UNKNOWN", "NaN", "z"};

  private final int maxDepth;
  private final int maxFields;
  private final boolean longEnumNumbers;
  private final boolean stringMembers;

  private SchemaGen(int maxDepth, int maxFields, boolean longEnumNumbers, boolean stringMembers) {
    this.maxDepth = maxDepth;
    this.maxFields = maxFields;
    this.longEnumNumbers = longEnumNumbers;
    this.stringMembers = stringMembers;
  }

  /** Schemas with named types nested up to 3 deep and up to 10 fields per record. */
  public static SchemaGen records() {
    return new SchemaGen(3, 10, true, true);
  }

  /**
   * A copy that does (true, the default) or does not draw enum constants numbered beyond int32
   * ({@code 1 << 40} and up, as FlatBuffers' {@code ulong bit_flags} enums); the same choices give the
   * same schemas otherwise, with such a number at 40 instead.
   */
  public SchemaGen withLongEnumNumbers(boolean drawn) {
    return new SchemaGen(maxDepth, maxFields, drawn, stringMembers);
  }

  /**
   * A copy that does (true, the default) or does not draw union members that are strings (a FlatBuffers
   * construct the {@code json} format refuses); the same choices give the same schemas otherwise, with
   * a record member named {@code m<n>} where a string member would be.
   */
  public SchemaGen withStringUnionMembers(boolean drawn) {
    return new SchemaGen(maxDepth, maxFields, longEnumNumbers, drawn);
  }

  /**
   * Default values worth testing for a field of {@code type} (edges: extremes, NaN, ±infinity, -0.0,
   * empty and non-ASCII text; an enum's every constant name), in canonical form; empty for kinds that
   * have no defaults (timestamp, duration, collections, records, unions).
   */
  public static List<Object> defaultCandidates(Schema type) {
    return switch (type.kind()) {
      case BOOL -> List.of(true, false);
      case INT8 -> List.of(-128, 127, -1, 7, 0);
      case INT16 -> List.of(-32768, 32767, 1234, -1);
      case INT32 -> List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 1234, -1, 0);
      case INT64 -> List.of(Long.MIN_VALUE, Long.MAX_VALUE, 1234L, -1L);
      case FLOAT32 -> List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 1.5f, 3.4e38f);
      case FLOAT64 -> List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.1, 1e300);
      case STRING -> List.of("some", "", "ünïcødé \"quoted\" \uD83C\uDF89");
      case BYTES -> List.of(new byte[] {1, 2, 3}, new byte[] {0}, new byte[0]);
      case ENUM -> ((io.polycodec.schema.EnumSchema) type).constants().stream()
          .map(c -> (Object) c.name()).toList();
      case TIMESTAMP, DURATION, LIST, VECTOR, MAP, RECORD, UNION -> List.of();
    };
  }

  /** Schemas with named types nested up to {@code maxDepth} deep and up to {@code maxFields} fields per record. */
  public static SchemaGen records(int maxDepth, int maxFields) {
    if (maxDepth < 0 || maxFields < 1) {
      throw new IllegalArgumentException("maxDepth must be >= 0 and maxFields >= 1");
    }
    return new SchemaGen(maxDepth, maxFields, true, true);
  }

  @Override
  public RecordSchema generate(Source source) {
    RecordSchema root = new Build(source).record(0);
    SchemaGraph.of(root); // a generator bug must surface here, not as a codec failure
    return root;
  }

  /** The state of one generated schema: names in use, types available for reuse, records being built. */
  private final class Build {
    private final Source s;
    private int counter;
    private final List<RecordSchema> records = new ArrayList<>();
    private final List<EnumSchema> enums = new ArrayList<>();
    private final Deque<RecordSchema> ancestors = new ArrayDeque<>();
    /** Set by {@link #type} when it drew a required list, map or vector for the field asking. */
    private boolean requiredCollection;

    Build(Source s) {
      this.s = s;
    }

    private String typeName(String prefix) {
      counter++;
      return s.chance(10) ? "com.example." + prefix + counter : prefix + counter;
    }

    RecordSchema record(int depth) {
      RecordSchema.Builder b = RecordSchema.builder(typeName("R"));
      ancestors.push(b.ref());
      boolean sparseTags = s.chance(30);
      Set<String> names = new HashSet<>();
      Set<Integer> tags = new HashSet<>();
      List<Field> fields = new ArrayList<>();
      int limit = depth == 0 ? maxFields : Math.max(1, maxFields / 2);
      // The first field always exists, so that shrinking ends at one simple field rather than none.
      fields.add(s.draw(src -> field(depth, 0, sparseTags, names, tags)));
      // Each further field is one span holding its "another field" choice and the field (with any
      // record it defines), so that the shrinker drops a field the failure does not need by deleting
      // one span, without shifting the choices of the fields after it.
      while (fields.size() < limit) {
        int index = fields.size();
        Field f = s.draw(src -> src.choose(3) == 0 ? null : field(depth, index, sparseTags, names, tags));
        if (f == null) {
          break;
        }
        fields.add(f);
      }
      if (depth > 0 && s.chance(10)) {
        fields.add(backReference(fields.size(), sparseTags, names, tags));
      }
      if (s.chance(8)) {
        makeOneof(fields);
      }
      for (Field f : fields) {
        b.field(f);
      }
      RecordSchema r = b.build();
      ancestors.pop();
      records.add(r);
      return r;
    }

    private Field field(int depth, int index, boolean sparseTags, Set<String> names, Set<Integer> tags) {
      String name = fieldName(index, names);
      int tag = tag(index, sparseTags, tags);
      Schema type = type(depth, true);
      if (type.kind().isCollection()) {
        boolean required = requiredCollection;
        requiredCollection = false;
        return Field.of(name, tag, type).withRequired(required);
      }
      // One choice decides optional (as chance(30) did), required and an own default, so that adding
      // these drew nothing more: every seed's schema keeps its shape. Shrinks towards plain fields.
      int roll = (int) s.choose(99);
      if (roll >= 70) {
        return Field.optional(name, tag, type);
      }
      Field f = Field.of(name, tag, type);
      if (roll >= 45 && roll < 60) {
        f = f.withRequired(true);
      }
      List<Object> candidates = defaultCandidates(type);
      if (roll >= 66 && type instanceof EnumSchema && ((EnumSchema) type).byNumber(0) == null) {
        // A FlatBuffers bit_flags field's "no flags": a default no constant has. Only 0 where no constant
        // is 0, since evolution adds constants with new non-zero numbers and keeps constant 0.
        return f.withDefault(GenericEnum.unknown(0));
      }
      if (roll >= 55 && !candidates.isEmpty()) {
        f = f.withDefault(candidates.get(roll % candidates.size()));
      }
      return f;
    }

    private Field backReference(int index, boolean sparseTags, Set<String> names, Set<Integer> tags) {
      List<RecordSchema> list = new ArrayList<>(ancestors);
      RecordSchema target = list.get((int) s.choose(list.size() - 1));
      String name = fieldName(index, names);
      int tag = tag(index, sparseTags, tags);
      switch (s.weighted(1, 1, 1)) {
        case 0: return Field.optional(name, tag, target);
        case 1: return Field.of(name, tag, Schema.list(target));
        default: return Field.of(name, tag, Schema.map(Schema.string(), target));
      }
    }

    private void makeOneof(List<Field> fields) {
      int made = 0;
      for (int i = 0; i < fields.size() && made < 3; i++) {
        if (!fields.get(i).type().kind().isCollection()) {
          fields.set(i, fields.get(i).withOneof("choice"));
          made++;
        }
      }
      if (made == 1) {
        for (int i = 0; i < fields.size(); i++) {
          if ("choice".equals(fields.get(i).oneof())) {
            fields.set(i, fields.get(i).withOneof(null));
          }
        }
      }
    }

    private String fieldName(int index, Set<String> names) {
      String name = s.chance(30) ? FIELD_NAMES[(int) s.choose(FIELD_NAMES.length - 1)] : "f" + (index + 1);
      if (!names.add(name)) {
        name = name + "_" + index;
        names.add(name);
      }
      return name;
    }

    private int tag(int index, boolean sparse, Set<Integer> tags) {
      int tag = sparse ? 1 + (int) s.choose(119) : index + 1;
      while (!tags.add(tag)) {
        tag++;
      }
      return tag;
    }

    /** A field type; {@code top} allows collections (a list element or map value cannot be one). */
    Schema type(int depth, boolean top) {
      boolean nested = depth < maxDepth;
      // The timestamp's former weight of 5 is split 3 + 2 with the duration, so the total and every other
      // kind's range of choices stay as they were: only seeds that drew a timestamp may now hold a duration.
      // Likewise the list, map and vector weights 8, 6, 4 are split 7 + 1, 5 + 1, 3 + 1, the second of
      // each pair a required collection: only seeds that drew the top of a collection's range change.
      int c = s.weighted(10, 9, 6, 6, 6, 5, 5, 3, 2, 6,
          top ? 7 : 0, top ? 1 : 0, top ? 5 : 0, top ? 1 : 0, top ? 3 : 0, top ? 1 : 0,
          nested ? 6 : 0, nested ? 4 : 0, records.isEmpty() && enums.isEmpty() ? 0 : 2);
      switch (c) {
        case 0: return fieldIntType(Kind.INT32);
        case 1: return Schema.string();
        case 2: return fieldIntType(Kind.INT64);
        case 3: return Schema.bool();
        case 4: return Schema.float64();
        case 5: return Schema.float32();
        case 6: return Schema.bytes();
        case 7: return Schema.timestamp();
        case 8: return Schema.duration();
        case 9: return enumType();
        case 10: return Schema.list(type(depth, false));
        case 11: return requiredCollection(Schema.list(type(depth, false)));
        case 12: return Schema.map(keyType(), type(depth, false));
        case 13: return requiredCollection(Schema.map(keyType(), type(depth, false)));
        case 14: return vectorType();
        case 15: return requiredCollection(vectorType());
        case 16: return record(depth + 1);
        case 17: return union(depth + 1);
        default: return reuse();
      }
    }

    /** Marks the collection just made (after any record it holds) for {@link #field} to make required. */
    private Schema requiredCollection(Schema collection) {
      requiredCollection = true;
      return collection;
    }

    /**
     * A field's int32 or int64, where the rare draw of an explicit VARINT encoding (the same schema as no
     * encoding) gives int8 or int16 instead: the narrow kinds appear without an extra draw, so every
     * other seed's schema and values stay what they were.
     */
    private ScalarSchema fieldIntType(Kind kind) {
      if (!s.chance(25)) {
        return ScalarSchema.of(kind);
      }
      IntEncoding[] all = IntEncoding.values();
      IntEncoding e = all[(int) s.choose(all.length - 1)];
      if (e == IntEncoding.VARINT) {
        return kind == Kind.INT32 ? Schema.int8() : Schema.int16();
      }
      return ScalarSchema.of(kind, e);
    }

    private ScalarSchema intType(Kind kind) {
      if (!s.chance(25)) {
        return ScalarSchema.of(kind);
      }
      IntEncoding[] all = IntEncoding.values();
      return ScalarSchema.of(kind, all[(int) s.choose(all.length - 1)]);
    }

    private ScalarSchema keyType() {
      switch (s.weighted(4, 2, 2, 2)) {
        case 0: return Schema.string();
        case 1: return intType(Kind.INT32);
        case 2: return intType(Kind.INT64);
        default: return Schema.bool();
      }
    }

    private Schema vectorType() {
      switch (s.weighted(6, 3, 1, 1, 1)) {
        case 0: return Schema.float32Vector();
        case 1: return Schema.float64Vector();
        case 2: return Schema.float32Vector(Quantization.FP16);
        case 3: return Schema.float32Vector(Quantization.BF16);
        default: return Schema.float32Vector(Quantization.INT8);
      }
    }

    private EnumSchema enumType() {
      String name = typeName("E");
      boolean sparse = s.chance(30);
      List<EnumSchema.Constant> constants = new ArrayList<>();
      Set<String> names = new HashSet<>();
      Set<Long> numbers = new HashSet<>();
      do {
        int i = constants.size();
        String c = CONSTANT_NAMES[(int) s.choose(CONSTANT_NAMES.length - 1)];
        if (!names.add(c)) {
          c = c + "_" + i;
          names.add(c);
        }
        long n = sparse ? s.choose(42) - 2 : i;
        if (n == 40 && longEnumNumbers) {
          // The top of the sparse range, where the format takes them: a 64-bit number (bit 40 set).
          n = 1L << 40;
        }
        while (!numbers.add(n)) {
          n++;
        }
        constants.add(new EnumSchema.Constant(c, n));
      } while (constants.size() < 6 && s.choose(2) != 0);
      EnumSchema e = EnumSchema.of(name, constants);
      enums.add(e);
      return e;
    }

    private UnionSchema union(int depth) {
      String name = typeName("U");
      boolean sparse = s.chance(30);
      List<UnionSchema.Member> members = new ArrayList<>();
      Set<Integer> tags = new HashSet<>();
      do {
        RecordSchema r = record(depth);
        String simple = r.name().substring(r.name().lastIndexOf('.') + 1);
        // The roll of what was chance(30) for an "m<n>" name also picks, in the top of its range, a string
        // member (90-99) or an alias of an earlier member's type (80-89): both need a name other than
        // the record's, and only seeds that rolled there get another schema.
        long roll = s.choose(99);
        String memberName = roll >= 70 ? "m" + (members.size() + 1) : simple;
        Schema type = r;
        if (roll >= 90 && stringMembers) {
          type = Schema.string();
        } else if (roll >= 80 && roll < 90 && !members.isEmpty()) {
          // The type of any earlier member: a record under a second name, or a second string member.
          type = members.get((int) s.choose(members.size() - 1)).type();
        }
        int tag = sparse ? 1 + (int) s.choose(30) : members.size() + 1;
        while (!tags.add(tag)) {
          tag++;
        }
        members.add(new UnionSchema.Member(memberName, tag, type));
      } while (members.size() < 4 && s.choose(2) != 0);
      return UnionSchema.of(name, members);
    }

    /** A type made earlier in this schema: shared types appear in real schemas and test plan memoization. */
    private Schema reuse() {
      int total = records.size() + enums.size();
      int i = (int) s.choose(total - 1);
      return i < records.size() ? records.get(i) : enums.get(i - records.size());
    }
  }
}
