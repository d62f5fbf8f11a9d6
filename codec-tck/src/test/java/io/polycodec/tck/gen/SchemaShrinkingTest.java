package io.polycodec.tck.gen;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.engine.PropertyFailure;
import io.polycodec.tck.engine.Settings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A counterexample keeps only the schema the failure needs: unrelated fields and nested records are dropped. */
class SchemaShrinkingTest {

  @Test
  void unrelatedFieldsAndRecordsAreShrunkAway() {
    for (long seed : new long[] {1, 2, 3}) {
      Property<Sample> p = Property.of("noFloat64AtTheRoot", 300, Sample.single(), s -> {
        for (int i = 0; i < s.schema().size(); i++) {
          if (s.schema().field(i).type().kind() == Kind.FLOAT64) {
            throw new AssertionError("fields=" + s.schema().size() + " records=" + records(s.schema(), new HashSet<>()));
          }
        }
      });
      PropertyFailure f = assertThrows(PropertyFailure.class, () -> p.run(Settings.defaults().withSeed(seed)));
      String shrunk = f.getCause().getMessage();
      // The first field always exists; the float64 field is it or the one after it.
      assertTrue(shrunk.matches("fields=[12] records=1"), "seed " + seed + ": " + shrunk + "\n" + f.getMessage());
    }
  }

  @Test
  void aValueDependentFailureKeepsOnlyTheFieldItNeeds() {
    StringBuilder report = new StringBuilder();
    int small = 0;
    for (long seed = 1; seed <= 8; seed++) {
      Property<Sample> p = Property.of("noNegativeDouble", 300, Sample.single(), s -> {
        if (hasNegativeDouble(s.value())) {
          throw new AssertionError("fields=" + s.schema().size() + " records=" + records(s.schema(), new HashSet<>()));
        }
      });
      long fixed = seed;
      PropertyFailure f = assertThrows(PropertyFailure.class, () -> p.run(Settings.defaults().withSeed(fixed)));
      String shrunk = f.getCause().getMessage();
      report.append("seed ").append(seed).append(": ").append(shrunk).append('\n');
      if (shrunk.matches("fields=[12] records=[12]")) {
        small++;
      }
    }
    System.out.println(report);
    // Measured: 6 of these 8 seeds shrink to at most 2 fields and 2 records (4 before fields were
    // drawn as one span each); the others keep a third field whose value choices the failure needs.
    assertTrue(small >= 6, "counterexamples should keep at most 2 fields and 2 records:\n" + report);
  }

  private static boolean hasNegativeDouble(Object v) {
    if (v instanceof io.polycodec.GenericRecord) {
      io.polycodec.GenericRecord r = (io.polycodec.GenericRecord) v;
      for (int i = 0; i < r.schema().size(); i++) {
        if (hasNegativeDouble(r.get(i))) {
          return true;
        }
      }
      return false;
    }
    if (v instanceof java.util.Collection) {
      for (Object e : (java.util.Collection<?>) v) {
        if (hasNegativeDouble(e)) {
          return true;
        }
      }
      return false;
    }
    if (v instanceof java.util.Map) {
      return hasNegativeDouble(((java.util.Map<?, ?>) v).values());
    }
    return v instanceof Double && (Double) v < -1;
  }

  private static int records(RecordSchema r, Set<String> seen) {
    if (!seen.add(r.name())) {
      return 0;
    }
    int n = 1;
    for (int i = 0; i < r.size(); i++) {
      n += records(r.field(i).type(), seen);
    }
    return n;
  }

  private static int records(Schema t, Set<String> seen) {
    switch (t.kind()) {
      case RECORD: return records((RecordSchema) t, seen);
      case LIST: return records(((ListSchema) t).element(), seen);
      case MAP: return records(((MapSchema) t).value(), seen);
      case UNION: {
        int n = 0;
        for (UnionSchema.Member m : ((UnionSchema) t).members()) {
          n += records(m.type(), seen);
        }
        return n;
      }
      default: return 0;
    }
  }
}
