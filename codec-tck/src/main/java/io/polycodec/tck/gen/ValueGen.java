package io.polycodec.tck.gen;

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
import io.polycodec.schema.SchemaGraph;
import io.polycodec.schema.DurationRange;
import io.polycodec.schema.TimestampRange;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Gens;
import io.polycodec.tck.engine.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Values of one record schema, as {@link GenericRecord}s that respect the model: no nulls in lists or
 * maps, collections never absent, timestamps within {@link TimestampRange}, durations within
 * {@link DurationRange}, map keys of the key kind,
 * enum constants of the schema, union values of a member (a {@link GenericRecord} or {@code String}, in
 * a {@link GenericUnion} where the member's type is aliased), INT8-quantized vectors finite, at most one
 * field per oneof group. Numbers, strings, bytes and collections are edge-biased (see {@link Gens});
 * recursion is cut off at a bounded depth. Shrinks towards absent optionals, empty collections and
 * zero values.
 */
public final class ValueGen implements Gen<GenericRecord> {
  private static final Instant[] TIMESTAMP_EDGES = {
    Instant.EPOCH, TimestampRange.MIN, TimestampRange.MAX, Instant.ofEpochSecond(-1, 999_999_999),
    Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(-1), Instant.parse("2000-02-29T12:00:00.5Z"),
    Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("9999-12-31T23:59:59Z"),
    Instant.parse("0001-01-01T00:00:00.000000001Z"), Instant.ofEpochSecond(253402300799L, 0),
    Instant.ofEpochSecond(1_700_000_000L, 123_456_789)
  };

  private static final Duration[] DURATION_EDGES = {
    Duration.ZERO, DurationRange.MIN, DurationRange.MAX, Duration.ofNanos(1), Duration.ofNanos(-1),
    Duration.ofMillis(-1500), Duration.ofMillis(1500), Duration.ofSeconds(-1), Duration.ofSeconds(1, 999_999_999),
    Duration.ofSeconds(-DurationRange.MAX_SECONDS), Duration.ofSeconds(DurationRange.MAX_SECONDS),
    Duration.ofDays(366), Duration.ofSeconds(Integer.MAX_VALUE + 1L, 500_000_000)
  };

  private static final int MAX_VALUE_DEPTH = 6;
  private static final Gen<String> SHORT_STRINGS = Gens.strings(40);
  private static final Gen<byte[]> SHORT_BYTES = Gens.bytes(40);

  private final RecordSchema schema;
  private final Map<Schema, Integer> heights;

  private ValueGen(RecordSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.heights = heights(schema);
  }

  /** Values of {@code schema}. */
  public static ValueGen of(RecordSchema schema) {
    return new ValueGen(schema);
  }

  /** The schema whose values this generates. */
  public RecordSchema schema() {
    return schema;
  }

  @Override
  public GenericRecord generate(Source s) {
    return record(s, schema, 1);
  }

  private GenericRecord record(Source s, RecordSchema r, int depth) {
    GenericRecord.Builder b = GenericRecord.builder(r);
    boolean deep = depth >= MAX_VALUE_DEPTH;
    for (int i = 0; i < r.size(); i++) {
      Field f = r.field(i);
      int index = i;
      Object v = s.draw(src -> fieldValue(src, f, depth, deep));
      if (v != null) {
        b.set(index, v);
      }
    }
    return b.build();
  }

  private Object fieldValue(Source s, Field f, int depth, boolean deep) {
    if (f.optional() && (deep || !s.chance(60))) {
      return null;
    }
    Schema t = f.type();
    if (deep && t.kind().isCollection()) {
      return emptyOf(t);
    }
    return value(s, t, depth, deep, false);
  }

  private static Integer clamp(int v, int min, int max) {
    return Math.max(min, Math.min(max, v));
  }

  private static Object emptyOf(Schema t) {
    switch (t.kind()) {
      case LIST: return List.of();
      case MAP: return Map.of();
      default: return ((VectorSchema) t).element() == Kind.FLOAT64 ? new double[0] : new float[0];
    }
  }

  /**
   * A value of {@code t}. Long strings, byte arrays and collections appear near the root only; elements
   * of collections ({@code element}) and deeper values are short, so that values stay of bounded size.
   */
  private Object value(Source s, Schema t, int depth, boolean deep, boolean element) {
    switch (t.kind()) {
      case BOOL: return s.chance(50);
      // The draws of an int32, clamped: the same choices as before the narrow kinds existed, and the
      // int32 generator's edges (MIN_VALUE, MAX_VALUE) become -128/127 and -32768/32767.
      case INT8: return clamp(Gens.ints().generate(s), Byte.MIN_VALUE, Byte.MAX_VALUE);
      case INT16: return clamp(Gens.ints().generate(s), Short.MIN_VALUE, Short.MAX_VALUE);
      case INT32: return Gens.ints().generate(s);
      case INT64: return Gens.longs().generate(s);
      case FLOAT32: return Gens.floats().generate(s);
      case FLOAT64: return Gens.doubles().generate(s);
      case STRING: return (element || depth > 2 ? SHORT_STRINGS : Gens.strings()).generate(s);
      case BYTES: return (element || depth > 2 ? SHORT_BYTES : Gens.bytes()).generate(s);
      case TIMESTAMP: return timestamp(s);
      case DURATION: return duration(s);
      case ENUM: {
        List<EnumSchema.Constant> cs = ((EnumSchema) t).constants();
        EnumSchema.Constant c = cs.get((int) s.choose(cs.size() - 1));
        return GenericEnum.of(c.name(), c.number());
      }
      case LIST: {
        Schema e = ((ListSchema) t).element();
        int max = e.kind().isNamed() ? namedElements(depth) : depth > 2 ? 16 : 1000;
        return Gens.lists(src -> value(src, e, depth, deep, true), max).generate(s);
      }
      case MAP: {
        MapSchema m = (MapSchema) t;
        int max = m.value().kind().isNamed() ? namedElements(depth) : depth > 2 ? 16 : 200;
        Gen<Object> keys = src -> value(src, m.key(), depth, deep, true);
        Gen<Object> values = src -> value(src, m.value(), depth, deep, true);
        return Gens.maps(keys, values, max).generate(s);
      }
      case VECTOR: return vector(s, (VectorSchema) t);
      case RECORD: return record(s, (RecordSchema) t, depth + 1);
      case UNION: {
        UnionSchema u = (UnionSchema) t;
        int m = deep ? shallowestMember(u) : (int) s.choose(u.members().size() - 1);
        UnionSchema.Member member = u.members().get(m);
        Object v = member.isString() ? value(s, member.type(), depth + 1, deep, element)
            : record(s, member.record(), depth + 1);
        // A member sharing its type with another is named, as decoders return it.
        return u.isAliased(m) ? GenericUnion.of(member.name(), v) : v;
      }
      default:
        throw new AssertionError(t.kind());
    }
  }

  /** Fewer records per collection the deeper they are, so that recursive schemas give values of bounded size. */
  private static int namedElements(int depth) {
    return 8 >> Math.min(depth - 1, 4);
  }

  private static Instant timestamp(Source s) {
    if (s.chance(30)) {
      return TIMESTAMP_EDGES[(int) s.choose(TIMESTAMP_EDGES.length - 1)];
    }
    long min = TimestampRange.MIN.getEpochSecond();
    long max = TimestampRange.MAX.getEpochSecond();
    long seconds = s.chance(50) ? s.choose(4_000_000_000L) - 2_000_000_000L : min + s.choose(max - min);
    long nanos;
    switch (s.weighted(3, 2, 2, 3)) {
      case 0: nanos = 0; break;
      case 1: nanos = s.choose(999) * 1_000_000L; break;
      case 2: nanos = s.choose(999_999) * 1_000L; break;
      default: nanos = s.choose(999_999_999L); break;
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** Edges (±the range, ±1 ns, -1.5 s), small spans and spans anywhere in range, often with nanos. */
  private static Duration duration(Source s) {
    if (s.chance(30)) {
      return DURATION_EDGES[(int) s.choose(DURATION_EDGES.length - 1)];
    }
    long max = DurationRange.MAX_SECONDS;
    long seconds = s.chance(50) ? s.choose(200_000L) - 100_000L : s.choose(2 * max) - max;
    long nanos;
    switch (s.weighted(3, 2, 2, 3)) {
      case 0: nanos = 0; break;
      case 1: nanos = s.choose(999) * 1_000_000L; break;
      case 2: nanos = s.choose(999_999) * 1_000L; break;
      default: nanos = s.choose(999_999_999L); break;
    }
    // The same sign for both parts, as the wire forms have them.
    return seconds < 0 || (seconds == 0 && s.chance(50)) ? Duration.ofSeconds(seconds, -nanos) : Duration.ofSeconds(seconds, nanos);
  }

  private static Object vector(Source s, VectorSchema v) {
    if (v.element() == Kind.FLOAT64) {
      List<Double> l = Gens.lists(Gens.doubles(), 1000).generate(s);
      double[] a = new double[l.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = l.get(i);
      }
      return a;
    }
    Gen<Float> element = v.quantization() == Quantization.INT8 ? Gens.finiteFloats() : Gens.floats();
    List<Float> l = Gens.lists(element, 1000).generate(s);
    float[] a = new float[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }

  private int shallowestMember(UnionSchema u) {
    int best = 0;
    for (int i = 1; i < u.members().size(); i++) {
      if (height(u.members().get(i)) < height(u.members().get(best))) {
        best = i;
      }
    }
    return best;
  }

  private int height(UnionSchema.Member m) {
    return m.isString() ? 0 : heights.get(m.type());
  }

  /**
   * For each record and union, how many nested records its smallest value needs, counting only required
   * record and union fields (optional fields can be absent, collections empty). Used to end recursion.
   */
  private static Map<Schema, Integer> heights(RecordSchema root) {
    List<Schema> named = SchemaGraph.of(root).namedTypes();
    Map<Schema, Integer> h = new HashMap<>();
    for (Schema t : named) {
      h.put(t, t instanceof RecordSchema || t instanceof UnionSchema ? Integer.MAX_VALUE / 2 : 0);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Schema t : named) {
        int v;
        if (t instanceof RecordSchema) {
          v = 1;
          for (Field f : ((RecordSchema) t).fields()) {
            if (!f.optional() && (f.type() instanceof RecordSchema || f.type() instanceof UnionSchema)) {
              v = Math.max(v, 1 + h.getOrDefault(f.type(), Integer.MAX_VALUE / 2));
            }
          }
        } else if (t instanceof UnionSchema) {
          v = Integer.MAX_VALUE / 2;
          for (UnionSchema.Member m : ((UnionSchema) t).members()) {
            v = Math.min(v, m.isString() ? 0 : h.getOrDefault(m.type(), Integer.MAX_VALUE / 2));
          }
        } else {
          continue;
        }
        v = Math.min(v, Integer.MAX_VALUE / 2);
        if (v < h.get(t)) {
          h.put(t, v);
          changed = true;
        }
      }
    }
    return Collections.unmodifiableMap(h);
  }
}
