package io.polycodec.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.evolution.SchemaHistory;
import io.polycodec.schema.SchemaSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader-side guard: which writers a deserializer accepts, and what it says about the others. */
class WriterGuardTest {
  static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

  @TempDir Path dir;

  private void history(Class<?>... versions) throws IOException {
    for (int i = 0; i < versions.length; i++) {
      Files.writeString(dir.resolve(SchemaHistory.fileName("Reading", i + 1)),
          SchemaSnapshot.toJson(Codecs.schemaOf(versions[i])));
    }
  }

  private static <T> Headers written(String format, Class<T> type, T value, byte[][] bytes) {
    Headers h = new RecordHeaders();
    bytes[0] = PolycodecSerde.of(format, type).serializer().serialize("t", h, value);
    return h;
  }

  private static <T> T read(Deserializer<T> d, Headers h, byte[] bytes) {
    return d.deserialize("t", h, bytes);
  }

  private static String rejection(Deserializer<?> d, Headers h, byte[] bytes) {
    SerializationException e = assertThrows(SerializationException.class, () -> d.deserialize("t", h, bytes));
    return assertInstanceOf(DecodeException.class, e.getCause()).getMessage();
  }

  @Test
  void aNewReaderAcceptsEveryOlderWriterUnderBackwardTransitive() throws IOException {
    history(Readings.V1.class, Readings.V2.class);
    Deserializer<Readings.V2> v2 = PolycodecSerde.of("msgpack", Readings.V2.class)
        .withGuard(WriterGuard.of(dir, CompatibilityMode.BACKWARD_TRANSITIVE)).deserializer();
    byte[][] b = new byte[1][];
    Headers h1 = written("msgpack", Readings.V1.class, new Readings.V1("s1", AT, 2150, 480, 7), b);
    assertEquals(new Readings.V2("s1", AT, 2150, Optional.empty(), "", 7), read(v2, h1, b[0]),
        "humidity dropped, battery absent, firmware at its default");
    Headers h2 = written("msgpack", Readings.V2.class, new Readings.V2("s2", AT, 1990, Optional.of(3.3f), "2.4", 8), b);
    assertEquals(new Readings.V2("s2", AT, 1990, Optional.of(3.3f), "2.4", 8), read(v2, h2, b[0]));
  }

  @Test
  void anOlderReaderRejectsANewerWriterUnlessTheModeLooksForward() throws IOException {
    history(Readings.V1.class, Readings.V2.class);
    byte[][] b = new byte[1][];
    Headers h2 = written("msgpack", Readings.V2.class, new Readings.V2("s2", AT, 1990, Optional.of(3.3f), "2.4", 8), b);
    Deserializer<Readings.V1> backward = PolycodecSerde.of("msgpack", Readings.V1.class)
        .withGuard(WriterGuard.of(dir, CompatibilityMode.BACKWARD_TRANSITIVE)).deserializer();
    String why = rejection(backward, h2, b[0]);
    assertTrue(why.contains("Reading.v2.json") && why.contains("BACKWARD_TRANSITIVE does not admit") && why.contains("at v1"), why);

    Deserializer<Readings.V1> forward = PolycodecSerde.of("msgpack", Readings.V1.class)
        .withGuard(WriterGuard.of(dir, CompatibilityMode.FORWARD)).deserializer();
    assertEquals(new Readings.V1("s2", AT, 1990, 0, 8), read(forward, h2, b[0]));
  }

  @Test
  void aNonTransitiveModeAdmitsOnlyTheNeighbouringVersion() throws IOException {
    history(Readings.V1.class, Readings.V2.class, Readings.V3.class);
    Deserializer<Readings.V3> v3 = PolycodecSerde.of("protobuf", Readings.V3.class)
        .withGuard(WriterGuard.of(dir, CompatibilityMode.BACKWARD)).deserializer();
    byte[][] b = new byte[1][];
    Headers h2 = written("protobuf", Readings.V2.class, new Readings.V2("s", AT, 1, Optional.empty(), "f", 2), b);
    assertEquals(new Readings.V3("s", AT, 1, Optional.empty(), "f", 2), read(v3, h2, b[0]));
    Headers h1 = written("protobuf", Readings.V1.class, new Readings.V1("s", AT, 1, 400, 2), b);
    String why = rejection(v3, h1, b[0]);
    assertTrue(why.contains("Reading.v1.json") && why.contains("BACKWARD does not admit"), why);
  }

