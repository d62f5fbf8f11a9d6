package io.polycodec.tck.gen;

import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.schema.UnionSchema;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Evolution steps on a schema: add an optional field, remove, rename or re-tag a field, reorder fields,
 * widen int32 to int64 or float32 to float64, add or remove an enum constant, add a union member, make
 * a field optional, change a field's type incompatibly. The step applies to any record, enum or union
 * of the graph. Steps that keep data readable are made so that only the intended change matters: an
 * added enum constant gets a new non-zero number after the others (the default constant stays), a
 * removed constant is never the default, a new tag or name is unused.
 */
public final class EvolutionGen implements Gen<EvolutionStep> {
  private final RecordSchema schema;
  private final EvolutionStep.Kind[] kinds;

  private EvolutionGen(RecordSchema schema, EvolutionStep.Kind[] kinds) {
    this.schema = schema;
    this.kinds = kinds;
  }

  /** Steps of every kind on {@code schema}. */
  public static EvolutionGen on(RecordSchema schema) {
    return new EvolutionGen(schema, EvolutionStep.Kind.values());
  }

  /** Steps of the given kinds on {@code schema} (adding an optional field where none applies). */
  public static EvolutionGen on(RecordSchema schema, EvolutionStep.Kind... kinds) {
    if (kinds.length == 0) {
      throw new IllegalArgumentException("no kinds");
    }
    return new EvolutionGen(schema, kinds.clone());
  }

  /** A random schema and a step on it. */
  public static Gen<EvolutionStep> steps() {
    return steps(SchemaGen.records());
  }

  /** A schema from {@code schemas} and a step on it. */
  public static Gen<EvolutionStep> steps(Gen<RecordSchema> schemas) {
    return schemas.flatMap(EvolutionGen::on);
  }

  @Override
  public EvolutionStep generate(Source s) {
    // Not every schema allows every step (no enum, no int32…): try the kinds from a random one on;
    // adding a field always works.
    int first = (int) s.choose(kinds.length - 1);
    for (int i = 0; i < kinds.length; i++) {
      EvolutionStep step = attempt(s, kinds[(first + i) % kinds.length]);
      if (step != null) {
        return step;
      }
    }
    return attempt(s, EvolutionStep.Kind.ADD_OPTIONAL_FIELD);
  }

