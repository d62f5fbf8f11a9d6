package io.polycodec.msgpack;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * A rough measurement, not a test and not JMH: payload sizes, time and allocation per operation for a
 * telemetry message, Polycodec's codec in both keyed modes side by side with the path a user would
 * otherwise hand-write on msgpack-core (a MessageBufferPacker per message, a MessageUnpacker and a switch
 * on field names to read). Run it with {@code java -cp <test classpath> io.polycodec.msgpack.Measure}.
 */
public final class Measure {
  private Measure() {}

  /** A sensor reading as a telemetry pipeline would ingest it. */
  public record Reading(@Tag(1) String device, @Tag(2) Instant at, @Tag(3) double temperature,
      @Tag(4) double humidity, @Tag(5) int battery, @Tag(6) long sequence, @Tag(7) Map<String, String> labels,
      @Tag(8) List<Double> samples) {}

  static Reading sample() {
    return new Reading("sensor-0042.building-7", Instant.parse("2026-11-28T10:15:30.123456789Z"), 21.375, 48.5, 87,
        9_876_543_210L, Map.of("site", "berlin", "floor", "3", "kind", "thermo"), List.of(21.25, 21.5, 21.375, 21.3));
  }

  static byte[] handEncode(Reading r) {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packMapHeader(8);
      p.packString("at").packTimestamp(r.at());
      p.packString("battery").packInt(r.battery());
      p.packString("device").packString(r.device());
      p.packString("humidity").packDouble(r.humidity());
      p.packString("labels").packMapHeader(r.labels().size());
      for (Map.Entry<String, String> e : new TreeMap<>(r.labels()).entrySet()) {
        p.packString(e.getKey()).packString(e.getValue());
      }
      p.packString("samples").packArrayHeader(r.samples().size());
      for (double d : r.samples()) {
        p.packDouble(d);
      }
      p.packString("sequence").packLong(r.sequence());
      p.packString("temperature").packDouble(r.temperature());
      return p.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Reading handDecode(byte[] b) {
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(b)) {
      String device = "";
      Instant at = Instant.EPOCH;
      double temperature = 0;
      double humidity = 0;
      int battery = 0;
      long sequence = 0;
      Map<String, String> labels = Map.of();
      List<Double> samples = List.of();
      for (int n = u.unpackMapHeader(); n > 0; n--) {
        switch (u.unpackString()) {
          case "device": device = u.unpackString(); break;
          case "at": at = u.unpackTimestamp(); break;
          case "temperature": temperature = u.unpackDouble(); break;
          case "humidity": humidity = u.unpackDouble(); break;
          case "battery": battery = u.unpackInt(); break;
          case "sequence": sequence = u.unpackLong(); break;
          case "labels": {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int k = u.unpackMapHeader(); k > 0; k--) {
              m.put(u.unpackString(), u.unpackString());
            }
            labels = m;
            break;
          }
          case "samples": {
            List<Double> l = new java.util.ArrayList<>();
            for (int k = u.unpackArrayHeader(); k > 0; k--) {
              l.add(u.unpackDouble());
            }
            samples = l;
            break;
          }
          default: u.skipValue();
        }
      }
      return new Reading(device, at, temperature, humidity, battery, sequence, labels, samples);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static volatile Object sink;

  static void measure(String name, Supplier<Object> op) {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() < end; ) {
      for (int i = 0; i < 1000; i++) {
        sink = op.get();
      }
    }
    double best = Double.MAX_VALUE;
    long allocPerOp = 0;
    for (int round = 0; round < 5; round++) {
      int n = 200_000;
      long a0 = mx.getCurrentThreadAllocatedBytes();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink = op.get();
      }
      long t1 = System.nanoTime();
      allocPerOp = (mx.getCurrentThreadAllocatedBytes() - a0) / n;
      best = Math.min(best, (t1 - t0) / (double) n);
    }
    System.out.printf(Locale.ROOT, "  %-28s %8.0f ns/op %8d B/op%n", name, best, allocPerOp);
  }

  /** Prints sizes, then time and allocation per operation. */
  public static void main(String[] args) {
    Reading r = sample();
    Codec<Reading> named = Codecs.get("msgpack", Reading.class);
    Codec<Reading> tagged = Codecs.get("msgpack", Reading.class,
        CodecOptions.defaults().with(MsgpackOptions.KEYS, MsgpackKeys.TAGS));
    byte[] nb = named.encode(r);
    byte[] tb = tagged.encode(r);
    byte[] hb = handEncode(r);
    if (!java.util.Arrays.equals(nb, hb) || !handDecode(nb).equals(r) || !named.decode(hb).equals(r)) {
      throw new AssertionError("the hand-written path must write the same bytes");
    }
    System.out.println("Reading: " + nb.length + " bytes by name, " + tb.length + " bytes by tag");
    System.out.println("Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
        + " cores");
    java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream(256);
    measure("encode msgpack-core by hand", () -> handEncode(r));
    measure("encode by name", () -> named.encode(r));
    measure("encode by tag", () -> tagged.encode(r));
    measure("encode by name to a stream", () -> {
      stream.reset();
      try {
        named.encode(r, stream);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return stream;
    });
    measure("decode msgpack-core by hand", () -> handDecode(nb));
    measure("decode by name", () -> named.decode(nb));
    measure("decode by tag", () -> tagged.decode(tb));
  }
}
