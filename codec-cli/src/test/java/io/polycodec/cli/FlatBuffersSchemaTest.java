package io.polycodec.cli;

import static io.polycodec.cli.CliRun.resource;
import static io.polycodec.cli.CliRun.run;
import static io.polycodec.cli.CliRun.runText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FlatBuffers schemas as the CLI's {@code --schema}: a binary schema ({@code fbs/beasts.bfbs}, written by
 * flatc 2.0.8 {@code -b --schema --bfbs-builtins}; needs no flatc) and {@code .fbs} source compiled by flatc
 * (skipped with a message when flatc is not on the PATH, failed instead with {@code POLYCODEC_REQUIRE_FLATC=1}
 * as in CI).
 */
class FlatBuffersSchemaTest {
  private static final String BEAST = "{\"name\":\"wyrm\",\"long_enum_non_enum_default\":1099511627778,"
      + "\"long_enum_normal_default\":\"LongBig\",\"era\":\"Ancient\",\"tags\":[\"old\"],\"claws\":[{\"sharp\":3}],"
      + "\"marks\":[]}";

  @Test
  void exportsTheImportedSchemaWithItsLayout() {
    CliRun.Result r = run("schema", "export", "--schema", resource("fbs/beasts.bfbs"), "--to", "fbs");
    assertEquals(0, r.status(), r::toString);
    String fbs = r.out();
    assertTrue(fbs.contains("enum LongEnum : ulong (bit_flags) {"), fbs);
    assertTrue(fbs.contains("tags: [string] (id: 7, required);"), fbs);
    assertTrue(fbs.contains("struct Mark {"), fbs);
    assertTrue(fbs.contains("file_identifier \"BEST\";"), fbs);
    assertTrue(fbs.contains("root_type beasts.Beast;"), fbs);

    CliRun.Result claw = run("schema", "export", "--schema", resource("fbs/beasts.bfbs"), "--type", "Claw", "--to", "snapshot");
    assertEquals(0, claw.status(), claw::toString);
    assertTrue(claw.out().contains("\"root\": \"beasts.Claw\""), claw::toString);

    CliRun.Result none = run("schema", "export", "--schema", resource("fbs/beasts.bfbs"), "--type", "Nope", "--to", "fbs");
    assertEquals(2, none.status(), none::toString);
    assertTrue(none.stderr().contains("no table Nope among [beasts.Beast, beasts.Claw]"), none::toString);
  }

  @Test
  void encodesAndDecodesWithTheImportedLayout() throws IOException {
    String schema = resource("fbs/beasts.bfbs");
    CliRun.Result enc = runText(BEAST, "encode", "-f", "flatbuffers", "--schema", schema);
    assertEquals(0, enc.status(), enc::toString);
    assertEquals("BEST", new String(Arrays.copyOfRange(enc.stdout(), 4, 8), StandardCharsets.US_ASCII),
        "the layout's file identifier is written");
    CliRun.Result dec = run(enc.stdout(), "decode", "-f", "flatbuffers", "--schema", schema);
    assertEquals(0, dec.status(), dec::toString);
    String back = dec.out().replaceAll("\\s", "");
    for (String expected : new String[] {"\"long_enum_non_enum_default\":1099511627778",
        "\"long_enum_normal_default\":\"LongBig\"", "\"era\":\"Ancient\"", "\"marks\":[]", "\"traits\":0"}) {
      assertTrue(back.contains(expected), expected + " in " + back);
    }

    CliRun.Result missing = runText("{\"name\":\"x\",\"claws\":[],\"marks\":[]}", "encode", "-f", "flatbuffers",
        "--schema", schema);
    assertTrue(missing.status() != 0 && missing.stderr().contains("tags"), missing::toString);

    CliRun.Result check = run("check", schema, schema, "-f", "flatbuffers");
    assertEquals(0, check.status(), check::toString);
  }

  /** {@code .fbs} through flatc gives what the committed {@code .bfbs} gives; flatc's errors are reported. */
  @Test
  void readsFbsSourceThroughFlatc(@TempDir Path tmp) throws IOException {
    requireFlatc();
    CliRun.Result fromFbs = run("schema", "export", "--schema", resource("fbs/beasts.fbs"), "--to", "fbs");
    assertEquals(0, fromFbs.status(), fromFbs::toString);
    CliRun.Result fromBfbs = run("schema", "export", "--schema", resource("fbs/beasts.bfbs"), "--to", "fbs");
    assertEquals(fromBfbs.out(), fromFbs.out());
    CliRun.Result enc = runText(BEAST, "encode", "-f", "flatbuffers", "--schema", resource("fbs/beasts.fbs"));
    CliRun.Result enc2 = runText(BEAST, "encode", "-f", "flatbuffers", "--schema", resource("fbs/beasts.bfbs"));
    assertArrayEquals(enc2.stdout(), enc.stdout(), enc::toString);

    Path broken = Files.writeString(tmp.resolve("broken.fbs"), "table T { a: int }\nroot_type T;\n");
    CliRun.Result bad = run("schema", "export", "--schema", broken.toString(), "--to", "fbs");
    assertEquals(2, bad.status(), bad::toString);
    assertTrue(bad.stderr().contains("broken.fbs: flatc failed: ") && bad.stderr().contains("expecting: ;"), bad::toString);
    CliRun.Result noFlatc = run("schema", "export", "--schema", resource("fbs/beasts.fbs"), "--to", "fbs", "--flatc",
        tmp.resolve("no-flatc").toString());
    assertEquals(2, noFlatc.status(), noFlatc::toString);
    assertTrue(noFlatc.stderr().contains("cannot run flatc"), noFlatc::toString);
  }

  private static void requireFlatc() {
    String path = System.getenv("PATH");
    boolean found = path != null && Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "flatc")));
    if (!found) {
      String why = "flatc is not on the PATH (apt-get install -y flatbuffers-compiler); .fbs tests skipped";
      if ("1".equals(System.getenv("POLYCODEC_REQUIRE_FLATC"))) {
        fail(why + ", but POLYCODEC_REQUIRE_FLATC=1");
      }
      Assumptions.abort(why);
    }
  }
}
