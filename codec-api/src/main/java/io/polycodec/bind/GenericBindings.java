package io.polycodec.bind;

import io.polycodec.GenericRecord;
import io.polycodec.SchemaException;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.schema.UnionSchema;
import java.util.IdentityHashMap;
import java.util.Map;

/** Builds the generic bindings of a schema graph, one binding per schema node. */
final class GenericBindings {
  private final Map<Schema, TypeBinding> done = new IdentityHashMap<>();

  private GenericBindings() {}

  static RecordBinding<GenericRecord> of(RecordSchema root) {
    try {
      SchemaGraph.of(root);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new SchemaException(e.getMessage(), e);
    }
    @SuppressWarnings("unchecked")
    RecordBinding<GenericRecord> b = (RecordBinding<GenericRecord>) new GenericBindings().bind(root);
    return b;
  }

  private TypeBinding bind(Schema s) {
    TypeBinding b = done.get(s);
    if (b != null) {
      return b;
    }
    if (s instanceof RecordSchema) {
      RecordSchema r = (RecordSchema) s;
      GenericRecordBinding rb = new GenericRecordBinding(r);
      done.put(s, rb);
      TypeBinding[] children = new TypeBinding[r.size()];
      for (int i = 0; i < children.length; i++) {
        Schema named = SchemaGraph.namedPart(r.field(i).type());
        children[i] = named == null ? null : bind(named);
      }
      rb.children = children;
      return rb;
    }
    if (s instanceof EnumSchema) {
      EnumBinding eb = EnumBinding.generic((EnumSchema) s);
      done.put(s, eb);
      return eb;
    }
    UnionSchema u = (UnionSchema) s;
    UnionBinding ub = new UnionBinding(u, GenericRecord.class, null);
    done.put(s, ub);
    for (int i = 0; i < u.members().size(); i++) {
      if (!u.members().get(i).isString()) {
        ub.members[i] = (RecordBinding<?>) bind(u.members().get(i).type());
      }
    }
    return ub;
  }
}
