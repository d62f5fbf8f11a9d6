package io.polycodec.tck;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.tck.engine.Describe;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.gen.Sample;
import io.polycodec.tck.zoo.Zoo;
import io.polycodec.tck.zoo.ZooGen;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One codec shared by 16 threads encoding and decoding different values at once gives correct
 * results, on the generic path (generated schemas) and on the typed path (zoo records): half the tries
 * each, so a scratch buffer shared only by the typed code is found as surely as a generic one.
 */
final class ConcurrencyProperty {
  static final int THREADS = 16;
  private static final int ROUNDS = 20;

  private ConcurrencyProperty() {}

  /**
   * Values sharing one binding, for one codec.
   *
   * @param binding generic (of a generated schema) or of a zoo record type
   * @param values at least one, varied
   * @param text the description for failure reports
   */
  record Group(RecordBinding<Object> binding, List<Object> values, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  @SuppressWarnings("unchecked")
  static Gen<Group> groups(boolean typed, Gen<io.polycodec.schema.RecordSchema> schemas) {
    if (!typed) {
      return Sample.several(8, schemas).map(s -> new Group((RecordBinding<Object>) (RecordBinding<?>) RecordBinding.generic(s.schema()),
          new ArrayList<>(s.values()), s.toString()));
    }
    Gen<Group> generic = groups(false, schemas);
    List<Class<? extends Record>> types = Zoo.types();
    Gen<Group> zoo = s -> {
      Class<? extends Record> type = types.get((int) s.choose(types.size() - 1));
      ZooGen<? extends Record> gen = ZooGen.of(type);
      List<Object> values = new ArrayList<>();
      StringBuilder text = new StringBuilder("zoo type " + type.getName());
      // At least two values, so that threads disagree about what they encode.
      do {
        Object v = s.draw(gen);
        text.append(values.isEmpty() ? "\nvalue[0] " : "\nvalue[" + values.size() + "] ").append(v);
        values.add(v);
      } while (values.size() < 8 && (values.size() < 2 || s.choose(3) != 0));
      return new Group((RecordBinding<Object>) (RecordBinding<?>) gen.binding(), values, text.toString());
    };
    return s -> s.weighted(1, 1) == 0 ? s.draw(generic) : s.draw(zoo);
  }

  static Property<Group> property(Kit kit) {
    // A race does not reproduce on replay, so there is nothing to shrink.
    return Property.of("concurrency", 16, groups(kit.typed, kit.schemas), g -> run(kit, g)).withoutShrinking();
  }

  private static void run(Kit kit, Group g) throws Exception {
    Codec<Object> codec = kit.codec(g.binding());
    int n = g.values().size();
    List<GenericRecord> expected = new ArrayList<>();
    List<byte[]> encoded = new ArrayList<>();
    for (Object v : g.values()) {
      expected.add(CodecAssertions.expected(g.binding(), v));
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
          start.await(Guard.DEADLOCK_SECONDS, TimeUnit.SECONDS);
          for (int r = 0; r < ROUNDS && failure.get() == null; r++) {
            int i = (id + r) % n;
            byte[] bytes = codec.encode(g.values().get(i));
            if (deterministic && !Arrays.equals(bytes, encoded.get(i))) {
              throw new AssertionError("thread " + id + ": value " + i + " encoded to " + Describe.hex(bytes)
                  + " but to " + Describe.hex(encoded.get(i)) + " on one thread");
            }
            Values.assertEqual("thread " + id + ", value " + i + ", decode(encode(v))", expected.get(i),
                CodecAssertions.view(g.binding(), codec.decode(bytes), "decode"));
            Values.assertEqual("thread " + id + ", value " + i + ", decode of its single-thread encoding", expected.get(i),
                CodecAssertions.view(g.binding(), codec.decode(encoded.get(i).clone()), "decode"));
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
      th.join(TimeUnit.SECONDS.toMillis(Guard.DEADLOCK_SECONDS));
      if (th.isAlive()) {
        throw new AssertionError(th.getName() + " did not finish within " + Guard.DEADLOCK_SECONDS
            + " s: a deadlock? (it is left running as a daemon thread)");
      }
    }
    Throwable f = failure.get();
    if (f != null) {
      throw new AssertionError(THREADS + " threads sharing one codec (" + (g.binding().isGeneric() ? "generic" : "typed")
          + " path): " + f.getMessage(), f);
    }
  }
}
