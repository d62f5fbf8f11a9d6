package io.polycodec.spring;

import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Codecs;
import io.polycodec.Format;
import io.polycodec.SchemaException;
import io.polycodec.bind.RecordBinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The formats an application serves, in its order of preference, each with its {@link CodecOptions};
 * it hands out the codec of a format for a record type, built once per type and format.
 *
 * <p>The order matters for HTTP: when a client accepts several formats equally (or sends no
 * {@code Accept}), the first format that can write the type answers. {@link #available()} puts JSON
 * first, so clients that never asked for anything else keep getting JSON.
 *
 * <p>Immutable and thread-safe. Codecs are cached in a {@link ClassValue}, so a catalog does not keep
 * an application's class loader alive after the application is gone.
 */
public final class CodecCatalog {
  /** The preference of {@link #available()}: the text format first, then the binary ones by reach. */
  private static final List<String> DEFAULT_ORDER = List.of("json", "protobuf", "msgpack", "flatbuffers");

  private final List<CodecProvider> providers;
  private final List<Format> formats;
  private final Map<String, CodecOptions> options;
  private final ClassValue<Map<String, Object>> codecs = new ClassValue<>() {
    @Override
    protected Map<String, Object> computeValue(Class<?> type) {
      return build(type);
    }
  };

  private CodecCatalog(Map<String, CodecProvider> providers, Map<String, CodecOptions> options) {
    this.providers = List.copyOf(providers.values());
    List<Format> fs = new ArrayList<>();
    for (CodecProvider p : this.providers) {
      fs.add(p.format());
    }
    this.formats = List.copyOf(fs);
    this.options = Map.copyOf(options);
  }

  /**
   * Every format on the class path (as {@link Codecs#formats()} finds them) with default options:
   * JSON, Protobuf, MessagePack, FlatBuffers in that order where present, then any other by name.
   */
  public static CodecCatalog available() {
    Builder b = builder();
    for (String name : defaultOrder()) {
      b.add(name);
    }
    return b.build();
  }

  /** The names of the formats on the class path in the order {@link #available()} uses. */
  public static List<String> defaultOrder() {
    List<String> names = new ArrayList<>();
    for (Format f : Codecs.formats()) {
      names.add(f.name());
    }
    names.sort((a, b) -> {
      int ia = DEFAULT_ORDER.indexOf(a);
      int ib = DEFAULT_ORDER.indexOf(b);
      ia = ia < 0 ? DEFAULT_ORDER.size() : ia;
      ib = ib < 0 ? DEFAULT_ORDER.size() : ib;
      return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
    });
    return names;
  }

  /** An empty builder; formats are added in order of preference. */
  public static Builder builder() {
    return new Builder();
  }

  /** The formats served, most preferred first. */
  public List<Format> formats() {
    return formats;
  }

  /** The options codecs of {@code format} are built with (the defaults for a format not served). */
  public CodecOptions options(String format) {
    return options.getOrDefault(Objects.requireNonNull(format, "format"), CodecOptions.defaults());
  }

  /**
   * The served formats that can encode and decode {@code type}, most preferred first: none unless
   * {@code type} is a record that each format's provider accepts. Never throws for an unsupported type.
   */
  public List<Format> formatsFor(Class<?> type) {
    Map<String, Object> byFormat = codecs.get(type);
    List<Format> out = new ArrayList<>();
    for (Format f : formats) {
      if (byFormat.get(f.name()) instanceof Codec) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The codec of {@code format} for {@code type}, built with this catalog's options for the format.
   *
   * @throws CodecException if the format is not served
   * @throws SchemaException if the format cannot encode the type (not a record, or a field the format
   *     cannot express), naming the type and field
   */
  @SuppressWarnings("unchecked")
  public <T> Codec<T> codec(String format, Class<T> type) {
    Object c = codecs.get(Objects.requireNonNull(type, "type")).get(Objects.requireNonNull(format, "format"));
    if (c == null) {
      throw new CodecException("format '" + format + "' is not served; served: " + names());
    }
    if (c instanceof SchemaException) {
      SchemaException e = (SchemaException) c;
      throw new SchemaException(e.getMessage(), e);
    }
    return (Codec<T>) c;
  }

  private List<String> names() {
    List<String> out = new ArrayList<>();
    for (Format f : formats) {
      out.add(f.name());
    }
    return out;
  }

  // Per format: the codec, or the SchemaException saying why the type cannot have one.
  private Map<String, Object> build(Class<?> type) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!type.isRecord()) {
      SchemaException e = new SchemaException(type.getName() + " is not a record; Polycodec binds records");
      for (Format f : formats) {
        out.put(f.name(), e);
      }
      return Collections.unmodifiableMap(out);
    }
    for (CodecProvider p : providers) {
      String name = p.format().name();
      try {
        out.put(name, p.create(RecordBinding.of(type), options(name)));
      } catch (SchemaException e) {
        out.put(name, e);
      } catch (CodecException e) {
        out.put(name, new SchemaException(e.getMessage(), e));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public String toString() {
    return "CodecCatalog" + names();
  }

  /** Builds a {@link CodecCatalog}; not thread-safe. */
  public static final class Builder {
    private final Map<String, CodecProvider> providers = new LinkedHashMap<>();
    private final Map<String, CodecOptions> options = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Serves {@code format} (found with {@link Codecs#provider}) with default options.
     *
     * @throws CodecException if no provider of that format is on the class path
     */
    public Builder add(String format) {
      return add(format, CodecOptions.defaults());
    }

    /**
     * Serves {@code format} with {@code formatOptions}; adding a format again replaces its options and
     * keeps its place.
     *
     * @throws CodecException if no provider of that format is on the class path
     */
    public Builder add(String format, CodecOptions formatOptions) {
      return add(Codecs.provider(format), formatOptions);
    }

    /** Serves the format of {@code provider} with {@code formatOptions}. */
    public Builder add(CodecProvider provider, CodecOptions formatOptions) {
      String name = provider.format().name();
      providers.put(name, provider);
      options.put(name, Objects.requireNonNull(formatOptions, "formatOptions"));
      return this;
    }

    /**
     * The catalog.
     *
     * @throws IllegalStateException if no format was added
     */
    public CodecCatalog build() {
      if (providers.isEmpty()) {
        throw new IllegalStateException("a CodecCatalog needs at least one format; on the class path: "
            + Codecs.formats().stream().map(Format::name).toList());
      }
      return new CodecCatalog(providers, options);
    }
  }
}
