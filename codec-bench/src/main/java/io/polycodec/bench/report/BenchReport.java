package io.polycodec.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polycodec.bench.payload.Payload;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff results.json}) into the Markdown tables of
 * docs/benchmarks.md: the targets as ratios (Polycodec ÷ peer) per payload, the raw ns/op and
 * B/op, and the payload sizes. Ratios use the CPU time per operation when the run had
 * {@code -prof io.polycodec.bench.CpuTimeProfiler} (robust on a shared machine), else JMH's score.
 *
 * <pre>java -cp codec-bench/target/benchmarks.jar io.polycodec.bench.report.BenchReport results.json</pre>
 */
public final class BenchReport {
  private static final String[] PAYLOADS = {"user", "media", "twitter", "telemetry", "embedding", "fp16", "bf16", "int8"};

  /** One benchmark method with one parameter set. */
  record Row(String benchmark, String method, Map<String, String> params, double wall, double cpu, double bytes) {
    double time() {
      return Double.isNaN(cpu) ? wall : cpu;
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final PrintStream out;
  private boolean cpuTimes;

  private BenchReport(PrintStream out) {
    this.out = out;
  }

  /** Prints the report of the JMH JSON files named by {@code args}. */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: BenchReport results.json [more.json...]");
      System.exit(2);
    }
    BenchReport r = new BenchReport(System.out);
    for (String a : args) {
      r.load(Path.of(a));
    }
    r.print();
  }

