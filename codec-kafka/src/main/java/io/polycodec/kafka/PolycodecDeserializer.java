package io.polycodec.kafka;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka {@link Deserializer} that reads values (or keys) with a Polycodec codec.
 *
 * <p>With a {@link WriterGuard}, the writer's schema fingerprint in the record's
 * {@link PolycodecHeaders headers} must be one the guard accepts before anything is decoded. Without
 * one, the bytes decide: when they fail to decode and the media-type header names another format, the
 * error says so (the header is not a gate, because Kafka Streams hands state-store serdes the headers of
 * the record being processed, which do not describe the store's bytes). Null bytes (a tombstone, or no
 * key) give null; empty bytes are decoded like any other (in Protobuf they are a record of defaults).
 *
 * <p>Every failure, bad bytes included, is Kafka's
 * {@link org.apache.kafka.common.errors.SerializationException} whose cause is the
 * {@link io.polycodec.DecodeException} (format, byte offset, field path) and whose message names the
 * topic. The consumer wraps it in a {@code RecordDeserializationException} that adds the partition and
 * offset, so the application can seek past the record; Kafka Streams hands it to its
 * {@code DeserializationExceptionHandler}.
 *
 * <p>Get one from {@link PolycodecSerde#deserializer()}, or by class name in client properties
 * ({@code value.deserializer=io.polycodec.kafka.PolycodecDeserializer}) with the
 * {@link PolycodecKafkaConfig} keys. Thread-safe once configured.
 *
 * @param <T> the type of values
 */
public final class PolycodecDeserializer<T> implements Deserializer<T> {
  private volatile SerdeSetup<T> setup;
  private final boolean prebuilt;

  /** An unconfigured deserializer, for Kafka to instantiate by class name and {@link #configure}. */
  public PolycodecDeserializer() {
    this.prebuilt = false;
  }

  PolycodecDeserializer(SerdeSetup<T> setup) {
    this.setup = setup;
    this.prebuilt = true;
  }

  /**
   * Sets this deserializer up from {@link PolycodecKafkaConfig} keys for a key ({@code isKey}) or value,
   * reading the guard's history folder now if one is set. On a deserializer built in code, only
   * {@code isKey} is taken (it chooses the header names); the map is ignored.
   *
   * @throws org.apache.kafka.common.config.ConfigException if a key is missing or invalid, naming it, or
   *     the history folder holds no valid snapshot of the type
   */
  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs, boolean isKey) {
    setup = prebuilt ? setup.withRole(isKey) : (SerdeSetup<T>) SerdeSetup.fromConfig(configs, isKey);
  }

  /**
   * Decodes {@code data} with no headers to check (so a writer guard, which needs them, rejects it).
   *
   * @throws org.apache.kafka.common.errors.SerializationException for bad bytes, with the DecodeException as cause
   */
  @Override
  public T deserialize(String topic, byte[] data) {
    return setup().deserialize(topic, null, data);
  }

  /**
   * Checks the headers, then decodes {@code data}.
   *
   * @throws org.apache.kafka.common.errors.SerializationException for bad bytes, another format, or a writer
   *     the guard rejects, with the DecodeException as cause
   */
  @Override
  public T deserialize(String topic, Headers headers, byte[] data) {
    return setup().deserialize(topic, headers, data);
  }

  /** As {@link #deserialize(String, Headers, byte[])}, reading the buffer without copying where the codec can. */
  @Override
  public T deserialize(String topic, Headers headers, ByteBuffer data) {
    return setup().deserialize(topic, headers, data);
  }

  void set(SerdeSetup<T> s) {
    setup = s;
  }

  private SerdeSetup<T> setup() {
    SerdeSetup<T> s = setup;
    if (s == null) {
      throw new IllegalStateException("PolycodecDeserializer is not configured: set "
          + PolycodecKafkaConfig.key(PolycodecKafkaConfig.FORMAT, false) + " and "
          + PolycodecKafkaConfig.key(PolycodecKafkaConfig.TYPE, false) + " (or the key.* ones) in the client's"
          + " properties, or build it with PolycodecSerde.of(...)");
    }
    return s;
  }
}
