package io.polycodec.tck.gen;

import io.polycodec.FieldKeying;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.GenericUnion;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import io.polycodec.tck.engine.Describe;
import io.polycodec.vector.VectorBytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader with one schema must get from data written with another, by the shared rules (see
 * {@link EvolutionRules}): fields matched by name or tag per the format's keying; fields unknown to the
 * reader dropped; fields missing from the data at their default (absent if optional); a required
 * union missing, an unknown union member, or (name-keyed) an unknown enum name is a failure (union
 * members, strings and aliases of one record too, are matched like fields: by name or tag, and named
 * with a {@link GenericUnion} where the reader's member is aliased); an unknown
 * enum number is kept; numbers widened or checked where the rules say so. Where the rules say nothing
 * (an unrelated type change), the outcome is unspecified.
 */
public final class Projection {
  private final EvolutionRules rules;
  private final boolean byName;
  private String failure;
  private String unspecified;
  private final Set<String> absentMeansDefault = new HashSet<>();
  private final Set<String> float32Precision = new HashSet<>();
  private String field = "";

  private Projection(EvolutionRules rules) {
    this.rules = rules;
    this.byName = rules.keying() == FieldKeying.NAME;
  }

  /** What reading {@code written} (a value of the writer's schema) with {@code reader} must give. */
  public static Expectation of(GenericRecord written, RecordSchema reader, EvolutionRules rules) {
    if (rules.movesFieldIds(written.schema(), reader)) {
      // The reader looks for some field in another slot than the writer used: whatever it finds there.
      return Expectation.unspecified("a field's FlatBuffers id moves between writer and reader (a union field"
          + " added, removed or changed below it)");
    }
    if (rules.movesJsonKeys(written.schema(), reader)) {
      // A field's data lands in another field than its namesake: whatever that field makes of it.
      return Expectation.unspecified("a protobuf-json key names another field for the reader than for the writer"
          + " (JSON names clash on one side only, or a field was renamed to another name with the same JSON name)");
    }
    Projection p = new Projection(rules);
    GenericRecord value = p.record(written, reader, reader.name());
    if (p.failure != null) {
      return Expectation.fails(p.failure);
    }
    if (p.unspecified != null) {
      return Expectation.unspecified(p.unspecified);
    }
    return Expectation.value(value, p.absentMeansDefault, p.float32Precision);
  }

  private GenericRecord record(GenericRecord w, RecordSchema reader, String path) {
    RecordSchema writer = w.schema();
    GenericRecord.Builder b = GenericRecord.builder(reader);
    List<Integer> placeholders = new ArrayList<>();
    for (int i = 0; i < reader.size(); i++) {
      Field rf = reader.field(i);
      int wi = byName ? writer.indexOf(rf.name()) : writer.indexOfTag(rf.tag());
      Object v = wi < 0 ? null : w.get(wi);
      String p = path + "." + rf.name();
      // A missing required union, or record whose default holds one, has no default: decoding fails.
      boolean noDefault = !rf.optional() && !hasDefault(rf.type());
      if (v == null) {
        if (noDefault) {
          fail(p + ": the data does not hold this required " + rf.type().describe() + ", which has no default");
          placeholders.add(i);
        } else if (rf.required()) {
          if (rules.refusesMissingRequired(rf.type().kind())) {
            fail(p + ": the data lacks this field, which the reader requires");
          }
          // Absent, it reads as its default (and the builder wants required fields set).
          if (rf.type() instanceof RecordSchema || rf.type() instanceof UnionSchema) {
            placeholders.add(i);
          } else {
            b.set(i, absentValue(rf));
          }
        }
        continue;
      }
      Field wf = writer.field(wi);
      field = reader.name() + "." + rf.name();
      // A required field is always written where the format enforces required fields of its kind.
      boolean writtenAnyway = wf.required() && rules.refusesMissingRequired(wf.type().kind());
      if (rules.defaults() != EvolutionRules.Defaults.ALWAYS_WRITTEN && !wf.optional() && !writtenAnyway
          && (rf.required() && !wf.required() && rules.refusesMissingRequired(rf.type().kind()) || !sameDefault(wf, rf))
          && atDefault(v, wf)) {
        // The writer may have left the value off the wire (its format writes no default), and the reader
        // requires the field or has another default: what it reads depends on the format's writer.
        unspecified(p + ": " + Describe.of(v) + " equals the writer's default, which may be left off the wire,"
            + " and the reader's required flag or default differ");
      }
      Object projected = value(v, wf.type(), rf.type(), p);
      if (projected == null) {
        if (noDefault || rf.required() && (rf.type() instanceof RecordSchema || rf.type() instanceof UnionSchema)) {
          placeholders.add(i);
        } else if (rf.required()) {
          b.set(i, absentValue(rf));
        }
        continue;
      }
      if (!wf.optional() && rf.optional() && hasDefault(rf.type())
          && rules.defaults() != EvolutionRules.Defaults.ALWAYS_WRITTEN) {
        // The writer may have left out a non-optional value equal to its default; then it reads as absent.
        absentMeansDefault.add(reader.name() + "." + rf.name());
      }
      b.set(i, projected);
    }
    // Placeholders keep the tree buildable; the expectation is a failure or unspecified anyway.
    for (int i : placeholders) {
      b.set(i, placeholderOf(reader.field(i).type()));
    }
    return b.build();
  }

  /**
   * Whether a missing value of {@code t} decodes to a default: not for unions, nor records with a
   * required field or one requiring a union.
   */
  static boolean hasDefault(Schema t) {
    if (t.kind() == Kind.UNION) {
      return false;
    }
    if (t instanceof RecordSchema) {
      for (Field f : ((RecordSchema) t).fields()) {
        if (f.required() || !f.optional() && !hasDefault(f.type())) {
          return false;
        }
      }
    }
    return true;
  }

  /** A placeholder value of a record or union type: a union's first member, named if it is aliased. */
  private Object placeholderOf(Schema t) {
    if (!(t instanceof UnionSchema)) {
      return placeholder((RecordSchema) t);
    }
    UnionSchema u = (UnionSchema) t;
    UnionSchema.Member m = u.members().get(0);
    Object v = m.isString() ? "" : placeholder(m.record());
    return u.isAliased(0) ? GenericUnion.of(m.name(), v) : v;
  }

  private GenericRecord placeholder(RecordSchema r) {
    GenericRecord.Builder b = GenericRecord.builder(r);
    for (int i = 0; i < r.size(); i++) {
      Field f = r.field(i);
      Schema t = f.type();
      if (!f.optional() && (t instanceof RecordSchema || t instanceof UnionSchema) && (f.required() || !hasDefault(t))) {
        b.set(i, placeholderOf(t));
      } else if (f.required()) {
        b.set(i, absentValue(f));
      }
    }
    return b.build();
  }

  private static boolean sameDefault(Field w, Field r) {
    return w.hasDefault() == r.hasDefault() && (!w.hasDefault() || w.defaultText().equals(r.defaultText()));
  }

  /** Whether {@code v} (GenericRecord's form) equals {@code f}'s default: its own, else its kind's zero. */
  private static boolean atDefault(Object v, Field f) {
    Schema t = f.type();
    if (t instanceof RecordSchema || t instanceof UnionSchema) {
      return false;
    }
    if (t.kind().isCollection()) {
      // An empty collection is not on the wire where the format has no "empty" apart from "absent".
      return v instanceof List ? ((List<?>) v).isEmpty() : v instanceof Map ? ((Map<?, ?>) v).isEmpty()
          : java.lang.reflect.Array.getLength(v) == 0;
    }
    if (v instanceof GenericEnum) {
      EnumSchema e = (EnumSchema) t;
      long n = f.hasDefault() ? io.polycodec.schema.DefaultValues.enumNumber(e, f.defaultValue())
          : e.defaultConstant().number();
      return ((GenericEnum) v).number() == n;
    }
    Object d = f.hasDefault() ? f.defaultValue() : io.polycodec.bind.Defaults.of(t);
    return io.polycodec.schema.DefaultValues.isDefault(v, d);
  }

  /** What a non-record field that the data lacks reads as: its own default, else its kind's. */
  private static Object absentValue(Field f) {
    if (f.hasDefault()) {
      // An enum default no constant has is a Long in canonical form, an unknown GenericEnum as a value.
      return f.defaultValue() instanceof Long && f.type() instanceof EnumSchema
          ? GenericEnum.unknown((Long) f.defaultValue()) : f.defaultValue();
    }
    if (f.type() instanceof EnumSchema) {
      return ((EnumSchema) f.type()).defaultConstant().name();
    }
    return io.polycodec.bind.Defaults.of(f.type());
  }

  /** The reader's value for {@code v}, or null where the reader ends up with nothing. */
  private Object value(Object v, Schema wt, Schema rt, String path) {
    Kind wk = wt.kind();
    Kind rk = rt.kind();
    if (wk != rk) {
      return convert(v, wt, rt, path);
    }
    switch (rk) {
      case INT32:
      case INT64:
        return v;
      case VECTOR: {
        VectorSchema wv = (VectorSchema) wt;
        VectorSchema rv = (VectorSchema) rt;
        if (!wv.equals(rv)) {
          unspecified(path + ": vector changed from " + wv.describe() + " to " + rv.describe());
          return null;
        }
        return wv.element() == Kind.FLOAT32 && wv.quantization() != Quantization.NONE
            ? VectorBytes.roundTrip((float[]) v, wv.quantization()) : v;
      }
      case ENUM: {
        GenericEnum e = (GenericEnum) v;
        EnumSchema re = (EnumSchema) rt;
        if (byName) {
          EnumSchema.Constant c = re.byName(e.name());
          if (c == null) {
            fail(path + ": enum constant " + e.name() + " is unknown to the reader");
            return null;
          }
          return GenericEnum.of(c.name(), c.number());
        }
        EnumSchema.Constant c = re.byNumber(e.number());
        return c == null ? GenericEnum.unknown(e.number()) : GenericEnum.of(c.name(), c.number());
      }
      case LIST: {
        Schema we = ((ListSchema) wt).element();
        Schema re = ((ListSchema) rt).element();
        List<Object> out = new ArrayList<>();
        List<?> list = (List<?>) v;
        for (int i = 0; i < list.size(); i++) {
          Object e = value(list.get(i), we, re, path + "[" + i + "]");
          if (e != null) {
            out.add(e);
          }
        }
        return Collections.unmodifiableList(out);
      }
      case MAP: {
        MapSchema wm = (MapSchema) wt;
        MapSchema rm = (MapSchema) rt;
        if (wm.key().kind() != rm.key().kind()) {
          unspecified(path + ": map key changed from " + wm.key().describe() + " to " + rm.key().describe());
          return null;
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          Object x = value(e.getValue(), wm.value(), rm.value(), path + "[" + Describe.of(e.getKey()) + "]");
          if (x != null) {
            out.put(e.getKey(), x);
          }
        }
        return Collections.unmodifiableMap(out);
      }
      case RECORD:
        return record((GenericRecord) v, (RecordSchema) rt, path);
      case UNION: {
        UnionSchema wu = (UnionSchema) wt;
        UnionSchema ru = (UnionSchema) rt;
        // The writer's member: named by a GenericUnion (an aliased member), else told by the value's type.
        Object inner = v instanceof GenericUnion ? ((GenericUnion) v).value() : v;
        int wi = v instanceof GenericUnion ? wu.indexOfName(((GenericUnion) v).member())
            : v instanceof String ? wu.indexOfString() : wu.indexOfType(((GenericRecord) v).schema());
        UnionSchema.Member m = wu.members().get(wi);
        int ri = byName ? ru.indexOfName(m.name()) : ru.indexOfTag(m.tag());
        if (ri < 0) {
          fail(path + ": union member " + m.name() + " (tag " + m.tag() + ") is unknown to the reader");
          return null;
        }
        UnionSchema.Member rm = ru.members().get(ri);
        if (m.isString() != rm.isString()) {
          unspecified(path + ": union member " + m.name() + " changed between a string and a record");
          return null;
        }
        Object projected = rm.isString() ? inner : record((GenericRecord) inner, rm.record(), path);
        // The reader names the member where its type alone does not tell it, whatever the writer did.
        return ru.isAliased(ri) ? GenericUnion.of(rm.name(), projected) : projected;
      }
      default:
        return v;
    }
  }

  private Object convert(Object v, Schema wt, Schema rt, String path) {
    Kind wk = wt.kind();
    Kind rk = rt.kind();
    if (wk == Kind.INT32 && rk == Kind.INT64 && rules.widensInts()) {
      return (long) (Integer) v;
    }
    if (wk == Kind.FLOAT32 && rk == Kind.FLOAT64 && rules.widensFloats()) {
      if (rules.decimalFloats()) {
        float32Precision.add(field);
      }
      return (double) (Float) v;
    }
    if (wk == Kind.INT64 && rk == Kind.INT32 && rules.checksNarrowing()) {
      long x = (Long) v;
      if (x != (int) x) {
        fail(path + ": " + x + " does not fit the reader's int32");
        return null;
      }
      return (int) x;
    }
    unspecified(path + ": " + wt.describe() + " written, " + rt.describe() + " read");
    return null;
  }

  private void fail(String reason) {
    if (failure == null) {
      failure = reason;
    }
  }

  private void unspecified(String reason) {
    if (unspecified == null) {
      unspecified = reason;
    }
  }
}
