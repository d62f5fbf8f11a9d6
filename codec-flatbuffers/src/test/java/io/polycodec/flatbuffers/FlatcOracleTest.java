package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.GenericRecord;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import io.polycodec.schema.VectorSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flatc 2.0.8 as the oracle, both ways, on seeded random values of schemas using every kind:
 * Polycodec's bytes read by flatc with the exported schema give JSON equal to the value, and flatc's
 * bytes built from the value's JSON decode in Polycodec to the value.
 *
 * <p>flatc prints floats with 6 decimals and doubles with 12 (fixed notation), so in the first
 * direction floating-point numbers are compared within that printing's precision; the second direction
 * is exact (flatc parses decimal exactly, and {@code --force-defaults} keeps -0.0 that flatc would
 * otherwise drop as equal to the default).
 */
class FlatcOracleTest {
  private static final long SEED = Long.getLong("polycodec.seed", 2_0_8L);
  private static final int VALUES = 120;
  private static final List<RecordSchema> SCHEMAS = List.of(TestSchemas.EVERYTHING, TestSchemas.NODE);

  @Test
  void flatcReadsPolycodecBytes(@TempDir Path dir) throws IOException {
    Flatc.require();
    for (RecordSchema schema : SCHEMAS) {
      // flatc 2.0.8 cannot print vectors of unions as JSON ("not yet supported"): this direction keeps
      // them in holder tables; the other direction and InlineUnionTest test flatc's [U].
      FlatLayout layout = FlatLayout.builder().holderUnion(TestSchemas.EVERYTHING.name(), "shapes").build();
      FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.of(io.polycodec.bind.RecordBinding.generic(schema),
          io.polycodec.CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT, layout));
      Path fbs = dir.resolve(fileName(schema) + ".fbs");
      Files.writeString(fbs, codec.fbs());
      List<String> args = new ArrayList<>(List.of("--json", "--strict-json", "--raw-binary", "-o", "out",
          fbs.getFileName().toString(), "--"));
      List<GenericRecord> values = new ArrayList<>();
      for (int i = 0; i < VALUES; i++) {
        GenericRecord v = new RandomValues(SEED + i, 5, false).record(schema);
        values.add(QuantizedValues.expected(v));
        String name = fileName(schema) + "_" + i + ".bin";
        Files.write(dir.resolve(name), codec.encode(v));
        args.add(name);
      }
      Flatc.run(dir, args);
      for (int i = 0; i < VALUES; i++) {
        String json = Files.readString(dir.resolve("out").resolve(fileName(schema) + "_" + i + ".json"), StandardCharsets.UTF_8);
        GenericRecord fromFlatc = FlatcJson.read(json, schema, layout);
        String context = schema.name() + " seed " + (SEED + i) + " (replay with -Dpolycodec.seed=" + (SEED + i) + ")";
        assertClose(schema, values.get(i), fromFlatc, context);
      }
    }
  }

  @Test
  void polycodecReadsFlatcBytes(@TempDir Path dir) throws IOException {
    Flatc.require();
    for (RecordSchema schema : SCHEMAS) {
      FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.generic(schema);
      Path fbs = dir.resolve(fileName(schema) + ".fbs");
      Files.writeString(fbs, codec.fbs());
      List<String> args = new ArrayList<>(List.of("-b", "--force-defaults", "-o", "out", fbs.getFileName().toString()));
      List<GenericRecord> values = new ArrayList<>();
      for (int i = 0; i < VALUES; i++) {
        GenericRecord v = new RandomValues(SEED + 1000 + i, 5, false).record(schema);
        values.add(QuantizedValues.expected(v));
        String name = fileName(schema) + "_" + i + ".json";
        Files.writeString(dir.resolve(name), FlatcJson.write(v));
        args.add(name);
      }
      Flatc.run(dir, args);
      for (int i = 0; i < VALUES; i++) {
        byte[] bytes = Files.readAllBytes(dir.resolve("out").resolve(fileName(schema) + "_" + i + ".bin"));
        String context = schema.name() + " seed " + (SEED + 1000 + i);
        assertEquals(values.get(i), codec.decode(bytes), context);
        ViewWalker.walk(codec.view(bytes), 0);
      }
    }
  }

  @Test
  void typedSchemasToo(@TempDir Path dir) throws IOException {
    Flatc.require();
    RecordSchema schema = io.polycodec.bind.RecordBinding.of(FlatViewTest.Message.class).schema();
    // Message.parts is a list of unions, which flatc 2.0.8 cannot print: it keeps holder tables here.
    io.polycodec.CodecOptions holders = io.polycodec.CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT,
        FlatLayout.builder().holderUnion(schema.name(), "parts").build());
    FlatBuffersCodec<FlatViewTest.Message> typed = FlatBuffersCodec.of(FlatViewTest.Message.class, holders);
    Files.writeString(dir.resolve("m.fbs"), typed.fbs());
    Files.write(dir.resolve("m.bin"), typed.encode(FlatViewTest.message()));
    Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "m.fbs", "--", "m.bin"));
    GenericRecord fromFlatc = FlatcJson.read(Files.readString(dir.resolve("m.json")), schema, typed.layout());
    GenericRecord fromPolycodec = FlatBuffersCodec.of(io.polycodec.bind.RecordBinding.generic(schema), holders)
        .decode(typed.encode(FlatViewTest.message()));
    assertClose(schema, fromPolycodec, fromFlatc, "Message");
    assertEquals("héllo wörld", fromFlatc.get("title"));
  }

  @Test
  void theZoosEverydayRecordCompilesWithFlatcWhichReadsItsBytes(@TempDir Path dir) throws IOException {
    Flatc.require();
    RecordSchema schema = io.polycodec.bind.RecordBinding.of(io.polycodec.tck.zoo.Zoo.Everyday.class).schema();
    FlatBuffersCodec<io.polycodec.tck.zoo.Zoo.Everyday> typed = FlatBuffersCodec.of(io.polycodec.tck.zoo.Zoo.Everyday.class);
    String fbs = typed.fbs();
    assertTrue(fbs.contains("struct Duration {") && fbs.contains("ttl: polycodec.Duration"), fbs);
    Files.writeString(dir.resolve("e.fbs"), fbs);
    // flatc compiles the schema to Java too, so the export is a schema flatc accepts, not only parses.
    Flatc.run(dir, List.of("--java", "-o", "java", "e.fbs"));
    byte[] bytes = typed.encode(io.polycodec.tck.zoo.Zoo.everydayEdges());
    Files.write(dir.resolve("e.bin"), bytes);
    Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "e.fbs", "--", "e.bin"));
    GenericRecord fromFlatc = FlatcJson.read(Files.readString(dir.resolve("e.json")), schema);
    GenericRecord fromPolycodec = FlatBuffersCodec.generic(schema).decode(bytes);
    assertEquals(fromPolycodec, fromFlatc);
    assertEquals(java.time.Duration.ofSeconds(-1, -499_999_999), fromFlatc.get("ttl"));
  }

  @Test
  void flatcIsRequiredOnlyWhenAsked() {
    assertEquals(Flatc.Decision.RUN, Flatc.decide(true, null));
    assertEquals(Flatc.Decision.RUN, Flatc.decide(true, "1"));
    assertEquals(Flatc.Decision.SKIP, Flatc.decide(false, null));
    assertEquals(Flatc.Decision.SKIP, Flatc.decide(false, "0"));
    assertEquals(Flatc.Decision.FAIL, Flatc.decide(false, "1"));
  }

  private static String fileName(RecordSchema s) {
    return s.name().replace('.', '_');
  }

  // ---- comparison within flatc's printing precision ----------------------------------------------

  static void assertClose(RecordSchema s, GenericRecord expected, GenericRecord actual, String path) {
    assertEquals(expected.schema(), actual.schema(), path);
    for (int i = 0; i < s.size(); i++) {
      Field f = s.field(i);
      close(f.type(), expected.get(i), actual.get(i), path + "." + f.name());
    }
  }

  private static void close(Schema type, Object e, Object a, String path) {
    if (e == null || a == null) {
      assertEquals(e, a, path);
      return;
    }
    switch (type.kind()) {
      case FLOAT32: closeFloat((Float) e, (Float) a, 1e-6, path); break;
      case FLOAT64: closeFloat((Double) e, (Double) a, 1e-12, path); break;
      case BYTES: assertEquals(java.util.Arrays.toString((byte[]) e), java.util.Arrays.toString((byte[]) a), path); break;
      case RECORD: assertClose((RecordSchema) type, (GenericRecord) e, (GenericRecord) a, path); break;
      case UNION: {
        GenericRecord er = (GenericRecord) e;
        GenericRecord ar = (GenericRecord) a;
        assertEquals(er.schema().name(), ar.schema().name(), path);
        assertClose(er.schema(), er, ar, path + "<" + er.schema().name() + ">");
        break;
      }
      case LIST: {
        List<?> el = (List<?>) e;
        List<?> al = (List<?>) a;
        assertEquals(el.size(), al.size(), path);
        for (int k = 0; k < el.size(); k++) {
          close(((ListSchema) type).element(), el.get(k), al.get(k), path + "[" + k + "]");
        }
        break;
      }
      case MAP: {
        Map<?, ?> em = (Map<?, ?>) e;
        Map<?, ?> am = (Map<?, ?>) a;
        assertEquals(em.keySet(), am.keySet(), path);
        for (Object k : em.keySet()) {
          close(((MapSchema) type).value(), em.get(k), am.get(k), path + "[" + k + "]");
        }
        break;
      }
      case VECTOR: {
        if (((VectorSchema) type).element() == Kind.FLOAT64) {
          double[] ed = (double[]) e;
          double[] ad = (double[]) a;
          assertEquals(ed.length, ad.length, path);
          for (int k = 0; k < ed.length; k++) {
            closeFloat(ed[k], ad[k], 1e-12, path + "[" + k + "]");
          }
        } else {
          float[] ef = (float[]) e;
          float[] af = (float[]) a;
          assertEquals(ef.length, af.length, path);
          // INT8 values are q * scale, and flatc prints the scale with 6 decimals: up to 127 times that.
          for (int k = 0; k < ef.length; k++) {
            closeFloat(ef[k], af[k], 1e-4, path + "[" + k + "]");
          }
        }
        break;
      }
      default:
        assertEquals(e, a, path);
    }
  }

  private static void closeFloat(double e, double a, double decimals, String path) {
    if (Double.isNaN(e) || Double.isInfinite(e)) {
      assertEquals(e, a, path);
      return;
    }
    // Fixed-point printing loses what lies below its last decimal; float32 parsing adds half an ulp.
    double tolerance = decimals + Math.ulp((float) e) + Math.abs(e) * 1e-15;
    assertTrue(Math.abs(e - a) <= tolerance, path + ": expected " + e + " but flatc printed " + a);
  }

  /** The union member names flatc prints are the schema's member names. */
  @Test
  void memberNamesAreTheSchemas() {
    UnionSchema u = TestSchemas.SHAPE;
    assertEquals(List.of("circle", "Square", "nothing"), u.members().stream().map(UnionSchema.Member::name).toList());
  }
}
