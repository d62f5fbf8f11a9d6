package io.polycodec.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import io.polycodec.Tag;
import io.polycodec.schema.SchemaSnapshot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The serializer, deserializer and serde without a broker: what they write, read and reject. */
class SerdeTest {
  static final String TOPIC = "readings";

  record Counter(@Tag(1) long n) {}

  @ParameterizedTest
  @ValueSource(strings = {"protobuf", "msgpack", "json", "flatbuffers"})
  void roundTripWithFormatAndSchemaHeaders(String format) {
    Serde<Measurement> serde = PolycodecSerde.of(format, Measurement.class);
    Headers headers = new RecordHeaders();
    Measurement m = Measurement.nth(41);
    byte[] bytes = serde.serializer().serialize(TOPIC, headers, m);
    assertArrayEquals(Codecs.get(format, Measurement.class).encode(m), bytes, "the codec's own bytes, nothing added");
    assertEquals(Optional.of(Codecs.provider(format).format().mediaType()), PolycodecHeaders.mediaType(headers, false));
    String fp = PolycodecHeaders.schemaFingerprint(headers, false).orElseThrow();
    assertTrue(fp.matches("[0-9a-f]{64}"), fp);
    assertEquals(SchemaSnapshot.fingerprint(Codecs.schemaOf(Measurement.class)), fp);
    assertEquals(m, serde.deserializer().deserialize(TOPIC, headers, bytes));
    assertEquals(m, serde.deserializer().deserialize(TOPIC, headers, ByteBuffer.wrap(bytes)));
    assertEquals(m, serde.deserializer().deserialize(TOPIC, bytes), "without headers there is nothing to check");

    // A reader scribbling on a header's bytes does not change the next record's headers.
    headers.lastHeader(PolycodecHeaders.VALUE_MEDIA_TYPE).value()[0] = 'X';
    Headers next = new RecordHeaders();
    serde.serializer().serialize(TOPIC, next, m);
    assertEquals(Optional.of(Codecs.provider(format).format().mediaType()), PolycodecHeaders.mediaType(next, false));

    // A slice of a larger buffer, as the consumer hands it over.
    byte[] padded = new byte[bytes.length + 7];
    System.arraycopy(bytes, 0, padded, 3, bytes.length);
    ByteBuffer slice = ByteBuffer.wrap(padded, 3, bytes.length).slice();
    assertEquals(m, serde.deserializer().deserialize(TOPIC, next, slice));
    assertEquals(0, slice.position(), "the buffer is not consumed");
  }

