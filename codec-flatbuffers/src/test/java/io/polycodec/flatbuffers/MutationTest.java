package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random mutations of valid buffers (seeded): every mutant decodes to a value or fails with a
 * DecodeException, and a verified view survives every getter. The timeout is only a guard against a
 * hang taking the build down with it, far above what the test needs.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MutationTest {
  private static final long SEED = Long.getLong("polycodec.seed", 7_2026L);
  private static final int[] EDGE_INTS = {0, 1, -1, 2, 3, 4, 7, 8, -4, -8, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF, 0x10000, 0x4000_0000};

  @Test
  void mutantsDecodeOrFailCleanly() {
    Limits tight = Limits.defaults().withMaxDepth(8).withMaxCollectionSize(200).withMaxStringBytes(300);
    List<FlatBuffersCodec<GenericRecord>> codecs = List.of(
        FlatBuffersCodec.generic(TestSchemas.EVERYTHING),
        FlatBuffersCodec.of(RecordBinding.generic(TestSchemas.EVERYTHING), CodecOptions.defaults().withLimits(tight)),
        FlatBuffersCodec.generic(TestSchemas.NODE));
    int decoded = 0;
    int rejected = 0;
    for (int round = 0; round < 400; round++) {
      long seed = SEED + round;
      FlatBuffersCodec<GenericRecord> codec = codecs.get((int) Math.floorMod(seed, (long) codecs.size()));
      RecordSchema schema = codec.schema();
      byte[] valid = codec.encode(new RandomValues(seed, 5, false).record(schema));
      Random rnd = new Random(seed);
      for (int m = 0; m < 40; m++) {
        byte[] mutant = mutate(valid, rnd);
        String context = "seed " + seed + " mutant " + m + " (replay with -Dpolycodec.seed=" + seed + ")";
        boolean ok = check(codec, mutant, context);
        if (ok) {
          decoded++;
        } else {
          rejected++;
        }
      }
    }
    System.out.println("mutants decoded: " + decoded + ", rejected: " + rejected);
    // Both outcomes must occur, or the mutations are not exercising anything.
    assertTrue(decoded > 1000, "decoded " + decoded);
    assertTrue(rejected > 1000, "rejected " + rejected);
  }

  /** Returns whether the mutant decoded; fails the test on anything but a DecodeException. */
  static boolean check(FlatBuffersCodec<GenericRecord> codec, byte[] mutant, String context) {
    GenericRecord value;
    try {
      value = codec.decode(mutant);
    } catch (DecodeException e) {
      assertEquals("flatbuffers", e.format(), context);
      assertTrue(e.getMessage().startsWith("flatbuffers: "), context + ": " + e.getMessage());
      // The same bytes must not get through a view either.
      try {
        codec.view(ByteBuffer.wrap(mutant));
      } catch (DecodeException expected) {
        return false;
      } catch (Throwable t) {
        throw new AssertionError(context + ": view threw " + t, t);
      }
      return false;
    } catch (Throwable t) {
      throw new AssertionError(context + ": decode threw " + t, t);
    }
    try {
      FlatView<GenericRecord> view = codec.view(ByteBuffer.wrap(mutant));
      ViewWalker.walk(view, 0);
      assertEquals(value, view.toValue(), context);
    } catch (DecodeException e) {
      // A view decodes lazily, so it may meet what decode met only when decoding a field.
      throw new AssertionError(context + ": decode succeeded but the view failed: " + e, e);
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(context + ": view threw " + t, t);
    }
    return true;
  }

  static byte[] mutate(byte[] valid, Random rnd) {
    byte[] b = valid.clone();
    int rounds = 1 + rnd.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      if (b.length < 8) {
        break;
      }
      switch (rnd.nextInt(8)) {
        case 0:
          b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
          break;
        case 1:
          b[rnd.nextInt(b.length)] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, 1}[rnd.nextInt(5)];
          break;
        case 2: {
          int at = rnd.nextInt(b.length / 4) * 4;
          int v = rnd.nextBoolean() ? EDGE_INTS[rnd.nextInt(EDGE_INTS.length)] : b.length + rnd.nextInt(17) - 8;
          ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(Math.min(at, b.length - 4), v);
          break;
        }
        case 3: {
          int at = rnd.nextInt(b.length / 2) * 2;
          int v = new int[] {0, 1, 3, 4, 0xFFFF, 0x8000, 0x7FFE, b.length}[rnd.nextInt(8)];
          ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(Math.min(at, b.length - 2), (short) v);
          break;
        }
        case 4:
          b = Arrays.copyOf(b, rnd.nextInt(b.length));
          break;
        case 5: {
          byte[] tail = new byte[1 + rnd.nextInt(16)];
          rnd.nextBytes(tail);
          byte[] longer = Arrays.copyOf(b, b.length + tail.length);
          System.arraycopy(tail, 0, longer, b.length, tail.length);
          b = longer;
          break;
        }
        case 6: {
          int len = 1 + rnd.nextInt(Math.min(16, b.length));
          int from = rnd.nextInt(b.length - len + 1);
          int to = rnd.nextInt(b.length - len + 1);
          System.arraycopy(b.clone(), from, b, to, len);
          break;
        }
        default: {
          int at = rnd.nextInt(b.length);
          b[at] = (byte) rnd.nextInt();
          break;
        }
      }
    }
    return b;
  }
}
