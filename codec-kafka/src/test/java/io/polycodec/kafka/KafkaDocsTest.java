package io.polycodec.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.Tag;
import io.polycodec.evolution.CompatibilityMode;
import io.polycodec.evolution.SchemaHistory;
import io.polycodec.kafka.broker.LocalKafkaBroker;
import io.polycodec.kafka.broker.SharedBroker;
import io.polycodec.schema.SchemaSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of docs/kafka.md: each snippet there is a marked region of this file (the test fails if the
 * page and this file disagree), and runs here against the broker.
 */
@ExtendWith(SharedBroker.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a broker that stops answering fails the test instead of hanging the build
class KafkaDocsTest {
  /** The record type the page uses. */
  record SensorReading(@Tag(1) String sensorId, @Tag(2) int centiCelsius, @Tag(3) long sequence) {}

  @TempDir Path dir;

  @Test
  void setupInFiveLines(LocalKafkaBroker broker) {
    Map<String, Object> producerProps = Map.of("bootstrap.servers", broker.bootstrapServers());
    Map<String, Object> consumerProps = Map.of("bootstrap.servers", broker.bootstrapServers());
    broker.createTopics(1, "readings-docs");
    // snippet:setup
    Serde<SensorReading> serde = PolycodecSerde.of("msgpack", SensorReading.class);
    KafkaProducer<String, SensorReading> producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), serde.serializer());
    KafkaConsumer<String, SensorReading> consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), serde.deserializer());
    // end:setup
    try (producer; consumer) {
      producer.send(new ProducerRecord<>("readings-docs", "s1", new SensorReading("s1", 2150, 1)));
      producer.flush();
      TopicPartition tp = new TopicPartition("readings-docs", 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      List<SensorReading> got = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (got.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> got.add(r.value()));
      }
      assertEquals(List.of(new SensorReading("s1", 2150, 1)), got);
    }
  }

  @Test
  void byProperties(LocalKafkaBroker broker) {
    // snippet:properties
    Properties props = new Properties();
    props.put("bootstrap.servers", broker.bootstrapServers());
    props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    props.put("value.serializer", "io.polycodec.kafka.PolycodecSerializer");
    props.put("polycodec.value.format", "protobuf");
    props.put("polycodec.value.type", "io.polycodec.kafka.KafkaDocsTest$SensorReading");
    // end:properties
    broker.createTopics(1, "readings-props-docs");
    try (KafkaProducer<String, SensorReading> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>("readings-props-docs", "s3", new SensorReading("s3", 2011, 3)));
    }
    try (KafkaConsumer<String, SensorReading> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
        broker.bootstrapServers()), new StringDeserializer(), PolycodecSerde.of("protobuf", SensorReading.class).deserializer())) {
      consumer.assign(List.of(new TopicPartition("readings-props-docs", 0)));
      consumer.seekToBeginning(consumer.assignment());
      List<ConsumerRecord<String, SensorReading>> got = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (got.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(got::add);
      }
      assertEquals(new SensorReading("s3", 2011, 3), got.get(0).value());
      assertEquals("application/x-protobuf", PolycodecHeaders.mediaType(got.get(0).headers(), false).orElseThrow());
    }
  }

  @Test
  void poisonRecords(LocalKafkaBroker broker) {
    broker.createTopics(1, "readings-poison-docs");
    Map<String, Object> props = Map.of("bootstrap.servers", broker.bootstrapServers());
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>("readings-poison-docs", new byte[] {(byte) 0xc1}));
      raw.send(new ProducerRecord<>("readings-poison-docs",
          Codecs.get("msgpack", SensorReading.class).encode(new SensorReading("s2", 1990, 2))));
    }
    List<String> log = new ArrayList<>();
    List<SensorReading> readings = new ArrayList<>();
    try (KafkaConsumer<String, SensorReading> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        PolycodecSerde.of("msgpack", SensorReading.class).deserializer())) {
      consumer.assign(List.of(new TopicPartition("readings-poison-docs", 0)));
      consumer.seekToBeginning(consumer.assignment());
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (readings.isEmpty() && System.nanoTime() < deadline) {
        // snippet:poison
        try {
          for (ConsumerRecord<String, SensorReading> r : consumer.poll(Duration.ofMillis(500))) {
            readings.add(r.value());
          }
        } catch (RecordDeserializationException e) {
          DecodeException why = (DecodeException) e.getCause().getCause(); // format, offset, field path
          log.add(e.topicPartition() + "@" + e.offset() + ": " + why.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);                // skip the poison record
        }
        // end:poison
      }
    }
    assertEquals(List.of(new SensorReading("s2", 1990, 2)), readings);
    assertEquals(1, log.size());
    assertTrue(log.get(0).startsWith("readings-poison-docs-0@0: msgpack: at offset 0"), log.get(0));
  }

  @Test
  void streams() {
    // snippet:streams
    Serde<SensorReading> readings = PolycodecSerde.of("msgpack", SensorReading.class);
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, SensorReading> stream = builder.stream("readings", Consumed.with(Serdes.String(), readings));

    Properties streamsProps = new Properties();
    streamsProps.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);                      // skip poison records, counted in metrics
    // end:streams
    assertEquals(1, builder.build().describe().subtopologies().size());
    assertTrue(stream != null && streamsProps.size() == 1);
  }

  @Test
  void guard() throws IOException {
    Files.writeString(dir.resolve(SchemaHistory.fileName("SensorReading", 1)),
        SchemaSnapshot.toJson(Codecs.schemaOf(SensorReading.class)));
    Path historyDir = dir;
    // snippet:guard
    PolycodecSerde<SensorReading> guarded = PolycodecSerde.of("msgpack", SensorReading.class)
        .withGuard(WriterGuard.of(historyDir, CompatibilityMode.BACKWARD_TRANSITIVE));
    // end:guard
    assertEquals(new SensorReading("x", 1, 2), guarded.deserializer().deserialize("t", recordHeadersOf(new SensorReading("x", 1, 2)),
        Codecs.get("msgpack", SensorReading.class).encode(new SensorReading("x", 1, 2))));
  }

  private static org.apache.kafka.common.header.Headers recordHeadersOf(SensorReading r) {
    var h = new org.apache.kafka.common.header.internals.RecordHeaders();
    PolycodecSerde.of("msgpack", SensorReading.class).serializer().serialize("t", h, r);
    return h;
  }

  @Test
  void thePageShowsExactlyThisCode() throws IOException {
    Path page = Path.of("..", "docs", "kafka.md");
    String md = Files.readString(page, StandardCharsets.UTF_8);
    String src = Files.readString(Path.of("src", "test", "java", "io", "polycodec", "kafka", "KafkaDocsTest.java"),
        StandardCharsets.UTF_8);
    Map<String, String> code = regions(src);
    Matcher m = Pattern.compile("<!-- snippet:(\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(md);
    Map<String, String> shown = new LinkedHashMap<>();
    while (m.find()) {
      shown.put(m.group(1), m.group(2));
    }
    assertFalse(shown.isEmpty(), "docs/kafka.md marks its snippets with <!-- snippet:NAME -->");
    assertEquals(code.keySet(), shown.keySet(), "every snippet of the page is here, and every region here is on the page");
    for (Map.Entry<String, String> e : shown.entrySet()) {
      assertEquals(code.get(e.getKey()), e.getValue(), "snippet " + e.getKey() + " of docs/kafka.md differs from this file");
    }
  }

  private static Map<String, String> regions(String src) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("// snippet:(\\w+)\\n(.*?)\\n\\s*// end:\\1", Pattern.DOTALL).matcher(src);
    while (m.find()) {
      List<String> lines = m.group(2).lines().toList();
      int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
      StringBuilder sb = new StringBuilder();
      for (String l : lines) {
        sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
      }
      out.put(m.group(1), sb.toString());
    }
    return out;
  }
}
