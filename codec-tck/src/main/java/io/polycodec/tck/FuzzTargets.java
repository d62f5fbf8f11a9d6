package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import io.polycodec.tck.zoo.Zoo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a coverage-guided fuzzer (Jazzer's {@code @FuzzTest} in each backend's tests) runs on each input:
 * decode it with one of a codec's decoders and accept only a value or a {@link DecodeException}. The
 * first byte picks a type of the {@link Zoo}, which covers every kind of the model; the rest is the
 * input. Any other exception, a {@link StackOverflowError} or an OutOfMemoryError is the fuzzer's
 * finding. Limits are small (maxDepth 64, 64 KiB strings, 4096-element collections), so that a finding
 * is never just an input too large to decode.
 *
 * <p>Codecs are built once per provider and type and shared, as applications share them.
 */
public final class FuzzTargets {
  /** Limits for fuzzing: small, so that what a fuzzer grows is checked, not merely refused. */
  public static final Limits LIMITS = Limits.defaults().withMaxDepth(64).withMaxStringBytes(64 << 10)
      .withMaxCollectionSize(4096).withMaxMessageBytes(1 << 20);

  private static final List<Class<? extends Record>> TYPES = Zoo.types();
  private static final Map<String, Object> CODECS = new ConcurrentHashMap<>();

  private FuzzTargets() {}

  private static Class<? extends Record> type(byte[] input) {
    return TYPES.get((input.length == 0 ? 0 : input[0] & 0xFF) % TYPES.size());
  }

  private static byte[] rest(byte[] input) {
    return input.length == 0 ? input : java.util.Arrays.copyOfRange(input, 1, input.length);
  }

  @SuppressWarnings("unchecked")
  private static <C> C cached(CodecProvider provider, String kind, Class<?> type, Function<CodecOptions, C> make) {
    String key = provider.getClass().getName() + "/" + kind + "/" + (type == null ? "" : type.getName());
    return (C) CODECS.computeIfAbsent(key, k -> make.apply(CodecOptions.defaults().withLimits(LIMITS)));
  }

  /** Decodes into a Java record type of the zoo (the typed path). */
  public static void typed(CodecProvider provider, byte[] input) {
    Class<? extends Record> type = type(input);
    Codec<?> codec = cached(provider, "typed", type, o -> provider.create(RecordBinding.of(type), o));
    decode(codec, rest(input));
  }

  /** Decodes into a {@link GenericRecord} of a zoo type's schema (the generic path). */
  public static void generic(CodecProvider provider, byte[] input) {
    Class<? extends Record> type = type(input);
    Codec<GenericRecord> codec = cached(provider, "generic", type,
        o -> provider.create(RecordBinding.generic(RecordBinding.of(type).schema()), o));
    Object v = decode(codec, rest(input));
    if (v != null) {
      Values.assertConforms((GenericRecord) v);
    }
  }

  /** Decodes without a schema; only for formats that are self-describing (others throw UnsupportedOperationException). */
  public static void schemaless(CodecProvider provider, byte[] input) {
    Codec<Object> codec = cached(provider, "schemaless", null, provider::schemaless);
    decode(codec, input);
  }

  /**
   * Runs a format-specific decoder (a view, say) built by {@code make} for a zoo type, accepting only a
   * value or a DecodeException.
   */
  public static <C> void custom(CodecProvider provider, String kind, byte[] input,
      java.util.function.BiFunction<Class<? extends Record>, CodecOptions, C> make,
      java.util.function.BiConsumer<C, byte[]> decode) {
    Class<? extends Record> type = type(input);
    C codec = cached(provider, kind, type, o -> make.apply(type, o));
    try {
      decode.accept(codec, rest(input));
    } catch (DecodeException expected) {
      // bad input, reported as it must be
    }
  }

  private static Object decode(Codec<?> codec, byte[] input) {
    try {
      return codec.decode(input);
    } catch (DecodeException expected) {
      return null;
    }
  }
}
