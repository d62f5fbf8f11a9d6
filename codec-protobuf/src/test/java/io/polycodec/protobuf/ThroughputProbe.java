package io.polycodec.protobuf;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.protobuf.testproto.Everything;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A rough side-by-side of Polycodec's protobuf codec and protobuf-java on the same values (not a test,
 * and no substitute for JMH in codec-bench): operations per second and bytes allocated per operation,
 * single-threaded, after warm-up. Run after {@code ./mvnw package}:
 *
 * <pre>
 * java -cp "codec-protobuf/target/test-classes:codec-protobuf/target/classes:$(cat codec-protobuf/target/conformance-classpath.txt)" \
 *   io.polycodec.protobuf.ThroughputProbe
 * </pre>
 */
public final class ThroughputProbe {
  private ThroughputProbe() {}

  private static volatile Object sink;

  /** Runs the probe and prints one line per operation. */
  public static void main(String[] args) {
    int n = 64;
    List<Kinds.Everything> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(new RandomKinds(42 + i).everything());
    }
    Codec<Kinds.Everything> codec = Codecs.get("protobuf", Kinds.Everything.class);
    List<Everything> messages = new ArrayList<>();
    List<byte[]> encoded = new ArrayList<>();
    long bytes = 0;
    for (Kinds.Everything v : values) {
      messages.add(KindsToProto.everything(v));
      byte[] b = codec.encode(v);
      encoded.add(b);
      bytes += b.length;
    }
    System.out.printf("payload: %d random Everything values, %.0f bytes on average%n", n, bytes / (double) n);
    int[] i = {0};
    run("polycodec encode (record -> bytes)", () -> codec.encode(values.get(i[0]++ & (n - 1))));
    run("hand path: map record to generated message, then toByteArray",
        () -> KindsToProto.everything(values.get(i[0]++ & (n - 1))).toByteArray());
    run("protobuf-java toByteArray (prebuilt message)", () -> messages.get(i[0]++ & (n - 1)).toByteArray());
    run("polycodec decode (bytes -> record)", () -> codec.decode(encoded.get(i[0]++ & (n - 1))));
    run("protobuf-java parseFrom (bytes -> message)", () -> {
      try {
        return Everything.parseFrom(encoded.get(i[0]++ & (n - 1)));
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    });
  }

  private static void run(String name, Supplier<Object> op) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    for (long end = System.nanoTime() + 3_000_000_000L; System.nanoTime() < end; ) {
      sink = op.get();
    }
    double best = 0;
    double allocated = 0;
    for (int round = 0; round < 5; round++) {
      long ops = 0;
      long a0 = threads.getThreadAllocatedBytes(tid);
      long t0 = System.nanoTime();
      long end = t0 + 1_000_000_000L;
      long t;
      do {
        for (int k = 0; k < 256; k++) {
          sink = op.get();
        }
        ops += 256;
        t = System.nanoTime();
      } while (t < end);
      double rate = ops * 1e9 / (t - t0);
      if (rate > best) {
        best = rate;
        allocated = (threads.getThreadAllocatedBytes(tid) - a0) / (double) ops;
      }
    }
    System.out.printf("%-62s %,12.0f ops/s %,10.0f B/op%n", name, best, allocated);
  }
}
