package io.polycodec.examples.kafka;

import io.polycodec.SchemaName;
import io.polycodec.Tag;
import io.polycodec.examples.telemetry.SensorReadings;
import io.polycodec.examples.telemetry.TelemetryScenario;
import io.polycodec.examples.telemetry.TelemetryScenario.Aggregate;
import io.polycodec.kafka.PolycodecDeserializer;
import io.polycodec.kafka.PolycodecSerde;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The telemetry scenario over a real Kafka topic: sensors on three firmware versions produce to one
 * topic (keyed by sensor, MessagePack values with Polycodec's headers); one consumer, configured only by
 * properties, reads everything with the newest schema and a writer guard against the committed schema
 * history ({@code kafka-schema-history/SensorReading.v1..v3.json}). A lab device on an unreleased
 * firmware, whose schema was never committed, is turned away record by record.
 */
public final class KafkaTelemetryScenario {
  private KafkaTelemetryScenario() {}

  /** A firmware build nobody committed a snapshot for: its sequence number became text. */
  @SchemaName("SensorReading")
  public record LabFirmware(@Tag(1) String sensorId, @Tag(3) int centiCelsius, @Tag(8) String sequence) {}

  /** What the scenario saw. */
  public record Outcome(int produced, Map<String, Aggregate> written, Map<String, Aggregate> consumed, int rejected,
      String firstRejection, double producedPerSecond, double consumedPerSecond) {}

  /** The committed history of SensorReading, as a folder (the class path's resources are a folder here). */
  static Path history() {
    try {
      return Path.of(Objects.requireNonNull(KafkaTelemetryScenario.class.getResource("/kafka-schema-history"),
          "kafka-schema-history on the class path").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the scenario on the broker at {@code bootstrap}: {@code perSensor} readings from each of 12 sensors. */
  public static Outcome run(PrintStream out, String bootstrap, int perSensor) throws Exception {
    String topic = "telemetry";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    Map<String, Aggregate> written = new TreeMap<>();
    int labRecords = 5;
    long t0 = System.nanoTime();
    Map<String, Object> producerProps = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.LINGER_MS_CONFIG, 5);
    try (var v1 = producer(producerProps, SensorReadings.V1.class);
        var v2 = producer(producerProps, SensorReadings.V2.class);
        var v3 = producer(producerProps, SensorReadings.V3.class);
        var lab = producer(producerProps, LabFirmware.class)) {
      Consumer<Object> send = reading -> {
        if (reading instanceof SensorReadings.V1 r) {
          v1.send(new ProducerRecord<>(topic, r.sensorId(), r));
        } else if (reading instanceof SensorReadings.V2 r) {
          v2.send(new ProducerRecord<>(topic, r.sensorId(), r));
        } else {
          SensorReadings.V3 r = (SensorReadings.V3) reading;
          v3.send(new ProducerRecord<>(topic, r.sensorId(), r));
        }
      };
      TelemetryScenario.generate(perSensor, 2026, written, send);
      for (int i = 0; i < labRecords; i++) {
        lab.send(new ProducerRecord<>(topic, "lab-1", new LabFirmware("lab-1", 2000 + i, "seq-" + i)));
      }
    }
    double produceSeconds = (System.nanoTime() - t0) / 1e9;
    int produced = perSensor * 12;

    // The consumer as it would be deployed: everything from properties.
    Map<String, Object> consumerProps = new HashMap<>();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "telemetry-ingest");
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, PolycodecDeserializer.class.getName());
    consumerProps.put("polycodec.value.format", "msgpack");
    consumerProps.put("polycodec.value.type", SensorReadings.V3.class.getName());
    consumerProps.put("polycodec.value.history.dir", history().toString());
    consumerProps.put("polycodec.value.compatibility", "BACKWARD_TRANSITIVE");
    Map<String, Aggregate> consumed = new TreeMap<>();
    List<String> rejections = new ArrayList<>();
    int seen = 0;
    t0 = System.nanoTime();
    try (KafkaConsumer<String, SensorReadings.V3> consumer = new KafkaConsumer<>(consumerProps)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while ((seen < produced || rejections.size() < labRecords) && System.nanoTime() < deadline) {
        try {
          for (ConsumerRecord<String, SensorReadings.V3> r : consumer.poll(Duration.ofMillis(200))) {
            SensorReadings.V3 m = r.value();
            consumed.merge(m.sensorId(), new Aggregate(1, m.centiCelsius(), m.sequence()), Aggregate::plus);
            seen++;
          }
        } catch (RecordDeserializationException e) {
          rejections.add(e.getCause().getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    }
    double consumeSeconds = (System.nanoTime() - t0) / 1e9;

    out.println("4. Telemetry over Kafka: 12 sensors on 3 firmware versions, one topic, one consumer on v3 with a writer guard");
    out.printf(Locale.ROOT, "   produced %,d readings (+%d from a lab device) in %.2f s; consumed %,d in %.2f s%n",
        produced, labRecords, produceSeconds, seen, consumeSeconds);
    out.printf(Locale.ROOT, "   per-sensor counts, sums and last sequences equal what was sent: %s%n",
        consumed.equals(written) ? "yes" : "NO");
    out.printf(Locale.ROOT, "   lab records turned away by the guard: %d; the first said:%n     %s%n", rejections.size(),
        rejections.isEmpty() ? "-" : rejections.get(0));
    return new Outcome(produced, written, consumed, rejections.size(), rejections.isEmpty() ? "" : rejections.get(0),
        produced / produceSeconds, seen / consumeSeconds);
  }

  private static <T> KafkaProducer<String, T> producer(Map<String, Object> props, Class<T> type) {
    return new KafkaProducer<>(props, new StringSerializer(), PolycodecSerde.of("msgpack", type).serializer());
  }
}
