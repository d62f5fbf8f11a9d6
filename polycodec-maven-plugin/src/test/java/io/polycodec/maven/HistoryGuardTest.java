package io.polycodec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecException;
import io.polycodec.Codecs;
import io.polycodec.SchemaName;
import io.polycodec.Tag;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.evolution.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryGuardTest {
  @SchemaName("Item")
  record ItemV1(@Tag(1) long id, @Tag(2) String name) {}

  @SchemaName("Item")
  record ItemRenamed(@Tag(1) long id, @Tag(2) String title) {}

  @SchemaName("Item")
  record ItemRetyped(@Tag(1) long id, @Tag(2) long name) {}

  @Snapshot
  record Guarded(int x) {}

  @TempDir
  Path dir;

  @Test
  void newChangedUnchangedAndIncompatible() throws IOException {
    HistoryGuard guard = HistoryGuard.of(dir, CompatibilityMode.BACKWARD_TRANSITIVE, List.of("protobuf"));
    TypeVerdict first = guard.judge(ItemV1.class);
    assertEquals(TypeVerdict.State.NEW, first.state());
    assertEquals(dir.resolve("Item.v1.json"), guard.record(first));
    assertTrue(Files.readString(dir.resolve("Item.v1.json")).contains("{\"name\": \"name\", \"tag\": 2, \"type\": \"string\"}"));

    assertEquals(TypeVerdict.State.UNCHANGED, guard.judge(ItemV1.class).state());
    assertNull(guard.record(guard.judge(ItemV1.class)));

    TypeVerdict renamed = guard.judge(ItemRenamed.class); // harmless in protobuf: keyed by tag
    assertEquals(TypeVerdict.State.CHANGED, renamed.state());
    assertEquals(dir.resolve("Item.v2.json"), renamed.next());

    TypeVerdict retyped = guard.judge(ItemRetyped.class);
    assertEquals(TypeVerdict.State.INCOMPATIBLE, retyped.state());
    assertEquals(List.of("[protobuf] Item.v1.json → candidate (backward): Item.name (tag 2): string → int64 is not"
        + " readable in protobuf"), retyped.reasons());
    assertThrows(IllegalStateException.class, () -> guard.record(retyped));
    assertTrue(Files.notExists(dir.resolve("Item.v2.json")));
  }

  @Test
  void everyFormatJudgesAndNamesItself() throws IOException {
    HistoryGuard both = HistoryGuard.of(dir, CompatibilityMode.BACKWARD, List.of("protobuf", " json"));
    both.record(both.judge(ItemV1.class));
    TypeVerdict renamed = both.judge(ItemRenamed.class);
    assertEquals(TypeVerdict.State.INCOMPATIBLE, renamed.state()); // a rename breaks json only
    assertEquals(1, renamed.reasons().size(), renamed.reasons()::toString);
    assertTrue(renamed.reasons().get(0).startsWith("[json] Item.v1.json → candidate (backward): Item.title (tag 2)"),
        renamed.reasons()::toString);
  }

  @SchemaName("Item")
  record ItemRetagged(@Tag(1) long id, @Tag(3) String name) {}

  @Test
  void compactMessagePackHasItsOwnLabelAndRules() throws IOException {
    HistoryGuard guard = HistoryGuard.of(dir, CompatibilityMode.BACKWARD, List.of("msgpack", "MsgPack/Number"));
    assertEquals(List.of("msgpack", "msgpack/number"), guard.formatNames());
    guard.record(guard.judge(ItemV1.class));
    TypeVerdict retagged = guard.judge(ItemRetagged.class);
    assertEquals(TypeVerdict.State.INCOMPATIBLE, retagged.state());
    assertTrue(retagged.reasons().stream().allMatch(r -> r.startsWith("[msgpack/number] ")), retagged.reasons()::toString);
  }

  @SchemaName("Item")
  record ItemNarrowed(@Tag(1) int id, @Tag(2) String name) {}

  @Test
  void strictCountsCaveatsAsBreakingAndTheJsonReportSaysSo() throws IOException {
    HistoryGuard lenient = HistoryGuard.of(dir, CompatibilityMode.BACKWARD, List.of("protobuf"));
    lenient.record(lenient.judge(ItemV1.class));
    // int64 → int32 reads in protobuf, truncating numbers beyond 32 bits: a caveat.
    TypeVerdict warned = lenient.judge(ItemNarrowed.class);
    assertEquals(TypeVerdict.State.CHANGED, warned.state());
    assertEquals(List.of(), warned.reasons());
    assertEquals(1, warned.caveats().size(), warned.caveats()::toString);
    assertTrue(warned.caveats().get(0).startsWith("[protobuf] Item.v1.json → candidate (backward): Item.id (tag 1): int64"
        + " → int32"), warned.caveats()::toString);

    HistoryGuard strict = HistoryGuard.of(dir, CompatibilityMode.BACKWARD, List.of("protobuf"), true);
    assertTrue(strict.strict());
    TypeVerdict refused = strict.judge(ItemNarrowed.class);
    assertEquals(TypeVerdict.State.INCOMPATIBLE, refused.state());
    assertEquals(List.of(), refused.caveats());
    assertTrue(refused.reasons().get(0).startsWith("[protobuf] [caveat] Item.v1.json → candidate (backward): Item.id"
        + " (tag 1)"), refused.reasons()::toString);

    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) Codecs.schemaless("json")
        .decode(JsonReport.of(strict, List.of(refused)).getBytes(StandardCharsets.UTF_8));
    assertEquals("BACKWARD", doc.get("mode"));
    assertEquals(true, doc.get("strict"));
    assertEquals(false, doc.get("compatible"));
    assertEquals(List.of("protobuf"), doc.get("formats"));
    @SuppressWarnings("unchecked")
    Map<String, Object> type = ((List<Map<String, Object>>) doc.get("types")).get(0);
    assertEquals(ItemNarrowed.class.getName(), type.get("type"));
    assertEquals("INCOMPATIBLE", type.get("state"));
    assertEquals("Item.v1.json", type.get("latest"));
    @SuppressWarnings("unchecked")
    Map<String, Object> result = ((List<Map<String, Object>>) type.get("results")).get(0);
    assertEquals("protobuf", result.get("label"));
    assertEquals(true, result.get("caveatsBreak"));
    @SuppressWarnings("unchecked")
    Map<String, Object> finding = ((List<Map<String, Object>>) result.get("findings")).get(0);
    assertEquals("caveat", finding.get("severity"));
    assertEquals(true, finding.get("counts"));
    assertEquals("Item.id (tag 1)", finding.get("location"));

    @SuppressWarnings("unchecked")
    Map<String, Object> lenientDoc = (Map<String, Object>) Codecs.schemaless("json")
        .decode(JsonReport.of(lenient, List.of(warned)).getBytes(StandardCharsets.UTF_8));
    assertEquals(true, lenientDoc.get("compatible"));
    assertEquals(false, lenientDoc.get("strict"));
  }

  @Test
  void badConfigurationAndBadSnapshotsAreNamed() throws IOException {
    assertThrows(CodecException.class, () -> HistoryGuard.of(dir, CompatibilityMode.FULL, List.of("avro")));
    assertThrows(IllegalArgumentException.class, () -> HistoryGuard.of(dir, CompatibilityMode.FULL, List.of()));
    Files.writeString(dir.resolve("Item.v1.json"), "{\"polycodec\": \"schema/1\"");
    HistoryGuard guard = HistoryGuard.of(dir, CompatibilityMode.FULL, List.of("json"));
    AssertionError e = assertThrows(AssertionError.class, () -> guard.judge(ItemV1.class));
    assertTrue(e.getMessage().contains("Item.v1.json"), e.getMessage());
  }

  @Test
  void scannerFindsAnnotatedRecordsInPackagesOrListedTypes() throws Exception {
    Path classes = Path.of(HistoryGuardTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ClassLoader loader = HistoryGuardTest.class.getClassLoader();
    assertEquals(List.of(Guarded.class), TypeScanner.find(classes, List.of(), List.of("io.polycodec"), loader));
    assertEquals(List.of(), TypeScanner.find(classes, List.of(), List.of("io.polycodec.mav"), loader));
    assertEquals(List.of(ItemV1.class), TypeScanner.find(classes, List.of(ItemV1.class.getName()), List.of(), loader));
    assertThrows(IllegalArgumentException.class,
        () -> TypeScanner.find(classes, List.of(HistoryGuardTest.class.getName()), List.of(), loader));
    assertThrows(IllegalArgumentException.class, () -> TypeScanner.find(classes, List.of("com.acme.Nope"), List.of(), loader));
    assertEquals(List.of(), TypeScanner.find(classes.resolve("absent"), List.of(), List.of(), loader));
  }
}
