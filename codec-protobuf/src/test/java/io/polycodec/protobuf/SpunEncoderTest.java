package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecOptions;
import io.polycodec.Default;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encoders {@link BodyCompiler} spins per record plan against the interpreted plans: the same bytes
 * on seeded random values of every kind, through both encode forms, and the same errors with the same
 * field paths (the spun code names no field; the codec measures again with the interpreted plans).
 */
class SpunEncoderTest {
  private static <T> ProtobufCodec<T> codec(Class<T> type, boolean spin) {
    return new ProtobufCodec<>(RecordBinding.of(type), CodecOptions.defaults(), spin);
  }

  private static final ProtobufCodec<Kinds.Everything> SPUN = codec(Kinds.Everything.class, true);
  private static final ProtobufCodec<Kinds.Everything> INTERPRETED = codec(Kinds.Everything.class, false);

  @Test
  void theRecordsOfTheTestSchemaAreSpunAndTheInterpretedCodecIsNot() {
    // Every record with at least one field of a spun shape is spun; its other fields (bytes, maps,
    // unions, vectors, own defaults, adapters) are written by their interpreted codecs, called from it.
    assertTrue(SPUN.plan().isCompiled());
    assertTrue(SPUN.plan().spunInGraph >= 8, "Everything and the records it holds: " + SPUN.plan().spunInGraph);
    assertTrue(codec(Kinds.Address.class, true).plan().isCompiled());
    assertTrue(codec(Kinds.Scalars.class, true).plan().isCompiled(), "its bytes field through its codec");
    assertEquals(0, INTERPRETED.plan().spunInGraph);
    assertFalse(codec(Kinds.Address.class, false).plan().isCompiled());
  }

