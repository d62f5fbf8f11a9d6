package io.polycodec.tck;

import io.polycodec.tck.engine.Settings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs hostile decodes so that a hang or a huge allocation becomes a test failure rather than a stuck
 * or crashed build: on a daemon worker with a per-input deadline (a hang guard, not a speed threshold:
 * {@link Settings#inputTimeoutMillis()}, 5 s by default, so a hang is reported in seconds with its
 * input), measuring the bytes the worker allocates where the JVM can tell. A worker that ignores the
 * interrupt stays behind as a daemon thread (it cannot keep the JVM alive), and the failure says so.
 */
final class Guard {
  /** How long a whole multi-threaded check (the concurrency property) may take before it counts as a deadlock. */
  static final long DEADLOCK_SECONDS = 60;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "polycodec-tck-guard-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  /** The settings of the property running on this thread, for its time budget. */
  private static final ThreadLocal<Settings> CURRENT = new ThreadLocal<>();

  private static final com.sun.management.ThreadMXBean ALLOCATIONS = allocations();

  private Guard() {}
  private static com.sun.management.ThreadMXBean allocations() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean) {
      com.sun.management.ThreadMXBean b = (com.sun.management.ThreadMXBean) bean;
      try {
        if (b.isThreadAllocatedMemorySupported()) {
          b.setThreadAllocatedMemoryEnabled(true);
          return b;
        }
      } catch (UnsupportedOperationException | SecurityException e) {
        return null;
      }
    }
    return null;
  }

  /** Whether allocations can be measured on this JVM. */
  static boolean measuresAllocation() {
    return ALLOCATIONS != null;
  }

  /** Bytes allocated so far by the current thread, or -1 if unknown. */
  static long allocatedBytes() {
    return ALLOCATIONS == null ? -1 : ALLOCATIONS.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  /** Runs {@code body} with {@code settings}' time budget for every guarded call it makes on this thread. */
  static void withSettings(Settings settings, org.junit.jupiter.api.function.Executable body) throws Throwable {
    Settings before = CURRENT.get();
    CURRENT.set(settings);
    try {
      body.execute();
    } finally {
      CURRENT.set(before);
    }
  }

  /** The time one guarded call may take, in milliseconds: the running property's settings, else the system properties. */
  static long timeoutMillis() {
    Settings s = CURRENT.get();
    return (s != null ? s : Settings.fromSystemProperties()).inputTimeoutMillis();
  }

  /**
   * Runs {@code task} on a daemon worker and returns its result, rethrowing what it throws.
   *
   * @throws AssertionError if it has not finished within {@link #timeoutMillis()}, naming {@code what}
   *     (which should show the input) and saying whether the worker was left running
   */
  static <V> V call(String what, Callable<V> task) throws Exception {
    AtomicReference<Thread> worker = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Future<V> f = WORKERS.submit(() -> {
      worker.set(Thread.currentThread());
      try {
        return task.call();
      } finally {
        done.countDown();
      }
    });
    long timeout = timeoutMillis();
    try {
      return f.get(timeout, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      // Give an interruptible hang a moment to end, so the report can say whether a thread is left behind.
      boolean stopped = done.await(200, TimeUnit.MILLISECONDS);
      Thread t = worker.get();
      throw new AssertionError(what + " did not finish within " + timeout + " ms: a hang on bad input"
          + (stopped ? " (the worker stopped when interrupted)"
              : "; the worker thread " + (t == null ? "" : "'" + t.getName() + "' ") + "was left running (a daemon thread,"
                  + " it does not keep the JVM alive, but it ignored the interrupt)")
          + "; -D" + Settings.INPUT_TIMEOUT_PROPERTY + " sets the budget");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof Exception) {
        throw (Exception) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw e;
    }
  }
}
