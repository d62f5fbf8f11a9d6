package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polycodec.CodecOptions;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random struct shapes (every scalar width, enums of 1, 2 and 8 bytes, nested structs, arrays of
 * scalars and of structs, force_align) against flatc 2.0.8 both ways: flatc's binaries decode to the
 * JSON's values and flatc prints Polycodec's bytes as the values. A wrong offset, padding or alignment
 * rule shows up as a different value. {@code -Dpolycodec.seed=N} replays one schema.
 */
class RandomStructTest {
  private static final long SEED = Long.getLong("polycodec.seed", 4_2L);
  private static final int SCHEMAS = Integer.getInteger("polycodec.structSchemas", 12);
  private static final int VALUES = 6;
  private static final String[] ENUM_TYPES = {"byte", "ubyte", "short", "long", "int"};

  @Test
  void randomStructsAgreeWithFlatc(@TempDir Path dir) throws IOException {
    Flatc.require();
    for (int s = 0; s < SCHEMAS; s++) {
      long seed = SEED + s;
      String context = "seed " + seed + " (replay with -Dpolycodec.seed=" + seed + " -Dpolycodec.structSchemas=1)";
      Random rnd = new Random(seed);
      FlatLayout.Builder layout = FlatLayout.builder();
      EnumSchema color = EnumSchema.of("r.Color", List.of(new EnumSchema.Constant("A", 0),
          new EnumSchema.Constant("B", 1), new EnumSchema.Constant("C", 100)));
      layout.enumType("r.Color", ENUM_TYPES[rnd.nextInt(ENUM_TYPES.length)]);
      List<RecordSchema> structs = new ArrayList<>();
      for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
        structs.add(struct(rnd, "r.S" + k, structs, color, layout));
      }
      RecordSchema last = structs.get(structs.size() - 1);
      RecordSchema root = RecordSchema.builder("r.Root")
          .field("tiny", 1, Schema.int8())
          .optionalField("s", 2, last)
          .field("v", 3, Schema.list(last))
          .field("first", 4, structs.get(0))
          .build();
      FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.of(RecordBinding.generic(root),
          CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT, layout.build()));
      Path d = Files.createDirectories(dir.resolve("s" + s));
      Files.writeString(d.resolve("r.fbs"), codec.fbs());
      List<GenericRecord> values = new ArrayList<>();
      List<String> toJson = new ArrayList<>(List.of("--json", "--strict-json", "--raw-binary", "-o", "j", "r.fbs", "--"));
      List<String> toBin = new ArrayList<>(List.of("-b", "-o", "b", "r.fbs"));
      for (int i = 0; i < VALUES; i++) {
        GenericRecord v = record(rnd, root, codec.layout());
        values.add(v);
        Files.write(d.resolve("p" + i + ".bin"), codec.encode(v));
        toJson.add("p" + i + ".bin");
        Files.writeString(d.resolve("f" + i + ".json"), FlatcJson.write(v));
        toBin.add("f" + i + ".json");
      }
      try {
        Flatc.run(d, toJson);
        Flatc.run(d, toBin);
      } catch (AssertionError e) {
        throw new AssertionError(context + "\n" + codec.fbs(), e);
      }
      for (int i = 0; i < VALUES; i++) {
        GenericRecord printed = FlatcJson.read(Files.readString(d.resolve("j").resolve("p" + i + ".json")), root);
        FlatcOracleTest.assertClose(root, values.get(i), printed, context + " value " + i + "\n" + codec.fbs());
        assertEquals(values.get(i), codec.decode(Files.readAllBytes(d.resolve("b").resolve("f" + i + ".bin"))),
            context + " value " + i + "\n" + codec.fbs());
      }
    }
  }

  private static RecordSchema struct(Random rnd, String name, List<RecordSchema> earlier, EnumSchema color,
      FlatLayout.Builder layout) {
    RecordSchema.Builder b = RecordSchema.builder(name);
    int n = 1 + rnd.nextInt(6);
    for (int f = 0; f < n; f++) {
      String field = "f" + f;
      int pick = rnd.nextInt(earlier.isEmpty() ? 9 : 11);
      Schema type = switch (pick) {
        case 0 -> Schema.bool();
        case 1 -> Schema.int8();
        case 2 -> Schema.int16();
        case 3 -> Schema.int32();
        case 4 -> Schema.int64();
        case 5 -> Schema.float32();
        case 6 -> Schema.float64();
        case 7 -> color;
        case 8 -> Schema.list(scalar(rnd, color));
        case 9 -> earlier.get(rnd.nextInt(earlier.size()));
        default -> Schema.list(earlier.get(rnd.nextInt(earlier.size())));
      };
      if (type instanceof ListSchema) {
        layout.array(name, field, 1 + rnd.nextInt(4));
      }
      b.field(Field.of(field, f + 1, type));
    }
    int align = rnd.nextInt(4);
    layout.struct(name, align == 0 ? 16 : align == 1 ? 32 : 0);
    return b.build();
  }

  private static Schema scalar(Random rnd, EnumSchema color) {
    return switch (rnd.nextInt(6)) {
      case 0 -> Schema.int8();
      case 1 -> Schema.int16();
      case 2 -> Schema.int64();
      case 3 -> Schema.float64();
      case 4 -> color;
      default -> Schema.bool();
    };
  }

  private static GenericRecord record(Random rnd, RecordSchema r, FlatLayout layout) {
    GenericRecord.Builder b = GenericRecord.builder(r);
    for (Field f : r.fields()) {
      if (f.optional() && rnd.nextBoolean()) {
        continue;
      }
      Schema t = f.type();
      if (t instanceof ListSchema) {
        int n = layout.arrayLength(r.name(), f.name());
        if (n == 0) {
          n = rnd.nextInt(3);
        }
        List<Object> items = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          items.add(value(rnd, ((ListSchema) t).element(), layout));
        }
        b.set(f.name(), items);
      } else {
        b.set(f.name(), value(rnd, t, layout));
      }
    }
    return b.build();
  }

  private static Object value(Random rnd, Schema t, FlatLayout layout) {
    return switch (t.kind()) {
      case BOOL -> rnd.nextBoolean();
      case INT8 -> (int) (byte) rnd.nextInt();
      case INT16 -> (int) (short) rnd.nextInt();
      case INT32 -> rnd.nextInt();
      case INT64 -> rnd.nextLong();
      // Multiples of 1/8 below 2^13 print exactly with flatc's 6 decimals.
      case FLOAT32 -> (rnd.nextInt(1 << 16) - (1 << 15)) / 8f;
      case FLOAT64 -> (rnd.nextInt(1 << 20) - (1 << 19)) / 8.0;
      case ENUM -> {
        EnumSchema.Constant c = ((EnumSchema) t).constants().get(rnd.nextInt(3));
        yield GenericEnum.of(c.name(), c.number());
      }
      case RECORD -> record(rnd, (RecordSchema) t, layout);
      default -> throw new AssertionError(t);
    };
  }
}
