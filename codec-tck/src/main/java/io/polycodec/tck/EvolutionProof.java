package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.DecodeException;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.Severity;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.SchemaSnapshot;
import io.polycodec.tck.engine.Describe;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Proves the compatibility checker's grades for one backend on real bytes. A rule names two versions of
 * a record and pairs of values that mean the same data in each (or a value of one version that the
 * other cannot hold faithfully). For each direction, values are written with one version's codec and
 * read with the other's, and the checker's grade for that direction must be the one the rule declares
 * and must agree with what the bytes did:
 *
 * <ul>
 *   <li>{@link Severity#SAFE}: every value reads as its faithful counterpart;</li>
 *   <li>{@link Severity#CAVEAT}: every value reads, and at least one reads as something other than its
 *       faithful counterpart (or has none): proof that the change is not safe;</li>
 *   <li>{@link Severity#BREAKING}: at least one value fails to decode, reads as something other than
 *       its faithful counterpart, reads with lists or maps of other sizes (entries lost), or holds an
 *       enum number that is none of the reader's constants (a Java enum without {@code @Fallback}
 *       refuses it): proof that it is not a false alarm.</li>
 * </ul>
 *
 * <p>Backends use it from their tests with their own {@code GenericRecord} codecs; the rules and their
 * sources are in docs/evolution.md. Not thread-safe; one instance per test.
 */
public final class EvolutionProof {
  private final Function<RecordSchema, Codec<GenericRecord>> codecs;

  private EvolutionProof(Function<RecordSchema, Codec<GenericRecord>> codecs) {
    this.codecs = Objects.requireNonNull(codecs, "codecs");
  }

  /** A prover that writes and reads with {@code codecs} (one codec per schema; its format picks the rules). */
  public static EvolutionProof with(Function<RecordSchema, Codec<GenericRecord>> codecs) {
    return new EvolutionProof(codecs);
  }

  /** Snapshot text of enum {@code E} with constants {@code A = 0, B = 1, C = 2}, a type for {@link #record}. */
  public static final String ENUM_E_ABC = "{\"kind\": \"enum\", \"name\": \"E\", \"constants\": ["
      + "{\"name\": \"A\", \"number\": 0}, {\"name\": \"B\", \"number\": 1}, {\"name\": \"C\", \"number\": 2}]}";
  /** Snapshot text of enum {@code E} with constants {@code A = 0, B = 1}: {@link #ENUM_E_ABC} without C. */
  public static final String ENUM_E_AB = "{\"kind\": \"enum\", \"name\": \"E\", \"constants\": ["
      + "{\"name\": \"A\", \"number\": 0}, {\"name\": \"B\", \"number\": 1}]}";
  /** Snapshot text of record {@code P} holding {@code x: int32} at tag 1, a union member for {@link #record}. */
  public static final String RECORD_P = "{\"kind\": \"record\", \"name\": \"P\", \"fields\": ["
      + field("x", 1, "int32") + "]}";
  /** Snapshot text of record {@code Q} holding {@code s: string} at tag 1, a union member for {@link #record}. */
  public static final String RECORD_Q = "{\"kind\": \"record\", \"name\": \"Q\", \"fields\": ["
      + field("s", 1, "string") + "]}";

  /** Snapshot text of a field, for {@link #record}'s {@code fields}. */
  public static String field(String name, int tag, String type) {
    return "{\"name\": \"" + name + "\", \"tag\": " + tag + ", \"type\": \"" + type + "\"}";
  }

  /** Snapshot text of an optional field, for {@link #record}'s {@code fields}. */
  public static String optionalField(String name, int tag, String type) {
    return "{\"name\": \"" + name + "\", \"tag\": " + tag + ", \"type\": \"" + type + "\", \"optional\": true}";
  }

  /**
   * The record of member {@code i} of the union in field {@code u} of {@code r}.
   *
   * @throws IllegalStateException if that member is a string
   */
  public static RecordSchema unionMember(RecordSchema r, int i) {
    return ((io.polycodec.schema.UnionSchema) r.field("u").type()).members().get(i).record();
  }

  /**
   * A record {@code M} from snapshot JSON: {@code fields} is the text of its field objects (as in
   * {@code "fields": [ … ]}), {@code types} whole type objects it uses (enums, unions, records).
   *
   * @throws io.polycodec.SchemaException if the text is no valid snapshot
   */
  public static RecordSchema record(String fields, String... types) {
    StringBuilder t = new StringBuilder("{\"polycodec\": \"schema/1\", \"root\": \"M\", \"types\": [");
    for (String type : types) {
      t.append(type).append(',');
    }
    t.append("{\"kind\": \"record\", \"name\": \"M\", \"fields\": [").append(fields).append("]}]}");
    return SchemaSnapshot.fromJson(t.toString());
  }

  /** A value of {@code schema}: field name, value, …; fields not named take their defaults. */
  public static GenericRecord value(RecordSchema schema, Object... nameValue) {
    GenericRecord.Builder b = GenericRecord.builder(schema);
    for (int i = 0; i < nameValue.length; i += 2) {
      b.set((String) nameValue[i], nameValue[i + 1]);
    }
    return b.build();
  }

  /** A rule: {@code v1} evolves to {@code v2}; backward reads v1 data with v2, forward v2 data with v1. */
  public Rule rule(String name, RecordSchema v1, RecordSchema v2) {
    return new Rule(name, v1, v2);
  }

  /** One rule of the table, with its values; {@link #proves} runs it. */
  public final class Rule {
    private final String name;
    private final RecordSchema v1;
    private final RecordSchema v2;
    private final List<GenericRecord[]> pairs = new ArrayList<>();
    private final List<GenericRecord[]> backwardOnly = new ArrayList<>();
    private final List<GenericRecord[]> forwardOnly = new ArrayList<>();

    private Rule(String name, RecordSchema v1, RecordSchema v2) {
      this.name = name;
      this.v1 = v1;
      this.v2 = v2;
    }

    /** {@code a} (of v1) and {@code b} (of v2) mean the same data; either may be null for "not expressible". */
    public Rule same(GenericRecord a, GenericRecord b) {
      if (a == null && b == null) {
        throw new IllegalArgumentException("one of the pair must be a value");
      }
      pairs.add(new GenericRecord[] {a, b});
      return this;
    }

    /**
     * v1 data {@code written} that a faithful v2 reader reads as {@code read} (for example with a removed
     * field dropped); null if v2 cannot hold it faithfully.
     */
    public Rule backward(GenericRecord written, GenericRecord read) {
      backwardOnly.add(new GenericRecord[] {Objects.requireNonNull(written, "written"), read});
      return this;
    }

    /** v2 data {@code written} that a faithful v1 reader reads as {@code read}; null if v1 cannot hold it. */
    public Rule forward(GenericRecord written, GenericRecord read) {
      forwardOnly.add(new GenericRecord[] {Objects.requireNonNull(written, "written"), read});
      return this;
    }

    /** {@code a} (of v1), which v2 cannot hold faithfully. */
    public Rule onlyV1(GenericRecord a) {
      return same(a, null);
    }

    /** {@code b} (of v2), which v1 cannot hold faithfully. */
    public Rule onlyV2(GenericRecord b) {
      return same(null, b);
    }

    /**
     * Checks the checker's grades (backward: v1 data read with v2; forward: v2 data read with v1) and
     * proves them on the bytes.
     *
     * @return a one-line summary of what the bytes did, for the test's log
     * @throws AssertionError naming the rule, the direction, the checker's report and the values, if the
     *     checker's grade differs from the declared one or the bytes disprove it
     */
    public String proves(Severity backward, Severity forward) {
      String b = direction(true, backward);
      String f = direction(false, forward);
      return name + ": backward " + b + "; forward " + f;
    }

    private String direction(boolean backward, Severity declared) {
      RecordSchema w = backward ? v1 : v2;
      RecordSchema r = backward ? v2 : v1;
      String dir = name + " (" + (backward ? "backward: v1 data read with v2" : "forward: v2 data read with v1") + ")";
      Codec<GenericRecord> writer = codecs.apply(w);
      Codec<GenericRecord> reader = codecs.apply(r);
      CompatibilityResult verdict = Compatibility.check(w, r, writer.format());
      Severity grade = worst(verdict);
      if (grade != declared) {
        throw new AssertionError(dir + ": the checker grades it " + grade + ", the rule says " + declared + "\n"
            + verdict.report());
      }
      int failed = 0;
      int differed = 0;
      int written = 0;
      StringBuilder seen = new StringBuilder();
      List<GenericRecord[]> directed = new ArrayList<>();
      for (GenericRecord[] pair : pairs) {
        directed.add(backward ? pair : new GenericRecord[] {pair[1], pair[0]});
      }
      directed.addAll(backward ? backwardOnly : forwardOnly);
      for (GenericRecord[] pair : directed) {
        GenericRecord x = pair[0];
        GenericRecord y = pair[1];
        if (x == null) {
          continue;
        }
        written++;
        byte[] bytes = writer.encode(x);
        GenericRecord got;
        try {
          got = reader.decode(bytes);
        } catch (DecodeException e) {
          failed++;
          seen.append("\n  ").append(Describe.of(x)).append(" fails: ").append(e.getMessage());
          if (declared != Severity.BREAKING) {
            throw new AssertionError(dir + ": graded " + declared + ", but " + Describe.of(x) + " fails to decode: "
                + e.getMessage() + "\n" + verdict.report(), e);
          }
          continue;
        }
        if (holdsUnknownConstant(got)) {
          // A generic reader keeps a number that is none of its enum's constants; a Java enum without a
          // @Fallback constant refuses it, so for the reader's application the value does not read.
          failed++;
          seen.append("\n  ").append(Describe.of(x)).append(" reads a number that is no constant of the reader: ")
              .append(Describe.of(got));
          if (declared != Severity.BREAKING) {
            throw new AssertionError(dir + ": graded " + declared + ", but " + Describe.of(x) + " reads as "
                + Describe.of(got) + ", whose enum number is none of the reader's constants\n" + verdict.report());
          }
          continue;
        }
        if (y == null && declared == Severity.BREAKING && !sizes(x).equals(sizes(got))) {
          // No faithful reading exists, and some entries or elements vanished (map keys that collide
          // once narrowed): data lost, not merely truncated.
          failed++;
          seen.append("\n  ").append(Describe.of(x)).append(" reads ").append(Describe.of(got)).append(" (entries lost)");
          continue;
        }
        boolean faithful = y != null && Values.firstDifference(y, got) == null;
        seen.append("\n  ").append(Describe.of(x)).append(" reads ").append(Describe.of(got))
            .append(faithful ? " (faithful)" : y == null ? " (no faithful reading exists)" : " (expected " + Describe.of(y) + ")");
        if (!faithful) {
          differed++;
          if (declared == Severity.SAFE) {
            throw new AssertionError(dir + ": graded SAFE, but " + Describe.of(x) + " reads "
                + Describe.of(got) + (y == null ? ", and it has no faithful reading" : " instead of " + Describe.of(y))
                + "\n" + verdict.report());
          }
          if (declared == Severity.BREAKING && y != null) {
            failed++;
          }
        }
      }
      if (written == 0) {
        throw new AssertionError(dir + ": no value is written in this direction");
      }
      if (declared == Severity.CAVEAT && differed == 0) {
        throw new AssertionError(dir + ": graded CAVEAT, but every value read faithfully; add the value the caveat"
            + " is about, or the grade is a false alarm:" + seen + "\n" + verdict.report());
      }
      if (declared == Severity.BREAKING && failed == 0) {
        throw new AssertionError(dir + ": graded BREAKING, but every value decoded"
            + " (a false alarm, or a missing value that shows the breakage):" + seen + "\n" + verdict.report());
      }
      return declared.name().toLowerCase(java.util.Locale.ROOT) + " (" + written + " written, " + failed
          + " failed or read wrong, " + differed + " not faithful)";
    }
  }

  /** The sizes of every list and map in {@code v}, depth first. */
  private static List<Integer> sizes(Object v) {
    List<Integer> out = new ArrayList<>();
    sizes(v, out);
    return out;
  }

  private static void sizes(Object v, List<Integer> out) {
    if (v instanceof io.polycodec.GenericUnion) {
      sizes(((io.polycodec.GenericUnion) v).value(), out);
    } else if (v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      for (int i = 0; i < r.schema().fields().size(); i++) {
        sizes(r.get(i), out);
      }
    } else if (v instanceof java.util.Collection) {
      out.add(((java.util.Collection<?>) v).size());
      for (Object e : (java.util.Collection<?>) v) {
        sizes(e, out);
      }
    } else if (v instanceof java.util.Map) {
      out.add(((java.util.Map<?, ?>) v).size());
    }
  }

  private static boolean holdsUnknownConstant(Object v) {
    if (v instanceof GenericEnum) {
      return !((GenericEnum) v).isKnown();
    }
    if (v instanceof io.polycodec.GenericUnion) {
      return holdsUnknownConstant(((io.polycodec.GenericUnion) v).value());
    }
    if (v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      for (int i = 0; i < r.schema().fields().size(); i++) {
        if (holdsUnknownConstant(r.get(i))) {
          return true;
        }
      }
    } else if (v instanceof java.util.Collection) {
      for (Object e : (java.util.Collection<?>) v) {
        if (holdsUnknownConstant(e)) {
          return true;
        }
      }
    } else if (v instanceof java.util.Map) {
      for (Object e : ((java.util.Map<?, ?>) v).values()) {
        if (holdsUnknownConstant(e)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The worst grade among a result's findings; SAFE when there are none. */
  public static Severity worst(CompatibilityResult result) {
    if (!result.reasons().isEmpty()) {
      return Severity.BREAKING;
    }
    return result.caveats().isEmpty() ? Severity.SAFE : Severity.CAVEAT;
  }
}
