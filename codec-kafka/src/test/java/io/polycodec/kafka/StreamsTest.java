package io.polycodec.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Tag;
import io.polycodec.kafka.broker.LocalKafkaBroker;
import io.polycodec.kafka.broker.SharedBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kafka Streams topology whose topics and state store use Polycodec serdes: readings in MessagePack,
 * alerts out in JSON, per-sensor statistics kept in Protobuf. The logic runs on TopologyTestDriver;
 * the same topology then runs once on the broker.
 */
@ExtendWith(SharedBroker.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a broker that stops answering fails the test instead of hanging the build
class StreamsTest {
  /** What the topology emits for a reading that is not OK. */
  record Alert(@Tag(1) String sensorId, @Tag(2) long sequence, @Tag(3) Measurement.Status status) {}

  /** What the topology keeps per sensor. */
  record Stats(@Tag(1) long count, @Tag(2) long sumCentiCelsius, @Tag(3) Optional<Double> lastBattery) {}

  @TempDir Path stateDir;

  static Topology topology(Serde<Measurement> readings, Serde<Alert> alerts, Serde<Stats> stats) {
    StreamsBuilder b = new StreamsBuilder();
    var in = b.stream("readings", Consumed.with(Serdes.String(), readings));
    in.filter((k, m) -> m.status() != Measurement.Status.OK)
        .mapValues(m -> new Alert(m.sensorId(), m.sequence(), m.status()))
        .to("alerts", Produced.with(Serdes.String(), alerts));
    in.groupByKey()
        .aggregate(() -> new Stats(0, 0, Optional.empty()),
            (k, m, s) -> new Stats(s.count() + 1, s.sumCentiCelsius() + m.centiCelsius(),
                m.batteryVolts().isPresent() ? m.batteryVolts() : s.lastBattery()),
            Materialized.with(Serdes.String(), stats))
        .toStream().to("stats", Produced.with(Serdes.String(), stats));
    return b.build();
  }

  static Topology polycodecTopology() {
    return topology(PolycodecSerde.of("msgpack", Measurement.class), PolycodecSerde.of("json", Alert.class),
        PolycodecSerde.of("protobuf", Stats.class));
  }

  Properties props(String bootstrap) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "polycodec-streams-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    return p;
  }

  /** What the topology must compute for readings 0..n-1 keyed by sensor: alerts, and the last stats per sensor. */
  static Map<String, Stats> expectedStats(int n) {
    Map<String, Stats> out = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Measurement m = Measurement.nth(i);
      Stats s = out.getOrDefault(m.sensorId(), new Stats(0, 0, Optional.empty()));
      out.put(m.sensorId(), new Stats(s.count() + 1, s.sumCentiCelsius() + m.centiCelsius(),
          m.batteryVolts().isPresent() ? m.batteryVolts() : s.lastBattery()));
    }
    return out;
  }

  static List<Alert> expectedAlerts(int n) {
    List<Alert> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Measurement m = Measurement.nth(i);
      if (m.status() != Measurement.Status.OK) {
        out.add(new Alert(m.sensorId(), m.sequence(), m.status()));
      }
    }
    return out;
  }

  @Test
  void theTopologyOnTheTestDriverSkipsAPoisonRecordAndWritesItsOwnHeaders() {
    try (TopologyTestDriver driver = new TopologyTestDriver(polycodecTopology(), props("unused:9092"))) {
      TestInputTopic<String, Measurement> in = driver.createInputTopic("readings", new StringSerializer(),
          PolycodecSerde.of("msgpack", Measurement.class).serializer());
      TestInputTopic<String, byte[]> raw = driver.createInputTopic("readings", new StringSerializer(), new ByteArraySerializer());
      TestOutputTopic<String, Alert> alerts = driver.createOutputTopic("alerts", new StringDeserializer(),
          PolycodecSerde.of("json", Alert.class).deserializer());
      TestOutputTopic<String, Stats> stats = driver.createOutputTopic("stats", new StringDeserializer(),
          PolycodecSerde.of("protobuf", Stats.class).deserializer());
      for (int i = 0; i < 500; i++) {
        in.pipeInput(Measurement.nth(i).sensorId(), Measurement.nth(i));
        if (i == 250) {
          raw.pipeInput("sensor-1", new byte[] {(byte) 0xc1}); // skipped by LogAndContinueExceptionHandler
        }
      }
      List<TestRecord<String, Alert>> out = alerts.readRecordsToList();
      assertEquals(expectedAlerts(500), out.stream().map(TestRecord::value).toList());
      TestRecord<String, Alert> first = out.get(0);
      assertEquals(Optional.of("application/json"), PolycodecHeaders.mediaType(first.headers(), false),
          "the alert carries the header of its own bytes, not the forwarded reading's");
      assertEquals(1, countHeaders(first.headers(), PolycodecHeaders.VALUE_MEDIA_TYPE));
      assertEquals(expectedStats(500), stats.readKeyValuesToMap());
      assertTrue(driver.metrics().entrySet().stream().anyMatch(e -> e.getKey().name().equals("dropped-records-total")
          && ((Number) e.getValue().metricValue()).doubleValue() == 1.0), "the poison record counted as dropped");
    }
  }

  @Test
  void serdesCanBeTheStreamsDefaultsByClassName() {
    StreamsBuilder b = new StreamsBuilder();
    b.<String, Object>stream("readings").mapValues(v -> ((Measurement) v).sequence()).to("sequences",
        Produced.with(Serdes.String(), Serdes.Long()));
    Properties p = props("unused:9092");
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, PolycodecSerde.class);
    p.put("polycodec.value.format", "flatbuffers");
    p.put("polycodec.value.type", Measurement.class.getName());
    try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), p)) {
      TestInputTopic<String, Measurement> in = driver.createInputTopic("readings", new StringSerializer(),
          PolycodecSerde.of("flatbuffers", Measurement.class).serializer());
      in.pipeInput("k", Measurement.nth(12345));
      assertEquals(12345L, driver.createOutputTopic("sequences", new StringDeserializer(),
          Serdes.Long().deserializer()).readValue());
    }
  }

  @Test
  void theSameTopologyRunsOnTheBroker(LocalKafkaBroker broker) throws Exception {
    int n = 2_000;
    broker.createTopics(1, "readings", "alerts", "stats");
    try (KafkaProducer<String, Measurement> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
        PolycodecSerde.of("msgpack", Measurement.class).serializer())) {
      for (int i = 0; i < n; i++) {
        producer.send(new ProducerRecord<>("readings", Measurement.nth(i).sensorId(), Measurement.nth(i)));
      }
    }
    Properties p = props(broker.bootstrapServers());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    List<Alert> alerts = new ArrayList<>();
    Map<String, Stats> stats = new TreeMap<>();
    try (KafkaStreams streams = new KafkaStreams(polycodecTopology(), p);
        KafkaConsumer<String, Alert> alertConsumer = new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringDeserializer(),
            PolycodecSerde.of("json", Alert.class).deserializer());
        KafkaConsumer<String, Stats> statsConsumer = new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringDeserializer(),
            PolycodecSerde.of("protobuf", Stats.class).deserializer())) {
      streams.start();
      alertConsumer.assign(List.of(new TopicPartition("alerts", 0)));
      statsConsumer.assign(List.of(new TopicPartition("stats", 0)));
      Map<String, Stats> expected = expectedStats(n);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while ((alerts.size() < expectedAlerts(n).size() || !stats.equals(expected)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, Alert> r : alertConsumer.poll(Duration.ofMillis(100))) {
          alerts.add(r.value());
        }
        for (ConsumerRecord<String, Stats> r : statsConsumer.poll(Duration.ofMillis(100))) {
          stats.put(r.key(), r.value());
        }
      }
      streams.close(Duration.ofSeconds(10));
    }
    assertEquals(expectedAlerts(n), alerts);
    assertEquals(expectedStats(n), stats);
  }

  private static int countHeaders(org.apache.kafka.common.header.Headers headers, String name) {
    int c = 0;
    for (var h : headers.headers(name)) {
      c++;
    }
    return c;
  }
}
