package io.polycodec.evolution;

import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random schema graphs for tests: several records (recursive through optional fields, lists,
 * maps and unions; required record fields only point "forward", so there is never a required cycle),
 * enums with scattered numbers, unions, every scalar kind and integer encoding, vectors, oneofs and
 * deprecated fields. Stands in for the TCK's generators until codec-tck lands.
 */
final class RandomSchemas {
  private RandomSchemas() {}

  static RecordSchema generate(SplittableRandom rnd) {
    int nRecords = 1 + rnd.nextInt(4);
    List<RecordSchema.Builder> builders = new ArrayList<>();
    for (int i = 0; i < nRecords; i++) {
      builders.add(RecordSchema.builder(i == 0 ? "Root" : "pkg.R" + i));
    }
    List<EnumSchema> enums = new ArrayList<>();
    int nEnums = rnd.nextInt(3);
    for (int i = 0; i < nEnums; i++) {
      List<EnumSchema.Constant> cs = new ArrayList<>();
      int n = 1 + rnd.nextInt(4);
      int number = rnd.nextInt(3) - 1;
      for (int c = 0; c < n; c++) {
        cs.add(new EnumSchema.Constant("C" + c, number));
        number += 1 + rnd.nextInt(200);
      }
      enums.add(EnumSchema.of("E" + i, cs));
    }
    UnionSchema union = null;
    if (nRecords > 1 && rnd.nextBoolean()) {
      List<UnionSchema.Member> ms = new ArrayList<>();
      for (int i = 1; i < nRecords; i++) {
        if (ms.isEmpty() || rnd.nextBoolean()) {
          ms.add(new UnionSchema.Member("M" + i, i * 2, builders.get(i).ref()));
        }
      }
      union = UnionSchema.of("U", ms);
    }
    for (int i = 0; i < nRecords; i++) {
      RecordSchema.Builder b = builders.get(i);
      int nFields = rnd.nextInt(7);
      int tag = 0;
      for (int f = 0; f < nFields; f++) {
        tag += 1 + rnd.nextInt(3);
        Schema type = type(rnd, builders, enums, union, i, true);
        boolean canBeOptional = !type.kind().isCollection();
        boolean mustBeOptional = type.kind() == Kind.RECORD && !canRequire(builders, i, (RecordSchema) type);
        boolean optional = canBeOptional && (mustBeOptional || rnd.nextInt(3) == 0);
        Field field = optional ? Field.optional("f" + f, tag, type) : Field.of("f" + f, tag, type);
        if (optional && rnd.nextInt(4) == 0) {
          field = field.withOneof("g" + rnd.nextInt(2));
        }
        if (rnd.nextInt(8) == 0) {
          field = field.withDeprecated(true);
        }
        b.field(field);
      }
    }
    // Build in reverse so that a record is built after the ones it requires; order does not matter
    // for refs, only that every builder is built.
    for (int i = nRecords - 1; i >= 0; i--) {
      builders.get(i).build();
    }
    return builders.get(0).ref();
  }

  private static boolean canRequire(List<RecordSchema.Builder> builders, int from, RecordSchema target) {
    return builders.indexOf(builderOf(builders, target)) > from;
  }

  private static RecordSchema.Builder builderOf(List<RecordSchema.Builder> builders, RecordSchema r) {
    for (RecordSchema.Builder b : builders) {
      if (b.ref() == r) {
        return b;
      }
    }
    return null;
  }

  private static Schema type(SplittableRandom rnd, List<RecordSchema.Builder> builders, List<EnumSchema> enums,
      UnionSchema union, int self, boolean collectionsAllowed) {
    int pick = rnd.nextInt(collectionsAllowed ? 14 : 11);
    switch (pick) {
      case 0: return Schema.bool();
      case 1: return ScalarSchema.of(Kind.INT32, encoding(rnd));
      case 2: return ScalarSchema.of(Kind.INT64, encoding(rnd));
      case 3: return Schema.float32();
      case 4: return Schema.float64();
      case 5: return Schema.string();
      case 6: return Schema.bytes();
      case 7: return Schema.timestamp();
      case 8:
        return enums.isEmpty() ? Schema.string() : enums.get(rnd.nextInt(enums.size()));
      case 9:
        return builders.get(rnd.nextInt(builders.size())).ref();
      case 10:
        return union == null ? Schema.int64() : union;
      case 11:
        return Schema.list(type(rnd, builders, enums, union, self, false));
      case 12: {
        ScalarSchema key;
        switch (rnd.nextInt(4)) {
          case 0: key = Schema.string(); break;
          case 1: key = Schema.bool(); break;
          case 2: key = ScalarSchema.of(Kind.INT32, encoding(rnd)); break;
          default: key = ScalarSchema.of(Kind.INT64, encoding(rnd)); break;
        }
        return Schema.map(key, type(rnd, builders, enums, union, self, false));
      }
      default: {
        int q = rnd.nextInt(5);
        return q == 4 ? Schema.float64Vector() : Schema.float32Vector(Quantization.values()[q]);
      }
    }
  }

  private static IntEncoding encoding(SplittableRandom rnd) {
    return rnd.nextInt(3) == 0 ? IntEncoding.values()[rnd.nextInt(IntEncoding.values().length)] : IntEncoding.VARINT;
  }
}