  private void load(Path file) throws IOException {
    for (JsonNode n : new ObjectMapper().readTree(file.toFile())) {
      String full = n.get("benchmark").asText();
      int dot = full.lastIndexOf('.');
      String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
      Map<String, String> params = new LinkedHashMap<>();
      if (n.has("params")) {
        n.get("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
      }
      JsonNode sec = n.path("secondaryMetrics");
      double cpu = sec.has("cpu.time.norm") ? sec.get("cpu.time.norm").get("score").asDouble() : Double.NaN;
      double bytes = sec.has("gc.alloc.rate.norm") ? sec.get("gc.alloc.rate.norm").get("score").asDouble() : Double.NaN;
      cpuTimes |= !Double.isNaN(cpu);
      rows.add(new Row(cls, full.substring(dot + 1), params, n.get("primaryMetric").get("score").asDouble(), cpu, bytes));
    }
  }

  private Row find(String benchmark, String method, String... params) {
    for (Row r : rows) {
      if (r.benchmark.equals(benchmark) && r.method.equals(method)) {
        boolean all = true;
        for (int i = 0; i < params.length; i += 2) {
          all &= params[i + 1].equals(r.params.get(params[i]));
        }
        if (all) {
          return r;
        }
      }
    }
    return null;
  }

  private void print() {
    out.println("Times are " + (cpuTimes ? "CPU ns/op of the benchmark thread (cpu.time.norm)" : "JMH scores (ns/op)")
        + "; allocation is gc.alloc.rate.norm (B/op). Ratio = Polycodec ÷ peer unless said otherwise.");
    out.println();
    printTargets();
    printRaw();
    printVectors();
    printViews();
    printSizes();
  }

  // ---- the targets ----------------------------------------------------------------------------

  private void printTargets() {
    out.println("### Ratios against the targets");
    out.println();
    out.print("| target |");
    for (String p : PAYLOADS) {
      out.print(" " + p + " |");
    }
    out.println();
    out.print("|---|");
    for (String ignored : PAYLOADS) {
      out.print("---:|");
    }
    out.println();
    ratio("Protobuf encode ÷ toProto(record).toByteArray() (≤ 0.8)", "ProtobufBenchmark", "polycodecEncode", "generatedMappedEncode", 0.8, false, false);
    ratio("Protobuf encode ÷ prebuilt toByteArray() (≤ 1.3)", "ProtobufBenchmark", "polycodecEncode", "generatedPrebuiltEncode", 1.3, false, false);
    ratio("Protobuf decode ÷ parseFrom + convert (≤ 1.3)", "ProtobufBenchmark", "polycodecDecode", "generatedParseConvert", 1.3, false, false);
    ratio("DynamicMessage parse ÷ Protobuf decode (≥ 2.5)", "ProtobufBenchmark", "polycodecDecode", "dynamicParse", 2.5, true, false);
    ratio("DynamicMessage parse ÷ Protobuf GenericRecord decode (info)", "ProtobufBenchmark", "polycodecGenericDecode", "dynamicParse", Double.NaN, true, false);
    ratio("MessagePack encode ÷ msgpack-core by hand (≤ 1.15)", "MsgpackBenchmark", "polycodecEncode", "handWrittenEncode", 1.15, false, false);
    ratio("MessagePack decode ÷ msgpack-core by hand (≤ 1.15)", "MsgpackBenchmark", "polycodecDecode", "handWrittenDecode", 1.15, false, false);
    ratio("jackson-dataformat-msgpack decode ÷ MessagePack decode (≥ 1.5)", "MsgpackBenchmark", "polycodecDecode", "jacksonDecode", 1.5, true, false);
    ratio("MessagePack compact encode ÷ msgpack-core by hand (info)", "MsgpackBenchmark", "polycodecCompactEncode", "handWrittenEncode", Double.NaN, false, false);
    ratio("MessagePack compact decode ÷ msgpack-core by hand (info)", "MsgpackBenchmark", "polycodecCompactDecode", "handWrittenDecode", Double.NaN, false, false);
    ratio("JSON encode ÷ Jackson, time (≤ 1.1)", "JsonBenchmark", "polycodecEncode", "jacksonEncode", 1.1, false, false);
    ratio("JSON encode ÷ Jackson, B/op (≤ 1.1)", "JsonBenchmark", "polycodecEncode", "jacksonEncode", 1.1, false, true);
    ratio("JSON decode ÷ Jackson, time (≤ 1.1)", "JsonBenchmark", "polycodecDecode", "jacksonDecode", 1.1, false, false);
    ratio("JSON decode ÷ Jackson, B/op (≤ 1.1)", "JsonBenchmark", "polycodecDecode", "jacksonDecode", 1.1, false, true);
    ratio("FlatBuffers encode ÷ flatc builder code (info)", "FlatbuffersBenchmark", "polycodecEncode", "generatedEncode", Double.NaN, false, false);
    ratio("FlatBuffers verified decode ÷ generated accessors (info)", "FlatbuffersBenchmark", "polycodecDecode", "generatedDecode", Double.NaN, false, false);
    ratio("FlatBuffers trusted decode ÷ generated accessors (info)", "FlatbuffersBenchmark", "polycodecTrustedDecode", "generatedDecode", Double.NaN, false, false);
    out.println();
    out.println("A ratio is marked ✗ where it misses its target, (peer ÷ Polycodec) rows are speed-ups. Empty cells: not in this run.");
    out.println();
  }

  /**
   * One row: for each payload, ours ÷ theirs (or theirs ÷ ours when {@code inverse}), by time or by
   * bytes allocated, checked against {@code limit} (an upper bound, or a lower one when {@code inverse}).
   */
  private void ratio(String label, String benchmark, String ours, String theirs, double limit, boolean inverse, boolean bytes) {
    StringBuilder line = new StringBuilder("| " + label + " |");
    boolean any = false;
    for (String p : PAYLOADS) {
      Row a = find(benchmark, ours, "payload", p);
      Row b = find(benchmark, theirs, "payload", p);
      if (a == null || b == null) {
        line.append(" |");
        continue;
      }
      any = true;
      double x = bytes ? a.bytes : a.time();
      double y = bytes ? b.bytes : b.time();
      double r = inverse ? y / x : x / y;
      boolean miss = !Double.isNaN(limit) && (inverse ? r < limit : r > limit);
      line.append(String.format(Locale.ROOT, " %.2f%s |", r, miss ? " ✗" : ""));
    }
    if (any) {
      out.println(line);
    }
  }

  // ---- raw numbers --------------------------------------------------------------------------------------

  private void printRaw() {
    for (String benchmark : new String[] {"ProtobufBenchmark", "MsgpackBenchmark", "FlatbuffersBenchmark", "JsonBenchmark"}) {
      List<String> methods = new ArrayList<>();
      for (Row r : rows) {
        if (r.benchmark.equals(benchmark) && !methods.contains(r.method)) {
          methods.add(r.method);
        }
      }
      if (methods.isEmpty()) {
        continue;
      }
      out.println("### " + benchmark + ": ns/op and B/op");
      out.println();
      out.print("| method |");
      for (String p : PAYLOADS) {
        out.print(" " + p + " |");
      }
      out.println();
      out.print("|---|");
      for (String ignored : PAYLOADS) {
        out.print("---:|");
      }
      out.println();
      for (String m : methods) {
        StringBuilder line = new StringBuilder("| " + m + " |");
        for (String p : PAYLOADS) {
          Row r = find(benchmark, m, "payload", p);
          line.append(r == null ? " |" : " " + time(r.time()) + " / " + bytes(r.bytes) + " |");
        }
        out.println(line);
      }
      out.println();
    }
  }

  private void printVectors() {
    List<Row> v = new ArrayList<>();
    for (Row r : rows) {
      if (r.benchmark.equals("QuantizationBenchmark")) {
        v.add(r);
      }
    }
    if (v.isEmpty()) {
      return;
    }
    out.println("### VectorBytes on 768 floats (3,072 bytes of float input): GB/s and B/op");
    out.println();
    out.println("| quantization | encodeInto | decodeInto | encodeNew | decodeNew |");
    out.println("|---|---:|---:|---:|---:|");
    for (String q : new String[] {"NONE", "FP16", "BF16", "INT8"}) {
      StringBuilder line = new StringBuilder("| " + q + " |");
      for (String m : new String[] {"encodeInto", "decodeInto", "encodeNew", "decodeNew"}) {
        Row r = find("QuantizationBenchmark", m, "quantization", q);
        double target = q.equals("NONE") ? 5 : 2;
        line.append(r == null ? " |" : String.format(Locale.ROOT, " %.1f GB/s%s, %s B/op |", 3072 / r.time(),
            m.endsWith("Into") && 3072 / r.time() < target ? " ✗" : "", bytes(r.bytes)));
      }
      out.println(line);
    }
    out.println();
    out.println("Targets: ≥ 2 GB/s (FP16, BF16, INT8) and ≥ 5 GB/s (NONE) per core, 0 B/op into caller-supplied arrays.");
    out.println();
  }

  private void printViews() {
    out.println("### FlatBuffers: one scalar from a view");
    out.println();
    out.println("| content | method | 100B | 1MB | 1MB ÷ 100B (≤ 2) | B/op (100B / 1MB) |");
    out.println("|---|---|---:|---:|---:|---|");
    boolean any = false;
    for (String content : new String[] {"bytes", "tables"}) {
      for (String m : new String[] {"generatedScalar", "polycodecViewScalar", "polycodecTrustedViewScalar", "polycodecOpenViewScalar"}) {
        Row small = find("FlatbuffersViewBenchmark", m, "size", "100B", "content", content);
        Row big = find("FlatbuffersViewBenchmark", m, "size", "1MB", "content", content);
        if (small == null || big == null) {
          continue;
        }
        any = true;
        double r = big.time() / small.time();
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.2f%s | %s / %s |%n", content, m, time(small.time()), time(big.time()), r,
            r > 2 ? " ✗" : "", bytes(small.bytes), bytes(big.bytes));
      }
    }
    if (!any) {
      out.println("| (not in this run) | | | | | |");
    }
    out.println();
  }

