package io.polycodec.spring.autoconfigure;

import io.polycodec.CodecOption;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Codecs;
import io.polycodec.Limits;
import io.polycodec.spring.CodecCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;

/**
 * Spring Boot properties under {@code polycodec}:
 *
 * <pre>
 * polycodec.enabled=false                      # turns it all off (default true)
 * polycodec.formats=json,protobuf              # which formats to serve, most preferred first
 *                                              # (default: all on the class path, JSON first)
 * polycodec.limits.max-message-bytes=1048576   # Limits for every format (default: Limits.defaults())
 * polycodec.limits.max-depth=32
 * polycodec.limits.max-collection-size=10000
 * polycodec.limits.max-string-bytes=65536
 * polycodec.options.json.pretty=true           # a backend's CodecOption, by its name "json.pretty"
 * polycodec.options.msgpack.keys=tags
 * </pre>
 *
 * Option values are converted to the option's type (booleans, numbers, enum constants in any case);
 * an unknown format or option, or a value that does not convert, stops the application at startup with
 * a message listing what is available.
 */
@ConfigurationProperties("polycodec")
public class PolycodecProperties {
  /** Whether the auto-configuration applies; false leaves the application as if codec-spring were absent. */
  private boolean enabled = true;

  /** The formats to serve, most preferred first (answers a client that accepts anything); empty: all on the class path, JSON first. */
  private List<String> formats = new ArrayList<>();

  /** Decoding limits shared by every format; each unset bound keeps its default. */
  private final LimitsProperties limits = new LimitsProperties();

  /** Per format, backend options by name without the format prefix, such as json.pretty=true or msgpack.keys=tags. */
  private Map<String, Map<String, String>> options = new LinkedHashMap<>();

  /** Properties with nothing set: every format on the class path, default limits and options. */
  public PolycodecProperties() {}

  /** Whether the auto-configuration applies (default true). */
  public boolean isEnabled() {
    return enabled;
  }

  /** Turns the auto-configuration off ({@code false}) or on. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The formats to serve, most preferred first; empty means every format on the class path. */
  public List<String> getFormats() {
    return formats;
  }

  /** Sets the formats to serve, most preferred first. */
  public void setFormats(List<String> formats) {
    this.formats = new ArrayList<>(formats);
  }

  /** The decoding limits shared by every format; unset bounds keep {@link Limits#defaults()}. */
  public LimitsProperties getLimits() {
    return limits;
  }

  /** Per format name, option name (without the format prefix) to value. */
  public Map<String, Map<String, String>> getOptions() {
    return options;
  }

  /** Sets the per-format options. */
  public void setOptions(Map<String, Map<String, String>> options) {
    this.options = new LinkedHashMap<>(options);
  }

  /**
   * The catalog these properties describe.
   *
   * @param conversion converts option values from strings to each option's type
   * @throws IllegalStateException if a format is not on the class path, an option is not one the
   *     format's provider declares, or a value does not convert (the message lists what is available)
   */
  public CodecCatalog toCatalog(ConversionService conversion) {
    List<String> names = formats.isEmpty() ? CodecCatalog.defaultOrder() : formats;
    List<String> onClassPath = CodecCatalog.defaultOrder();
    for (String format : options.keySet()) {
      if (!containsIgnoringCase(names, format)) {
        throw new IllegalStateException("polycodec.options." + format + ": format '" + format
            + "' is not served; served: " + names);
      }
    }
    CodecCatalog.Builder b = CodecCatalog.builder();
    Limits l = limits.toLimits();
    for (String name : names) {
      if (!containsIgnoringCase(onClassPath, name)) {
        throw new IllegalStateException("polycodec.formats: no codec for format '" + name
            + "' on the class path (add io.polycodec:codec-" + name.toLowerCase(Locale.ROOT)
            + "); available: " + onClassPath);
      }
      CodecProvider provider = Codecs.provider(name);
      CodecOptions.Builder o = CodecOptions.builder().limits(l);
      for (Map.Entry<String, Map<String, String>> e : options.entrySet()) {
        if (e.getKey().equalsIgnoreCase(provider.format().name())) {
          for (Map.Entry<String, String> kv : e.getValue().entrySet()) {
            set(o, provider, kv.getKey(), kv.getValue(), conversion);
          }
        }
      }
      b.add(provider, o.build());
    }
    return b.build();
  }

