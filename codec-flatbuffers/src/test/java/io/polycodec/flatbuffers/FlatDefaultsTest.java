package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.DecodeException;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FlatBuffers defaults ({@code = 1234}, {@code = nan}, {@code = inf}, enum defaults) and
 * {@code (required)}, with flatc as the second opinion: flatc compiles the export, reads Polycodec's
 * buffers (which leave values equal to their default out) with the same values, and Polycodec reads
 * flatc's buffers as flatc prints them; a changed default is graded breaking, as flatc --conform says.
 */
class FlatDefaultsTest {
  static final EnumSchema COLOR = EnumSchema.of("Color", "RED", "GREEN", "BLUE");

  static final RecordSchema T = RecordSchema.of("T",
      Field.of("i", 1, Schema.int32()).withDefault(1234),
      Field.of("f", 2, Schema.float32()).withDefaultText("nan"),
      Field.of("d", 3, Schema.float64()).withDefaultText("-inf"),
      Field.of("on", 4, Schema.bool()).withDefault(true),
      Field.of("color", 5, COLOR).withDefault("BLUE"),
      Field.of("name", 6, Schema.string()).withRequired(true),
      Field.of("raw", 7, Schema.bytes()).withRequired(true),
      Field.of("label", 8, Schema.string()).withDefault("some"),
      Field.of("must", 9, Schema.int64()).withRequired(true),
      Field.of("small", 10, Schema.int8()).withDefault(-7),
      Field.of("plain", 11, Schema.int32()));

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theExportSaysDefaultsAndRequiredAndFlatcCompilesIt(@TempDir Path dir) throws IOException {
    String fbs = FlatBuffersCodec.generic(T).fbs();
    assertTrue(fbs.contains("i: int = 1234 (id: 0);"), fbs);
    assertTrue(fbs.contains("f: float = nan (id: 1);"), fbs);
    assertTrue(fbs.contains("d: double = -inf (id: 2);"), fbs);
    assertTrue(fbs.contains("on: bool = true (id: 3);"), fbs);
    assertTrue(fbs.contains("= BLUE (id: 4);"), fbs);
    assertTrue(fbs.contains("name: string (id: 5, required);"), fbs);
    assertTrue(fbs.contains("(id: 6, required);"), fbs);
    assertTrue(fbs.contains("label: string (id: 7);  // default \"some\""), fbs);
    assertTrue(fbs.contains("must: long (id: 8);  // required in Polycodec"), fbs);
    Flatc.require();
    Files.writeString(dir.resolve("t.fbs"), fbs);
    Flatc.run(dir, List.of("--java", "-o", "gen", "t.fbs"));
  }

  @Test
  void flatcReadsPolycodecsBuffersWithTheDefaultsLeftOut(@TempDir Path dir) throws IOException {
    FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.generic(T);
    GenericRecord atDefaults = GenericRecord.builder(T).set("name", "n").set("raw", new byte[0]).set("must", 0L).build();
    byte[] bytes = codec.encode(atDefaults);
    FlatView<GenericRecord> view = codec.view(bytes);
    for (String omitted : List.of("i", "f", "d", "on", "color", "small", "must")) {
      assertFalse(view.has(omitted), omitted + " equals its default: left out, as flatc's builders do");
    }
    assertTrue(view.has("name") && view.has("raw") && view.has("label"), "required fields and a string default are written");
    assertEquals(1234, view.getInt("i"));
    assertTrue(Float.isNaN(view.getFloat("f")));
    assertEquals(2, view.getEnumNumber("color"));
    assertEquals(-7, view.getInt("small"));
    assertEquals(atDefaults, codec.decode(bytes));

    Flatc.require();
    Files.writeString(dir.resolve("t.fbs"), codec.fbs());
    Files.write(dir.resolve("t.bin"), bytes);
    Flatc.run(dir, List.of("--json", "--strict-json", "--defaults-json", "--raw-binary", "t.fbs", "--", "t.bin"));
    JsonNode printed = JSON.readTree(lenient(Files.readString(dir.resolve("t.json"))));
    assertEquals(1234, printed.get("i").asInt());
    assertEquals("nan", printed.get("f").asText().toLowerCase(java.util.Locale.ROOT));
    assertEquals("-inf", printed.get("d").asText().toLowerCase(java.util.Locale.ROOT));
    assertTrue(printed.get("on").asBoolean());
    assertEquals("BLUE", printed.get("color").asText());
    assertEquals(-7, printed.get("small").asInt());
    assertEquals("some", printed.get("label").asText());
  }

  /** flatc prints nan and inf bare; quote them so that Jackson reads the rest. */
  private static String lenient(String json) {
    return json.replaceAll(":\\s*(-?)(nan|inf)\\b", ": \"$1$2\"");
  }

