package io.polycodec.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codecs;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaHistoryTest {
  @TempDir
  Path dir;

  private static final Field ID = Field.of("id", 1, Schema.int64());
  private static final RecordSchema V1 = RecordSchema.of("Ticket", ID, Field.optional("note", 2, Schema.string()));
  private static final RecordSchema V2 = RecordSchema.of("Ticket", ID);
  private static final RecordSchema V3 = RecordSchema.of("Ticket", ID, Field.optional("owner", 3, Schema.string()));
  private static final RecordSchema REUSE = RecordSchema.of("Ticket", ID, Field.optional("note", 2, Schema.int64()));

  @AfterEach
  void clearProperty() {
    System.clearProperty(SchemaHistory.WRITE_PROPERTY);
  }

  private static void writing(boolean on) {
    System.setProperty(SchemaHistory.WRITE_PROPERTY, Boolean.toString(on));
  }

  private void put(String file, RecordSchema s) throws IOException {
    Files.writeString(dir.resolve(file), SchemaSnapshot.toJson(s), StandardCharsets.UTF_8);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private AssertionError fails(RecordSchema current, CompatibilityMode mode) {
    return assertThrows(AssertionError.class,
        () -> SchemaHistory.assertCompatible(current, dir, mode, Formats.PROTOBUF));
  }

  @Test
  void withoutSnapshotsItFailsAndSaysHowToStart() throws IOException {
    Path missing = dir.resolve("not-yet");
    AssertionError e = assertThrows(AssertionError.class,
        () -> SchemaHistory.assertCompatible(V1, missing, CompatibilityMode.FULL, Formats.JSON));
    assertTrue(e.getMessage().contains("no schema snapshot of Ticket"), e.getMessage());
    assertTrue(e.getMessage().contains("-Dpolycodec.snapshots.write=true"), e.getMessage());
    assertTrue(e.getMessage().contains("Ticket.v1.json"), e.getMessage());
    assertFalse(Files.exists(missing), "a normal run never writes");
    writing(true);
    SchemaHistory.assertCompatible(V1, missing, CompatibilityMode.FULL, Formats.JSON);
    assertEquals(SchemaSnapshot.toJson(V1), Files.readString(missing.resolve("Ticket.v1.json")));
  }

  @Test
  void anUnchangedSchemaPassesAndWritesNothing() throws IOException {
    put("Ticket.v1.json", V1);
    writing(true);
    SchemaHistory.assertCompatible(V1, dir, CompatibilityMode.FULL_TRANSITIVE, Formats.PROTOBUF);
    assertEquals(List.of("Ticket.v1.json"), files());
  }

  @Test
  void aCompatibleChangeMustBeRecorded() throws IOException {
    put("Ticket.v1.json", V2);
    AssertionError e = fails(V3, CompatibilityMode.FULL);
    assertTrue(e.getMessage().contains("Ticket changed since Ticket.v1.json"), e.getMessage());
    assertTrue(e.getMessage().contains("commit Ticket.v2.json"), e.getMessage());
    assertTrue(e.getMessage().contains("Ticket.owner (tag 3): added"), e.getMessage());
    assertEquals(List.of("Ticket.v1.json"), files());
    writing(true);
    SchemaHistory.assertCompatible(V3, dir, CompatibilityMode.FULL, Formats.PROTOBUF);
    assertEquals(List.of("Ticket.v1.json", "Ticket.v2.json"), files());
    assertEquals(V3, SchemaSnapshot.fromJson(Files.readString(dir.resolve("Ticket.v2.json"))));
    writing(false);
    SchemaHistory.assertCompatible(V3, dir, CompatibilityMode.FULL, Formats.PROTOBUF);
  }

  @Test
  void anIncompatibleChangeFailsWithLocatedReasonsAndIsNeverWritten() throws IOException {
    put("Ticket.v1.json", V1);
    put("Ticket.v2.json", V2);
    writing(true);
    AssertionError e = fails(REUSE, CompatibilityMode.BACKWARD_TRANSITIVE);
    assertTrue(e.getMessage().startsWith("Ticket is not BACKWARD_TRANSITIVE compatible with its snapshots in "),
        e.getMessage());
    assertTrue(e.getMessage().contains(
        "Ticket.v1.json → candidate (backward): Ticket.note (tag 2): string → int64 is not readable in protobuf"),
        e.getMessage());
    assertEquals(List.of("Ticket.v1.json", "Ticket.v2.json"), files());
    // Against the latest version only, the reuse of tag 2 is invisible: it is recorded as v3.
    SchemaHistory.assertCompatible(REUSE, dir, CompatibilityMode.BACKWARD, Formats.PROTOBUF);
    assertEquals(List.of("Ticket.v1.json", "Ticket.v2.json", "Ticket.v3.json"), files());
  }

  @Test
  void versionsAreOrderedNumericallyAndOtherFilesIgnored() throws IOException {
    put("Ticket.v2.json", V2);
    put("Ticket.v10.json", V3);
    put("Ticket.v1.json", V1);
    Files.writeString(dir.resolve("Ticket.v01.json"), "not looked at");
    Files.writeString(dir.resolve("Ticket.vx.json"), "not looked at");
    Files.writeString(dir.resolve("Ticket.v3.json.bak"), "not looked at");
    put("TicketLine.v1.json", RecordSchema.of("TicketLine", ID));
    assertEquals(List.of(V1, V2, V3), SchemaHistory.load(dir, "Ticket"));
    assertEquals(List.of(), SchemaHistory.load(dir.resolve("absent"), "Ticket"));
    SchemaHistory.assertCompatible(V3, dir, CompatibilityMode.BACKWARD, Formats.PROTOBUF);
    writing(true);
    SchemaHistory.assertCompatible(V2, dir, CompatibilityMode.BACKWARD, Formats.PROTOBUF);
    assertTrue(files().contains("Ticket.v11.json"), files().toString());
  }

  @Test
  void brokenSnapshotFilesAreNamed() throws IOException {
    Files.writeString(dir.resolve("Ticket.v1.json"), "{\"polycodec\": \"schema/1\",\n \"root\": 7, \"types\": []}");
    AssertionError e = fails(V1, CompatibilityMode.FULL);
    assertTrue(e.getMessage().contains("Ticket.v1.json: schema snapshot, line 2"), e.getMessage());
    put("Ticket.v1.json", RecordSchema.of("Other", ID));
    e = fails(V1, CompatibilityMode.FULL);
    assertTrue(e.getMessage().contains("holds a snapshot of Other, not of Ticket"), e.getMessage());
  }

  record Ticket(long id) {}

  @Test
  void javaTypesAreCheckedByTheirDerivedSchema() throws IOException {
    put("Ticket.v1.json", V2);
    SchemaHistory.assertCompatible(Ticket.class, dir, CompatibilityMode.FULL_TRANSITIVE, Formats.JSON);
    assertEquals(V2, Codecs.schemaOf(Ticket.class));
    assertEquals("Ticket.v3.json", SchemaHistory.fileName("Ticket", 3));
    assertThrows(IllegalArgumentException.class, () -> SchemaHistory.fileName("Ticket", 0));
  }

  @Test
  void versionsTypeNamesAndReadExposeTheFolderToTools() throws IOException {
    put("Ticket.v1.json", V1);
    put("Ticket.v2.json", V2);
    put("Ticket.v10.json", V3);
    put("Ticket.v01.json", V1); // not a version: leading zero
    put("TicketOld.v1.json", RecordSchema.of("TicketOld", ID));
    Files.writeString(dir.resolve("notes.txt"), "x");

    assertEquals(List.of(1, 2, 10), List.copyOf(SchemaHistory.versions(dir, "Ticket").keySet()));
    assertEquals("Ticket.v10.json", SchemaHistory.versions(dir, "Ticket").lastEntry().getValue().getFileName().toString());
    assertTrue(SchemaHistory.versions(dir.resolve("absent"), "Ticket").isEmpty());
    assertEquals(List.of("Ticket", "TicketOld"), List.copyOf(SchemaHistory.typeNames(dir)));
    assertEquals(V2, SchemaHistory.read(dir.resolve("Ticket.v2.json"), "Ticket"));
    AssertionError wrongName = assertThrows(AssertionError.class,
        () -> SchemaHistory.read(dir.resolve("TicketOld.v1.json"), "Ticket"));
    assertTrue(wrongName.getMessage().contains("holds a snapshot of TicketOld, not of Ticket"), wrongName.getMessage());
  }

  @Test
  void labelledHistoryChecksNameEachVersionInTheirReasons() {
    CompatibilityResult r = Compatibility.check(List.of(V1, V2), List.of("a.json", "b.json"), REUSE,
        CompatibilityMode.BACKWARD_TRANSITIVE, Formats.PROTOBUF);
    assertFalse(r.isCompatible());
    assertEquals("a.json → candidate (backward)", r.reasons().get(0).context());
    assertThrows(IllegalArgumentException.class, () -> Compatibility.check(List.of(V1, V2), List.of("a.json"), REUSE,
        CompatibilityMode.BACKWARD, Formats.PROTOBUF));
  }
}
