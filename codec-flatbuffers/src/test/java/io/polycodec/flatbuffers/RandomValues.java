package io.polycodec.flatbuffers;

import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.TimestampRange;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import io.polycodec.vector.VectorBytes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random {@link GenericRecord}s of any schema, biased towards edge cases: extreme and special
 * numbers (NaN, ±Infinity, -0.0, subnormals), empty and non-ASCII strings (surrogate pairs, U+0000,
 * U+FFFD), empty collections, absent and present-but-default optional fields, unknown enum numbers.
 * Quantized vectors are generated already quantized (so a round trip is exact); {@code plainFloats}
 * restricts floats to values flatc prints and parses exactly (for the oracle tests).
 */
final class RandomValues {
  private static final int[] CODE_POINTS = {
    'a', 'Z', '0', ' ', '"', '\\', '\n', 0, 0x7F, 0xE9, 0x3B1, 0x4E2D, 0xFFFD, 0xFEFF, 0x1F600, 0x10FFFF, 0xE000, 0xD7FF,
  };

  private final Random rnd;
  private final int maxDepth;
  private final boolean plainFloats;

  RandomValues(long seed, int maxDepth, boolean plainFloats) {
    this.rnd = new Random(seed);
    this.maxDepth = maxDepth;
    this.plainFloats = plainFloats;
  }

  Random random() {
    return rnd;
  }

  GenericRecord record(RecordSchema s) {
    return record(s, 1);
  }

  private GenericRecord record(RecordSchema s, int depth) {
    GenericRecord.Builder b = GenericRecord.builder(s);
    String oneofTaken = null;
    for (Field f : s.fields()) {
      boolean deep = depth >= maxDepth;
      if (f.optional()) {
        if (deep || rnd.nextInt(3) == 0) {
          continue;
        }
        if (f.oneof() != null) {
          if (f.oneof().equals(oneofTaken)) {
            continue;
          }
          oneofTaken = f.oneof();
        }
      } else if (f.type().kind() != Kind.UNION && rnd.nextInt(5) == 0) {
        continue;  // left at its default
      }
      b.set(f.name(), value(f.type(), depth));
    }
    return b.build();
  }