  private static boolean containsIgnoringCase(List<String> names, String name) {
    for (String n : names) {
      if (n.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static void set(CodecOptions.Builder o, CodecProvider provider, String key, String value,
      ConversionService conversion) {
    String format = provider.format().name();
    List<String> known = new ArrayList<>();
    for (CodecOption<?> option : provider.options()) {
      String shortName = option.name().startsWith(format + ".") ? option.name().substring(format.length() + 1)
          : option.name();
      known.add(shortName);
      if (canonical(shortName).equals(canonical(key)) || canonical(option.name()).equals(canonical(key))) {
        setConverted(o, option, key, value, format, conversion);
        return;
      }
    }
    throw new IllegalStateException("polycodec.options." + format + "." + key + ": " + format
        + " has no such option; its options: " + known);
  }

  private static <V> void setConverted(CodecOptions.Builder o, CodecOption<V> option, String key, String value,
      String format, ConversionService conversion) {
    V v;
    try {
      v = conversion.canConvert(String.class, option.type()) ? conversion.convert(value.trim(), option.type()) : null;
    } catch (ConversionException e) {
      throw new IllegalStateException("polycodec.options." + format + "." + key + "=" + value + ": not a "
          + option.type().getSimpleName() + enumConstants(option.type()), e);
    }
    if (v == null) {
      throw new IllegalStateException("polycodec.options." + format + "." + key + ": a "
          + option.type().getSimpleName() + " cannot be set from a property; set it in a CodecCatalog bean");
    }
    o.set(option, v);
  }

  private static String enumConstants(Class<?> type) {
    Object[] constants = type.getEnumConstants();
    return constants == null ? "" : " (one of " + List.of(constants) + ")";
  }

  // Relaxed like Spring's own names: case, dashes and underscores do not matter.
  private static String canonical(String name) {
    return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** {@code polycodec.limits.*}: each unset bound keeps its {@link Limits#defaults() default}. */
  public static class LimitsProperties {
    /** The largest message, in bytes, a decoder reads or an encoder writes (default 64 MiB). */
    private Integer maxMessageBytes;

    /** The deepest nesting of records, unions, lists and maps (default 100). */
    private Integer maxDepth;

    /** The most elements in one list, map or vector (default 16,777,216). */
    private Integer maxCollectionSize;

    /** The longest string or byte array, in bytes (default 16 MiB). */
    private Integer maxStringBytes;

    /** Nothing set. */
    public LimitsProperties() {}

    /** {@link Limits#maxMessageBytes()}, or null for the default. */
    public Integer getMaxMessageBytes() {
      return maxMessageBytes;
    }

    /** Sets {@link Limits#maxMessageBytes()}. */
    public void setMaxMessageBytes(Integer maxMessageBytes) {
      this.maxMessageBytes = maxMessageBytes;
    }

    /** {@link Limits#maxDepth()}, or null for the default. */
    public Integer getMaxDepth() {
      return maxDepth;
    }

    /** Sets {@link Limits#maxDepth()}. */
    public void setMaxDepth(Integer maxDepth) {
      this.maxDepth = maxDepth;
    }

    /** {@link Limits#maxCollectionSize()}, or null for the default. */
    public Integer getMaxCollectionSize() {
      return maxCollectionSize;
    }

    /** Sets {@link Limits#maxCollectionSize()}. */
    public void setMaxCollectionSize(Integer maxCollectionSize) {
      this.maxCollectionSize = maxCollectionSize;
    }

    /** {@link Limits#maxStringBytes()}, or null for the default. */
    public Integer getMaxStringBytes() {
      return maxStringBytes;
    }

    /** Sets {@link Limits#maxStringBytes()}. */
    public void setMaxStringBytes(Integer maxStringBytes) {
      this.maxStringBytes = maxStringBytes;
    }

    /**
     * The limits: the defaults with each set bound replaced.
     *
     * @throws IllegalArgumentException if a bound is not positive
     */
    public Limits toLimits() {
      Limits l = Limits.defaults();
      if (maxMessageBytes != null) {
        l = l.withMaxMessageBytes(maxMessageBytes);
      }
      if (maxDepth != null) {
        l = l.withMaxDepth(maxDepth);
      }
      if (maxCollectionSize != null) {
        l = l.withMaxCollectionSize(maxCollectionSize);
      }
      if (maxStringBytes != null) {
        l = l.withMaxStringBytes(maxStringBytes);
      }
      return l;
    }
  }
}
