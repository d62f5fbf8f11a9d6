package io.polycodec.tck.gen;

import io.polycodec.GenericRecord;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.SchemaSnapshot;
import io.polycodec.tck.engine.Describe;
import io.polycodec.tck.engine.Gen;
import java.util.List;
import java.util.Objects;

/**
 * A generated schema with values of it: what most properties run on. Its text (used in failure
 * reports) is the schema's canonical snapshot followed by the values.
 *
 * @param schema the record schema
 * @param values values of it, at least one
 */
public record Sample(RecordSchema schema, List<GenericRecord> values) {
  /** Validates and copies. */
  public Sample {
    Objects.requireNonNull(schema, "schema");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a sample needs a value");
    }
  }

  /** The first value. */
  public GenericRecord value() {
    return values.get(0);
  }

  /** A random schema ({@link SchemaGen#records()}) with one value. */
  public static Gen<Sample> single() {
    return single(SchemaGen.records());
  }

  /** A schema from {@code schemas} with one value. */
  public static Gen<Sample> single(Gen<RecordSchema> schemas) {
    return s -> {
      RecordSchema schema = s.draw(schemas);
      return new Sample(schema, List.of(s.draw(ValueGen.of(schema))));
    };
  }

  /** A random schema with 1 to {@code max} values. */
  public static Gen<Sample> several(int max) {
    return several(max, SchemaGen.records());
  }

  /** A schema from {@code schemas} with 1 to {@code max} values. */
  public static Gen<Sample> several(int max, Gen<RecordSchema> schemas) {
    return s -> {
      RecordSchema schema = s.draw(schemas);
      ValueGen values = ValueGen.of(schema);
      List<GenericRecord> list = new java.util.ArrayList<>();
      do {
        list.add(s.draw(values));
      } while (list.size() < max && s.choose(3) != 0);
      return new Sample(schema, list);
    };
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("schema ").append(SchemaSnapshot.toJson(schema).strip());
    for (int i = 0; i < values.size(); i++) {
      sb.append(values.size() == 1 ? "\nvalue " : "\nvalue[" + i + "] ").append(Describe.of(values.get(i)));
    }
    return sb.toString();
  }
}
