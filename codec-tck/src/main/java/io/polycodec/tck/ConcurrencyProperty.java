package io.polycodec.tck;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.GenericRecord;
import io.polycodec.tck.engine.Describe;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.gen.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** One codec shared by 16 threads encoding and decoding different values at once gives correct results. */
final class ConcurrencyProperty {
  static final int THREADS = 16;
  private static final int ROUNDS = 40;

  private ConcurrencyProperty() {}

  static Property<Sample> property(Kit kit) {
    // A race does not reproduce on replay, so there is nothing to shrink.
    return Property.of("concurrency", 10, Sample.several(8), s -> run(kit, s)).withoutShrinking();
  }

  private static void run(Kit kit, Sample s) throws Exception {
    Codec<GenericRecord> codec = kit.generic(s.schema());
    int n = s.values().size();
    List<GenericRecord> expected = new ArrayList<>();
    List<byte[]> encoded = new ArrayList<>();
    for (GenericRecord v : s.values()) {
      expected.add(Values.afterRoundTrip(v));
      encoded.add(codec.encode(v));
    }
    boolean deterministic = kit.format.has(Capability.DETERMINISTIC);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        try {
          start.await(Guard.TIMEOUT_SECONDS, TimeUnit.SECONDS);
          for (int r = 0; r < ROUNDS && failure.get() == null; r++) {
            int i = (id + r) % n;
            byte[] bytes = codec.encode(s.values().get(i));
            if (deterministic && !Arrays.equals(bytes, encoded.get(i))) {
              throw new AssertionError("thread " + id + ": value " + i + " encoded to " + Describe.hex(bytes)
                  + " but to " + Describe.hex(encoded.get(i)) + " on one thread");
            }
            Values.assertEqual("thread " + id + ", value " + i + ", decode(encode(v))", expected.get(i), codec.decode(bytes));
            Values.assertEqual("thread " + id + ", value " + i + ", decode of its single-thread encoding", expected.get(i),
                codec.decode(encoded.get(i)));
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "polycodec-tck-concurrency-" + t);
      th.setDaemon(true);
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join(TimeUnit.SECONDS.toMillis(Guard.TIMEOUT_SECONDS));
      if (th.isAlive()) {
        throw new AssertionError(th.getName() + " did not finish within " + Guard.TIMEOUT_SECONDS + " s: a deadlock?");
      }
    }
    Throwable f = failure.get();
    if (f != null) {
      throw new AssertionError(THREADS + " threads sharing one codec: " + f.getMessage(), f);
    }
  }
}
