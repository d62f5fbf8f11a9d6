package io.polycodec.tck.gen;

import io.polycodec.GenericRecord;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.tck.engine.Describe;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What decoding must do, as {@link Projection} works it out: give a value, fail with a
 * {@link io.polycodec.DecodeException}, or either (the rules do not say). Immutable.
 */
public final class Expectation {
  /** The three outcomes. */
  public enum Outcome {
    /** Decoding must give {@link #value()}. */
    VALUE,
    /** Decoding must throw a DecodeException. */
    FAILS,
    /** Decoding may give a value or throw a DecodeException. */
    UNSPECIFIED
  }

  private final Outcome outcome;
  private final GenericRecord value;
  private final String reason;
  private final Set<String> absentMeansDefault;
  private final Set<String> float32Precision;

  private Expectation(Outcome outcome, GenericRecord value, String reason, Set<String> absentMeansDefault,
      Set<String> float32Precision) {
    this.outcome = outcome;
    this.value = value;
    this.reason = reason;
    this.absentMeansDefault = Set.copyOf(absentMeansDefault);
    this.float32Precision = Set.copyOf(float32Precision);
  }

  static Expectation value(GenericRecord value, Set<String> absentMeansDefault, Set<String> float32Precision) {
    return new Expectation(Outcome.VALUE, Objects.requireNonNull(value), null, absentMeansDefault, float32Precision);
  }

  static Expectation fails(String reason) {
    return new Expectation(Outcome.FAILS, null, reason, Set.of(), Set.of());
  }

  static Expectation unspecified(String reason) {
    return new Expectation(Outcome.UNSPECIFIED, null, reason, Set.of(), Set.of());
  }

  /** The outcome. */
  public Outcome outcome() {
    return outcome;
  }

  /** The value decoding must give, for {@link Outcome#VALUE}; otherwise null. */
  public GenericRecord value() {
    return value;
  }

  /** Why decoding fails or is unspecified; null for {@link Outcome#VALUE}. */
  public String reason() {
    return reason;
  }

  /**
   * Fields ("Record.field") made optional from non-optional, whose value the writer may have omitted
   * because it equalled the default: there, absent and the default value both match.
   */
  public Set<String> absentMeansDefault() {
    return absentMeansDefault;
  }

  /**
   * Fields ("Record.field") widened from float32 to float64 in a format that writes floats as decimals:
   * there, values compare at float32 precision.
   */
  public Set<String> float32Precision() {
    return float32Precision;
  }

  /**
   * {@code decoded} with every absent field listed in {@link #absentMeansDefault()} set to its default
   * and every value of a field listed in {@link #float32Precision()} rounded to float32; apply it to the
   * expected value too, so that the two compare as the rules allow.
   */
  public GenericRecord normalize(GenericRecord decoded) {
    return absentMeansDefault.isEmpty() && float32Precision.isEmpty() ? decoded : (GenericRecord) normalized(decoded);
  }

  private static Object toFloat32(Object v) {
    if (v instanceof Double) {
      return (double) (float) (double) (Double) v;
    }
    if (v instanceof List) {
      return ((List<?>) v).stream().map(Expectation::toFloat32).collect(java.util.stream.Collectors.toList());
    }
    if (v instanceof Map) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(e.getKey(), toFloat32(e.getValue()));
      }
      return out;
    }
    return v;
  }

  private Object normalized(Object v) {
    if (v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      RecordSchema s = r.schema();
      GenericRecord.Builder b = r.toBuilder();
      for (int i = 0; i < s.size(); i++) {
        Field f = s.field(i);
        Object x = r.get(i);
        if (x == null && absentMeansDefault.contains(s.name() + "." + f.name())) {
          GenericRecord defaults = GenericRecord.builder(
              RecordSchema.of("Defaults", Field.of("v", 1, f.type()))).build();
          b.set(i, defaults.get(0));
        } else if (x != null && float32Precision.contains(s.name() + "." + f.name())) {
          b.set(i, toFloat32(x));
        } else if (x != null) {
          b.set(i, normalized(x));
        }
      }
      return b.build();
    }
    if (v instanceof io.polycodec.GenericUnion) {
      io.polycodec.GenericUnion u = (io.polycodec.GenericUnion) v;
      return io.polycodec.GenericUnion.of(u.member(), normalized(u.value()));
    }
    if (v instanceof List) {
      return ((List<?>) v).stream().map(this::normalized).collect(java.util.stream.Collectors.toList());
    }
    if (v instanceof Map) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(e.getKey(), normalized(e.getValue()));
      }
      return out;
    }
    return v;
  }

  @Override
  public String toString() {
    switch (outcome) {
      case VALUE:
        return "decodes to " + Describe.of(value)
            + (absentMeansDefault.isEmpty() ? "" : " (absent = default for " + absentMeansDefault + ")")
            + (float32Precision.isEmpty() ? "" : " (float32 precision for " + float32Precision + ")");
      case FAILS:
        return "fails: " + reason;
      default:
        return "unspecified: " + reason;
    }
  }
}
