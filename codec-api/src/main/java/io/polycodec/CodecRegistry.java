package io.polycodec;

import io.polycodec.bind.Adapters;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A configured source of codecs: the {@link TypeAdapter}s in force and the codecs, bindings and schemas
 * derived under them, cached. Build one, keep it (like Jackson's {@code ObjectMapper}), and ask it for
 * codecs of any format on the class path:
 *
 * <pre>{@code
 * CodecRegistry registry = CodecRegistry.builder()
 *     .adapter(new MoneyAdapter())
 *     .adapter(TypeAdapter.of(EmailAddress.class, String.class, EmailAddress::value, EmailAddress::new))
 *     .build();
 * Codec<Invoice> codec = registry.codec("protobuf", Invoice.class);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Registries are independent: two registries adapting one type differently
 * give different codecs and schemas, and neither changes {@link Codecs}, which is {@link #defaults()}.
 * Caches are held by each record class ({@link ClassValue}), so a registry kept for the life of a server
 * never keeps an unloaded application's class loader alive. Formats are found as {@link Codecs} finds them.
 */
public final class CodecRegistry {
  private static final CodecRegistry DEFAULTS = new CodecRegistry(Adapters.builtIn());

  private final Adapters adapters;
  // Per record class, keyed by provider and options.
  private final ClassValue<Map<List<Object>, Codec<?>>> codecs = new ClassValue<>() {
    @Override
    protected Map<List<Object>, Codec<?>> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  private CodecRegistry(Adapters adapters) {
    this.adapters = adapters;
  }

  /** The registry {@link Codecs} serves: Polycodec's built-in adapters and those types declare with {@link Adapted}. */
  public static CodecRegistry defaults() {
    return DEFAULTS;
  }

  /** A builder of a registry with no adapters registered yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** The adapters registered on this registry (not the built-in or annotated ones), in registration order. */
  public List<TypeAdapter<?, ?>> adapters() {
    return adapters.registered();
  }

  /**
   * The codec of {@code format} for the record type {@code type}, with default options (cached).
   *
   * @throws CodecException if the format is not available (the message lists those that are)
   * @throws SchemaException if the type cannot be mapped, naming the type and field path
   */
  public <T> Codec<T> codec(String format, Class<T> type) {
    return codec(format, type, CodecOptions.defaults());
  }

  /**
   * The codec of {@code format} for {@code type} with {@code options} (cached per options).
   *
   * @throws CodecException if the format is not available
   * @throws SchemaException if the type cannot be mapped
   */
  public <T> Codec<T> codec(String format, Class<T> type, CodecOptions options) {
    return cached(Codecs.provider(format), type, Objects.requireNonNull(options, "options"));
  }

  /**
   * The codec for {@code type} of the format answering to {@code mediaType}, with default options (cached).
   *
   * @throws CodecException if no format answers to it
   * @throws SchemaException if the type cannot be mapped
   */
  public <T> Codec<T> codecForMediaType(String mediaType, Class<T> type) {
    return cached(Codecs.providerForMediaType(mediaType), type, CodecOptions.defaults());
  }

  @SuppressWarnings("unchecked")
  private <T> Codec<T> cached(CodecProvider p, Class<T> type, CodecOptions options) {
    Objects.requireNonNull(type, "type");
    Map<List<Object>, Codec<?>> perType = codecs.get(type);
    List<Object> key = List.of(p, options);
    Codec<?> c = perType.get(key);
    if (c == null) {
      // Built outside computeIfAbsent: a provider may ask for other codecs (nested types) while building.
      c = p.create(binding(type), options);
      Codec<?> prior = perType.putIfAbsent(key, c);
      c = prior != null ? prior : c;
    }
    return (Codec<T>) c;
  }

  /**
   * A codec of {@code format} for {@link GenericRecord}s of {@code schema} (adapters do not apply: a generic
   * record holds model values).
   *
   * @throws CodecException if the format is not available
   * @throws SchemaException if the schema is invalid
   */
  public Codec<GenericRecord> generic(String format, RecordSchema schema) {
    return generic(format, schema, CodecOptions.defaults());
  }

  /** {@link #generic(String, RecordSchema)} with {@code options}. */
  public Codec<GenericRecord> generic(String format, RecordSchema schema, CodecOptions options) {
    return Codecs.provider(format).create(RecordBinding.generic(schema), options);
  }

  /**
   * The schema this registry derives for a record type (cached): an adapted field has its model type's
   * schema.
   *
   * @throws SchemaException if the type cannot be mapped
   */
  public RecordSchema schemaOf(Class<?> type) {
    return binding(type).schema();
  }

  /**
   * The binding of {@code type} under this registry's adapters (cached), for a {@link CodecProvider} called
   * directly.
   *
   * @throws SchemaException if the type cannot be mapped
   */
  public <T> RecordBinding<T> binding(Class<T> type) {
    return RecordBinding.of(type, adapters);
  }

  @Override
  public String toString() {
    return "CodecRegistry" + adapters.registered();
  }

  /** Collects adapters for a {@link CodecRegistry}; not thread-safe, reusable (each build is independent). */
  public static final class Builder {
    private final List<TypeAdapter<?, ?>> adapters = new ArrayList<>();

    private Builder() {}

    /**
     * Adds an adapter: fields of exactly {@code adapter.javaType()} are written as its model type. It takes
     * precedence over an {@link Adapted} on the type and over a built-in adapter (a UUID adapter here
     * replaces the standard text); a component's own {@code @Adapted} still wins.
     *
     * @throws NullPointerException if {@code adapter} is null
     */
    public Builder adapter(TypeAdapter<?, ?> adapter) {
      adapters.add(Objects.requireNonNull(adapter, "adapter"));
      return this;
    }

    /**
     * The registry.
     *
     * @throws IllegalArgumentException if two adapters adapt one type, or one adapts a type the model has
     *     already (a primitive or box, String, byte[], Instant, Duration, a collection, Optional, an array, Object)
     */
    public CodecRegistry build() {
      return new CodecRegistry(Adapters.of(adapters));
    }
  }
}
