package io.polycodec.tck;

import java.lang.management.ManagementFactory;

/**
 * The allocation a decoder may make for its input: decoding {@code n} bytes allocates at most
 * {@code max(1 MiB, 64·n)} bytes on the decoding thread. A decoder whose work is linear in its input
 * (protobuf-java, Jackson and msgpack-core are) stays well inside it; a quadratic merge or an allocation
 * sized by a length prefix instead of the bytes present does not. Measured with
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, which counts what the current
 * thread allocated: it is not a timing, so it does not depend on the machine's load.
 */
public final class AllocationBound {
  /** The allowance of any decode, however small its input: a codec's plans and buffers. */
  public static final long FLOOR_BYTES = 1L << 20;
  /** The allowance per input byte. */
  public static final long BYTES_PER_INPUT_BYTE = 64;

  private static final com.sun.management.ThreadMXBean THREADS = threads();

  private AllocationBound() {}

  private static com.sun.management.ThreadMXBean threads() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean) {
      com.sun.management.ThreadMXBean b = (com.sun.management.ThreadMXBean) bean;
      if (b.isThreadAllocatedMemorySupported()) {
        if (!b.isThreadAllocatedMemoryEnabled()) {
          b.setThreadAllocatedMemoryEnabled(true);
        }
        return b;
      }
    }
    return null;
  }

  /** Whether this JVM measures per-thread allocation (HotSpot does); if not, {@link #measure} returns -1. */
  public static boolean supported() {
    return THREADS != null;
  }

  /** The most a decode of {@code inputBytes} bytes may allocate. */
  public static long allowance(long inputBytes) {
    return Math.max(FLOOR_BYTES, BYTES_PER_INPUT_BYTE * inputBytes);
  }

  /** Work whose allocation is measured; whatever it throws is part of its result. */
  @FunctionalInterface
  public interface Work {
    /** Runs the work. */
    void run() throws Exception;
  }

  /**
   * The bytes the current thread allocates while running {@code work} (exceptions it throws are
   * ignored: a decoder may refuse its input, and the allocation before the refusal still counts), or -1
   * if {@link #supported() not supported}.
   */
  public static long measure(Work work) {
    if (THREADS == null) {
      return -1;
    }
    long id = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(id);
    try {
      work.run();
    } catch (Exception e) {
      // counted: the point is what was allocated, not whether it succeeded
    }
    return THREADS.getThreadAllocatedBytes(id) - before;
  }

  /**
   * Checks that decoding {@code input} with {@code work} allocates at most {@link #allowance} of its
   * length; throws an AssertionError naming both numbers otherwise. Does nothing where allocation cannot
   * be measured.
   */
  public static void check(byte[] input, Work work) {
    long used = measure(work);
    long allowed = allowance(input.length);
    if (used > allowed) {
      throw new AssertionError("decoding " + input.length + " bytes allocated " + used + " bytes, more than the "
          + allowed + " allowed (max(1 MiB, 64 per input byte))");
    }
  }
}