  @Test
  void nullIsATombstoneWithoutHeadersAndEmptyBytesAreAValue() {
    Serde<Counter> serde = PolycodecSerde.of("protobuf", Counter.class);
    Headers headers = new RecordHeaders();
    headers.add(PolycodecHeaders.VALUE_MEDIA_TYPE, "application/json".getBytes(StandardCharsets.US_ASCII));
    assertNull(serde.serializer().serialize(TOPIC, headers, null));
    assertNull(headers.lastHeader(PolycodecHeaders.VALUE_MEDIA_TYPE), "a tombstone describes no bytes");
    assertNull(serde.deserializer().deserialize(TOPIC, headers, (byte[]) null));
    assertNull(serde.deserializer().deserialize(TOPIC, headers, (ByteBuffer) null));

    byte[] zero = serde.serializer().serialize(TOPIC, headers, new Counter(0));
    assertNotNull(zero);
    assertEquals(0, zero.length, "protobuf writes a record of defaults as no bytes");
    assertEquals(new Counter(0), serde.deserializer().deserialize(TOPIC, headers, zero), "empty is not a tombstone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"protobuf", "msgpack", "json", "flatbuffers"})
  void badBytesAreASerializationExceptionCarryingTheDecodeException(String format) {
    Deserializer<Measurement> d = PolycodecSerde.of(format, Measurement.class).deserializer();
    byte[] poison = {0x0a, 0x7f};
    SerializationException e = assertThrows(SerializationException.class,
        () -> d.deserialize("poisoned", new RecordHeaders(), poison));
    DecodeException cause = assertInstanceOf(DecodeException.class, e.getCause());
    assertEquals(format, cause.format());
    assertTrue(e.getMessage().contains("value of a record from topic poisoned"), e.getMessage());
    assertTrue(e.getMessage().contains(cause.getMessage()), "the decode error's format, offset and path are kept");
  }

  @Test
  void aValueTheCodecCannotEncodeIsASerializationExceptionCarryingTheEncodeException() {
    Serializer<Measurement> s = PolycodecSerde.of("msgpack", Measurement.class).serializer();
    Measurement noId = new Measurement(null, Instant.EPOCH, 0, Measurement.Status.OK, Optional.empty(), 0);
    SerializationException e = assertThrows(SerializationException.class, () -> s.serialize(TOPIC, new RecordHeaders(), noId));
    assertInstanceOf(EncodeException.class, e.getCause());
    assertTrue(e.getMessage().contains("sensorId"), e.getMessage());
  }

  @Test
  void aRecordWrittenInAnotherFormatFailsNamingThatFormat() {
    Headers headers = new RecordHeaders();
    byte[] json = PolycodecSerde.of("json", Measurement.class).serializer().serialize(TOPIC, headers, Measurement.nth(1));
    SerializationException e = assertThrows(SerializationException.class,
        () -> PolycodecSerde.of("msgpack", Measurement.class).deserializer().deserialize(TOPIC, headers, json));
    assertTrue(e.getMessage().contains("header polycodec.media-type says it was written as application/json"), e.getMessage());
    assertInstanceOf(DecodeException.class, e.getCause());
    // Another media type of the same format is the same format: no such remark.
    Headers alias = new RecordHeaders();
    alias.add(PolycodecHeaders.VALUE_MEDIA_TYPE, "application/json; charset=utf-8".getBytes(StandardCharsets.US_ASCII));
    SerializationException e2 = assertThrows(SerializationException.class,
        () -> PolycodecSerde.of("json", Measurement.class).deserializer().deserialize(TOPIC, alias, new byte[] {'{'}));
    assertTrue(!e2.getMessage().contains("written as"), e2.getMessage());
  }

  @Test
  void theHeadersDescribeButTheBytesDecide() {
    // Kafka Streams passes a state store's serde the headers of the record in flight, which may name another format.
    Headers inFlight = new RecordHeaders();
    PolycodecSerde.of("msgpack", Measurement.class).serializer().serialize(TOPIC, inFlight, Measurement.nth(9));
    Serde<Counter> store = PolycodecSerde.of("protobuf", Counter.class);
    byte[] stored = store.serializer().serialize("app-store-changelog", new RecordHeaders(), new Counter(9));
    assertEquals(new Counter(9), store.deserializer().deserialize("app-store-changelog", inFlight, stored));
  }

  @Test
  void headersCanBeTurnedOff() {
    Headers headers = new RecordHeaders();
    headers.add(PolycodecHeaders.VALUE_MEDIA_TYPE, "application/json".getBytes(StandardCharsets.US_ASCII));
    PolycodecSerde<Measurement> serde = PolycodecSerde.of("msgpack", Measurement.class).withoutHeaders();
    byte[] bytes = serde.serializer().serialize(TOPIC, headers, Measurement.nth(2));
    assertEquals(Optional.of("application/json"), PolycodecHeaders.mediaType(headers, false), "left as it was");
    assertEquals(Measurement.nth(2), serde.deserializer().deserialize(TOPIC, headers, bytes));
  }

  @Test
  void aSerializerReplacesHeadersAForwardedRecordBrought() {
    Headers headers = new RecordHeaders();
    headers.add(PolycodecHeaders.VALUE_MEDIA_TYPE, "application/json".getBytes(StandardCharsets.US_ASCII));
    headers.add(PolycodecHeaders.VALUE_SCHEMA, "0".repeat(64).getBytes(StandardCharsets.US_ASCII));
    headers.add("trace-id", new byte[] {1});
    PolycodecSerde.of("protobuf", Measurement.class).serializer().serialize(TOPIC, headers, Measurement.nth(3));
    assertEquals(List.of("trace-id", PolycodecHeaders.VALUE_MEDIA_TYPE, PolycodecHeaders.VALUE_SCHEMA), names(headers));
    assertEquals(Optional.of("application/x-protobuf"), PolycodecHeaders.mediaType(headers, false));
  }

  @Test
  void keysAndValuesHaveTheirOwnHeaders() {
    Headers headers = new RecordHeaders();
    Serde<Counter> keys = PolycodecSerde.of("json", Counter.class).forKeys();
    Serde<Measurement> values = PolycodecSerde.of("msgpack", Measurement.class);
    byte[] k = keys.serializer().serialize(TOPIC, headers, new Counter(7));
    byte[] v = values.serializer().serialize(TOPIC, headers, Measurement.nth(7));
    assertEquals(Optional.of("application/json"), PolycodecHeaders.mediaType(headers, true));
    assertEquals(Optional.of("application/msgpack"), PolycodecHeaders.mediaType(headers, false));
    assertEquals(SchemaSnapshot.fingerprint(Codecs.schemaOf(Counter.class)),
        PolycodecHeaders.schemaFingerprint(headers, true).orElseThrow());
    assertEquals(new Counter(7), keys.deserializer().deserialize(TOPIC, headers, k));
    assertEquals(Measurement.nth(7), values.deserializer().deserialize(TOPIC, headers, v));

    // Kafka's configure(…, isKey) on a serde built in code sets the role too.
    Serde<Counter> configured = PolycodecSerde.of("json", Counter.class);
    configured.configure(Map.of(), true);
    Headers h2 = new RecordHeaders();
    configured.serializer().serialize(TOPIC, h2, new Counter(1));
    assertEquals(List.of(PolycodecHeaders.KEY_MEDIA_TYPE, PolycodecHeaders.KEY_SCHEMA), names(h2));
  }

  @Test
  void keysNeedADeterministicFormat() {
    Codec<Counter> json = Codecs.get("json", Counter.class);
    Format unordered = Format.builder("unordered").mediaType("application/x-unordered").build();
    Codec<Counter> loose = new Codec<>() {
      @Override
      public Format format() {
        return unordered;
      }

      @Override
      public byte[] encode(Counter value) {
        return json.encode(value);
      }

      @Override
      public Counter decode(byte[] bytes) {
        return json.decode(bytes);
      }
    };
    PolycodecSerde<Counter> values = PolycodecSerde.of(loose, Counter.class);
    assertEquals(new Counter(3), values.deserializer().deserialize(TOPIC, values.serializer().serialize(TOPIC, new Counter(3))),
        "any codec serves values");
    ConfigException e = assertThrows(ConfigException.class, values::forKeys);
    assertTrue(e.getMessage().contains("deterministic"), e.getMessage());
  }

  @Test
  void configuredByPropertiesAsKafkaDoesByClassName() {
    Map<String, Object> props = new HashMap<>();
    props.put("polycodec.format", "msgpack");
    props.put("polycodec.value.type", Measurement.class.getName());
    props.put("polycodec.key.format", "json");
    props.put("polycodec.key.type", Counter.class);
    PolycodecSerializer<Object> valueSer = new PolycodecSerializer<>();
    valueSer.configure(props, false);
    PolycodecSerializer<Object> keySer = new PolycodecSerializer<>();
    keySer.configure(props, true);
    PolycodecDeserializer<Object> valueDe = new PolycodecDeserializer<>();
    valueDe.configure(props, false);
    PolycodecSerde<Object> keySerde = new PolycodecSerde<>();
    keySerde.configure(props, true);

    Headers headers = new RecordHeaders();
    byte[] k = keySer.serialize(TOPIC, headers, new Counter(5));
    byte[] v = valueSer.serialize(TOPIC, headers, Measurement.nth(5));
    assertEquals(Optional.of("application/msgpack"), PolycodecHeaders.mediaType(headers, false), "the shared key applies");
    assertEquals(Optional.of("application/json"), PolycodecHeaders.mediaType(headers, true), "the role's own key wins");
    assertEquals(Measurement.nth(5), valueDe.deserialize(TOPIC, headers, v));
    assertEquals(new Counter(5), keySerde.deserializer().deserialize(TOPIC, headers, k));
  }

  @Test
  void badConfigurationNamesTheKey() {
    assertMessage(Map.of("polycodec.format", "msgpack"), "polycodec.value.type");
    assertMessage(Map.of("polycodec.value.type", Counter.class.getName()), "polycodec.value.format");
    assertMessage(Map.of("polycodec.format", "msgpack", "polycodec.value.type", "com.example.Nope"), "com.example.Nope");
    assertMessage(Map.of("polycodec.format", "yaml", "polycodec.value.type", Counter.class.getName()), "no codec for format 'yaml'");
    assertMessage(Map.of("polycodec.format", "json", "polycodec.value.type", Counter.class.getName(),
        "polycodec.value.headers", "yes"), "polycodec.value.headers");
    assertMessage(Map.of("polycodec.format", "json", "polycodec.value.type", Counter.class.getName(),
        "polycodec.value.history.dir", "x", "polycodec.compatibility", "SIDEWAYS"), "polycodec.compatibility");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new PolycodecDeserializer<>().deserialize(TOPIC, new byte[0]));
    assertTrue(e.getMessage().contains("polycodec.value.format"), e.getMessage());
  }

  private static void assertMessage(Map<String, Object> props, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> new PolycodecDeserializer<>().configure(props, false));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static List<String> names(Headers headers) {
    return StreamSupport.stream(headers.spliterator(), false).map(h -> h.key()).toList();
  }
}