  @Test
  void spunAndInterpretedEncodersWriteTheSameBytes() {
    Seeds.forEach(300, seed -> {
      Kinds.Everything value = new RandomKinds(seed).everything();
      byte[] expected = INTERPRETED.encode(value);
      assertArrayEquals(expected, SPUN.encode(value));
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      try {
        SPUN.encode(value, stream);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      assertArrayEquals(expected, stream.toByteArray(), "the OutputStream form");
    });
  }

  /** An accessor that fails, as a record may validate in its accessors. */
  record Throwing(String name, int n) {
    @Override
    public int n() {
      throw new IllegalStateException("no n today");
    }
  }

  record Holder(String label, List<Kinds.Address> addresses) {}

  record Label(String label) {}

  private static void sameError(Runnable spun, Runnable interpreted) {
    sameError(EncodeException.class, spun, interpreted);
  }

  private static void sameError(Class<? extends RuntimeException> type, Runnable spun, Runnable interpreted) {
    RuntimeException a = assertThrows(type, spun::run);
    RuntimeException b = assertThrows(type, interpreted::run);
    assertEquals(b.getMessage(), a.getMessage());
  }

  record Defaults(@io.polycodec.Tag(1) @Default("7") int n, @io.polycodec.Tag(2) @Default("-0.0") float f,
      @io.polycodec.Tag(3) @Default("some") String s, @io.polycodec.Tag(4) int plain) {}

  @Test
  void fieldsWithADefaultOfTheirOwnKeepZeroAndEmptyOnTheDefaultPath() {
    // Zero and "" differ from these fields' defaults, so they must be written: a spun body that left them
    // out as proto3 does would decode them as 7, -0.0 and "some".
    ProtobufCodec<Defaults> codec = new ProtobufCodec<>(RecordBinding.of(Defaults.class), CodecOptions.defaults());
    assertTrue(codec.plan().isCompiled(), "spun, with its defaulted fields written by their own codecs");
    Defaults zeros = new Defaults(0, 0.0f, "", 0);
    assertEquals(zeros, codec.decode(codec.encode(zeros)));
    Defaults atDefaults = new Defaults(7, -0.0f, "some", 3);
    assertEquals(atDefaults, codec.decode(codec.encode(atDefaults)));
    assertArrayEquals(codec(Defaults.class, false).encode(zeros), codec.encode(zeros));
    assertArrayEquals(codec(Defaults.class, false).encode(atDefaults), codec.encode(atDefaults));
  }

  /** Writes a String upper-cased, reads it lower-cased: a String component adapted onto its own type. */
  public static final class Shouting implements io.polycodec.TypeAdapter<String, String> {
    @Override public Class<String> javaType() { return String.class; }
    @Override public Class<String> modelType() { return String.class; }
    @Override public String toModel(String value) { return value.toUpperCase(java.util.Locale.ROOT); }
    @Override public String fromModel(String model) { return model.toLowerCase(java.util.Locale.ROOT); }
  }

  record Adapted(@io.polycodec.Tag(1) @io.polycodec.Adapted(Shouting.class) String word, @io.polycodec.Tag(2) int n) {}

  @Test
  void anAdaptedStringComponentGoesThroughItsAdapterOnTheDefaultPath() {
    ProtobufCodec<Adapted> codec = new ProtobufCodec<>(RecordBinding.of(Adapted.class), CodecOptions.defaults());
    assertTrue(codec.plan().isCompiled(), "spun, with the adapted component written by its own codec");
    byte[] bytes = codec.encode(new Adapted("hello", 1));
    assertArrayEquals(codec(Adapted.class, false).encode(new Adapted("hello", 1)), bytes);
    assertTrue(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("HELLO"), "the adapter's text is on the wire");
  }

  @Test
  void errorsNameTheSameFieldOnBothPaths() {
    ProtobufCodec<Holder> spun = codec(Holder.class, true);
    ProtobufCodec<Holder> interpreted = codec(Holder.class, false);
    assertEquals(2, spun.plan().spunInGraph, "Holder and Address, inside its list");
    Holder nullStreet = new Holder("x", List.of(new Kinds.Address("a", 1), new Kinds.Address(null, 2)));
    sameError(() -> spun.encode(nullStreet), () -> interpreted.encode(nullStreet));
    EncodeException e = assertThrows(EncodeException.class, () -> spun.encode(nullStreet));
    assertTrue(e.getMessage().contains("addresses[1].street"), e.getMessage());
    ProtobufCodec<Label> spunLabel = codec(Label.class, true);
    assertTrue(spunLabel.plan().isCompiled());
    sameError(() -> spunLabel.encode(new Label(null)), () -> codec(Label.class, false).encode(new Label(null)));

    ProtobufCodec<Throwing> spunThrowing = codec(Throwing.class, true);
    ProtobufCodec<Throwing> interpretedThrowing = codec(Throwing.class, false);
    Throwing t = new Throwing("a", 1);
    // The binding lets an accessor's own exception through unchanged; the spun path must too.
    sameError(IllegalStateException.class, () -> spunThrowing.encode(t), () -> interpretedThrowing.encode(t));
  }

  @Test
  void aQuestionMarkIsFoundAtEveryPositionOfEveryLength() {
    // The spun path lets an ASCII string's bytes through unchecked only if they hold no '?' (the mark
    // String.getBytes leaves for an unpaired surrogate): the eight-bytes-at-a-time scan must see each one.
    for (int n = 0; n < 40; n++) {
      byte[] plain = new byte[n];
      java.util.Arrays.fill(plain, (byte) '>'); // 0x3E, one bit from '?'
      assertFalse(ScalarValue.hasQuestionMark(plain), "length " + n);
      for (int at = 0; at < n; at++) {
        byte[] marked = plain.clone();
        marked[at] = '?';
        assertTrue(ScalarValue.hasQuestionMark(marked), "length " + n + ", at " + at);
      }
    }
    byte[] high = new byte[16];
    java.util.Arrays.fill(high, (byte) 0xBF); // '?' | 0x80 in every byte
    assertFalse(ScalarValue.hasQuestionMark(high));
  }

  @Test
  void limitsHoldOnTheSpunPath() {
    CodecOptions tight = CodecOptions.defaults().withLimits(Limits.defaults().withMaxStringBytes(3));
    ProtobufCodec<Kinds.Address> spun = new ProtobufCodec<>(RecordBinding.of(Kinds.Address.class), tight, true);
    ProtobufCodec<Kinds.Address> interpreted = new ProtobufCodec<>(RecordBinding.of(Kinds.Address.class), tight, false);
    assertTrue(spun.plan().isCompiled());
    Kinds.Address longStreet = new Kinds.Address("abcd", 1);
    sameError(() -> spun.encode(longStreet), () -> interpreted.encode(longStreet));
    assertArrayEquals(interpreted.encode(new Kinds.Address("abc", 5)), spun.encode(new Kinds.Address("abc", 5)));
  }
}
