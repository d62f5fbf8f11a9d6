package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.DurationRange;
import io.polycodec.schema.Field;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.engine.Source;
import io.polycodec.tck.zoo.Zoo;
import io.polycodec.tck.zoo.ZooGen;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoding an invalid value (null in a non-optional field, list or map; a null Optional; a timestamp
 * or duration outside the model's range; NaN in an INT8-quantized vector) is an EncodeException that names the
 * field (and the index, for a list element).
 */
final class InvalidValuesProperty {
  private InvalidValuesProperty() {}

  /** A zoo value with one component replaced by an invalid one, and what the error must mention. */
  record Case(Object value, String description, List<String> mentions) {
    @Override
    public String toString() {
      return description + " (the EncodeException must mention " + mentions + ")";
    }
  }

  private static final RecordSchema TIMES = RecordSchema.of("Times",
      Field.of("at", 1, Schema.timestamp()), Field.optional("maybe", 2, Schema.timestamp()),
      Field.of("tiny", 3, Schema.float32Vector(Quantization.INT8)), Field.of("span", 4, Schema.duration()),
      Field.optional("maybeSpan", 5, Schema.duration()));

  private static final Duration[] DURATION_OUT_OF_RANGE = {
    DurationRange.MAX.plusNanos(1), DurationRange.MIN.minusNanos(1), Duration.ofSeconds(Long.MAX_VALUE),
    Duration.ofSeconds(Long.MIN_VALUE)
  };

  static Property<Case> property(Kit kit) {
    Gen<Case> cases = kit.typed ? cases() : InvalidValuesProperty::times;
    return Property.of("invalidValues", 60, cases, c -> {
      @SuppressWarnings("unchecked")
      Codec<Object> codec = (Codec<Object>) (Codec<?>) codecFor(kit, c.value());
      CodecAssertions.assertEncodeFails(codec, c.value(), c.mentions().toArray(new String[0]));
    });
  }

  private static Codec<?> codecFor(Kit kit, Object value) {
    if (value instanceof GenericRecord) {
      return kit.generic(((GenericRecord) value).schema());
    }
    return kit.codec(RecordBinding.of(value.getClass()));
  }

  private static final Instant[] OUT_OF_RANGE = {
    Instant.MAX, Instant.MIN, Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("0000-12-31T23:59:59.999999999Z")
  };

  private static Gen<Case> cases() {
    return s -> {
      switch ((int) s.choose(13)) {
        case 0: return replaced(s.draw(ZooGen.of(Zoo.Scalars.class)), "text", null);
        case 1: return replaced(s.draw(ZooGen.of(Zoo.Scalars.class)), "blob", null);
        case 2: return replaced(s.draw(ZooGen.of(Zoo.Scalars.class)), "color", null);
        case 3: return replaced(s.draw(ZooGen.of(Zoo.Boxes.class)), "count", null);
        case 4: {
          Zoo.Lists l = s.draw(ZooGen.of(Zoo.Lists.class));
          List<String> texts = new ArrayList<>(l.texts());
          int at = (int) s.choose(texts.size());
          texts.add(at, null);
          return replaced(l, "texts", texts, "[" + at + "]");
        }
        case 5: {
          Zoo.Lists l = s.draw(ZooGen.of(Zoo.Lists.class));
          List<Zoo.Point> points = new ArrayList<>(l.points());
          int at = (int) s.choose(points.size());
          points.add(at, null);
          return replaced(l, "points", points, "[" + at + "]");
        }
        case 6: {
          Map<String, Integer> m = new HashMap<>(s.draw(ZooGen.of(Zoo.Maps.class)).byName());
          m.put("nothing", null);
          return replaced(s.draw(ZooGen.of(Zoo.Maps.class)), "byName", m);
        }
        case 7: {
          Map<Integer, String> m = new HashMap<>();
          m.put(null, "null key");
          return replaced(s.draw(ZooGen.of(Zoo.Maps.class)), "byInt", m);
        }
        case 8: return replaced(s.draw(ZooGen.of(Zoo.Drawing.class)), "main", null);
        case 9: return replaced(s.draw(ZooGen.of(Zoo.Optionals.class)), "text", null);
        case 10: {
          Zoo.Vectors v = s.draw(ZooGen.of(Zoo.Vectors.class));
          float[] tiny = Arrays.copyOf(v.tiny(), v.tiny().length + 1);
          tiny[(int) s.choose(tiny.length - 1)] = s.chance(50) ? Float.NaN : Float.POSITIVE_INFINITY;
          return replaced(v, "tiny", tiny);
        }
        case 11:
          return replaced(s.draw(ZooGen.of(Zoo.Scalars.class)), "at", OUT_OF_RANGE[(int) s.choose(OUT_OF_RANGE.length - 1)]);
        case 12: {
          Zoo.Drawing d = s.draw(ZooGen.of(Zoo.Drawing.class));
          List<Zoo.Point> corners = new ArrayList<>();
          corners.add(new Zoo.Point(1, 2));
          corners.add(null);
          return replaced(d, "main", new Zoo.Polygon(corners, "broken"), "corners", "[1]");
        }
        default:
          return times(s);
      }
    };
  }

  /** A timestamp out of range: the case a GenericRecord can carry (the others need a Java record to hold a null). */
  private static Case times(Source s) {
    if (s.chance(40)) {
      Duration bad = DURATION_OUT_OF_RANGE[(int) s.choose(DURATION_OUT_OF_RANGE.length - 1)];
      String field = s.chance(50) ? "maybeSpan" : "span";
      return new Case(GenericRecord.builder(TIMES).set(field, bad).build(), "Times with duration " + bad, List.of(field));
    }
    Instant bad = OUT_OF_RANGE[(int) s.choose(OUT_OF_RANGE.length - 1)];
    boolean optional = s.chance(50);
    GenericRecord r = GenericRecord.builder(TIMES).set(optional ? "maybe" : "at", bad).build();
    return new Case(r, "Times with timestamp " + bad, List.of(optional ? "maybe" : "at"));
  }

  /** {@code record} with component {@code name} set to {@code value}; built through the canonical constructor. */
  private static Case replaced(Record record, String name, Object value, String... more) {
    RecordComponent[] comps = record.getClass().getRecordComponents();
    Object[] args = new Object[comps.length];
    Class<?>[] types = new Class<?>[comps.length];
    try {
      for (int i = 0; i < comps.length; i++) {
        types[i] = comps[i].getType();
        args[i] = comps[i].getName().equals(name) ? value : comps[i].getAccessor().invoke(record);
      }
      Constructor<?> c = record.getClass().getDeclaredConstructor(types);
      List<String> mentions = new ArrayList<>();
      mentions.add(name);
      mentions.addAll(List.of(more));
      String shown = value instanceof float[] ? Arrays.toString((float[]) value) : String.valueOf(value);
      return new Case(c.newInstance(args), record.getClass().getSimpleName() + "." + name + " = " + shown, mentions);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
