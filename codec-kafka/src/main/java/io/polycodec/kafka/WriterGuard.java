package io.polycodec.kafka;

import io.polycodec.Format;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.SchemaHistory;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.SchemaSnapshot;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;

/**
 * A reader-side check of who wrote a record: the deserializer reads the writer's schema fingerprint
 * from the record's {@link PolycodecHeaders headers} and accepts the record only if
 *
 * <ol>
 *   <li>the fingerprint is the reader's own schema, or that of a snapshot in the history folder
 *       ({@link SchemaHistory}'s layout: {@code <TypeName>.v<N>.json}, the reader's type name);
 *   <li>the compatibility mode admits that version for a reader at the reader's position in the
 *       history (its own version if the folder holds it, else one after the newest): BACKWARD admits the
 *       previous version, FORWARD the next, FULL both, the {@code _TRANSITIVE} modes every older, newer or
 *       any version, NONE every version in the folder;
 *   <li>and, unless the mode is NONE, data written with that version reads with the reader's schema in
 *       the format ({@link Compatibility#check(RecordSchema, RecordSchema, Format)}), since a folder
 *       may hold a pair nobody checked.
 * </ol>
 *
 * Anything else, including a record without the fingerprint header, is rejected with a
 * {@code DecodeException} (wrapped in Kafka's {@code SerializationException}) that names the writer's
 * version, the mode and every reason. The verdict for each version is computed once, when the
 * deserializer is set up, so the per-record cost is one header lookup and one map lookup.
 *
 * <p>Immutable and thread-safe.
 */
public final class WriterGuard {
  private final Path historyDir;
  private final CompatibilityMode mode;

  private WriterGuard(Path historyDir, CompatibilityMode mode) {
    this.historyDir = historyDir;
    this.mode = mode;
  }

  /**
   * A guard against the snapshots in {@code historyDir} under {@code mode}. The folder is read when a
   * deserializer is set up with the guard, not now.
   *
   * @throws NullPointerException if an argument is null
   */
  public static WriterGuard of(Path historyDir, CompatibilityMode mode) {
    return new WriterGuard(Objects.requireNonNull(historyDir, "historyDir"), Objects.requireNonNull(mode, "mode"));
  }

  /** The folder of snapshots. */
  public Path historyDir() {
    return historyDir;
  }

  /** The compatibility mode. */
  public CompatibilityMode mode() {
    return mode;
  }

  @Override
  public String toString() {
    return "WriterGuard[" + historyDir + ", " + mode + "]";
  }

  /** The verdict on every writer the guard knows: fingerprint → null if accepted, else why not. */
  record Verdicts(Map<String, String> problems, String known) {}

  /**
   * Decides, once, for a reader of {@code reader} in {@code format}.
   *
   * @throws ConfigException if the folder cannot be read, holds an invalid snapshot, or none of the reader's type
   */
  Verdicts decide(RecordSchema reader, Format format) {
    List<RecordSchema> history;
    try {
      history = SchemaHistory.load(historyDir, reader.name());
    } catch (AssertionError | UncheckedIOException e) {
      // SchemaHistory reports bad snapshot files as test failures; here they are configuration errors.
      throw new ConfigException("schema history " + historyDir + " of " + reader.name() + ": " + e.getMessage());
    }
    if (history.isEmpty()) {
      throw new ConfigException("no schema snapshot of " + reader.name() + " in " + historyDir + " (expected files named "
          + SchemaHistory.fileName(reader.name(), 1) + ", …): the writer guard has nothing to check writers against");
    }
    String readerFp = SchemaSnapshot.fingerprint(reader);
    int position = history.size();
    for (int i = 0; i < history.size(); i++) {
      if (SchemaSnapshot.fingerprint(history.get(i)).equals(readerFp)) {
        position = i;
      }
    }
    String readerLabel = position < history.size() ? "v" + (position + 1)
        : "a schema newer than v" + history.size() + " (not in the folder)";
    Map<String, String> problems = new HashMap<>();
    StringBuilder known = new StringBuilder();
    for (int i = 0; i < history.size(); i++) {
      String fp = SchemaSnapshot.fingerprint(history.get(i));
      known.append(i == 0 ? "" : ", ").append('v').append(i + 1).append(' ').append(fp, 0, 12).append('…');
      if (fp.equals(readerFp)) {
        continue;
      }
      String label = "v" + (i + 1) + " (" + SchemaHistory.fileName(reader.name(), i + 1) + ")";
      if (!admits(i, position)) {
        problems.put(fp, "the writer's schema is " + label + ", which " + mode + " does not admit for a reader at "
            + readerLabel + " in " + historyDir);
        continue;
      }
      if (mode != CompatibilityMode.NONE) {
        CompatibilityResult r = Compatibility.check(history.get(i), reader, format);
        if (!r.isCompatible()) {
          problems.put(fp, "data written with " + label + " does not read with the reader's schema (" + readerLabel
              + "):\n  " + r.report().replace("\n", "\n  "));
          continue;
        }
      }
      problems.put(fp, null);
    }
    problems.put(readerFp, null);
    known.append("; the reader's own ").append(readerFp, 0, 12).append('…');
    return new Verdicts(java.util.Collections.unmodifiableMap(problems), known.toString());
  }

  private boolean admits(int version, int reader) {
    switch (mode) {
      case BACKWARD: return version == reader - 1;
      case FORWARD: return version == reader + 1;
      case FULL: return version == reader - 1 || version == reader + 1;
      case BACKWARD_TRANSITIVE: return version < reader;
      case FORWARD_TRANSITIVE: return version > reader;
      case FULL_TRANSITIVE:
      case NONE:
        return true;
      default: throw new AssertionError(mode);
    }
  }
}
