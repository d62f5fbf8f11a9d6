package io.polycodec.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polycodec.kafka.broker.LocalKafkaBroker;
import io.polycodec.kafka.broker.SharedBroker;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 100,000 records through a real broker in each format, every one checked on arrival; prints records/s
 * produced and consumed (a measurement, not an assertion: the machine is shared).
 */
@ExtendWith(SharedBroker.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a broker that stops answering fails the test instead of hanging the build
class ThroughputOnBrokerTest {
  static final int RECORDS = Integer.getInteger("polycodec.kafka.records", 100_000);
  /** Measure more than once (each round on a fresh topic) to see the spread on a busy machine. */
  static final int ROUNDS = Integer.getInteger("polycodec.kafka.rounds", 1);

  /** Warms up the client code paths all formats share, so the first format measured is not the slowest for it. */
  @BeforeAll
  static void warmUp(LocalKafkaBroker broker) throws Exception {
    run("warm-up", PolycodecSerde.of("protobuf", Measurement.class), 10_000, broker);
  }

  @ParameterizedTest
  @ValueSource(strings = {"protobuf", "msgpack", "json", "flatbuffers", "protobuf without headers"})
  void produceAndConsumeEveryRecord(String name, LocalKafkaBroker broker) throws Exception {
    String format = name.split(" ")[0];
    PolycodecSerde<Measurement> serde = PolycodecSerde.of(format, Measurement.class);
    for (int round = 1; round <= ROUNDS; round++) {
      run(ROUNDS == 1 ? name : name + " #" + round, name.contains("without headers") ? serde.withoutHeaders() : serde,
          RECORDS, broker);
    }
  }

  static void run(String name, Serde<Measurement> serde, int records, LocalKafkaBroker broker) throws Exception {
    String topic = "throughput-" + name.replace(' ', '-').replace("#", "");
    broker.createTopics(1, topic);

    AtomicReference<Exception> sendError = new AtomicReference<>();
    long t0 = System.nanoTime();
    try (KafkaProducer<String, Measurement> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
        new StringSerializer(), serde.serializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, null, Measurement.nth(i)), (md, e) -> {
          if (e != null) {
            sendError.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
    }
    double produceSeconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(null, sendError.get(), "every send acknowledged");

    long bytes = 0;
    long headerBytes = 0;
    int seen = 0;
    t0 = System.nanoTime();
    try (KafkaConsumer<String, Measurement> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
        new StringDeserializer(), serde.deserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (seen < records && System.nanoTime() < deadline) {
        ConsumerRecords<String, Measurement> batch = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, Measurement> r : batch) {
          assertEquals(Measurement.nth(seen), r.value(), "record " + seen + " in order and intact");
          bytes += r.serializedValueSize();
          if (seen == 0) {
            for (var h : r.headers()) {
              headerBytes += h.key().length() + h.value().length;
            }
          }
          seen++;
        }
      }
    }
    double consumeSeconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(records, seen, "every record consumed");
    assertEquals(!name.contains("without headers"), headerBytes > 0, "records carry the Polycodec headers unless turned off");
    System.out.printf(Locale.ROOT, "[kafka] %-24s %,d records, %5.1f B/value + %d B headers: produced %,9.0f records/s,"
        + " consumed %,9.0f records/s%n", name, records, (double) bytes / records, headerBytes,
        records / produceSeconds, records / consumeSeconds);
  }
}
