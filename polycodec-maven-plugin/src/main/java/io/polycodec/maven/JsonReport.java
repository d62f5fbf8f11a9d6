package io.polycodec.maven;

import io.polycodec.Codecs;
import io.polycodec.evolution.CompatibilityResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code check} goal's verdicts as one JSON document, for CI tools:
 * {@code {"mode", "strict", "formats": […], "compatible", "types": [{"type", "schema", "state", "latest",
 * "next", "results": [<CompatibilityResult.toJson() with "label">]}]}}; {@code state} is UNCHANGED,
 * CHANGED, NEW or INCOMPATIBLE, {@code compatible} whether no type is INCOMPATIBLE. Written by
 * Polycodec's own JSON codec, so strings are escaped per RFC 8259.
 */
final class JsonReport {
  private JsonReport() {}

  static String of(HistoryGuard guard, List<TypeVerdict> verdicts) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("mode", guard.mode().name());
    doc.put("strict", guard.strict());
    doc.put("formats", guard.formatNames());
    boolean compatible = true;
    List<Object> types = new ArrayList<>();
    for (TypeVerdict v : verdicts) {
      compatible &= v.state() != TypeVerdict.State.INCOMPATIBLE;
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("type", v.javaType());
      t.put("schema", v.schema().name());
      t.put("state", v.state().name());
      if (v.latest() != null) {
        t.put("latest", v.latest().getFileName().toString());
      }
      t.put("next", v.next().getFileName().toString());
      List<Object> results = new ArrayList<>();
      for (Map.Entry<String, CompatibilityResult> e : v.results().entrySet()) {
        // the checker's own JSON, read back so that it nests in this document
        @SuppressWarnings("unchecked")
        Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) Codecs.schemaless("json")
            .decode(e.getValue().toJson().getBytes(StandardCharsets.UTF_8)));
        r.put("label", e.getKey());
        results.add(r);
      }
      t.put("results", results);
      types.add(t);
    }
    doc.put("compatible", compatible);
    doc.put("types", types);
    return new String(Codecs.schemaless("json").encode(doc), StandardCharsets.UTF_8) + "\n";
  }
}