  Object value(Schema type, int depth) {
    boolean deep = depth >= maxDepth;
    switch (type.kind()) {
      case BOOL: return rnd.nextBoolean();
      case INT8: return (int) (byte) rnd.nextInt();
      case INT16: return (int) (short) rnd.nextInt();
      case INT32: return anInt();
      case INT64: return aLong();
      case FLOAT32: return aFloat();
      case FLOAT64: return aDouble();
      case STRING: return aString();
      case BYTES: {
        byte[] b = new byte[rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(20)];
        rnd.nextBytes(b);
        return b;
      }
      case TIMESTAMP: return aTimestamp();
      case DURATION: return aDuration();
      case ENUM: {
        EnumSchema e = (EnumSchema) type;
        if (rnd.nextInt(8) == 0) {
          int n = rnd.nextInt(1000) + 1000;
          return GenericEnum.unknown(n);
        }
        EnumSchema.Constant c = e.constants().get(rnd.nextInt(e.constants().size()));
        return GenericEnum.of(c.name(), c.number());
      }
      case RECORD: return record((RecordSchema) type, depth + 1);
      case UNION: {
        UnionSchema u = (UnionSchema) type;
        int mi = deep ? shallowest(u) : rnd.nextInt(u.members().size());
        UnionSchema.Member m = u.members().get(mi);
        Object member = m.isString() ? aString() : record(m.record(), depth + 2);
        return u.isAliased(mi) ? io.polycodec.GenericUnion.of(m.name(), member) : member;
      }
      case LIST: {
        int n = deep ? 0 : rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(5);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          out.add(value(((ListSchema) type).element(), depth + 1));
        }
        return out;
      }
      case MAP: {
        MapSchema m = (MapSchema) type;
        int n = deep ? 0 : rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(5);
        Map<Object, Object> out = rnd.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          out.put(value(m.key(), depth + 1), value(m.value(), depth + 1));
        }
        return out;
      }
      case VECTOR: return aVector((VectorSchema) type);
      default: throw new AssertionError(type.kind());
    }
  }

  /** A member whose record has no required union (so that recursion through unions ends). */
  private static int shallowest(UnionSchema u) {
    for (int i = 0; i < u.members().size(); i++) {
      UnionSchema.Member m = u.members().get(i);
      if (m.isString()) {
        return i;
      }
      boolean ok = true;
      for (Field f : m.record().fields()) {
        ok &= f.optional() || (f.type().kind() != Kind.UNION && f.type().kind() != Kind.RECORD);
      }
      if (ok) {
        return i;
      }
    }
    return 0;
  }

  int anInt() {
    switch (rnd.nextInt(6)) {
      case 0: return 0;
      case 1: return Integer.MIN_VALUE;
      case 2: return Integer.MAX_VALUE;
      case 3: return -1;
      default: return rnd.nextInt();
    }
  }

  long aLong() {
    switch (rnd.nextInt(6)) {
      case 0: return 0L;
      case 1: return Long.MIN_VALUE;
      case 2: return Long.MAX_VALUE;
      case 3: return -1L;
      default: return rnd.nextLong();
    }
  }

  float aFloat() {
    if (plainFloats) {
      // Values flatc prints with its 6 decimals without loss: small integers and halves.
      return rnd.nextInt(5) == 0 ? Float.NaN : (rnd.nextInt(2001) - 1000) / 2f;
    }
    switch (rnd.nextInt(10)) {
      case 0: return Float.NaN;
      case 1: return Float.POSITIVE_INFINITY;
      case 2: return Float.NEGATIVE_INFINITY;
      case 3: return -0.0f;
      case 4: return Float.MIN_VALUE;
      case 5: return -Float.MAX_VALUE;
      case 6: return 0f;
      default: return Float.intBitsToFloat(rnd.nextInt());
    }
  }

  double aDouble() {
    if (plainFloats) {
      return rnd.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : (rnd.nextInt(2001) - 1000) / 4.0;
    }
    switch (rnd.nextInt(10)) {
      case 0: return Double.NaN;
      case 1: return Double.POSITIVE_INFINITY;
      case 2: return Double.NEGATIVE_INFINITY;
      case 3: return -0.0;
      case 4: return Double.MIN_VALUE;
      case 5: return Double.MAX_VALUE;
      case 6: return 0.0;
      default: return Double.longBitsToDouble(rnd.nextLong());
    }
  }

  String aString() {
    int n = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(rnd.nextBoolean() ? 'a' + rnd.nextInt(26) : CODE_POINTS[rnd.nextInt(CODE_POINTS.length)]);
    }
    return sb.toString();
  }

  Instant aTimestamp() {
    switch (rnd.nextInt(5)) {
      case 0: return TimestampRange.MIN;
      case 1: return TimestampRange.MAX;
      case 2: return Instant.EPOCH;
      default: {
        long lo = TimestampRange.MIN.getEpochSecond();
        long hi = TimestampRange.MAX.getEpochSecond();
        long s = lo + (long) (rnd.nextDouble() * (hi - lo));
        return Instant.ofEpochSecond(s, rnd.nextInt(1_000_000_000));
      }
    }
  }

  java.time.Duration aDuration() {
    switch (rnd.nextInt(6)) {
      case 0: return io.polycodec.schema.DurationRange.MIN;
      case 1: return io.polycodec.schema.DurationRange.MAX;
      case 2: return java.time.Duration.ZERO;
      case 3: return java.time.Duration.ofMillis(-1500);
      default: {
        long max = io.polycodec.schema.DurationRange.MAX_SECONDS;
        long s = (long) ((rnd.nextDouble() * 2 - 1) * max);
        int nanos = rnd.nextInt(1_000_000_000);
        return java.time.Duration.ofSeconds(s, s < 0 ? -nanos : nanos);
      }
    }
  }

  private Object aVector(VectorSchema v) {
    int n = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(9);
    if (v.element() == Kind.FLOAT64) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = aDouble();
      }
      return d;
    }
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = v.quantization() == Quantization.INT8 || plainFloats ? (rnd.nextInt(2001) - 1000) / 8f : aFloat();
    }
    return v.quantization() == Quantization.NONE ? f : VectorBytes.roundTrip(f, v.quantization());
  }
}
