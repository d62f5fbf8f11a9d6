package io.polycodec.maven;

import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.schema.RecordSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one record type stands against its committed history, in every configured format.
 *
 * @param javaType the record's class name
 * @param schema its current schema (whose name names the snapshot files)
 * @param state what the build should do about it
 * @param latest the newest snapshot file, or null if there is none
 * @param next the file a new snapshot goes to ({@code <Type>.v<N+1>.json})
 * @param reasons for INCOMPATIBLE, every breaking change, one line each, prefixed with its format:
 *     {@code [protobuf] Account.v1.json → candidate (backward): Account.owner (tag 2): string → int64 …}
 *     (a caveat counted as breaking by the strict check is marked {@code [caveat]})
 * @param caveats changes that read but may change values (int64 → int32 …), one line each, prefixed
 *     with the format; empty when the check is strict (they are among the reasons then)
 * @param results the checker's result per format label, in order (empty for a NEW type)
 */
record TypeVerdict(String javaType, RecordSchema schema, State state, Path latest, Path next, List<String> reasons,
    List<String> caveats, Map<String, CompatibilityResult> results) {
  /** Where a type stands. */
  enum State {
    /** Equal to the latest snapshot. */
    UNCHANGED,
    /** Changed compatibly since the latest snapshot, which the history does not record yet. */
    CHANGED,
    /** No snapshot yet. */
    NEW,
    /** Not compatible with the history in at least one format. */
    INCOMPATIBLE
  }

  TypeVerdict {
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(next, "next");
    reasons = List.copyOf(reasons);
    caveats = List.copyOf(caveats);
    results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
  }
}
