package io.polycodec.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.evolution.SchemaHistory;
import io.polycodec.kafka.broker.LocalKafkaBroker;
import io.polycodec.kafka.broker.SharedBroker;
import io.polycodec.schema.SchemaSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real broker: producers on two schema versions and a poison record on one topic, one consumer on
 * the newer version configured by plain client properties (class names + polycodec.* keys), with the
 * writer guard on.
 */
@ExtendWith(SharedBroker.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a broker that stops answering fails the test instead of hanging the build
class EvolutionOnBrokerTest {
  static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

  @TempDir Path history;

  /** What a consumer got: the values in order, and every record it had to skip, with why. */
  record Consumed<T>(List<T> values, List<RecordDeserializationException> skipped) {}

  /** Polls until {@code expected} good records arrived, seeking past each record that fails to deserialize. */
  static <T> Consumed<T> consume(KafkaConsumer<String, T> consumer, TopicPartition tp, int expected) {
    consumer.assign(List.of(tp));
    consumer.seekToBeginning(List.of(tp));
    List<T> values = new ArrayList<>();
    List<RecordDeserializationException> skipped = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (values.size() < expected && System.nanoTime() < deadline) {
      try {
        for (ConsumerRecord<String, T> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      } catch (RecordDeserializationException e) {
        skipped.add(e);
        consumer.seek(e.topicPartition(), e.offset() + 1); // the poison-pill handling Kafka documents
      }
    }
    return new Consumed<>(values, skipped);
  }

  @Test
  void aV1AndAV2ProducerAndAV2ConsumerShareOneTopic(LocalKafkaBroker broker) throws IOException {
    String topic = "telemetry-evolution";
    broker.createTopics(1, topic);
    for (int v = 1; v <= 2; v++) {
      Class<?> type = v == 1 ? Readings.V1.class : Readings.V2.class;
      Files.writeString(history.resolve(SchemaHistory.fileName("Reading", v)), SchemaSnapshot.toJson(Codecs.schemaOf(type)));
    }

    Map<String, Object> producerProps = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (KafkaProducer<String, Readings.V1> v1 = new KafkaProducer<>(producerProps, new StringSerializer(),
            PolycodecSerde.of("msgpack", Readings.V1.class).serializer());
        KafkaProducer<String, Readings.V2> v2 = new KafkaProducer<>(producerProps, new StringSerializer(),
            PolycodecSerde.of("msgpack", Readings.V2.class).serializer());
        KafkaProducer<String, Readings.V3> v3 = new KafkaProducer<>(producerProps, new StringSerializer(),
            PolycodecSerde.of("msgpack", Readings.V3.class).serializer());
        KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < 100; i++) {
        // Sends are ordered per producer only, so flush after each to interleave them in a known order.
        v1.send(new ProducerRecord<>(topic, "s1", new Readings.V1("s1", AT.plusSeconds(i), 2000 + i, 450, i)));
        v1.flush();
        v2.send(new ProducerRecord<>(topic, "s2", new Readings.V2("s2", AT.plusSeconds(i), 1800 + i,
            i % 2 == 0 ? Optional.of(3.25f) : Optional.empty(), "2.4.1", i)));
        v2.flush();
        if (i == 40) {
          // A buggy producer: the headers of a v2 record, then bytes that are not MessagePack (0xc1 is never used).
          RecordHeaders v2Headers = new RecordHeaders();
          PolycodecSerde.of("msgpack", Readings.V2.class).serializer().serialize(topic, v2Headers,
              new Readings.V2("s9", AT, 0, Optional.empty(), "", 0));
          raw.send(new ProducerRecord<>(topic, null, "s9", new byte[] {(byte) 0x81, (byte) 0xc1, 0x00}, v2Headers));
          raw.flush();
        }
        if (i == 70) {
          v3.send(new ProducerRecord<>(topic, "s3", new Readings.V3("s3", AT, 1, Optional.empty(), "3.0", 1L << 40)));
          v3.flush();
        }
        if (i == 80) {
          v2.send(new ProducerRecord<>(topic, "s2", null)); // a tombstone
          v2.flush();
        }
      }
    }

    Map<String, Object> consumerProps = new HashMap<>();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, PolycodecDeserializer.class.getName());
    consumerProps.put("polycodec.value.format", "msgpack");
    consumerProps.put("polycodec.value.type", Readings.V2.class.getName());
    consumerProps.put("polycodec.value.history.dir", history.toString());
    consumerProps.put("polycodec.value.compatibility", "BACKWARD_TRANSITIVE");
    TopicPartition tp = new TopicPartition(topic, 0);
    Consumed<Readings.V2> got;
    try (KafkaConsumer<String, Readings.V2> consumer = new KafkaConsumer<>(consumerProps)) {
      got = consume(consumer, tp, 201);
    }

    assertEquals(201, got.values().size(), "200 readings and a tombstone");
    List<Readings.V2> fromV1 = got.values().stream().filter(r -> r != null && r.sensorId().equals("s1")).toList();
    assertEquals(100, fromV1.size());
    for (int i = 0; i < 100; i++) {
      assertEquals(new Readings.V2("s1", AT.plusSeconds(i), 2000 + i, Optional.empty(), "", i), fromV1.get(i),
          "a v1 record read as v2: humidity dropped, the added fields at their defaults");
    }
    assertEquals(new Readings.V2("s2", AT.plusSeconds(10), 1810, Optional.of(3.25f), "2.4.1", 10),
        got.values().stream().filter(r -> r != null && r.sensorId().equals("s2")).toList().get(10));
    assertNull(got.values().get(162), "the tombstone, in its place: after 81 pairs (the poison and the v3 record skipped)");

    assertEquals(2, got.skipped().size(), "the poison record and the writer the guard does not know");
    RecordDeserializationException poison = got.skipped().get(0);
    assertEquals(tp, poison.topicPartition());
    assertEquals(82, poison.offset(), "41 pairs before it");
    SerializationException ours = assertInstanceOf(SerializationException.class, poison.getCause());
    DecodeException decode = assertInstanceOf(DecodeException.class, ours.getCause());
    System.out.println("[kafka] poison record: " + poison.getMessage() + "\n  caused by: " + ours.getMessage());
    assertEquals("msgpack", decode.format());
    assertEquals(1, decode.offset(), "a one-entry map whose key, at offset 1, is not MessagePack");
    assertTrue(ours.getMessage().contains("topic " + topic), ours.getMessage());

    RecordDeserializationException unknown = got.skipped().get(1);
    assertEquals(143, unknown.offset(), "after 71 pairs and the poison record");
    String why = unknown.getCause().getCause().getMessage();
    assertTrue(why.contains("is not in " + history), why);
    System.out.println("[kafka] unknown writer: " + unknown.getCause().getMessage());
  }
}
