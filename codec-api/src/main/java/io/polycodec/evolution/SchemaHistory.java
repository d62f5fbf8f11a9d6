package io.polycodec.evolution;

import io.polycodec.Codecs;
import io.polycodec.Format;
import io.polycodec.SchemaException;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.SchemaSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A type's schema history, kept as snapshot files committed next to the tests, and the one assertion
 * CI needs: "this change is compatible with what we shipped".
 *
 * <pre>{@code
 * @Test
 * void userProfileStaysCompatible() {
 *   SchemaHistory.assertCompatible(UserProfile.class, Path.of("src/test/resources/schema-history"),
 *       CompatibilityMode.FULL_TRANSITIVE, Codecs.get("protobuf", UserProfile.class).format());
 * }
 * }</pre>
 *
 * <p>Files are named {@code <TypeName>.v<N>.json} (N = 1, 2, 3…, oldest first) and hold
 * {@link SchemaSnapshot#toJson canonical snapshots}, so one folder can keep the histories of several
 * types and every change shows up as a readable diff in review. New snapshots are written only when
 * the system property {@value #WRITE_PROPERTY} is {@code true} (for example
 * {@code mvn test -Dpolycodec.snapshots.write=true}); a normal run never touches the folder.
 *
 * <p>Failures are {@link AssertionError}s, so JUnit (or any test framework) reports them as test
 * failures without codec-api depending on one. Stateless and thread-safe; concurrent writers to the
 * same folder are not coordinated.
 */
public final class SchemaHistory {
  /** The system property that, set to {@code true}, lets {@link #assertCompatible} write new snapshots. */
  public static final String WRITE_PROPERTY = "polycodec.snapshots.write";

  private SchemaHistory() {}

  /**
   * Checks the current schema of {@code type} ({@link Codecs#schemaOf}) against its snapshots in
   * {@code snapshotDir}; see {@link #assertCompatible(RecordSchema, Path, CompatibilityMode, Format)}.
   *
   * @throws SchemaException if {@code type} cannot be mapped to a schema
   */
  public static void assertCompatible(Class<?> type, Path snapshotDir, CompatibilityMode mode, Format format) {
    assertCompatible(Codecs.schemaOf(Objects.requireNonNull(type, "type")), snapshotDir, mode, format);
  }

  /**
   * Checks {@code current} against the snapshots of its type in {@code snapshotDir} under
   * {@code mode} and {@code format}'s rules.
   *
   * <ul>
   *   <li>Incompatible: fails with every reason, each naming the snapshot file it concerns. Nothing
   *       is written, whatever the property says.
   *   <li>Equal to the latest snapshot: passes.
   *   <li>Compatible but changed, or no snapshot yet: with {@value #WRITE_PROPERTY}{@code =true}
   *       writes the next file ({@code <TypeName>.v<N+1>.json}) and passes; without it fails, saying
   *       which file to create, so that every shipped shape is in the history.
   * </ul>
   *
   * @throws AssertionError as described, or if a snapshot file cannot be read or is not a valid
   *     snapshot of this type (naming the file, line and column)
   * @throws UncheckedIOException if the folder cannot be listed or a new snapshot cannot be written
   */
  public static void assertCompatible(RecordSchema current, Path snapshotDir, CompatibilityMode mode, Format format) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(snapshotDir, "snapshotDir");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(format, "format");
    boolean write = Boolean.getBoolean(WRITE_PROPERTY);
    String type = current.name();
    TreeMap<Integer, Path> files = files(snapshotDir, type);
    if (files.isEmpty()) {
      Path first = snapshotDir.resolve(fileName(type, 1));
      if (write) {
        save(first, current);
        return;
      }
      throw new AssertionError("no schema snapshot of " + type + " in " + snapshotDir + ": run the tests once with -D"
          + WRITE_PROPERTY + "=true and commit the file it writes (" + first.getFileName() + ")");
    }
    List<RecordSchema> history = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Path p : files.values()) {
      history.add(readFile(p, type));
      labels.add(p.getFileName().toString());
    }
    CompatibilityResult result = Compatibility.check(history, labels, current, mode, format);
    if (!result.isCompatible()) {
      throw new AssertionError(type + " is not " + mode + " compatible with its snapshots in " + snapshotDir + " ("
          + format.name() + " rules):\n" + indent(result.report())
          + "\nUndo the change, or find a compatible one (docs/evolution.md lists what each format allows).");
    }
    RecordSchema latest = history.get(history.size() - 1);
    if (latest.equals(current)) {
      return;
    }
    Path next = snapshotDir.resolve(fileName(type, files.lastKey() + 1));
    if (write) {
      save(next, current);
      return;
    }
    throw new AssertionError(type + " changed since " + files.lastEntry().getValue().getFileName()
        + " (compatibly, under " + mode + " in " + format.name() + "), but the change has no snapshot yet: run the"
        + " tests once with -D" + WRITE_PROPERTY + "=true and commit " + next.getFileName() + ".\n"
        + indent(result.report()));
  }

  /**
   * The schemas of {@code typeName} in {@code snapshotDir}, oldest first; empty if there are none or
   * the folder does not exist.
   *
   * @throws AssertionError if a file is not a valid snapshot of {@code typeName}
   * @throws UncheckedIOException if the folder cannot be listed
   */
  public static List<RecordSchema> load(Path snapshotDir, String typeName) {
    List<RecordSchema> out = new ArrayList<>();
    for (Path p : files(snapshotDir, typeName).values()) {
      out.add(readFile(p, typeName));
    }
    return out;
  }

  /**
   * The snapshot files of {@code typeName} in {@code snapshotDir} by version number, oldest first
   * (unmodifiable; empty if there are none or the folder does not exist). Files whose names only look
   * alike ({@code UserProfile.v01.json}, {@code UserProfileOld.v1.json}) are not versions of it.
   *
   * @throws UncheckedIOException if the folder cannot be listed
   */
  public static NavigableMap<Integer, Path> versions(Path snapshotDir, String typeName) {
    return Collections.unmodifiableNavigableMap(files(Objects.requireNonNull(snapshotDir, "snapshotDir"),
        Objects.requireNonNull(typeName, "typeName")));
  }

  /**
   * The names of the types that have at least one snapshot file ({@code <TypeName>.v<N>.json}) in
   * {@code snapshotDir}, sorted; empty if the folder does not exist.
   *
   * @throws UncheckedIOException if the folder cannot be listed
   */
  public static SortedSet<String> typeNames(Path snapshotDir) {
    TreeSet<String> out = new TreeSet<>();
    if (!Files.isDirectory(snapshotDir)) {
      return out;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(snapshotDir, "*.v*.json")) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        String base = name.substring(0, name.length() - ".json".length());
        int v = base.lastIndexOf(".v");
        if (v > 0 && isVersion(base.substring(v + 2))) {
          out.add(base.substring(0, v));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list schema snapshots in " + snapshotDir, e);
    }
    return out;
  }

  /**
   * Reads one snapshot file, checking that it holds a snapshot of {@code typeName} as its name says.
   *
   * @throws AssertionError if the file cannot be read or is not a valid snapshot of {@code typeName}
   *     (naming the file, and the line and column of what is wrong)
   */
  public static RecordSchema read(Path file, String typeName) {
    return readFile(Objects.requireNonNull(file, "file"), Objects.requireNonNull(typeName, "typeName"));
  }

  /** The file name of version {@code version} (from 1) of {@code typeName}: {@code UserProfile.v3.json}. */
  public static String fileName(String typeName, int version) {
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1, not " + version);
    }
    return typeName + ".v" + version + ".json";
  }

  private static TreeMap<Integer, Path> files(Path dir, String typeName) {
    TreeMap<Integer, Path> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    String prefix = typeName + ".v";
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, prefix + "*.json")) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        String digits = name.substring(prefix.length(), name.length() - ".json".length());
        if (!isVersion(digits)) {
          continue; // another type's file whose name merely starts the same way, or not a version
        }
        out.put(Integer.parseInt(digits), p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list schema snapshots in " + dir, e);
    }
    return out;
  }

  private static boolean isVersion(String digits) {
    return !digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
        && digits.charAt(0) != '0';
  }

  private static RecordSchema readFile(Path file, String typeName) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read schema snapshot " + file + ": " + e, e);
    }
    RecordSchema s;
    try {
      s = SchemaSnapshot.fromJson(text);
    } catch (SchemaException e) {
      throw new AssertionError(file + ": " + e.getMessage(), e);
    }
    if (!s.name().equals(typeName)) {
      throw new AssertionError(file + " holds a snapshot of " + s.name() + ", not of " + typeName
          + " as its name says");
    }
    return s;
  }

  private static void save(Path file, RecordSchema schema) {
    try {
      Files.createDirectories(file.getParent() == null ? Path.of(".") : file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, SchemaSnapshot.toJson(schema), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write schema snapshot " + file, e);
    }
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
