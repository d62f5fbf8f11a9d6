package io.polycodec.kafka;

/**
 * The configuration keys {@link PolycodecSerializer}, {@link PolycodecDeserializer} and
 * {@link PolycodecSerde} read in {@code configure(Map, isKey)}, that is from plain producer, consumer,
 * Kafka Streams or Connect properties.
 *
 * <p>Every key exists in two forms, {@code polycodec.key.X} for the record key and
 * {@code polycodec.value.X} for the record value; where the role's own key is absent, {@code polycodec.X}
 * applies to both. Values may be strings (as in a properties file) or typed objects ({@code Class},
 * {@code Boolean}, {@code Path}, {@code CompatibilityMode}).
 *
 * <pre>{@code
 * value.serializer=io.polycodec.kafka.PolycodecSerializer
 * polycodec.value.format=msgpack
 * polycodec.value.type=com.example.SensorReading
 * }</pre>
 */
public final class PolycodecKafkaConfig {
  /** The prefix of every key. */
  public static final String PREFIX = "polycodec.";

  /** The format's name ({@code protobuf}, {@code msgpack}, {@code json}, {@code flatbuffers}…); required. */
  public static final String FORMAT = "format";

  /** The fully qualified name of the record class (or the {@code Class} itself); required. */
  public static final String TYPE = "type";

  /**
   * Whether the serializer writes the {@link PolycodecHeaders format and schema headers} (and the
   * deserializer's errors mention the media-type header): {@code true} (default) or {@code false}.
   */
  public static final String HEADERS = "headers";

  /**
   * A folder of schema snapshots ({@code io.polycodec.evolution.SchemaHistory}'s layout): when set, the
   * deserializer accepts only writers whose schema fingerprint is in it and allowed by
   * {@link #COMPATIBILITY}; see {@link WriterGuard}. Unset by default (no guard).
   */
  public static final String HISTORY_DIR = "history.dir";

  /** The compatibility mode the {@link WriterGuard} applies, such as {@code BACKWARD_TRANSITIVE} (the default). */
  public static final String COMPATIBILITY = "compatibility";

  private PolycodecKafkaConfig() {}

  /**
   * The full key of {@code setting} (one of this class's constants) for a key or value:
   * {@code key(FORMAT, false)} is {@code polycodec.value.format}.
   */
  public static String key(String setting, boolean isKey) {
    return PREFIX + (isKey ? "key." : "value.") + setting;
  }

  /** The full key of {@code setting} for keys and values alike: {@code polycodec.format}. */
  public static String shared(String setting) {
    return PREFIX + setting;
  }
}
