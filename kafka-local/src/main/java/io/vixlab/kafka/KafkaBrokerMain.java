package io.vixlab.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Runs inside the broker's own JVM (started by {@link LocalKafkaBroker}): formats the log
 * directory on first use, starts a combined broker/controller KRaft node on 127.0.0.1, prints
 * {@value #READY} once it serves, and shuts down cleanly on SIGTERM.
 *
 * <p>Arguments: {@code <data-dir> <broker-port> <controller-port>}.
 */
public final class KafkaBrokerMain {

    static final String READY = "VIXLAB_KAFKA_READY";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int brokerPort = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path logDir = dataDir.resolve("log");
        Path config = writeConfig(dataDir, logDir, brokerPort, controllerPort);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString(), "--ignore-formatted"}, new PrintStream(System.err, true));
            if (rc != 0) {
                throw new IllegalStateException("formatting " + logDir + " failed with exit code " + rc);
            }
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(load(config)), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-shutdown"));
        server.startup();
        System.out.println(READY + " 127.0.0.1:" + brokerPort);
        System.out.flush();
        server.awaitShutdown();
    }

    private static Path writeConfig(Path dataDir, Path logDir, int brokerPort, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        // One node: every internal topic has one replica and transactions need no quorum.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("num.partitions", "1");
        // Consumers in tests and the local run join at once instead of waiting 3 s for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        LocalKafkaBroker.BROKER_SETTINGS.forEach(p::setProperty);
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("log.cleaner.threads", "1");
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "written by vixlab's LocalKafkaBroker");
        }
        return file;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
