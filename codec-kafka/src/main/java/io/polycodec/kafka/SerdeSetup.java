package io.polycodec.kafka;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.SchemaSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Everything a serializer or deserializer for one role (key or value) needs, decided once: the codec,
 * the header names and values, and the writer guard's verdicts. Immutable; shared by the serializer and
 * deserializer of a {@link PolycodecSerde}.
 */
final class SerdeSetup<T> {
  final Codec<T> codec;
  final RecordSchema schema; // null when built from a bare codec: no fingerprint header, no guard
  final boolean isKey;
  final boolean headers;
  final WriterGuard guard;

  private final Format format;
  private final String mediaTypeName;
  private final String schemaName;
  private final byte[] mediaType;
  private final byte[] fingerprint;
  private final WriterGuard.Verdicts verdicts;

  SerdeSetup(Codec<T> codec, RecordSchema schema, boolean isKey, boolean headers, WriterGuard guard) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.schema = schema;
    this.isKey = isKey;
    this.headers = headers;
    this.guard = guard;
    this.format = codec.format();
    if (isKey && !format.has(Capability.DETERMINISTIC)) {
      // Kafka partitions and compacts by the key's bytes: equal keys must give equal bytes.
      throw new ConfigException("format " + format.name() + " does not promise deterministic encoding, so it"
          + " cannot serialize record keys (equal keys would land in different partitions and escape compaction)");
    }
    this.mediaTypeName = PolycodecHeaders.mediaTypeHeader(isKey);
    this.schemaName = PolycodecHeaders.schemaHeader(isKey);
    this.mediaType = format.mediaType().getBytes(StandardCharsets.US_ASCII);
    this.fingerprint = schema == null ? null : SchemaSnapshot.fingerprint(schema).getBytes(StandardCharsets.US_ASCII);
    if (guard != null && schema == null) {
      throw new ConfigException("a writer guard needs the reader's schema: build the serde from a codec and its"
          + " type or schema, not from a bare codec");
    }
    this.verdicts = guard == null ? null : guard.decide(schema, format);
  }

  SerdeSetup<T> withRole(boolean key) {
    return key == isKey ? this : new SerdeSetup<>(codec, schema, key, headers, guard);
  }

  SerdeSetup<T> withHeaders(boolean on) {
    return new SerdeSetup<>(codec, schema, isKey, on, guard);
  }

  SerdeSetup<T> withGuard(WriterGuard g) {
    return new SerdeSetup<>(codec, schema, isKey, headers, g);
  }

  /** The setup {@code configs} describe for a key ({@code isKey}) or value; see {@link PolycodecKafkaConfig}. */
  static SerdeSetup<Object> fromConfig(Map<String, ?> configs, boolean isKey) {
    String format = string(configs, PolycodecKafkaConfig.FORMAT, isKey, null);
    Class<?> type = type(configs, isKey);
    boolean headers = bool(configs, PolycodecKafkaConfig.HEADERS, isKey, true);
    WriterGuard guard = null;
    Object dir = setting(configs, PolycodecKafkaConfig.HISTORY_DIR, isKey);
    if (dir != null) {
      Path path = dir instanceof Path ? (Path) dir : Path.of(dir.toString());
      guard = WriterGuard.of(path, mode(configs, isKey));
    }
    @SuppressWarnings("unchecked")
    Class<Object> t = (Class<Object>) type;
    Codec<Object> codec;
    try {
      codec = Codecs.get(format, t);
    } catch (CodecException e) {
      throw new ConfigException(PolycodecKafkaConfig.key(PolycodecKafkaConfig.FORMAT, isKey) + " / "
          + PolycodecKafkaConfig.key(PolycodecKafkaConfig.TYPE, isKey) + ": " + e.getMessage());
    }
    return new SerdeSetup<>(codec, Codecs.schemaOf(type), isKey, headers, guard);
  }

  // ---- serializing ----

  byte[] serialize(String topic, Headers recordHeaders, T value) {
    if (value == null) {
      // A tombstone (or a null key) has no bytes, so headers describing bytes would be stale.
      if (headers && recordHeaders != null) {
        recordHeaders.remove(mediaTypeName);
        recordHeaders.remove(schemaName);
      }
      return null;
    }
    byte[] bytes;
    try {
      bytes = codec.encode(value);
    } catch (EncodeException e) {
      throw new SerializationException("cannot serialize the " + role() + " of a record for topic " + topic + ": "
          + e.getMessage(), e);
    }
    if (headers && recordHeaders != null) {
      recordHeaders.remove(mediaTypeName);
      // Copies: a header hands its array to whoever reads it (interceptors, Streams processors).
      recordHeaders.add(mediaTypeName, mediaType.clone());
      recordHeaders.remove(schemaName);
      if (fingerprint != null) {
        recordHeaders.add(schemaName, fingerprint.clone());
      }
    }
    return bytes;
  }

  // ---- deserializing ----

  T deserialize(String topic, Headers recordHeaders, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      checkWriter(recordHeaders);
      return codec.decode(data);
    } catch (DecodeException e) {
      throw failure(topic, recordHeaders, e);
    }
  }

  T deserialize(String topic, Headers recordHeaders, java.nio.ByteBuffer data) {
    if (data == null) {
      return null;
    }
    try {
      checkWriter(recordHeaders);
      return codec.decode(data);
    } catch (DecodeException e) {
      throw failure(topic, recordHeaders, e);
    }
  }

  private SerializationException failure(String topic, Headers recordHeaders, DecodeException e) {
    return new SerializationException("cannot deserialize the " + role() + " of a record from topic " + topic
        + otherFormat(recordHeaders) + ": " + e.getMessage(), e);
  }

  /**
   * If the record's media-type header names another format, says so, as the likely reason a decode failed.
   *
   * <p>The header explains a failure rather than preventing a decode: Kafka Streams hands state-store
   * serdes the headers of the record being processed, which describe that record's bytes and not the
   * store's, so a mismatch is not proof that the bytes are foreign.
   */
  private String otherFormat(Headers recordHeaders) {
    if (!headers || recordHeaders == null) {
      return "";
    }
    Header mt = recordHeaders.lastHeader(mediaTypeName);
    if (mt == null || mt.value() == null || Arrays.equals(mt.value(), mediaType)) {
      return "";
    }
    String written = new String(mt.value(), StandardCharsets.US_ASCII);
    return format.matchesMediaType(written) ? ""
        : " (its header " + mediaTypeName + " says it was written as " + written + ", and this deserializer reads "
            + format.name() + ")";
  }

  /** With a guard, rejects a record whose writer the guard does not accept. */
  private void checkWriter(Headers recordHeaders) {
    if (verdicts == null) {
      return;
    }
    Header h = recordHeaders == null ? null : recordHeaders.lastHeader(schemaName);
    if (h == null || h.value() == null) {
      throw DecodeException.at(format.name(), -1, "the record has no " + schemaName + " header, so the writer guard ("
          + guard.mode() + " against " + guard.historyDir() + ") cannot tell who wrote it");
    }
    if (Arrays.equals(h.value(), fingerprint)) {
      return;
    }
    String fp = new String(h.value(), StandardCharsets.US_ASCII);
    if (!verdicts.problems().containsKey(fp)) {
      throw DecodeException.at(format.name(), -1, "the writer's schema " + abbreviate(fp) + " is not in "
          + guard.historyDir() + " (known: " + verdicts.known() + "); commit its snapshot to accept it");
    }
    String problem = verdicts.problems().get(fp);
    if (problem != null) {
      throw DecodeException.at(format.name(), -1, "writer guard (" + guard.mode() + "): " + problem);
    }
  }

  private static String abbreviate(String fp) {
    return fp.length() > 80 ? fp.substring(0, 77) + "..." : fp;
  }

  String role() {
    return isKey ? "key" : "value";
  }

  // ---- reading configuration ----

  private static Object setting(Map<String, ?> configs, String setting, boolean isKey) {
    Object v = configs.get(PolycodecKafkaConfig.key(setting, isKey));
    return v != null ? v : configs.get(PolycodecKafkaConfig.shared(setting));
  }

  private static String keyOf(Map<String, ?> configs, String setting, boolean isKey) {
    String own = PolycodecKafkaConfig.key(setting, isKey);
    return configs.get(own) != null ? own : PolycodecKafkaConfig.shared(setting);
  }

  private static String string(Map<String, ?> configs, String setting, boolean isKey, String fallback) {
    Object v = setting(configs, setting, isKey);
    if (v == null || v.toString().isBlank()) {
      if (fallback != null) {
        return fallback;
      }
      throw new ConfigException("missing " + PolycodecKafkaConfig.key(setting, isKey) + " (or "
          + PolycodecKafkaConfig.shared(setting) + ") for the Polycodec " + (isKey ? "key" : "value") + " serde");
    }
    return v.toString().trim();
  }

  private static boolean bool(Map<String, ?> configs, String setting, boolean isKey, boolean fallback) {
    Object v = setting(configs, setting, isKey);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    if (!s.equals("true") && !s.equals("false")) {
      throw new ConfigException(keyOf(configs, setting, isKey), v, "expected true or false");
    }
    return s.equals("true");
  }

  private static Class<?> type(Map<String, ?> configs, boolean isKey) {
    Object v = setting(configs, PolycodecKafkaConfig.TYPE, isKey);
    if (v instanceof Class) {
      return (Class<?>) v;
    }
    String name = string(configs, PolycodecKafkaConfig.TYPE, isKey, null);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(name, true, loader != null ? loader : SerdeSetup.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(keyOf(configs, PolycodecKafkaConfig.TYPE, isKey), name, "no such class on the class path");
    }
  }

  private static CompatibilityMode mode(Map<String, ?> configs, boolean isKey) {
    Object v = setting(configs, PolycodecKafkaConfig.COMPATIBILITY, isKey);
    if (v == null) {
      return CompatibilityMode.BACKWARD_TRANSITIVE;
    }
    if (v instanceof CompatibilityMode) {
      return (CompatibilityMode) v;
    }
    try {
      return CompatibilityMode.valueOf(v.toString().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(keyOf(configs, PolycodecKafkaConfig.COMPATIBILITY, isKey), v,
          "expected one of " + Arrays.toString(CompatibilityMode.values()));
    }
  }
}
