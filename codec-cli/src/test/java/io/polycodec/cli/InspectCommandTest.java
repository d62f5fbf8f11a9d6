package io.polycodec.cli;

import static io.polycodec.cli.CliRun.hex;
import static io.polycodec.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectCommandTest {
  @Test
  void protobufShowsTagsWireTypesLengthsAndNestedMessages() {
    // 1: varint 150; 2: "hi"; 3: message {1: fixed32 1.0f}; 4: fixed64 -1
    byte[] pb = hex("089601 12026869 1a05 0d0000803f 21ffffffffffffffff");
    CliRun.Result r = run(pb, "inspect", "-f", "protobuf");
    assertEquals(0, r.status(), r::toString);
    assertEquals(List.of(
        "       0  1: varint 150 (sint 75)",
        "       3  2: len 2 = \"hi\"",
        "       7  3: len 5 message {",
        "       9    1: fixed32 1065353216 (float 1.0)",
        "          }",
        "      14  4: fixed64 -1 (double NaN)"), r.out().lines().toList());
  }

  @Test
  void protobufWithASchemaNamesFieldsAndKnowsWhichBytesAreMessages() {
    // Order{id 1, lines [Line{qty 65}]}: the line's bytes 20 41 are also the printable text " A"
    byte[] pb = hex("0801 1202 2041");
    CliRun.Result guess = run(pb, "inspect", "-f", "protobuf");
    assertEquals(List.of(
        "       0  1: varint 1 (sint -1)",
        "       2  2: len 2 = \" A\""), guess.out().lines().toList());
    CliRun.Result named = run(pb, "inspect", "-f", "protobuf", "--schema", CliRun.resource("order.json"));
    assertEquals(0, named.status(), named::toString);
    assertEquals(List.of(
        "       0  1 id: varint 1 (sint -1)",
        "       2  2 lines: len 2 message Line {",
        "       4    4 qty: varint 65 (sint -33)",
        "          }"), named.out().lines().toList());
  }

  @Test
  void protobufStopsAtTheFirstBadByteAfterPrintingWhatCameBefore() {
    CliRun.Result r = run(hex("0801 12ff01 6869"), "inspect", "-f", "protobuf");
    assertEquals(1, r.status(), r::toString);
    assertEquals(List.of("       0  1: varint 1 (sint -1)"), r.out().lines().toList());
    assertEquals("polycodec inspect: protobuf: at offset 2: field 2 claims 255 bytes, 2 remain\n", r.stderr());

    CliRun.Result wire = run(hex("0f"), "inspect", "-f", "protobuf");
    assertEquals(1, wire.status(), wire::toString);
    assertTrue(wire.stderr().contains("at offset 0: wire type 7 does not exist (field 1)"), wire::toString);

    CliRun.Result group = run(hex("0b 0801"), "inspect", "-f", "protobuf");
    assertEquals(1, group.status(), group::toString);
    assertTrue(group.stderr().contains("group 1 is not closed"), group::toString);
  }

  @Test
  void messagePackShowsFormatsAndLengths() {
    CliRun.Result r = run(hex("82 a161 cd0100 a162 92 c0 c3"), "inspect", "-f", "msgpack");
    assertEquals(0, r.status(), r::toString);
    assertEquals(List.of(
        "       0  fixmap {2 entries}",
        "       1    fixstr (1 bytes) \"a\"",
        "       3      uint16 256",
        "       6    fixstr (1 bytes) \"b\"",
        "       8      fixarray [2 elements]",
        "       9        nil",
        "      10        boolean true"), r.out().lines().toList());

    CliRun.Result bad = run(hex("92 01 da0010 41"), "inspect", "-f", "msgpack");
    assertEquals(1, bad.status(), bad::toString);
    assertTrue(bad.stderr().contains("msgpack: at offset 2: claims 16 bytes, 1 remain"), bad::toString);

    CliRun.Result never = run(hex("c1"), "inspect", "-f", "msgpack");
    assertEquals(1, never.status(), never::toString);
    assertTrue(never.stderr().contains("at offset 0"), never::toString);
  }

  @Test
  void flatBuffersShowsTheVtableAndNamesFieldsWithASchema() {
    // Built with flatbuffers-java itself: table {id: long (id 0) = 7; owner: string (id 1) = "ann"}
    FlatBufferBuilder b = new FlatBufferBuilder(64);
    int owner = b.createString("ann");
    b.startTable(2);
    b.addLong(0, 7L, 0L);
    b.addOffset(1, owner, 0);
    int root = b.endTable();
    b.finish(root);
    byte[] bytes = b.sizedByteArray();

    CliRun.Result raw = run(bytes, "inspect", "-f", "flatbuffers");
    assertEquals(0, raw.status(), raw::toString);
    assertTrue(raw.out().lines().anyMatch(l -> l.matches(" +\\d+  table: \\d+ bytes, vtable at \\d+ \\(8 bytes, 2 slots\\)")),
        raw::toString);
    assertTrue(raw.out().contains("field id 0 = 07 00 00 00 00 00 00 00"), raw::toString);

    CliRun.Result named = run(bytes, "inspect", "-f", "flatbuffers", "--schema", CliRun.resource("history"));
    assertEquals(0, named.status(), named::toString);
    assertTrue(named.out().contains("table Account:"), named::toString);
    assertTrue(named.out().contains("field id 0 id: int64 = 7"), named::toString);
    assertTrue(named.out().contains("field id 1 owner: string -> "), named::toString);
    assertTrue(named.out().contains("(3 bytes) \"ann\""), named::toString);
  }

  @Test
  void flatBuffersRefusesOffsetsOutsideTheBuffer() {
    CliRun.Result r = run(hex("ff000000 0000"), "inspect", "-f", "flatbuffers");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.stderr().contains("flatbuffers: at offset 0: the root offset points to 255, past the end (6 bytes)"),
        r::toString);
    CliRun.Result vt = run(hex("04000000 40000000"), "inspect", "-f", "flatbuffers");
    assertEquals(1, vt.status(), vt::toString);
    assertTrue(vt.stderr().contains("vtable offset 64 points outside the buffer"), vt::toString);
  }

  @Test
  void jsonIsNotInspected() {
    CliRun.Result r = run(new byte[] {'{', '}'}, "inspect", "-f", "json");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.stderr().contains("use decode"), r::toString);
  }
}