  @Test
  void aWriterNotInTheFolderIsRejectedNamingWhatIsKnown() throws IOException {
    history(Readings.V1.class, Readings.V2.class);
    Deserializer<Readings.V2> v2 = PolycodecSerde.of("msgpack", Readings.V2.class)
        .withGuard(WriterGuard.of(dir, CompatibilityMode.FULL_TRANSITIVE)).deserializer();
    byte[][] b = new byte[1][];
    Headers h3 = written("msgpack", Readings.V3.class, new Readings.V3("s", AT, 1, Optional.empty(), "f", 2), b);
    String why = rejection(v2, h3, b[0]);
    String fp = SchemaSnapshot.fingerprint(Codecs.schemaOf(Readings.V3.class));
    assertTrue(why.contains(fp) && why.contains("is not in " + dir) && why.contains("v1 ") && why.contains("v2 "), why);

    String none = rejection(v2, new RecordHeaders(), b[0]);
    assertTrue(none.contains("has no polycodec.schema header"), none);
  }

  @Test
  void anIncompatibleVersionInTheFolderIsRejectedWithTheCheckersReasons() throws IOException {
    history(Readings.Broken.class, Readings.V1.class);
    Deserializer<Readings.V2> v2 = PolycodecSerde.of("json", Readings.V2.class)
        .withGuard(WriterGuard.of(dir, CompatibilityMode.BACKWARD_TRANSITIVE)).deserializer();
    byte[][] b = new byte[1][];
    Headers broken = written("json", Readings.Broken.class, new Readings.Broken("s", AT, 1, "seven"), b);
    String why = rejection(v2, broken, b[0]);
    assertTrue(why.contains("Reading.v1.json") && why.contains("INCOMPATIBLE") && why.contains("sequence"), why);
    Headers v1 = written("json", Readings.V1.class, new Readings.V1("s", AT, 1, 2, 3), b);
    assertEquals(new Readings.V2("s", AT, 1, Optional.empty(), "", 3), read(v2, v1, b[0]));
  }

  @Test
  void modeNoneAdmitsEveryVersionInTheFolderWithoutChecking() throws IOException {
    history(Readings.Broken.class, Readings.V2.class);
    Deserializer<Readings.V2> v2 = PolycodecSerde.of("json", Readings.V2.class)
        .withGuard(WriterGuard.of(dir, CompatibilityMode.NONE)).deserializer();
    byte[][] b = new byte[1][];
    Headers broken = written("json", Readings.Broken.class, new Readings.Broken("s", AT, 1, "seven"), b);
    SerializationException e = assertThrows(SerializationException.class, () -> v2.deserialize("t", broken, b[0]));
    String why = e.getCause().getMessage();
    assertTrue(why.contains("Reading.sequence") && !why.contains("writer guard"), "the codec, not the guard, fails: " + why);
  }

  @Test
  void theGuardIsConfigurableByPropertiesAndNeedsSnapshots() throws IOException {
    ConfigException empty = assertThrows(ConfigException.class, () -> PolycodecSerde.of("msgpack", Readings.V2.class)
        .withGuard(WriterGuard.of(dir, CompatibilityMode.BACKWARD)));
    assertTrue(empty.getMessage().contains("no schema snapshot of Reading in " + dir), empty.getMessage());

    history(Readings.V1.class);
    PolycodecDeserializer<Object> d = new PolycodecDeserializer<>();
    d.configure(Map.of("polycodec.format", "msgpack", "polycodec.value.type", Readings.V2.class.getName(),
        "polycodec.value.history.dir", dir.toString(), "polycodec.value.compatibility", "backward"), false);
    byte[][] b = new byte[1][];
    Headers h1 = written("msgpack", Readings.V1.class, new Readings.V1("s", AT, 1, 2, 3), b);
    assertEquals(new Readings.V2("s", AT, 1, Optional.empty(), "", 3), d.deserialize("t", h1, b[0]));
    Headers h3 = written("msgpack", Readings.V3.class, new Readings.V3("s", AT, 1, Optional.empty(), "f", 2), b);
    assertTrue(rejection(d, h3, b[0]).contains("is not in"));

    ConfigException bare = assertThrows(ConfigException.class, () -> PolycodecSerde.of(Codecs.get("msgpack", Readings.V2.class))
        .withGuard(WriterGuard.of(dir, CompatibilityMode.BACKWARD)));
    assertTrue(bare.getMessage().contains("needs the reader's schema"), bare.getMessage());
  }
}
