package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.concurrent.Callable;

/**
 * A check for what happens when {@link Limits#maxDepth()} is raised beyond what a thread's stack holds:
 * decoding (and encoding) must end in a {@link DecodeException} (an {@link EncodeException}), never a
 * {@link StackOverflowError}. The value is encoded on a thread with a large stack, then decoded and
 * encoded again on one with a small stack.
 */
public final class StackExhaustion {
  /** The depth of the value: far more than a 256 KiB stack holds in any backend. */
  public static final int DEPTH = 20_000;
  private static final long SMALL_STACK = 256L << 10;
  private static final long LARGE_STACK = 1L << 30;

  private StackExhaustion() {}

  private static RecordSchema node() {
    RecordSchema.Builder b = RecordSchema.builder("Node");
    b.field("v", 1, Schema.int32()).optionalField("next", 2, b.ref());
    return b.build();
  }

  /**
   * Checks {@code provider}'s codec with {@code options} (and a maxDepth of {@code 2 * DEPTH}) on a
   * chain of {@link #DEPTH} records.
   *
   * @throws AssertionError if a StackOverflowError or anything but the codec's exception escapes
   */
  public static void check(CodecProvider provider, CodecOptions options) {
    RecordSchema schema = node();
    Codec<GenericRecord> codec = provider.create(RecordBinding.generic(schema),
        options.withLimits(options.limits().withMaxDepth(2 * DEPTH)));
    GenericRecord value = GenericRecord.builder(schema).set("v", DEPTH).build();
    for (int i = DEPTH - 1; i >= 1; i--) {
      value = GenericRecord.builder(schema).set("v", i).set("next", value).build();
    }
    GenericRecord chain = value;
    byte[] bytes = on(LARGE_STACK, () -> codec.encode(chain));
    Object decoded = on(SMALL_STACK, () -> {
      try {
        return codec.decode(bytes);
      } catch (DecodeException expected) {
        return expected;
      }
    });
    if (!(decoded instanceof DecodeException)) {
      throw new AssertionError("decoding " + DEPTH + " levels on a " + SMALL_STACK + "-byte stack returned " + decoded
          + "; the check needs a deeper value");
    }
    Object encoded = on(SMALL_STACK, () -> {
      try {
        return codec.encode(chain);
      } catch (EncodeException expected) {
        return expected;
      }
    });
    if (!(encoded instanceof EncodeException)) {
      throw new AssertionError("encoding " + DEPTH + " levels on a " + SMALL_STACK + "-byte stack succeeded");
    }
  }

  private static <T> T on(long stack, Callable<T> task) {
    Object[] out = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        out[0] = task.call();
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "polycodec-stack-" + stack, stack);
    t.setDaemon(true);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (failure[0] != null) {
      throw new AssertionError("on a " + stack + "-byte stack: " + failure[0], failure[0]);
    }
    @SuppressWarnings("unchecked")
    T result = (T) out[0];
    return result;
  }
}
