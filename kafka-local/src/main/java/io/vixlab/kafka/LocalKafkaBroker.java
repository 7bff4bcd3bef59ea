package io.vixlab.kafka;

import io.vixlab.contracts.MessageLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Kafka broker (KRaft) in a child JVM, started from the Kafka jars that Maven
 * resolved for this module. Used by the tests, the local one-command run, and anyone without Docker:
 *
 * <pre>{@code
 * try (LocalKafkaBroker kafka = LocalKafkaBroker.start(LocalKafkaBroker.options(dir))) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 *
 * Its own JVM keeps Kafka's Scala and logging libraries off the caller's classpath, and lets the
 * broker outlive nothing: closing it sends SIGTERM (a clean shutdown) and waits.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "broker-classpath.txt";

    /**
     * Broker settings vixlab relies on, also given to a containerised test broker: the largest
     * message, which every producer agrees on ({@link MessageLimits}); and for share groups (the
     * trainers' work queue), members learn their partitions and a dead member's partitions move
     * within seconds, record locks may be as short as a second (tests) and as long as an hour
     * (Kafka's most), so that trainers seldom renew them (docs/trainer.md says why).
     */
    public static final Map<String, String> BROKER_SETTINGS = Map.of(
            "message.max.bytes", String.valueOf(MessageLimits.MAX_MESSAGE_BYTES),
            "group.share.min.heartbeat.interval.ms", "1000",
            "group.share.heartbeat.interval.ms", "1000",
            "group.share.min.session.timeout.ms", "6000",
            "group.share.session.timeout.ms", "10000",
            "group.share.min.record.lock.duration.ms", "1000",
            "group.share.max.record.lock.duration.ms", "3600000");

    private final Process process;
    private final String bootstrapServers;
    private final Options options;
    private final int controllerPort;

    private LocalKafkaBroker(Process process, String bootstrapServers, Options options, int controllerPort) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.options = options;
        this.controllerPort = controllerPort;
    }

    /**
     * How to start a broker. A port of 0 takes a free one.
     *
     * @param heap the broker JVM's maximum heap, e.g. {@code 256m}
     */
    public record Options(Path dataDir, int port, String heap, Duration startTimeout) {
        public Options withPort(int newPort) {
            return new Options(dataDir, newPort, heap, startTimeout);
        }
    }

    public static Options options(Path dataDir) {
        return new Options(dataDir, 0, "256m", Duration.ofSeconds(90));
    }

    public static LocalKafkaBroker start(Options options) {
        return start(options.port() == 0 ? options.withPort(freePort()) : options, freePort());
    }

    /**
     * A broker outage, for tests: stops this broker cleanly, waits {@code outage}, and starts it
     * again on the same data and ports, so that clients reconnect to the same address.
     */
    public LocalKafkaBroker restartAfter(Duration outage) throws InterruptedException {
        close();
        Thread.sleep(outage.toMillis());
        return start(options, controllerPort);
    }

    private static LocalKafkaBroker start(Options options, int controllerPort) {
        try {
            Files.createDirectories(options.dataDir());
            int port = options.port();
            Path log = options.dataDir().resolve("broker.log");
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + options.heap(), "-Xms32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Djava.awt.headless=true",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                    "-cp", brokerClasspath(),
                    KafkaBrokerMain.class.getName(),
                    options.dataDir().toAbsolutePath().toString(), String.valueOf(port), String.valueOf(controllerPort));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String bootstrap = awaitReady(process, log, options.startTimeout());
            LocalKafkaBroker broker = new LocalKafkaBroker(process, bootstrap, options, controllerPort);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "local-kafka-stop"));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Kafka broker in " + options.dataDir(), e);
        }
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return options.dataDir();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the broker cleanly (SIGTERM), killing it only if it has not stopped after 30 s. */
    @Override
    public void close() {
        Processes.stopGracefully(process, Duration.ofSeconds(30));
    }

    /** Reads the broker's output into its log file until it says it is ready. */
    private static String awaitReady(Process process, Path log, Duration timeout) throws IOException {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process.getInputStream(), log, ready), "local-kafka-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the local Kafka broker was not ready within " + timeout + "; see " + log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the local Kafka broker failed to start: " + e.getMessage() + "; see " + log, e);
        }
    }

    private static void pump(InputStream output, Path log, CompletableFuture<String> ready) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                var writer = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                writer.write(line);
                writer.newLine();
                writer.flush();
                if (line.startsWith(KafkaBrokerMain.READY)) {
                    ready.complete(line.substring(KafkaBrokerMain.READY.length()).trim());
                }
            }
            ready.completeExceptionally(new IllegalStateException("the broker process exited"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    /** This module's classes plus the jars Maven resolved for it (recorded at build time). */
    static String brokerClasspath() throws IOException {
        URL resource = LocalKafkaBroker.class.getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build kafka-local with Maven first");
        }
        List<String> entries = new ArrayList<>();
        entries.add(ownLocation(resource).toString());
        try (InputStream in = resource.openStream()) {
            entries.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path ownLocation(URL resource) throws IOException {
        try {
            if ("jar".equals(resource.getProtocol())) {
                return Path.of(((JarURLConnection) resource.openConnection()).getJarFileURL().toURI());
            }
            if ("file".equals(resource.getProtocol())) {
                // .../classes/io/vixlab/kafka/broker-classpath.txt -> .../classes
                return Path.of(resource.toURI()).getParent().getParent().getParent().getParent();
            }
            return Path.of(LocalKafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate kafka-local's classes from " + resource, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on this machine", e);
        }
    }

    /** Runs a broker until Ctrl-C: {@code LocalKafkaBroker [data-dir] [port]}. */
    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".vixlab/kafka");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        try (LocalKafkaBroker broker = start(options(dir).withPort(port))) {
            System.out.println("Kafka broker ready at " + broker.bootstrapServers() + " (data in " + dir + ")");
            broker.process.waitFor();
        }
    }
}
