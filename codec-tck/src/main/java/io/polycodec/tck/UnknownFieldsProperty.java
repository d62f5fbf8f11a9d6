package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.GenericRecord;
import io.polycodec.schema.RecordSchema;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.gen.EvolutionGen;
import io.polycodec.tck.gen.EvolutionStep;
import io.polycodec.tck.gen.ValueGen;

/**
 * For codecs that preserve unknown fields: data read by a reader that lacks a field, re-encoded by that
 * reader and read again by the writer's schema, has lost nothing.
 */
final class UnknownFieldsProperty {
  private UnknownFieldsProperty() {}

  static Property<EvolutionProperty.Case> property(Kit kit) {
    Gen<RecordSchema> schemas = kit.schemas;
    Gen<EvolutionProperty.Case> cases = s -> {
      RecordSchema schema = s.draw(schemas);
      EvolutionStep step = s.draw(EvolutionGen.on(schema, EvolutionStep.Kind.REMOVE_FIELD));
      return new EvolutionProperty.Case(step, true, s.draw(ValueGen.of(step.before())));
    };
    return Property.of("unknownFields", 60, cases, c -> {
      Codec<GenericRecord> writer = kit.generic(c.writer());
      Codec<GenericRecord> reader = kit.generic(c.reader());
      GenericRecord read = reader.decode(writer.encode(c.written()));
      GenericRecord back = writer.decode(reader.encode(read));
      Values.assertEqual("written, read by a reader without " + c.step().description().replace("remove ", "")
          + ", re-encoded by it and read back", Values.afterRoundTrip(c.written()), back);
    });
  }
}
