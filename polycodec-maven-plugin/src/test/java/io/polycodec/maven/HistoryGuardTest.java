package io.polycodec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecException;
import io.polycodec.SchemaName;
import io.polycodec.Tag;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.evolution.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