  private EvolutionStep attempt(Source s, EvolutionStep.Kind kind) {
    List<Schema> types = SchemaGraph.of(schema).namedTypes();
    List<RecordSchema> records = new ArrayList<>();
    List<EnumSchema> enums = new ArrayList<>();
    List<UnionSchema> unions = new ArrayList<>();
    for (Schema t : types) {
      if (t instanceof RecordSchema) {
        records.add((RecordSchema) t);
      } else if (t instanceof EnumSchema) {
        enums.add((EnumSchema) t);
      } else {
        unions.add((UnionSchema) t);
      }
    }
    switch (kind) {
      case ADD_OPTIONAL_FIELD: {
        RecordSchema r = pick(s, records);
        String name = unusedName(r, "added");
        int tag = unusedTag(r, s);
        Schema type = simpleType(s);
        Field added = Field.optional(name, tag, type);
        return step(kind, r, null, "add optional " + r.name() + "." + name + " = " + tag + ": " + type.describe(),
            fieldsEdit(r, fields -> append(fields, added)));
      }
      case REMOVE_FIELD:
        return onField(s, records, kind, f -> true, (r, f) -> "remove " + r.name() + "." + f.name(),
            (fields, i) -> remove(fields, i));
      case RENAME_FIELD:
        return onField(s, records, kind, f -> true, (r, f) -> "rename " + r.name() + "." + f.name(),
            (fields, i) -> replace(fields, i, fields.get(i).withName(unusedName(fields, fields.get(i).name() + "_renamed"))));
      case CHANGE_TAG:
        return onField(s, records, kind, f -> true, (r, f) -> "re-tag " + r.name() + "." + f.name() + " (was " + f.tag() + ")",
            (fields, i) -> replace(fields, i, fields.get(i).withTag(unusedTag(fields, s))));
      case REORDER_FIELDS: {
        List<RecordSchema> candidates = filter(records, r -> r.size() >= 2);
        if (candidates.isEmpty()) {
          return null;
        }
        RecordSchema r = pick(s, candidates);
        long seed = s.choose(Long.MAX_VALUE);
        return step(kind, r, null, "reorder the fields of " + r.name(), fieldsEdit(r, fields -> {
          List<Field> out = new ArrayList<>(fields);
          Collections.shuffle(out, new java.util.Random(seed));
          if (out.equals(fields)) {
            Collections.reverse(out);
          }
          return out;
        }));
      }
      case WIDEN_INT32_TO_INT64:
        return onField(s, records, kind, f -> widened(f.type(), Kind.INT32) != null,
            (r, f) -> "widen " + r.name() + "." + f.name() + " from " + f.type().describe(),
            (fields, i) -> replace(fields, i, fields.get(i).withType(widened(fields.get(i).type(), Kind.INT32))));
      case WIDEN_FLOAT32_TO_FLOAT64:
        return onField(s, records, kind, f -> widened(f.type(), Kind.FLOAT32) != null,
            (r, f) -> "widen " + r.name() + "." + f.name() + " from " + f.type().describe(),
            (fields, i) -> replace(fields, i, fields.get(i).withType(widened(fields.get(i).type(), Kind.FLOAT32))));
      case ADD_ENUM_CONSTANT: {
        if (enums.isEmpty()) {
          return null;
        }
        EnumSchema e = pick(s, enums);
        long max = 0;
        Set<String> names = new HashSet<>();
        for (EnumSchema.Constant c : e.constants()) {
          // A long, since generated enums may hold 1 << 40 (SchemaGen.withLongEnumNumbers): cast to int it
          // became 0, and the added number could collide with a small constant.
          max = Math.max(max, Math.abs(c.number()));
          names.add(c.name());
        }
        String name = "ADDED";
        while (names.contains(name)) {
          name = name + "_";
        }
        EnumSchema.Constant added = new EnumSchema.Constant(name, max + 1 + s.choose(5));
        return step(kind, e, null, "add constant " + e.name() + "." + added.name() + " = " + added.number(),
            new SchemaRewriter.Edit() {
              @Override
              public List<EnumSchema.Constant> constants(EnumSchema en, List<EnumSchema.Constant> cs) {
                return en.name().equals(e.name()) ? append(cs, added) : cs;
              }
            });
      }
      case REMOVE_ENUM_CONSTANT: {
        List<EnumSchema> candidates = filter(enums, e -> e.constants().size() >= 2);
        if (candidates.isEmpty()) {
          return null;
        }
        EnumSchema e = pick(s, candidates);
        List<EnumSchema.Constant> removable = new ArrayList<>(e.constants());
        removable.remove(e.defaultConstant());
        // Nor a constant some field has as its own default: removing it would change that default too.
        for (RecordSchema r : records) {
          for (Field f : r.fields()) {
            if (f.hasDefault() && f.type().describe().equals(e.name()) && f.defaultValue() instanceof String) {
              removable.remove(e.byName((String) f.defaultValue()));
            }
          }
        }
        if (removable.isEmpty()) {
          return null;
        }
        EnumSchema.Constant gone = pick(s, removable);
        return step(kind, e, null, "remove constant " + e.name() + "." + gone.name() + " = " + gone.number(),
            new SchemaRewriter.Edit() {
              @Override
              public List<EnumSchema.Constant> constants(EnumSchema en, List<EnumSchema.Constant> cs) {
                if (!en.name().equals(e.name())) {
                  return cs;
                }
                List<EnumSchema.Constant> out = new ArrayList<>(cs);
                out.remove(gone);
                return out;
              }
            });
      }
      case ADD_UNION_MEMBER: {
        if (unions.isEmpty()) {
          return null;
        }
        UnionSchema u = pick(s, unions);
        Set<String> names = new HashSet<>();
        Set<Integer> tags = new HashSet<>();
        for (UnionSchema.Member m : u.members()) {
          names.add(m.name());
          tags.add(m.tag());
        }
        String name = "Added";
        while (names.contains(name) || SchemaGraph.of(schema).type(name) != null) {
          name = name + "_";
        }
        int tag = 1 + (int) s.choose(40);
        while (tags.contains(tag)) {
          tag++;
        }
        RecordSchema record = RecordSchema.of(name, Field.of("note", 1, Schema.string()),
            Field.optional("count", 2, Schema.int64()));
        UnionSchema.Member added = new UnionSchema.Member(name, tag, record);
        return step(kind, u, null, "add member " + u.name() + "." + name + " = " + tag,
            new SchemaRewriter.Edit() {
              @Override
              public List<UnionSchema.Member> members(UnionSchema un, List<UnionSchema.Member> ms) {
                return un.name().equals(u.name()) ? append(ms, added) : ms;
              }
            });
      }
      case MAKE_REQUIRED:
        return onField(s, records, kind, f -> !f.optional() && !f.type().kind().isCollection() && !f.required(),
            (r, f) -> "make " + r.name() + "." + f.name() + " required",
            (fields, i) -> replace(fields, i, fields.get(i).withRequired(true)));
      case DROP_REQUIRED:
        return onField(s, records, kind, Field::required,
            (r, f) -> r.name() + "." + f.name() + " no longer required",
            (fields, i) -> replace(fields, i, fields.get(i).withRequired(false)));
      case CHANGE_DEFAULT: {
        long pick = s.choose(Integer.MAX_VALUE);
        return onField(s, records, kind, f -> !f.optional() && !SchemaGen.defaultCandidates(f.type()).isEmpty(),
            (r, f) -> "change the default of " + r.name() + "." + f.name(),
            (fields, i) -> {
              Field f = fields.get(i);
              List<Object> candidates = SchemaGen.defaultCandidates(f.type());
              Object next = candidates.get((int) (pick % candidates.size()));
              // The same value again would be no change: then the default goes (back to the kind's zero).
              boolean same = f.hasDefault() && io.polycodec.schema.DefaultValues.same(
                  io.polycodec.schema.DefaultValues.check(f.name(), f.type(), next), f.defaultValue());
              boolean remove = f.hasDefault() && (same || pick % (candidates.size() + 1) == candidates.size());
              return replace(fields, i, f.withDefault(remove ? null : next));
            });
      }
      case MAKE_OPTIONAL:
        // Not a field with a default of its own: a writer leaves a value equal to it off the wire, and
        // Projection's "absent means the default" knows only the kind's default.
        return onField(s, records, kind, f -> !f.optional() && !f.type().kind().isCollection() && !f.hasDefault(),
            (r, f) -> "make " + r.name() + "." + f.name() + " optional",
            (fields, i) -> replace(fields, i, fields.get(i).withOptional(true)));
      case CHANGE_TYPE_INCOMPATIBLY:
        return onField(s, records, kind, f -> true,
            (r, f) -> "change " + r.name() + "." + f.name() + " from " + f.type().describe() + " to "
                + incompatible(f.type()).describe(),
            (fields, i) -> replace(fields, i, fields.get(i).withType(incompatible(fields.get(i).type()))));
      default:
        throw new AssertionError(kind);
    }
  }

