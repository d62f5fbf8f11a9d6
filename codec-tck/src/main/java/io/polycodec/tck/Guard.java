package io.polycodec.tck;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs hostile decodes so that a hang or a huge allocation becomes a test failure rather than a stuck
 * or crashed build: on a daemon worker with a generous deadline (a hang guard, not a speed threshold),
 * measuring the bytes the worker allocates where the JVM can tell.
 */
final class Guard {
  /** A decode that takes this long on tiny input is hung, whatever the machine. */
  static final long TIMEOUT_SECONDS = 30;

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "polycodec-tck-guard");
    t.setDaemon(true);
    return t;
  });

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

  /**
   * Runs {@code task} on a worker and returns its result, rethrowing what it throws.
   *
   * @throws AssertionError if it has not finished after {@link #TIMEOUT_SECONDS}, naming {@code what}
   */
  static <V> V call(String what, Callable<V> task) throws Exception {
    Future<V> f = WORKERS.submit(task);
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError(what + " did not finish within " + TIMEOUT_SECONDS + " s: a hang on bad input");
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
