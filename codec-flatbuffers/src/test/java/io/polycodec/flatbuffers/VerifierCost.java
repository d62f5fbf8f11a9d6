package io.polycodec.flatbuffers;

import io.polycodec.CodecOptions;
import io.polycodec.GenericRecord;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A quick, JMH-free timing of what verification costs next to decoding and to a one-field view read,
 * for docs/flatbuffers.md. Not a test and not a benchmark (codec-bench has those): numbers are rough.
 * Run: see docs/flatbuffers.md, "What verification costs".
 */
public final class VerifierCost {
  private VerifierCost() {}

  public static void main(String[] args) {
    FlatBuffersCodec<FlatViewTest.Message> codec = FlatBuffersCodec.of(FlatViewTest.Message.class);
    FlatBuffersCodec<FlatViewTest.Message> trusting = FlatBuffersCodec.of(FlatViewTest.Message.class,
        CodecOptions.defaults().with(FlatBuffersOptions.VERIFY, false));
    report("Message, small (typed)", codec, trusting, codec.encode(FlatViewTest.message()));

    List<FlatViewTest.Point> path = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      path.add(new FlatViewTest.Point(i, -i));
      tags.add("tag-" + i);
    }
    FlatViewTest.Message big = new FlatViewTest.Message(1, 2, 3, true, 4, "x".repeat(1000), new byte[0], Instant.EPOCH,
        FlatViewTest.Level.LOW, new FlatViewTest.Point(0, 0), Optional.empty(), new FlatViewTest.Text("t"), tags, path,
        List.of(), List.of(), List.of(), new float[100_000], new double[0], new float[0], Map.of(), Optional.empty(),
        Optional.empty());
    report("Message, 10k points + 10k strings + 100k floats", codec, trusting, codec.encode(big));

    FlatBuffersCodec<GenericRecord> generic = FlatBuffersCodec.generic(TestSchemas.EVERYTHING);
    FlatBuffersCodec<GenericRecord> genericTrusting = FlatBuffersCodec.of(
        io.polycodec.bind.RecordBinding.generic(TestSchemas.EVERYTHING), CodecOptions.defaults().with(FlatBuffersOptions.VERIFY, false));
    report("Everything, random (generic)", generic, genericTrusting,
        generic.encode(new RandomValues(1, 5, false).record(TestSchemas.EVERYTHING)));
  }

  private static <T> void report(String what, FlatBuffersCodec<T> codec, FlatBuffersCodec<T> trusting, byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int field = codec.view(buffer).fieldIndex("count");
    double verify = time(() -> codec.verify(buffer));
    double decodeVerified = time(() -> codec.decode(buffer));
    double decodeTrusted = time(() -> trusting.decode(buffer));
    double viewVerified = time(() -> codec.view(buffer).getInt(field));
    double viewTrusted = time(() -> trusting.view(buffer).getInt(field));
    System.out.printf("%s, %,d bytes:%n  verify %s | decode %s (unverified %s) | view + one int %s (unverified %s)%n",
        what, bytes.length, fmt(verify), fmt(decodeVerified), fmt(decodeTrusted), fmt(viewVerified), fmt(viewTrusted));
  }

  private static String fmt(double ns) {
    return ns >= 10_000 ? String.format("%,.0f µs", ns / 1000) : String.format("%,.0f ns", ns);
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * Median of 7 rounds, after a warm-up, in ns of this thread's CPU time per call: the machine is shared,
   * and CPU time leaves out the time the thread waits for a core.
   */
  private static double time(Runnable r) {
    long calls = 1;
    long start = THREADS.getCurrentThreadCpuTime();
    while (THREADS.getCurrentThreadCpuTime() - start < 300_000_000L) {
      for (long i = 0; i < calls; i++) {
        r.run();
      }
      calls *= 2;
    }
    long perRound = Math.max(1, calls / 4);
    double[] rounds = new double[7];
    for (int k = 0; k < rounds.length; k++) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (long i = 0; i < perRound; i++) {
        r.run();
      }
      rounds[k] = (THREADS.getCurrentThreadCpuTime() - t0) / (double) perRound;
    }
    java.util.Arrays.sort(rounds);
    return rounds[rounds.length / 2];
  }
}