  @Test
  void polycodecReadsFlatcsBuffersAbsentFieldsAsTheirDefaults(@TempDir Path dir) throws IOException {
    Flatc.require();
    FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.generic(T);
    Files.writeString(dir.resolve("t.fbs"), codec.fbs());
    Files.writeString(dir.resolve("t.json"), "{\"name\": \"x\", \"raw\": [1, 2], \"plain\": 5}");
    Flatc.run(dir, List.of("-b", "t.fbs", "t.json"));
    GenericRecord r = codec.decode(Files.readAllBytes(dir.resolve("t.bin")));
    assertEquals(1234, r.get("i"));
    assertTrue(Float.isNaN((Float) r.get("f")));
    assertEquals(Double.NEGATIVE_INFINITY, r.get("d"));
    assertEquals(true, r.get("on"));
    assertEquals(GenericEnum.of("BLUE", 2), r.get("color"));
    assertEquals("some", r.get("label"));
    assertEquals(0L, r.get("must"), "a required scalar absent: FlatBuffers reads its default");
    assertEquals(-7, r.get("small"));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) r.get("raw"));
  }

  @Test
  void aBufferLackingARequiredStringIsADecodeExceptionNamingIt() {
    FlatBufferBuilder b = new FlatBufferBuilder();
    b.startTable(11);
    b.addInt(10, 5, 0);
    b.finish(b.endTable());
    DecodeException e = assertThrows(DecodeException.class, () -> FlatBuffersCodec.generic(T).decode(b.sizedByteArray()));
    assertTrue(e.getMessage().contains("T.name"), e.getMessage());
  }

  @Test
  void aChangedDefaultIsBreakingAsFlatcConformSaysAndTheBytesShowWhy(@TempDir Path dir) throws Exception {
    RecordSchema v1 = RecordSchema.of("D", Field.of("n", 1, Schema.int32()).withDefault(1));
    RecordSchema v2 = RecordSchema.of("D", Field.of("n", 1, Schema.int32()).withDefault(2));
    CompatibilityResult r = Compatibility.check(v1, v2, FlatBuffersProvider.FORMAT);
    assertFalse(r.isCompatible(), r.toString());
    assertTrue(r.toString().contains("default changed from 1 to 2"), r.toString());
    byte[] one = FlatBuffersCodec.generic(v1).encode(GenericRecord.builder(v1).set("n", 1).build());
    assertEquals(2, FlatBuffersCodec.generic(v2).decode(one).get("n"), "1 was left out, and v2 reads its default");

    Flatc.require();
    Files.writeString(dir.resolve("v1.fbs"), FlatBuffersCodec.generic(v1).fbs());
    Files.writeString(dir.resolve("v2.fbs"), FlatBuffersCodec.generic(v2).fbs());
    String conform = flatcFailing(dir, "--conform", "v1.fbs", "v2.fbs");
    assertTrue(conform.contains("defaults differ for field: n"), conform);
  }

  @Test
  void addingRequiredToBytesIsBreakingAndToAStringACaveat() {
    RecordSchema v1 = RecordSchema.of("R", Field.of("s", 1, Schema.string()), Field.of("b", 2, Schema.bytes()));
    RecordSchema v2 = RecordSchema.of("R", Field.of("s", 1, Schema.string()).withRequired(true),
        Field.of("b", 2, Schema.bytes()).withRequired(true));
    CompatibilityResult r = Compatibility.check(v1, v2, FlatBuffersProvider.FORMAT);
    assertFalse(r.isCompatible(), r.toString());
    assertTrue(r.reasons().stream().allMatch(x -> x.toString().contains("R.b")), r.toString());
    assertTrue(r.caveats().stream().anyMatch(x -> x.toString().contains("R.s")), r.toString());
    byte[] empty = FlatBuffersCodec.generic(v1).encode(GenericRecord.builder(v1).build());
    DecodeException e = assertThrows(DecodeException.class, () -> FlatBuffersCodec.generic(v2).decode(empty));
    assertTrue(e.getMessage().contains("R.b"), e.getMessage());
    // Required scalars cannot be said in FlatBuffers: adding one changes nothing on the wire.
    RecordSchema s1 = RecordSchema.of("S", Field.of("n", 1, Schema.int32()));
    RecordSchema s2 = RecordSchema.of("S", Field.of("n", 1, Schema.int32()).withRequired(true));
    assertTrue(Compatibility.check(s1, s2, FlatBuffersProvider.FORMAT).isCompatible());
    assertEquals(0, FlatBuffersCodec.generic(s2).decode(FlatBuffersCodec.generic(s1).encode(
        GenericRecord.builder(s1).build())).get("n"));
  }

  private static String flatcFailing(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("polycodec.flatc", "flatc"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(p.exitValue() != 0, "flatc accepted it: " + out);
    return out;
  }
}