  private void printSizes() {
    out.println("### Payload sizes (bytes)");
    out.println();
    out.print("| path |");
    for (String p : PAYLOADS) {
      out.print(" " + p + " |");
    }
    out.println();
    out.print("|---|");
    for (String ignored : PAYLOADS) {
      out.print("---:|");
    }
    out.println();
    Map<String, StringBuilder> lines = new LinkedHashMap<>();
    for (String p : PAYLOADS) {
      for (Map.Entry<String, Integer> e : PayloadSizes.of(Payload.of(p)).entrySet()) {
        lines.computeIfAbsent(e.getKey(), k -> new StringBuilder("| " + k + " |"))
            .append(String.format(Locale.ROOT, " %,d |", e.getValue()));
      }
    }
    lines.values().forEach(out::println);
    out.println();
  }

  private static String time(double ns) {
    if (Double.isNaN(ns)) {
      return "–";
    }
    return ns >= 100_000 ? String.format(Locale.ROOT, "%,.0f µs", ns / 1000)
        : ns >= 10_000 ? String.format(Locale.ROOT, "%.1f µs", ns / 1000)
        : String.format(Locale.ROOT, "%,.0f ns", ns);
  }

  private static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "–";
    }
    return b < 0.5 ? "0" : String.format(Locale.ROOT, "%,.0f", b);
  }
}
