package io.polycodec.tck;

import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.tck.engine.Describe;
import io.polycodec.schema.RecordSchema;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.gen.Sample;
import io.polycodec.tck.gen.TypedValues;
import io.polycodec.tck.zoo.Zoo;
import io.polycodec.tck.zoo.ZooGen;
import java.util.List;

/**
 * One value to run a property on, with the binding its codec is built from: a generated schema's
 * {@link GenericRecord}, or a value of a zoo type (the typed path).
 *
 * @param binding the binding (generic, or of a zoo record type)
 * @param value the value
 * @param text the description for failure reports
 */
record Subject(RecordBinding<Object> binding, Object value, String text) {

  @SuppressWarnings("unchecked")
  static Subject generic(Sample sample) {
    RecordBinding<?> b = RecordBinding.generic(sample.schema());
    return new Subject((RecordBinding<Object>) b, sample.value(), sample.toString());
  }

  @SuppressWarnings("unchecked")
  static Subject typed(RecordBinding<?> binding, Object value) {
    String text = "zoo type " + binding.javaType().getName() + "\nvalue " + Describe.of(TypedValues.toGeneric(binding, value));
    return new Subject((RecordBinding<Object>) binding, value, text);
  }

  /** A value of a zoo type, as a Java record. */
  static Gen<Subject> zoo() {
    List<Class<? extends Record>> types = Zoo.types();
    return s -> {
      Class<? extends Record> type = types.get((int) s.choose(types.size() - 1));
      ZooGen<? extends Record> gen = ZooGen.of(type);
      return typed(gen.binding(), s.draw(gen));
    };
  }

  /** Generated schemas only (for a codec that binds only GenericRecord). */
  static Gen<Subject> generic(Gen<RecordSchema> schemas) {
    return Sample.single(schemas).map(Subject::generic);
  }

  /** Mostly generated schemas, a third of the time a zoo value; only generated ones if {@code typed} is false. */
  static Gen<Subject> any(boolean typed, Gen<RecordSchema> schemas) {
    if (!typed) {
      return generic(schemas);
    }
    Gen<Subject> generic = Sample.single(schemas).map(Subject::generic);
    Gen<Subject> zoo = zoo();
    return s -> s.weighted(2, 1) == 0 ? s.draw(generic) : s.draw(zoo);
  }

  @Override
  public String toString() {
    return text;
  }
}
