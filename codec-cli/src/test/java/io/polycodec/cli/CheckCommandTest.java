package io.polycodec.cli;

import static io.polycodec.cli.CliRun.resource;
import static io.polycodec.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.polycodec.Codecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir
  Path tmp;

  @Test
  void compatibleChangeExitsZeroAndNamesTheAddedField() {
    CliRun.Result r = run("check", resource("history"), resource("account-compatible.json"),
        "--format", "protobuf", "--mode", "BACKWARD_TRANSITIVE");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("COMPATIBLE in protobuf under BACKWARD_TRANSITIVE: account-compatible.json against"
        + " 2 versions (Account.v1.json … Account.v2.json)"), r::toString);
    assertTrue(r.out().contains("Account.v1.json → candidate (backward): Account.tags (tag 4)"), r::toString);
    assertEquals("", r.stderr());

    CliRun.Result latest = run("check", resource("history"), resource("account-compatible.json"), "-f", "protobuf");
    assertTrue(latest.out().startsWith("COMPATIBLE in protobuf under BACKWARD: account-compatible.json against"
        + " Account.v2.json (the latest of 2 versions)\nharmless:\n  Account.v2.json → candidate (backward)"),
        latest::toString);
  }

  @Test
  void breakingChangeExitsOneWithOneLocatedReasonPerVersionAndFormat() {
    CliRun.Result r = run("check", resource("history"), resource("account-breaking.json"),
        "--format", "protobuf,json", "--mode", "FULL_TRANSITIVE");
    assertEquals(1, r.status(), r::toString);
    List<String> reasons = r.out().lines()
        .filter(l -> l.contains("Account.owner (tag 2): string → int64") || l.contains("Account.owner (tag 2): int64 → string"))
        .toList();
    // two versions × two directions × two formats
    assertEquals(8, reasons.size(), r::toString);
    assertTrue(r.out().contains("  Account.v1.json → candidate (backward): Account.owner (tag 2): string → int64"
        + " is not readable in protobuf"), r::toString);
    assertTrue(r.out().contains("  candidate → Account.v2.json (forward): Account.owner (tag 2): int64 → string"),
        r::toString);
    assertTrue(r.out().contains("INCOMPATIBLE in json under FULL_TRANSITIVE"), r::toString);
  }

  @Test
  void jsonOutputIsMachineReadable() {
    CliRun.Result r = run("check", resource("history"), resource("account-breaking.json"), "-f", "msgpack", "--json");
    assertEquals(1, r.status(), r::toString);
    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) Codecs.schemaless("json").decode(r.stdout());
    assertEquals(false, v.get("compatible"));
    assertEquals("BACKWARD", v.get("mode"));
    assertEquals(List.of("Account.v1.json", "Account.v2.json"), v.get("history"));
    @SuppressWarnings("unchecked")
    Map<String, Object> result = ((List<Map<String, Object>>) v.get("results")).get(0);
    assertEquals("msgpack", result.get("format"));
    assertEquals("INCOMPATIBLE", result.get("grade"));
    @SuppressWarnings("unchecked")
    Map<String, Object> reason = ((List<Map<String, Object>>) result.get("breaking")).get(0);
    assertEquals("Account.owner", reason.get("path"));
    assertEquals(2L, reason.get("tag"));
    assertEquals("Account.v2.json → candidate (backward)", reason.get("context"));
  }

  @Test
  void aCaveatPassesUnlessStrict() {
    // int64 → int32 in protobuf: old data reads, numbers beyond 32 bits are truncated (a caveat).
    CliRun.Result lenient = run("check", resource("history"), resource("account-narrowed.json"), "-f", "protobuf");
    assertEquals(0, lenient.status(), lenient::toString);
    assertTrue(lenient.out().startsWith("COMPATIBLE in protobuf under BACKWARD: account-narrowed.json"), lenient::toString);
    assertTrue(lenient.out().contains("caveats:\n  Account.v2.json → candidate (backward): Account.id (tag 1): int64 → int32"),
        lenient::toString);

    CliRun.Result strict = run("check", resource("history"), resource("account-narrowed.json"), "-f", "protobuf",
        "--strict");
    assertEquals(1, strict.status(), strict::toString);
    assertTrue(strict.out().startsWith("INCOMPATIBLE in protobuf under BACKWARD (strict: caveats count as breaking):"
        + " account-narrowed.json"), strict::toString);
    assertTrue(strict.out().contains("breaking:\n  [caveat] Account.v2.json → candidate (backward): Account.id (tag 1)"),
        strict::toString);

    CliRun.Result json = run("check", resource("history"), resource("account-narrowed.json"), "-f", "protobuf",
        "--strict", "--json");
    assertEquals(1, json.status(), json::toString);
    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) Codecs.schemaless("json").decode(json.stdout());
    assertEquals(true, v.get("strict"));
    assertEquals(false, v.get("compatible"));
    @SuppressWarnings("unchecked")
    Map<String, Object> result = ((List<Map<String, Object>>) v.get("results")).get(0);
    assertEquals("INCOMPATIBLE", result.get("grade"));
    @SuppressWarnings("unchecked")
    Map<String, Object> reason = ((List<Map<String, Object>>) result.get("breaking")).get(0);
    assertEquals("caveat", reason.get("severity"));
    assertEquals("Account.id (tag 1)", reason.get("location"));

    CliRun.Result lenientJson = run("check", resource("history"), resource("account-narrowed.json"), "-f", "protobuf",
        "--json");
    assertEquals(0, lenientJson.status(), lenientJson::toString);
    @SuppressWarnings("unchecked")
    Map<String, Object> lv = (Map<String, Object>) Codecs.schemaless("json").decode(lenientJson.stdout());
    assertEquals(false, lv.get("strict"));
    @SuppressWarnings("unchecked")
    Map<String, Object> lr = ((List<Map<String, Object>>) lv.get("results")).get(0);
    assertEquals(List.of(), lr.get("breaking"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> harmless = (List<Map<String, Object>>) lr.get("harmless");
    assertTrue(harmless.stream().anyMatch(h -> "caveat".equals(h.get("severity"))), lenientJson::toString);
  }

  @Test
  void compactMessagePackIsJudgedByTag() {
    CliRun.Result r = run("check", resource("history"), resource("account-retagged.json"), "-f",
        "msgpack,msgpack/number", "--json");
    assertEquals(1, r.status(), r::toString);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results = (List<Map<String, Object>>) ((Map<String, Object>) Codecs.schemaless("json")
        .decode(r.stdout())).get("results");
    assertEquals("msgpack", results.get(0).get("format"));
    assertEquals("COMPATIBLE", results.get(0).get("grade")); // keyed by name: the tag is not on the wire
    assertEquals("msgpack/number", results.get(1).get("format"));
    assertEquals("INCOMPATIBLE", results.get(1).get("grade"));

    CliRun.Result bad = run("check", resource("history"), resource("account-retagged.json"), "-f", "msgpack/tags");
    assertEquals(2, bad.status(), bad::toString);
    assertTrue(bad.stderr().contains("the keying after / is name or number, not 'tags'"), bad::toString);
  }

  @Test
  void aFolderAsNewStandsForItsLatestVersion() {
    CliRun.Result r = run("check", resource("history/Account.v1.json"), resource("history"), "-f", "json");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("COMPATIBLE in json under BACKWARD: Account.v2.json against Account.v1.json"),
        r::toString);
  }

  @Test
  void compiledRecordOnAClassPathIsTheCandidate() {
    CliRun.Result r = run("check", resource("history"), "io.polycodec.cli.fixtures.Account", "--classpath",
        CliRun.testClasses(), "-f", "protobuf", "-m", "FULL_TRANSITIVE");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("Account.tags (tag 4)"), r::toString);
  }

  @Test
  void descriptorSetsAreCheckedByMessageName() throws IOException {
    // bytes → string breaks (bytes that are not UTF-8 fail to decode); string → bytes would be safe.
    Path v1 = descriptorSet("v1.desc", Type.TYPE_BYTES);
    Path v2 = descriptorSet("v2.desc", Type.TYPE_STRING);
    CliRun.Result r = run("check", v1.toString(), v2.toString(), "-f", "protobuf", "--type", "Order");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("v1.desc#shop.Order → candidate (backward): shop.Order.note (tag 2): bytes → string"),
        r::toString);
    // without --type: the set's only top-level message
    CliRun.Result same = run("check", v1.toString(), v1.toString(), "-f", "protobuf");
    assertEquals(0, same.status(), same::toString);
    assertTrue(same.out().startsWith("IDENTICAL in protobuf"), same::toString);
  }

  @Test
  void inputErrorsExitTwoWithOneLine() throws IOException {
    CliRun.Result missing = run("check", resource("history"), tmp.resolve("nope.json").toString(), "-f", "protobuf");
    assertEquals(2, missing.status(), missing::toString);
    assertEquals(1, missing.stderr().lines().count(), missing::toString);
    assertTrue(missing.stderr().contains("nope.json: no such file or folder"), missing::toString);

    CliRun.Result bad = run("check", resource("history"), resource("not-a-snapshot.json"), "-f", "protobuf");
    assertEquals(2, bad.status(), bad::toString);
    assertEquals(1, bad.stderr().lines().count(), bad::toString);
    assertTrue(bad.stderr().startsWith("polycodec check: "), bad::toString);
    assertTrue(bad.stderr().contains("not-a-snapshot.json: not a schema snapshot"), bad::toString);
    assertFalse(bad.stderr().contains("\tat "), bad::toString);

    CliRun.Result verbose = run("check", resource("history"), resource("not-a-snapshot.json"), "-f", "protobuf",
        "--verbose");
    assertEquals(2, verbose.status(), verbose::toString);
    assertTrue(verbose.stderr().contains("\tat "), "stack trace with --verbose: " + verbose);

    Path bfbs = Files.writeString(tmp.resolve("user.bfbs"), "table User { id: long; }");
    CliRun.Result flat = run("check", bfbs.toString(), bfbs.toString(), "-f", "flatbuffers");
    assertEquals(2, flat.status(), flat::toString);
    assertTrue(flat.stderr().contains("user.bfbs: not a FlatBuffers binary schema (.bfbs)"), flat::toString);

    Path garbage = Files.write(tmp.resolve("garbage.desc"), new byte[] {(byte) 0xff, 0x01});
    CliRun.Result notDesc = run("check", garbage.toString(), garbage.toString(), "-f", "protobuf");
    assertEquals(2, notDesc.status(), notDesc::toString);
    assertTrue(notDesc.stderr().contains("garbage.desc: not a protobuf descriptor set"), notDesc::toString);

    CliRun.Result format = run("check", resource("history"), resource("account-compatible.json"), "-f", "avro");
    assertEquals(2, format.status(), format::toString);
    assertTrue(format.stderr().contains("no codec for format 'avro'"), format::toString);

    CliRun.Result usage = run("check", resource("history"));
    assertEquals(2, usage.status(), usage::toString);
    assertTrue(usage.stderr().contains("Missing required"), usage::toString);

    CliRun.Result mode = run("check", resource("history"), resource("history"), "-f", "json", "-m", "SIDEWAYS");
    assertEquals(2, mode.status(), mode::toString);
  }

  @Test
  void protoFilesAreCompiledWithTheGivenProtoc() throws IOException {
    // A stand-in for protoc that answers like it: the descriptor set of the file, or an error line.
    Path v1 = descriptorSet("v1.desc", Type.TYPE_STRING);
    Path calls = tmp.resolve("calls.txt");
    Path fake = Files.writeString(tmp.resolve("protoc"), "#!/bin/sh\n"
        + "echo \"$@\" >> '" + calls + "'\n"
        + "case \"$*\" in *broken.proto*) echo 'broken.proto:3:5: Expected \";\".' >&2; exit 1;; esac\n"
        + "for a in \"$@\"; do case \"$a\" in --descriptor_set_out=*) cp '" + v1 + "' \"${a#--descriptor_set_out=}\";; esac; done\n");
    fake.toFile().setExecutable(true);
    Path proto = Files.writeString(tmp.resolve("order.proto"), "syntax = \"proto3\";");
    Path inc = Files.createDirectories(tmp.resolve("include"));

    CliRun.Result r = run("check", proto.toString(), v1.toString(), "-f", "protobuf", "--protoc", fake.toString(),
        "-I", inc.toString());
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("IDENTICAL in protobuf"), r::toString);
    String call = Files.readString(calls);
    assertTrue(call.contains("--include_imports --descriptor_set_out="), call);
    assertTrue(call.contains("--proto_path=" + tmp + " --proto_path=" + inc + " " + proto), call);

    Path broken = Files.writeString(tmp.resolve("broken.proto"), "message {");
    CliRun.Result bad = run("check", broken.toString(), v1.toString(), "-f", "protobuf", "--protoc", fake.toString());
    assertEquals(2, bad.status(), bad::toString);
    assertTrue(bad.stderr().contains("broken.proto: protoc failed: broken.proto:3:5: Expected \";\"."), bad::toString);

    CliRun.Result none = run("check", proto.toString(), v1.toString(), "-f", "protobuf", "--protoc",
        tmp.resolve("no-protoc").toString());
    assertEquals(2, none.status(), none::toString);
    assertTrue(none.stderr().contains("cannot run protoc"), none::toString);
  }

  private Path descriptorSet(String name, Type noteType) throws IOException {
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("shop/order.proto").setPackage("shop")
        .setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("Order")
            .addField(FieldDescriptorProto.newBuilder().setName("id").setNumber(1).setType(Type.TYPE_INT64)
                .setLabel(Label.LABEL_OPTIONAL))
            .addField(FieldDescriptorProto.newBuilder().setName("note").setNumber(2).setType(noteType)
                .setLabel(Label.LABEL_OPTIONAL)))
        .build();
    return Files.write(tmp.resolve(name), FileDescriptorSet.newBuilder().addFile(file).build().toByteArray());
  }
}
