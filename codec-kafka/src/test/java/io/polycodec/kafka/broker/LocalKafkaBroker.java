package io.polycodec.kafka.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) running in this JVM on 127.0.0.1, on
 * ports chosen free at start, with its logs in a temporary folder deleted on {@link #close()}. For tests
 * and the Kafka demo; not a production setup (replication factor 1, no security).
 */
public final class LocalKafkaBroker implements AutoCloseable {
  private final KafkaRaftServer server;
  private final Path logDir;
  private final String bootstrap;

  private LocalKafkaBroker(KafkaRaftServer server, Path logDir, String bootstrap) {
    this.server = server;
    this.logDir = logDir;
    this.bootstrap = bootstrap;
  }

  /** Formats a fresh log folder and starts a broker; returns once it accepts clients (about 5 s on 2 cores). */
  public static LocalKafkaBroker start() {
    try {
      Path dir = Files.createTempDirectory("polycodec-kafka-");
      int brokerPort = freePort();
      int controllerPort = freePort();
      Properties props = new Properties();
      props.put("process.roles", "broker,controller");
      props.put("node.id", "1");
      props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
      props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
      props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
      props.put("controller.listener.names", "CONTROLLER");
      props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      props.put("log.dirs", dir.resolve("logs").toString());
      props.put("offsets.topic.replication.factor", "1");
      props.put("offsets.topic.num.partitions", "1");
      props.put("transaction.state.log.replication.factor", "1");
      props.put("transaction.state.log.min.isr", "1");
      props.put("share.coordinator.state.topic.replication.factor", "1");
      props.put("share.coordinator.state.topic.min.isr", "1");
      props.put("group.initial.rebalance.delay.ms", "0");
      props.put("num.partitions", "1");
      props.put("auto.create.topics.enable", "true");
      Path cfg = dir.resolve("server.properties");
      try (var out = Files.newBufferedWriter(cfg)) {
        props.store(out, "polycodec test broker");
      }
      ByteArrayOutputStream formatLog = new ByteArrayOutputStream();
      int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", cfg.toString()},
          new PrintStream(formatLog, true, StandardCharsets.UTF_8));
      if (rc != 0) {
        throw new IllegalStateException("kafka storage format failed (" + rc + "): " + formatLog.toString(StandardCharsets.UTF_8));
      }
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      return new LocalKafkaBroker(server, dir, "127.0.0.1:" + brokerPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code bootstrap.servers} value. */
  public String bootstrapServers() {
    return bootstrap;
  }

  /** Creates topics (replication factor 1) and waits until they exist. */
  public void createTopics(int partitions, String... names) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<NewTopic> topics = Stream.of(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList();
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topics " + List.of(names) + ": " + e, e);
    }
  }

  /** Stops the broker and deletes its files. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    try (Stream<Path> files = Files.walk(logDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is harmless.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
