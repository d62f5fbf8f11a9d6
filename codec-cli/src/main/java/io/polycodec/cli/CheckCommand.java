package io.polycodec.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.polycodec.CodecException;
import io.polycodec.Format;
import io.polycodec.cli.schema.ClassSchemas;
import io.polycodec.cli.schema.SchemaFiles;
import io.polycodec.cli.schema.Version;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.Reason;
import io.polycodec.schema.RecordSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code polycodec check OLD NEW}: whether NEW may follow OLD, in each format asked for; the
 * {@code buf breaking} of Polycodec. Exit status 0 compatible, 1 incompatible, 2 usage or input error.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check that the schema NEW may follow OLD under a compatibility mode, in each --format.",
        "OLD is a history folder (<Type>.v<N>.json, every version is history), a snapshot .json, a descriptor"
            + " set or a .proto file; NEW the same (a folder stands for its latest version).",
        "FlatBuffers .fbs/.bfbs import does not exist yet: export a snapshot of the record instead."},
    footer = {"", "Exit status: 0 compatible, 1 incompatible, 2 usage or input error."})
final class CheckCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "OLD", description = "The schema history, or the old schema.")
  Path old;

  @Parameters(index = "1", paramLabel = "NEW",
      description = "The new schema; with --classpath, the class name of a compiled record.")
  String candidate;

  @Option(names = {"-f", "--format"}, required = true, split = ",", paramLabel = "FORMAT",
      description = "Whose rules apply: protobuf, msgpack, flatbuffers, json; msgpack/number for compact"
          + " MessagePack (comma-separated or repeated).")
  List<String> formats;

  @Option(names = {"-m", "--mode"}, paramLabel = "MODE", defaultValue = "BACKWARD",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  CompatibilityMode mode;

  @Option(names = "--json", description = "Print the verdict as JSON, for tools.")
  boolean json;

  @Option(names = "--strict",
      description = "Count caveats (data reads, but values may be truncated, change sign or lose presence) as"
          + " breaking.")
  boolean strict;

  @Option(names = "--type", paramLabel = "NAME",
      description = "The type, where a folder or descriptor set holds several (a simple name matches a full one).")
  String type;

  @Option(names = "--classpath", paramLabel = "PATH", description = "Class path to load NEW from as a compiled record.")
  String classPath;

  @Mixin
  ProtoOptions proto = new ProtoOptions();

  CheckCommand(Streams streams) {
    super(streams);
  }

  @Override
  public Integer call() throws IOException {
    List<Version> history = SchemaFiles.read(old, type, proto.protoc(), proto.flatc());
    Version next = classPath != null ? ClassSchemas.load(classPath, candidate)
        : SchemaFiles.latest(Path.of(candidate), type, proto.protoc(), proto.flatc());
    List<RecordSchema> schemas = history.stream().map(Version::schema).toList();
    List<String> labels = history.stream().map(Version::label).toList();
    Map<String, CompatibilityResult> results = new LinkedHashMap<>();
    for (String f : formats) {
      // keyed by what the user wrote (normalised), so msgpack and msgpack/number stay apart
      CompatibilityResult r = Compatibility.check(schemas, labels, next.schema(), mode, format(f));
      results.put(f.strip().toLowerCase(Locale.ROOT), strict ? r.caveatsAsBreaking() : r);
    }
    boolean compatible = results.values().stream().allMatch(CompatibilityResult::isCompatible);
    if (json) {
      json(history, next, results, compatible);
    } else {
      text(history, next, results);
    }
    streams.out().flush();
    return compatible ? PolycodecCli.OK : PolycodecCli.NO;
  }

  private static Format format(String spec) {
    try {
      return Compatibility.rulesOf(spec);
    } catch (CodecException | IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  private void text(List<Version> history, Version next, Map<String, CompatibilityResult> results) {
    String latest = history.get(history.size() - 1).label();
    String against = history.size() == 1 ? latest
        : mode.transitive() ? history.size() + " versions (" + history.get(0).label() + " … " + latest + ")"
        : latest + " (the latest of " + history.size() + " versions)";
    for (Map.Entry<String, CompatibilityResult> e : results.entrySet()) {
      CompatibilityResult r = e.getValue();
      List<String> lines = new ArrayList<>(r.report().lines().toList());
      lines.set(0, r.grade() + " in " + e.getKey() + " under " + mode + (strict ? " (strict: caveats count as breaking)" : "")
          + ": " + next.label() + " against " + against);
      for (String line : lines) {
        streams.out().println(line);
      }
    }
  }

  private void json(List<Version> history, Version next, Map<String, CompatibilityResult> results, boolean compatible)
      throws IOException {
    OutputStream out = streams.out();
    try (JsonGenerator g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeBooleanField("compatible", compatible);
      g.writeStringField("mode", mode.name());
      g.writeBooleanField("strict", strict);
      g.writeStringField("type", next.schema().name());
      g.writeStringField("candidate", next.label());
      g.writeArrayFieldStart("history");
      for (Version v : history) {
        g.writeString(v.label());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("results");
      for (Map.Entry<String, CompatibilityResult> e : results.entrySet()) {
        CompatibilityResult r = e.getValue();
        g.writeStartObject();
        g.writeStringField("format", e.getKey());
        g.writeStringField("grade", r.grade().name());
        reasons(g, "breaking", r.reasons());
        reasons(g, "harmless", r.notes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void reasons(JsonGenerator g, String name, List<Reason> reasons) throws IOException {
    g.writeArrayFieldStart(name);
    for (Reason r : reasons) {
      g.writeStartObject();
      g.writeStringField("context", r.context());
      g.writeStringField("severity", r.severity().label());
      g.writeStringField("path", r.path());
      if (r.tag() > 0) {
        g.writeNumberField("tag", r.tag());
      }
      g.writeStringField("location", r.location());
      g.writeStringField("message", r.message());
      g.writeStringField("text", r.toString());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
