package io.polycodec.cli;

import static io.polycodec.cli.CliRun.hex;
import static io.polycodec.cli.CliRun.resource;
import static io.polycodec.cli.CliRun.run;
import static io.polycodec.cli.CliRun.runText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandsTest {
  /** Account{id 7, owner "ann", email "a@b", tags [x, y]} written by hand from the protobuf wire spec. */
  static final byte[] ACCOUNT_PB = hex("0807 1203616e6e 1a03614062 220178 220179");
  static final String ACCOUNT_JSON = "{\"id\":7,\"owner\":\"ann\",\"email\":\"a@b\",\"tags\":[\"x\",\"y\"]}";

  @TempDir
  Path tmp;

  private static String[] account(String... args) {
    String[] out = new String[args.length + 4];
    System.arraycopy(args, 0, out, 0, args.length);
    out[args.length] = "--classpath";
    out[args.length + 1] = CliRun.testClasses();
    out[args.length + 2] = "--type";
    out[args.length + 3] = "io.polycodec.cli.fixtures.Account";
    return out;
  }

  @Test
  void decodeProtobufWithACompiledRecordPrintsJson() {
    CliRun.Result r = run(ACCOUNT_PB, account("decode", "--format", "protobuf"));
    assertEquals(0, r.status(), r::toString);
    assertEquals(ACCOUNT_JSON + "\n", r.out());
  }

  @Test
  void decodeWithASnapshotSchemaMatchesFieldsByTag() {
    // The history's latest version has no tags field: tag 4 is skipped as unknown.
    CliRun.Result r = run(ACCOUNT_PB, "decode", "-f", "protobuf", "--schema", resource("history"));
    assertEquals(0, r.status(), r::toString);
    assertEquals("{\"id\":7,\"owner\":\"ann\",\"email\":\"a@b\"}\n", r.out());
  }

  @Test
  void encodeIsTheReverseOfDecode() {
    CliRun.Result r = runText(ACCOUNT_JSON, account("encode", "-f", "protobuf"));
    assertEquals(0, r.status(), r::toString);
    assertArrayEquals(ACCOUNT_PB, r.stdout());
  }

  @Test
  void messagePackAndJsonNeedNoSchema() {
    // {"a": 1, "b": [true, nil, bin(2) ff 00], "c": -1.5 as float64}, hand-written from the msgpack spec
    byte[] msgpack = hex("83 a161 01 a162 93 c3 c0 c402ff00 a163 cbbff8000000000000");
    CliRun.Result r = run(msgpack, "decode", "-f", "msgpack");
    assertEquals(0, r.status(), r::toString);
    assertEquals("{\"a\":1,\"b\":[true,null,\"/wA=\"],\"c\":-1.5}\n", r.out());

    CliRun.Result back = runText("{\"a\":1,\"b\":[true,null],\"c\":-1.5}", "encode", "-f", "msgpack");
    assertEquals(0, back.status(), back::toString);
    assertArrayEquals(hex("83 a161 01 a162 92 c3 c0 a163 cbbff8000000000000"), back.stdout());
  }

  @Test
  void schemalessMessagePackShowsTimestampsAndFloatsAsJsonCan() {
    // [timestamp32 ext (-1) of 1 s, float32 NaN, {1: "int key"}], hand-written from the msgpack spec
    byte[] msgpack = hex("93 d6ff00000001 ca7fc00000 81 01 a7696e74206b6579");
    CliRun.Result r = run(msgpack, "decode", "-f", "msgpack");
    assertEquals(0, r.status(), r::toString);
    assertEquals("[\"1970-01-01T00:00:01Z\",\"NaN\",{\"1\":\"int key\"}]\n", r.out());
  }

  @Test
  void flatBuffersRoundTripsThroughJson() {
    CliRun.Result fb = runText(ACCOUNT_JSON, account("encode", "-f", "flatbuffers"));
    assertEquals(0, fb.status(), fb::toString);
    CliRun.Result back = run(fb.stdout(), account("decode", "-f", "flatbuffers"));
    assertEquals(ACCOUNT_JSON + "\n", back.out(), back::toString);
    CliRun.Result bad = run(java.util.Arrays.copyOf(fb.stdout(), 6), account("decode", "-f", "flatbuffers"));
    assertEquals(1, bad.status(), bad::toString);
    assertTrue(bad.stderr().startsWith("polycodec decode: flatbuffers"), bad::toString);
  }

  @Test
  void transcodeProtobufToMessagePackKeepsTheValue() {
    CliRun.Result mp = run(ACCOUNT_PB, account("transcode", "--from", "protobuf", "--to", "msgpack"));
    assertEquals(0, mp.status(), mp::toString);
    CliRun.Result json = run(mp.stdout(), account("decode", "-f", "msgpack"));
    assertEquals(ACCOUNT_JSON + "\n", json.out(), json::toString);
    // schema-less, the map is in MessagePack's canonical key order
    CliRun.Result plain = run(mp.stdout(), "decode", "-f", "msgpack");
    assertEquals("{\"email\":\"a@b\",\"id\":7,\"owner\":\"ann\",\"tags\":[\"x\",\"y\"]}\n", plain.out(),
        plain::toString);
  }

  @Test
  void delimitedStreamsConvertOnePayloadAtATime() {
    String lines = "{\"id\":1,\"owner\":\"a\"}\n\n{\"id\":2,\"owner\":\"b\"}\n";
    CliRun.Result enc = runText(lines, account("encode", "-f", "protobuf", "--delimited"));
    assertEquals(0, enc.status(), enc::toString);
    // frame: length varint, then the message (id, owner)
    assertArrayEquals(hex("05 0801 120161  05 0802 120162"), enc.stdout());
    CliRun.Result dec = run(enc.stdout(), account("decode", "-f", "protobuf", "--delimited"));
    assertEquals("{\"id\":1,\"owner\":\"a\",\"tags\":[]}\n{\"id\":2,\"owner\":\"b\",\"tags\":[]}\n", dec.out(),
        dec::toString);
  }

  @Test
  void badPayloadsExitOneWithTheOffset() {
    byte[] truncated = java.util.Arrays.copyOf(ACCOUNT_PB, 5);
    CliRun.Result r = run(truncated, account("decode", "-f", "protobuf"));
    assertEquals(1, r.status(), r::toString);
    assertEquals(1, r.stderr().lines().count(), r::toString);
    assertTrue(r.stderr().startsWith("polycodec decode: protobuf: at offset 3: Account.owner"), r::toString);

    CliRun.Result json = runText("{\"id\": \"seven\"}", account("encode", "-f", "protobuf"));
    assertEquals(1, json.status(), json::toString);
    assertTrue(json.stderr().contains("Account.id"), json::toString);

    CliRun.Result stream = runText("{\"id\":1}\n{oops\n", account("encode", "-f", "protobuf", "--delimited"));
    assertEquals(1, stream.status(), stream::toString);
    assertTrue(stream.stderr().contains("payload 2: json"), stream::toString);

    CliRun.Result empty = run(new byte[0], "decode", "-f", "msgpack");
    assertEquals(1, empty.status(), empty::toString);
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    CliRun.Result noSchema = run(ACCOUNT_PB, "decode", "-f", "protobuf");
    assertEquals(2, noSchema.status(), noSchema::toString);
    assertTrue(noSchema.stderr().contains("protobuf is not self-describing: give its schema with --schema"),
        noSchema::toString);

    CliRun.Result noClass = run(ACCOUNT_PB, "decode", "-f", "protobuf", "--classpath", CliRun.testClasses(),
        "--type", "com.acme.Missing");
    assertEquals(2, noClass.status(), noClass::toString);
    assertTrue(noClass.stderr().contains("class com.acme.Missing not found"), noClass::toString);

    CliRun.Result notRecord = run(ACCOUNT_PB, "decode", "-f", "protobuf", "--classpath", CliRun.testClasses(),
        "--type", "io.polycodec.cli.CliRun");
    assertEquals(2, notRecord.status(), notRecord::toString);
    assertTrue(notRecord.stderr().contains("cannot be mapped to a schema"), notRecord::toString);

    CliRun.Result both = run(ACCOUNT_PB, account("decode", "-f", "protobuf", "--schema", resource("history")));
    assertEquals(2, both.status(), both::toString);

    CliRun.Result noFile = run("decode", "-f", "msgpack", "--in", tmp.resolve("absent.bin").toString());
    assertEquals(2, noFile.status(), noFile::toString);

    Path out = tmp.resolve("a.pb");
    CliRun.Result toFile = runText(ACCOUNT_JSON, account("encode", "-f", "protobuf", "--out", out.toString()));
    assertEquals(0, toFile.status(), toFile::toString);
    assertArrayEquals(ACCOUNT_PB, Files.readAllBytes(out));
    assertEquals(0, toFile.stdout().length);
  }

  @Test
  void limitsApplyToStandardInput() {
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    big.writeBytes(hex("c5 0400"));
    big.writeBytes(new byte[1024]);
    CliRun.Result r = run(big.toByteArray(), "decode", "-f", "msgpack", "--max-bytes", "100");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.stderr().contains("100"), r::toString);
  }
}
