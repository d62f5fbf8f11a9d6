package io.polycodec.tck.gen;

import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a schema graph, letting an {@link Edit} change the definition of named types on the way;
 * recursion (through records and unions) is preserved by declaring each record before defining it.
 */
final class SchemaRewriter {
  /** Changes to definitions; each method receives the old definition and returns the new one. */
  interface Edit {
    default List<Field> fields(RecordSchema record, List<Field> fields) {
      return fields;
    }

    default List<EnumSchema.Constant> constants(EnumSchema e, List<EnumSchema.Constant> constants) {
      return constants;
    }

    default List<UnionSchema.Member> members(UnionSchema u, List<UnionSchema.Member> members) {
      return members;
    }
  }

  private final Edit edit;
  private final Map<Schema, Schema> done = new IdentityHashMap<>();
  private final Map<RecordSchema, RecordSchema.Builder> pending = new IdentityHashMap<>();

  private SchemaRewriter(Edit edit) {
    this.edit = edit;
  }

  /** The graph under {@code root} with {@code edit} applied to every named type. */
  static RecordSchema rewrite(RecordSchema root, Edit edit) {
    SchemaRewriter r = new SchemaRewriter(edit);
    RecordSchema out = r.record(root);
    r.definePending();
    return out;
  }

  private Schema type(Schema t) {
    if (t instanceof ListSchema) {
      return Schema.list(type(((ListSchema) t).element()));
    }
    if (t instanceof MapSchema) {
      MapSchema m = (MapSchema) t;
      return Schema.map(m.key(), type(m.value()));
    }
    if (t instanceof RecordSchema) {
      return record((RecordSchema) t);
    }
    if (t instanceof EnumSchema) {
      return done.computeIfAbsent(t, e -> EnumSchema.of(((EnumSchema) e).name(),
          edit.constants((EnumSchema) e, ((EnumSchema) e).constants())));
    }
    if (t instanceof UnionSchema) {
      return union((UnionSchema) t);
    }
    return t;
  }

  /** Declares the copy of {@code r} (so that references to it resolve) and defines it later. */
  private RecordSchema record(RecordSchema r) {
    Schema d = done.get(r);
    if (d != null) {
      return (RecordSchema) d;
    }
    RecordSchema.Builder b = RecordSchema.builder(r.name());
    done.put(r, b.ref());
    pending.put(r, b);
    return b.ref();
  }

  private UnionSchema union(UnionSchema u) {
    Schema d = done.get(u);
    if (d != null) {
      return (UnionSchema) d;
    }
    List<UnionSchema.Member> members = new ArrayList<>();
    for (UnionSchema.Member m : edit.members(u, u.members())) {
      members.add(m.isString() ? m : new UnionSchema.Member(m.name(), m.tag(), record(m.record())));
    }
    UnionSchema copy = UnionSchema.of(u.name(), members);
    done.put(u, copy);
    return copy;
  }

  private void definePending() {
    while (!pending.isEmpty()) {
      RecordSchema old = pending.keySet().iterator().next();
      RecordSchema.Builder b = pending.remove(old);
      for (Field f : edit.fields(old, old.fields())) {
        b.field(f.withType(type(f.type())));
      }
      b.build();
    }
  }
}
