package io.polycodec.maven;

import io.polycodec.Codecs;
import io.polycodec.Format;
import io.polycodec.SchemaException;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.Reason;
import io.polycodec.evolution.SchemaHistory;
import io.polycodec.evolution.Severity;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.SchemaSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

/**
 * The plugin's judgement, without Maven: compares record types with their snapshot history (the
 * {@link SchemaHistory} layout, {@code <Type>.v<N>.json}) under one mode in several formats, and writes
 * new snapshots. Immutable; not safe for two builds writing to one folder at once.
 */
final class HistoryGuard {
  private final Path historyDir;
  private final CompatibilityMode mode;
  private final List<Format> formats;
  /** What the user wrote for each format, normalised: the label of its reasons. */
  private final List<String> labels;
  private final boolean strict;

  private HistoryGuard(Path historyDir, CompatibilityMode mode, List<Format> formats, List<String> labels,
      boolean strict) {
    this.historyDir = historyDir;
    this.mode = mode;
    this.formats = List.copyOf(formats);
    this.labels = List.copyOf(labels);
    this.strict = strict;
  }

  /**
   * A guard of {@code historyDir} under {@code mode} in the formats named (registry names, or
   * {@code msgpack/number} for compact MessagePack; see {@link Compatibility#rulesOf}).
   *
   * @throws io.polycodec.CodecException if a format is not known
   * @throws IllegalArgumentException if no format is named, or a keying is not name or number
   */
  static HistoryGuard of(Path historyDir, CompatibilityMode mode, List<String> formatNames) {
    return of(historyDir, mode, formatNames, false);
  }

  /**
   * As {@link #of(Path, CompatibilityMode, List)}; with {@code strict}, caveats (data reads, but values
   * may be truncated, change sign or lose presence) count as breaking
   * ({@link CompatibilityResult#caveatsAsBreaking()}).
   */
  static HistoryGuard of(Path historyDir, CompatibilityMode mode, List<String> formatNames, boolean strict) {
    if (formatNames.isEmpty()) {
      throw new IllegalArgumentException("name at least one format (protobuf, json, msgpack, flatbuffers)");
    }
    List<Format> formats = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (String f : formatNames) {
      formats.add(Compatibility.rulesOf(f));
      labels.add(f.strip().toLowerCase(Locale.ROOT));
    }
    return new HistoryGuard(Objects.requireNonNull(historyDir, "historyDir"), Objects.requireNonNull(mode, "mode"),
        formats, labels, strict);
  }

  Path historyDir() {
    return historyDir;
  }

  CompatibilityMode mode() {
    return mode;
  }

  /** Whether caveats count as breaking. */
  boolean strict() {
    return strict;
  }

  /** The names of the formats judged, in order. */
  List<String> formatNames() {
    return labels;
  }

  /**
   * Where {@code type} stands.
   *
   * @throws SchemaException if the type cannot be mapped to a schema
   * @throws AssertionError if a snapshot file of it is not a valid snapshot (naming file, line, column)
   */
  TypeVerdict judge(Class<?> type) {
    RecordSchema current = Codecs.schemaOf(type);
    String name = current.name();
    NavigableMap<Integer, Path> files = SchemaHistory.versions(historyDir, name);
    if (files.isEmpty()) {
      return new TypeVerdict(type.getName(), current, TypeVerdict.State.NEW, null,
          historyDir.resolve(SchemaHistory.fileName(name, 1)), List.of(), List.of(), Map.of());
    }
    List<RecordSchema> history = new ArrayList<>();
    List<String> fileNames = new ArrayList<>();
    for (Map.Entry<Integer, Path> e : files.entrySet()) {
      history.add(SchemaHistory.read(e.getValue(), name));
      fileNames.add(e.getValue().getFileName().toString());
    }
    List<String> reasons = new ArrayList<>();
    List<String> caveats = new ArrayList<>();
    Map<String, CompatibilityResult> results = new LinkedHashMap<>();
    for (int i = 0; i < formats.size(); i++) {
      CompatibilityResult r = Compatibility.check(history, fileNames, current, mode, formats.get(i));
      if (strict) {
        r = r.caveatsAsBreaking();
      }
      results.put(labels.get(i), r);
      for (Reason reason : r.reasons()) {
        reasons.add("[" + labels.get(i) + "] " + (reason.severity() == Severity.CAVEAT ? "[caveat] " : "") + reason);
      }
      if (!strict) {
        for (Reason caveat : r.caveats()) {
          caveats.add("[" + labels.get(i) + "] " + caveat);
        }
      }
    }
    Path latest = files.lastEntry().getValue();
    Path next = historyDir.resolve(SchemaHistory.fileName(name, files.lastKey() + 1));
    TypeVerdict.State state = !reasons.isEmpty() ? TypeVerdict.State.INCOMPATIBLE
        : history.get(history.size() - 1).equals(current) ? TypeVerdict.State.UNCHANGED : TypeVerdict.State.CHANGED;
    return new TypeVerdict(type.getName(), current, state, latest, next, reasons, caveats, results);
  }

  /**
   * Writes the verdict's schema as its next snapshot file (atomically), if it is NEW or CHANGED.
   *
   * @return the file written, or null if there was nothing to write
   * @throws IllegalStateException for an INCOMPATIBLE verdict: the history never records a break
   * @throws IOException if the file cannot be written
   */
  Path record(TypeVerdict v) throws IOException {
    switch (v.state()) {
      case UNCHANGED:
        return null;
      case INCOMPATIBLE:
        throw new IllegalStateException(v.javaType() + " is incompatible with its history; not recorded");
      default:
        Files.createDirectories(historyDir);
        Path tmp = v.next().resolveSibling(v.next().getFileName() + ".tmp");
        Files.writeString(tmp, SchemaSnapshot.toJson(v.schema()), StandardCharsets.UTF_8);
        Files.move(tmp, v.next(), StandardCopyOption.ATOMIC_MOVE);
        return v.next();
    }
  }
}
