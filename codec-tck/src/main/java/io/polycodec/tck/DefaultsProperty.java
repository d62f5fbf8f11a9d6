package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Gens;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.gen.SchemaGen;
import io.polycodec.tck.gen.ValueGen;
import java.util.List;

/**
 * Field defaults and {@code required} on real bytes (docs/defaults.md). A reader adds a field with a
 * default of its own and/or the required flag to a generated schema; data written without the field
 * must decode to that default, or, if the field is required and the format refuses missing required
 * fields of its kind, fail with a {@link DecodeException} naming it, and then the compatibility checker
 * must have called the change breaking. Records holding the default value, or any other value, of such
 * a field round-trip exactly with the reader's schema (where writers leave values equal to their
 * default off the wire, this is what brings them back).
 */
final class DefaultsProperty {
  private DefaultsProperty() {}

  static final String FIELD = "withDefault";
  static final String WRAPPER = "DefaultsCase";

  /** One case: the writer's schema, the reader's (one field more), a written value and a value of the field. */
  record Case(RecordSchema writer, RecordSchema reader, GenericRecord written, Object other) {}

  private static final EnumSchema LEVEL = EnumSchema.of("DefaultLevel", "LOW", "MID", "HIGH");

  private static Gen<Field> fields(int tag) {
    return s -> {
      Schema type = s.draw(Gens.elements(List.<Schema>of(Schema.bool(), Schema.int8(), Schema.int16(), Schema.int32(),
          Schema.int32(IntEncoding.ZIGZAG), Schema.int64(), Schema.int64(IntEncoding.FIXED), Schema.float32(),
          Schema.float64(), Schema.string(), Schema.bytes(), LEVEL)));
      boolean required = s.chance(40);
      boolean withDefault = !required || s.chance(50);
      Field f = Field.of(FIELD, tag, type).withRequired(required);
      return withDefault ? f.withDefault(s.draw(defaults(type))) : f;
    };
  }

  static Gen<Object> defaults(Schema type) {
    return Gens.elements(SchemaGen.defaultCandidates(type));
  }

  static Property<Case> property(Kit kit) {
    Gen<RecordSchema> schemas = kit.schemas;
    Gen<Case> cases = s -> {
      // The field goes into a wrapper around a generated record, so that recursive schemas need no rewriting.
      RecordSchema payload = s.draw(schemas);
      if (io.polycodec.schema.SchemaGraph.of(payload).namedTypes().stream().anyMatch(t -> t.describe().equals(WRAPPER)
          || t.describe().equals(LEVEL.name()))) {
        throw new io.polycodec.tck.engine.Source.Discard("the schema already uses the name " + WRAPPER);
      }
      Field added = s.draw(fields(2));
      RecordSchema writer = RecordSchema.of(WRAPPER, Field.of("payload", 1, payload));
      RecordSchema reader = RecordSchema.of(WRAPPER, Field.of("payload", 1, payload), added);
      GenericRecord inner = s.draw(ValueGen.of(payload));
      GenericRecord written = GenericRecord.builder(writer).set("payload", inner).build();
      Object other = s.draw(defaults(added.type()));
      return new Case(writer, reader, written, other);
    };
    return Property.of("defaults", 60, cases, c -> {
      Field f = c.reader().field(FIELD);
      Codec<GenericRecord> writerCodec = kit.generic(c.writer());
      Codec<GenericRecord> readerCodec = kit.generic(c.reader());
      byte[] bytes = writerCodec.encode(c.written());
      boolean refused = f.required() && enforcesRequired(kit.format.name(), f.type().kind());
      if (refused) {
        try {
          GenericRecord r = readerCodec.decode(bytes);
          throw new AssertionError("data without required field " + FIELD + " decoded to " + r);
        } catch (DecodeException e) {
          if (!String.valueOf(e.getMessage()).contains(FIELD)) {
            throw new AssertionError("the DecodeException does not name the field: " + e.getMessage(), e);
          }
        }
        CompatibilityResult verdict = kit.oracle == null ? null : kit.oracle.verdict(c.writer(), c.reader(), kit.format);
        if (verdict != null && verdict.isCompatible()) {
          throw new AssertionError("the checker calls adding required " + FIELD + " compatible, but the data"
              + " did not decode: " + verdict);
        }
      } else {
        GenericRecord r = readerCodec.decode(bytes);
        Object expected = expectedAbsent(f);
        Values.assertEqual("field " + FIELD + " absent from the data, read with the reader's schema", expected,
            r.get(FIELD));
      }
      for (Object value : new Object[] {f.hasDefault() ? f.defaultValue() : c.other(), c.other()}) {
        GenericRecord full = GenericRecord.builder(c.reader()).set("payload", c.written().get("payload"))
            .set(FIELD, value).build();
        Values.assertEqual("a record whose " + FIELD + " is " + value + ", round trip with the reader's schema",
            Values.afterRoundTrip(full), readerCodec.decode(readerCodec.encode(full)));
      }
    });
  }

  /** What the reader must see for {@code f} when the data lacks it, in GenericRecord's canonical form. */
  private static Object expectedAbsent(Field f) {
    if (f.type().kind() == Kind.ENUM) {
      EnumSchema.Constant c = f.hasDefault() ? LEVEL.byName((String) f.defaultValue()) : LEVEL.defaultConstant();
      return io.polycodec.GenericEnum.of(c.name(), c.number());
    }
    return f.hasDefault() ? f.defaultValue() : io.polycodec.bind.Defaults.of(f.type());
  }

  /**
   * Whether {@code format} refuses data lacking a required field of {@code kind}: all do, except
   * FlatBuffers for scalars and enums, which it cannot mark required (an absent one is its default).
   */
  static boolean enforcesRequired(String format, Kind kind) {
    return !("flatbuffers".equals(format) && (kind.isPrimitive() || kind == Kind.ENUM));
  }
}