  /** How a step names its field and changes the field list. */
  private interface FieldChange {
    List<Field> apply(List<Field> fields, int index);
  }

  private interface Describer {
    String describe(RecordSchema r, Field f);
  }

  private EvolutionStep onField(Source s, List<RecordSchema> records, EvolutionStep.Kind kind, Predicate<Field> eligible,
      Describer describer, FieldChange change) {
    List<RecordSchema> candidates = filter(records, r -> r.fields().stream().anyMatch(eligible));
    if (candidates.isEmpty()) {
      return null;
    }
    RecordSchema r = pick(s, candidates);
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      if (eligible.test(r.field(i))) {
        indexes.add(i);
      }
    }
    int index = pick(s, indexes);
    Field f = r.field(index);
    return step(kind, r, f, describer.describe(r, f), fieldsEdit(r, fields -> change.apply(fields, index)));
  }

  private EvolutionStep step(EvolutionStep.Kind kind, Schema target, Field field, String description,
      SchemaRewriter.Edit edit) {
    String name = target instanceof RecordSchema ? ((RecordSchema) target).name()
        : target instanceof EnumSchema ? ((EnumSchema) target).name() : ((UnionSchema) target).name();
    RecordSchema after = SchemaRewriter.rewrite(schema, edit);
    SchemaGraph.of(after);
    return new EvolutionStep(kind, name, field, description, schema, after);
  }

  private interface FieldsEdit {
    List<Field> apply(List<Field> fields);
  }

  private static SchemaRewriter.Edit fieldsEdit(RecordSchema target, FieldsEdit e) {
    return new SchemaRewriter.Edit() {
      @Override
      public List<Field> fields(RecordSchema record, List<Field> fields) {
        return record.name().equals(target.name()) ? e.apply(fields) : fields;
      }
    };
  }

  /** {@code t} with its int32 or float32 (the field itself, a list's element or a map's value) widened, or null. */
  private static Schema widened(Schema t, Kind from) {
    if (t instanceof ListSchema) {
      Schema e = widened(((ListSchema) t).element(), from);
      return e == null ? null : Schema.list(e);
    }
    if (t instanceof MapSchema) {
      Schema v = widened(((MapSchema) t).value(), from);
      return v == null ? null : Schema.map(((MapSchema) t).key(), v);
    }
    if (t.kind() != from) {
      return null;
    }
    if (from == Kind.FLOAT32) {
      return Schema.float64();
    }
    // Fixed and unsigned encodings change the wire type or the value's meaning: not a widening.
    IntEncoding enc = ((ScalarSchema) t).encoding();
    return enc == IntEncoding.VARINT || enc == IntEncoding.ZIGZAG ? Schema.int64(enc) : null;
  }

  private static Schema incompatible(Schema t) {
    return t.kind() == Kind.STRING ? Schema.int64() : Schema.string();
  }

  private static Schema simpleType(Source s) {
    switch (s.weighted(3, 2, 2, 1, 1, 1)) {
      case 0: return Schema.string();
      case 1: return Schema.int64();
      case 2: return Schema.int32();
      case 3: return Schema.bool();
      case 4: return Schema.float64();
      default: return RecordSchema.of("AddedRecord", Field.of("x", 1, Schema.int32()));
    }
  }

  private static String unusedName(RecordSchema r, String base) {
    return unusedName(r.fields(), base);
  }

  private static String unusedName(List<Field> fields, String base) {
    Set<String> names = new HashSet<>();
    for (Field f : fields) {
      names.add(f.name());
    }
    String name = base;
    while (names.contains(name)) {
      name = name + "_";
    }
    return name;
  }

  private static int unusedTag(RecordSchema r, Source s) {
    return unusedTag(r.fields(), s);
  }

  private static int unusedTag(List<Field> fields, Source s) {
    int max = 0;
    for (Field f : fields) {
      max = Math.max(max, f.tag());
    }
    return max + 1 + (int) s.choose(8);
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static List<Field> remove(List<Field> fields, int index) {
    List<Field> out = new ArrayList<>(fields);
    out.remove(index);
    return out;
  }

  private static List<Field> replace(List<Field> fields, int index, Field f) {
    List<Field> out = new ArrayList<>(fields);
    out.set(index, f);
    return out;
  }

  private static <T> List<T> filter(List<T> list, Predicate<T> p) {
    List<T> out = new ArrayList<>();
    for (T t : list) {
      if (p.test(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private static <T> T pick(Source s, List<T> list) {
    return list.get((int) s.choose(list.size() - 1));
  }
}
