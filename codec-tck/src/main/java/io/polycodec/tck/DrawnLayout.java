package io.polycodec.tck;

import io.polycodec.evolution.WireChoices;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.tck.engine.Source;
import java.util.Set;
import java.util.TreeSet;

/**
 * Wire choices drawn for a schema, for backends that have them ({@link CodecTck#hasWireChoices()}):
 * each message field (or repeated message) of every record written delimited or not, each repeated
 * number unpacked or not. Immutable once drawn; shrinks towards no choice.
 */
final class DrawnLayout implements WireChoices {
  private final Set<String> delimited = new TreeSet<>();
  private final Set<String> unpacked = new TreeSet<>();

  private DrawnLayout() {}

  /** Choices for every record reachable from {@code root}. */
  static WireChoices draw(Source s, RecordSchema root) {
    DrawnLayout l = new DrawnLayout();
    for (Schema t : SchemaGraph.of(root).namedTypes()) {
      if (!(t instanceof RecordSchema)) {
        continue;
      }
      RecordSchema r = (RecordSchema) t;
      for (Field f : r.fields()) {
        Schema e = f.type().kind() == Kind.LIST ? ((ListSchema) f.type()).element() : null;
        if ((f.type().kind() == Kind.RECORD || (e != null && e.kind() == Kind.RECORD)) && s.chance(50)) {
          l.delimited.add(r.name() + "#" + f.tag());
        } else if (e != null && packable(e.kind()) && s.chance(50)) {
          l.unpacked.add(r.name() + "#" + f.tag());
        }
      }
    }
    return l.delimited.isEmpty() && l.unpacked.isEmpty() ? WireChoices.NONE : l;
  }

  private static boolean packable(Kind k) {
    return switch (k) {
      case BOOL, INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, ENUM -> true;
      default -> false;
    };
  }

  @Override
  public boolean isDelimited(String record, int field) {
    return delimited.contains(record + "#" + field);
  }

  @Override
  public boolean isUnpacked(String record, int field) {
    return unpacked.contains(record + "#" + field);
  }

  @Override
  public String toString() {
    return "delimited " + delimited + ", unpacked " + unpacked;
  }
}
