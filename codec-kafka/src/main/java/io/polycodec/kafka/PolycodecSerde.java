package io.polycodec.kafka;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.schema.RecordSchema;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} (for clients, Kafka Streams and Connect-style setups) made of a
 * {@link PolycodecSerializer} and a {@link PolycodecDeserializer} sharing one codec.
 *
 * <pre>{@code
 * Serde<SensorReading> serde = PolycodecSerde.of("msgpack", SensorReading.class);
 * KStream<String, SensorReading> readings =
 *     builder.stream("readings", Consumed.with(Serdes.String(), serde));
 * }</pre>
 *
 * <p>Built in code, a serde is complete and immutable: the withers return new serdes, and
 * {@link #configure}, if Kafka calls it, takes only the key-or-value role (producers and consumers do not
 * call it for serializers handed to their constructors, hence {@link #forKeys()}). Built by class name
 * ({@code default.value.serde=io.polycodec.kafka.PolycodecSerde}), it is set up by {@link #configure}
 * from the {@link PolycodecKafkaConfig} keys.
 *
 * @param <T> the type of values
 */
public final class PolycodecSerde<T> implements Serde<T> {
  private final SerdeSetup<T> setup; // null until configured, for an instance Kafka created by class name
  private final PolycodecSerializer<T> serializer;
  private final PolycodecDeserializer<T> deserializer;

  /** An unconfigured serde, for Kafka to instantiate by class name and {@link #configure}. */
  public PolycodecSerde() {
    this.setup = null;
    this.serializer = new PolycodecSerializer<>();
    this.deserializer = new PolycodecDeserializer<>();
  }

  private PolycodecSerde(SerdeSetup<T> setup) {
    this.setup = setup;
    this.serializer = new PolycodecSerializer<>(setup);
    this.deserializer = new PolycodecDeserializer<>(setup);
  }

  /**
   * A serde of values of the record type {@code type} in {@code format}, found with {@link Codecs#get}.
   *
   * @throws io.polycodec.CodecException if the format is not on the class path
   * @throws io.polycodec.SchemaException if the type cannot be mapped
   */
  public static <T> PolycodecSerde<T> of(String format, Class<T> type) {
    return of(Codecs.get(format, type), type);
  }

  /** A serde of values with {@code codec}, whose records are of {@code type} (the schema header names its schema). */
  public static <T> PolycodecSerde<T> of(Codec<T> codec, Class<T> type) {
    return of(codec, Codecs.schemaOf(Objects.requireNonNull(type, "type")));
  }

  /**
   * A serde of values with {@code codec}, which writes {@code schema} (for codecs of
   * {@link io.polycodec.GenericRecord}s, or when the schema is known otherwise).
   */
  public static <T> PolycodecSerde<T> of(Codec<T> codec, RecordSchema schema) {
    return new PolycodecSerde<>(new SerdeSetup<>(codec, Objects.requireNonNull(schema, "schema"), false, true, null));
  }

  /**
   * A serde of values with any codec, such as a schema-less one: records carry the media-type header but no
   * schema fingerprint, and no {@link WriterGuard} can be used.
   */
  public static <T> PolycodecSerde<T> of(Codec<T> codec) {
    return new PolycodecSerde<>(new SerdeSetup<>(codec, null, false, true, null));
  }

  /**
   * This serde for record keys: key header names, and the format must encode deterministically (Kafka
   * partitions and compacts by the key's bytes).
   *
   * @throws org.apache.kafka.common.config.ConfigException if the format does not promise deterministic encoding
   */
  public PolycodecSerde<T> forKeys() {
    return new PolycodecSerde<>(built().withRole(true));
  }

  /** This serde writing no headers (and not mentioning the media-type header in decode errors). */
  public PolycodecSerde<T> withoutHeaders() {
    return new PolycodecSerde<>(built().withHeaders(false));
  }

  /**
   * This serde with a reader-side guard: the history folder is read now, once.
   *
   * @throws org.apache.kafka.common.config.ConfigException if the folder holds no valid snapshot of the type,
   *     or this serde was built from a bare codec (no schema to guard)
   */
  public PolycodecSerde<T> withGuard(WriterGuard guard) {
    return new PolycodecSerde<>(built().withGuard(Objects.requireNonNull(guard, "guard")));
  }

  /**
   * On a serde built in code: takes the role from {@code isKey}. On one Kafka created by class name: sets
   * up the serializer and deserializer from the {@link PolycodecKafkaConfig} keys.
   *
   * @throws org.apache.kafka.common.config.ConfigException if a key is missing or invalid, naming it
   */
  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeSetup<T> s = setup != null ? setup.withRole(isKey) : (SerdeSetup<T>) SerdeSetup.fromConfig(configs, isKey);
    serializer.set(s);
    deserializer.set(s);
  }

  /** The serializer (the same instance on every call). */
  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  /** The deserializer (the same instance on every call). */
  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  private SerdeSetup<T> built() {
    if (setup == null) {
      throw new IllegalStateException("forKeys, withoutHeaders and withGuard apply to serdes built with"
          + " PolycodecSerde.of(...); a serde created by class name is set up by its properties");
    }
    return setup;
  }
}
