package io.polycodec.kafka;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serializer} that writes values (or keys) with a Polycodec codec and describes them in
 * {@link PolycodecHeaders headers}: the format's media type and, where the schema is known, its
 * fingerprint.
 *
 * <p>Two ways to get one: from {@link PolycodecSerde#serializer()} (built in code, complete), or by class
 * name in client properties ({@code value.serializer=io.polycodec.kafka.PolycodecSerializer}), in which
 * case Kafka calls {@link #configure} with the {@link PolycodecKafkaConfig} keys. A null value is written
 * as null (a tombstone; a null key means no key), with no headers. A value the codec cannot encode
 * raises Kafka's {@link org.apache.kafka.common.errors.SerializationException} carrying the
 * {@code EncodeException}. Thread-safe once configured.
 *
 * @param <T> the type of values
 */
public final class PolycodecSerializer<T> implements Serializer<T> {
  private volatile SerdeSetup<T> setup;
  private final boolean prebuilt;

  /** An unconfigured serializer, for Kafka to instantiate by class name and {@link #configure}. */
  public PolycodecSerializer() {
    this.prebuilt = false;
  }

  PolycodecSerializer(SerdeSetup<T> setup) {
    this.setup = setup;
    this.prebuilt = true;
  }

  /**
   * Sets this serializer up from {@link PolycodecKafkaConfig} keys for a key ({@code isKey}) or value. On a
   * serializer built in code, only {@code isKey} is taken (it chooses the header names); the map is ignored.
   *
   * @throws org.apache.kafka.common.config.ConfigException if a key is missing or invalid, naming it
   */
  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs, boolean isKey) {
    setup = prebuilt ? setup.withRole(isKey) : (SerdeSetup<T>) SerdeSetup.fromConfig(configs, isKey);
  }

  /** Serializes without headers to write to (no format or schema header is written). */
  @Override
  public byte[] serialize(String topic, T data) {
    return setup().serialize(topic, null, data);
  }

  /** Serializes {@code data} and replaces this role's Polycodec headers in {@code headers}. */
  @Override
  public byte[] serialize(String topic, Headers headers, T data) {
    return setup().serialize(topic, headers, data);
  }

  void set(SerdeSetup<T> s) {
    setup = s;
  }

  private SerdeSetup<T> setup() {
    SerdeSetup<T> s = setup;
    if (s == null) {
      throw new IllegalStateException("PolycodecSerializer is not configured: set "
          + PolycodecKafkaConfig.key(PolycodecKafkaConfig.FORMAT, false) + " and "
          + PolycodecKafkaConfig.key(PolycodecKafkaConfig.TYPE, false) + " (or the key.* ones) in the client's"
          + " properties, or build it with PolycodecSerde.of(...)");
    }
    return s;
  }
}
