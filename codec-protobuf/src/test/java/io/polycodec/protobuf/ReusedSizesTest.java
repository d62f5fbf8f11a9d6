package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecOptions;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-thread {@link Sizes} an encode reuses: an encode started on the same thread while another is
 * in progress (here from the caller's {@code OutputStream}, mid-write) must not disturb the outer one,
 * and an encode that failed half-way must leave nothing behind for the next.
 */
class ReusedSizesTest {
  record Holder(String label, List<Kinds.Address> addresses) {}

  record Throwing(String name, int n) {
    @Override
    public int n() {
      throw new IllegalStateException("no n today");
    }
  }

  private static final ProtobufCodec<Holder> SPUN =
      new ProtobufCodec<>(RecordBinding.of(Holder.class), CodecOptions.defaults(), true);
  private static final ProtobufCodec<Holder> INTERPRETED =
      new ProtobufCodec<>(RecordBinding.of(Holder.class), CodecOptions.defaults(), false);

  private static Holder holder(int addresses, String label) {
    List<Kinds.Address> list = new ArrayList<>();
    for (int i = 0; i < addresses; i++) {
      list.add(new Kinds.Address("street " + i + " of " + label, i * 37));
    }
    return new Holder(label, list);
  }

  @Test
  void aNestedEncodeOnTheSameThreadLeavesTheOuterOneIntact() throws IOException {
    // Larger than CodedOutputStream's 8 KiB buffer, so the stream is written to mid-body, while the
    // outer encode still has sizes to consume.
    Holder outer = holder(2_000, "outer");
    Holder inner = holder(30, "inner");
    byte[] innerExpected = INTERPRETED.encode(inner);
    int[] nested = {0};
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream reentrant = new OutputStream() {
      @Override
      public void write(int b) {
        sink.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        nested[0]++;
        assertArrayEquals(innerExpected, SPUN.encode(inner));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        SPUN.encode(inner, again);
        assertArrayEquals(innerExpected, again.toByteArray());
        sink.write(b, off, len);
      }
    };
    SPUN.encode(outer, reentrant);
    assertTrue(nested[0] >= 2, "the stream was written to mid-encode: " + nested[0]);
    assertArrayEquals(INTERPRETED.encode(outer), sink.toByteArray());
  }

  @Test
  void anEncodeThatFailedLeavesNothingForTheNext() {
    ProtobufCodec<Throwing> throwing =
        new ProtobufCodec<>(RecordBinding.of(Throwing.class), CodecOptions.defaults(), true);
    Holder big = holder(20_000, "big"); // grows the thread's arrays past what is kept
    Holder small = holder(3, "small");
    for (int round = 0; round < 3; round++) {
      assertThrows(RuntimeException.class, () -> throwing.encode(new Throwing("x", 1)));
      assertArrayEquals(INTERPRETED.encode(big), SPUN.encode(big));
      assertThrows(RuntimeException.class, () -> throwing.encode(new Throwing("x", 1)));
      assertArrayEquals(INTERPRETED.encode(small), SPUN.encode(small));
    }
  }

  @Test
  void theThreadsInstanceIsHandedOutOnlyWhenFree() {
    Sizes first = Sizes.acquire(Limits.defaults(), true);
    Sizes nested = Sizes.acquire(Limits.defaults(), true);
    assertNotSame(first, nested);
    nested.release();
    first.release();
    Sizes again = Sizes.acquire(Limits.defaults(), true);
    assertSame(first, again);
    again.release();
  }

  @Test
  void aDepthLeftOverByAFailedMeasureIsNotCarriedOn() {
    Sizes s = Sizes.acquire(Limits.defaults(), true);
    for (int i = 0; i < Limits.defaults().maxDepth(); i++) {
      s.enter(); // as a measure that threw half-way down would leave it
    }
    s.release();
    Sizes next = Sizes.acquire(Limits.defaults(), true);
    try {
      next.enter(); // would exceed the depth limit if the old depth were carried over
      next.exit();
    } catch (EncodeException e) {
      throw new AssertionError("depth carried over from the last encode", e);
    } finally {
      next.release();
    }
  }
}
