package io.polycodec;

import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds codecs by format name or media type among the {@link CodecProvider}s on the class path:
 * {@code Codecs.get("json", UserProfile.class)}. Codecs are cached. Codecs serves the default
 * {@link CodecRegistry} ({@link CodecRegistry#defaults()}: built-in adapters and {@link Adapted} ones);
 * to register {@link TypeAdapter}s, build a {@link CodecRegistry} of your own.
 */
public final class Codecs {
  private Codecs() {}

  private static final class Registry {
    static final Map<String, CodecProvider> BY_NAME = load();

    private static Map<String, CodecProvider> load() {
      List<CodecProvider> all = new ArrayList<>();
      ServiceLoader<CodecProvider> loader = ServiceLoader.load(CodecProvider.class, Codecs.class.getClassLoader());
      try {
        for (CodecProvider p : loader) {
          all.add(p);
        }
      } catch (ServiceConfigurationError e) {
        throw new CodecException("a CodecProvider could not be loaded: " + e.getMessage(), e);
      }
      all.sort(Comparator.comparingInt(CodecProvider::priority).reversed()
          .thenComparing(p -> p.getClass().getName()));
      Map<String, CodecProvider> byName = new LinkedHashMap<>();
      for (CodecProvider p : all) {
        byName.putIfAbsent(p.format().name(), p);
      }
      return byName;
    }
  }

  /** The formats available, one per name, in the order providers were chosen. */
  public static List<Format> formats() {
    List<Format> out = new ArrayList<>();
    for (CodecProvider p : Registry.BY_NAME.values()) {
      out.add(p.format());
    }
    return out;
  }

  /**
   * The provider chosen for {@code format} (highest priority, then class name).
   *
   * @throws CodecException if none is on the class path; the message lists the formats that are, and
   *     suggests the nearest name ({@code "proto"}: did you mean protobuf) or the module to add
   */
  public static CodecProvider provider(String format) {
    CodecProvider p = Registry.BY_NAME.get(Objects.requireNonNull(format, "format").toLowerCase(Locale.ROOT));
    if (p == null) {
      throw new CodecException(unknownFormat(format, Registry.BY_NAME.keySet()));
    }
    return p;
  }

  // The formats Polycodec ships, each in the module io.polycodec:codec-<name>.
  private static final List<String> SHIPPED = List.of("json", "protobuf", "msgpack", "flatbuffers");
  // Other names people use for them, too far from ours for the edit distance to catch.
  private static final Map<String, String> ALIASES = Map.of(
      "pb", "protobuf", "messagepack", "msgpack", "mpack", "msgpack", "fbs", "flatbuffers", "fb", "flatbuffers");

  /** What to tell someone who asked for a format no provider serves: a near name, or the module to add. */
  static String unknownFormat(String format, java.util.Collection<String> available) {
    String asked = format.toLowerCase(Locale.ROOT);
    String head = "no codec for format '" + format + "'; available: " + available;
    if (SHIPPED.contains(asked)) {
      return head + " (add the module io.polycodec:codec-" + asked + " to the class path)";
    }
    List<String> candidates = new ArrayList<>(available);
    for (String s : SHIPPED) {
      if (!candidates.contains(s)) {
        candidates.add(s);
      }
    }
    for (String c : candidates) {
      if (c.equals(ALIASES.get(asked)) || c.startsWith(asked) || asked.startsWith(c) || editDistance(asked, c) <= 2) {
        return head + " (did you mean " + c + "?"
            + (available.contains(c) ? ")" : " It is in the module io.polycodec:codec-" + c + ")");
      }
    }
    return head;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int change = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(change, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * The provider whose format answers to {@code mediaType} (parameters ignored).
   *
   * @throws CodecException if none does; the message lists the media types available
   */
  public static CodecProvider providerForMediaType(String mediaType) {
    for (CodecProvider p : Registry.BY_NAME.values()) {
      if (p.format().matchesMediaType(mediaType)) {
        return p;
      }
    }
    List<String> types = new ArrayList<>();
    for (CodecProvider p : Registry.BY_NAME.values()) {
      types.addAll(p.format().mediaTypes());
    }
    throw new CodecException("no codec for media type '" + mediaType + "'; available: " + types);
  }

  /**
   * The codec of {@code format} for the record type {@code type}, with default options (cached).
   *
   * @throws CodecException if the format is not available
   * @throws SchemaException if the type cannot be mapped, naming the type and field path
   */
  public static <T> Codec<T> get(String format, Class<T> type) {
    return get(format, type, CodecOptions.defaults());
  }

  /** The codec of {@code format} for {@code type} with {@code options} (cached per options). */
  public static <T> Codec<T> get(String format, Class<T> type, CodecOptions options) {
    return CodecRegistry.defaults().codec(format, type, options);
  }

  /** The codec for {@code type} of the format answering to {@code mediaType}. */
  public static <T> Codec<T> forMediaType(String mediaType, Class<T> type) {
    return CodecRegistry.defaults().codecForMediaType(mediaType, type);
  }

  /** A codec of {@code format} for {@link GenericRecord}s of {@code schema}. */
  public static Codec<GenericRecord> generic(String format, RecordSchema schema) {
    return generic(format, schema, CodecOptions.defaults());
  }

  /** A codec of {@code format} for {@link GenericRecord}s of {@code schema}, with {@code options}. */
  public static Codec<GenericRecord> generic(String format, RecordSchema schema, CodecOptions options) {
    return provider(format).create(RecordBinding.generic(schema), options);
  }

  /**
   * A codec of a {@link Capability#SELF_DESCRIBING} format for plain Java values.
   *
   * @throws UnsupportedOperationException if the format needs a schema
   */
  public static Codec<Object> schemaless(String format) {
    return provider(format).schemaless(CodecOptions.defaults());
  }

  /** The schema Polycodec derives for a record type (cached). */
  public static RecordSchema schemaOf(Class<?> type) {
    return RecordBinding.of(type).schema();
  }
}
