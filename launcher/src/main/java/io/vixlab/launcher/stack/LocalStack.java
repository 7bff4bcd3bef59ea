package io.vixlab.launcher.stack;

import io.vixlab.contracts.Topics;
import io.vixlab.kafka.LocalKafkaBroker;
import io.vixlab.kafka.TopicProvisioner;
import io.vixlab.launcher.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole pipeline on one machine: the local Kafka broker, its topics, and the five services in
 * their local flavour (H2 files, loopback, no API key), N trainers among them, all under one
 * working directory:
 *
 * <pre>
 * workdir/kafka     the broker's log (and broker.log)
 * workdir/db        H2 files, one per service (one per trainer)
 * workdir/models    the final models (SavedModel)
 * workdir/logs      one log per service
 * workdir/reports   what a run saves: report JSON and standalone HTML
 * </pre>
 *
 * Closing it stops the services (SIGTERM, in parallel) and then the broker.
 */
public final class LocalStack implements AutoCloseable {

    public static final String DATA_INGEST = "data-ingest";
    public static final String FEATURE_SERVICE = "feature-service";
    public static final String TUNER_SERVICE = "tuner-service";
    public static final String TRAINER_SERVICE = "trainer-service";
    public static final String REPORT_SERVICE = "report-service";
    public static final List<String> MODULES =
            List.of(DATA_INGEST, FEATURE_SERVICE, TUNER_SERVICE, TRAINER_SERVICE, REPORT_SERVICE);

    /** Ports tried first when {@link Config#standardPorts()}: those of the services' own configuration. */
    private static final Map<String, Integer> STANDARD_PORTS = Map.of(DATA_INGEST, 8081, FEATURE_SERVICE, 8082,
            TUNER_SERVICE, 8083, TRAINER_SERVICE, 8084, REPORT_SERVICE, 8085);
    private static final int STANDARD_KAFKA_PORT = 9092;
    private static final Map<String, String> HEAPS = Map.of(DATA_INGEST, "384m", FEATURE_SERVICE, "384m",
            TUNER_SERVICE, "256m", TRAINER_SERVICE, "768m", REPORT_SERVICE, "384m");

    /**
     * @param root          the repository root (where the modules are)
     * @param workdir       the working directory of the run
     * @param trainers      trainer processes
     * @param threadsPerTrainer TensorFlow intra-op threads of each trainer
     * @param standardPorts whether to use 9092 and 8081..8085 when free (the README's URLs); else free ports
     */
    public record Config(Path root, Path workdir, int trainers, int threadsPerTrainer, boolean standardPorts,
            Duration readyTimeout) {
    }

    private final Config config;
    private final LocalKafkaBroker kafka;
    private final Map<String, ServiceProcess> services;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalStack(Config config, LocalKafkaBroker kafka, Map<String, ServiceProcess> services) {
        this.config = config;
        this.kafka = kafka;
        this.services = services;
    }

    /** Starts the broker, creates the topics, starts every service and waits until all are ready. */
    public static LocalStack start(Config config, Consumer<String> say) {
        Path work = config.workdir().toAbsolutePath().normalize();
        for (String module : MODULES) {
            Path jar = LocalBuild.appDir(config.root(), module).resolve("quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(module + "'s local flavour is not built: " + jar + " is missing");
            }
        }
        mkdirs(work);
        long t0 = System.nanoTime();
        LocalKafkaBroker kafka = LocalKafkaBroker.start(LocalKafkaBroker.options(work.resolve("kafka"))
                .withPort(port(config.standardPorts(), STANDARD_KAFKA_PORT)));
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        LocalStack stack = new LocalStack(config, kafka, services);
        // Ctrl-C (or any exit) stops whatever has been started, even while the services are starting.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        try {
            say.accept(String.format("Kafka broker ready at %s in %.1f s", kafka.bootstrapServers(), seconds(t0)));
            TopicProvisioner.ensure(kafka.bootstrapServers(), Topics.SPECS.stream()
                    .map(t -> new TopicProvisioner.Topic(t.name(), t.partitions(), t.compacted())).toList());
            for (String module : MODULES) {
                if (module.equals(TRAINER_SERVICE)) {
                    for (int i = 1; i <= config.trainers(); i++) {
                        stack.launchTrainer(i);
                    }
                } else {
                    services.put(module, stack.launch(module, module, STANDARD_PORTS.get(module),
                            stack.properties(module)));
                }
            }
            for (ServiceProcess service : services.values()) {
                service.awaitReady(config.readyTimeout());
            }
            say.accept(String.format("%d services ready in %.1f s (logs in %s)", services.size(), seconds(t0),
                    work.resolve("logs")));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Starts trainer {@code i} ({@code trainer-i}; the first on the standard port) and returns it
     * once ready; a trainer beyond {@code --trainers} joins the running stack's work queue.
     */
    public ServiceProcess startTrainer(int i) {
        return launchTrainer(i).awaitReady(config.readyTimeout());
    }

    private ServiceProcess launchTrainer(int i) {
        String name = trainerName(i);
        Map<String, String> props = properties(TRAINER_SERVICE);
        props.put("vixlab.trainer.name", name);
        props.put("vixlab.trainer.threads.intra-op", String.valueOf(config.threadsPerTrainer()));
        ServiceProcess trainer = launch(name, TRAINER_SERVICE, i == 1 ? STANDARD_PORTS.get(TRAINER_SERVICE) : 0, props);
        services.put(name, trainer);
        return trainer;
    }

    public static String trainerName(int i) {
        return "trainer-" + i;
    }

    private Map<String, String> properties(String module) {
        return properties(module, config.workdir(), kafka.bootstrapServers());
    }

    /**
     * A service's settings in the local stack: the local profile, the local broker, the run's working
     * directory; trainers put final models into {@code workdir/models} and report-service serves
     * their downloads from there (the same model store, a directory).
     */
    static Map<String, String> properties(String module, Path workdir, String bootstrapServers) {
        Path work = workdir.toAbsolutePath().normalize();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.profile", "local");
        props.put("kafka.bootstrap.servers", bootstrapServers);
        props.put("vixlab.data-dir", work.toString());
        if (module.equals(TRAINER_SERVICE) || module.equals(REPORT_SERVICE)) {
            props.put("vixlab.model-store.location", work.resolve("models").toString());
        }
        return props;
    }

    private ServiceProcess launch(String name, String module, int standardPort, Map<String, String> props) {
        return ServiceProcess.start(new ServiceProcess.Spec(name, LocalBuild.appDir(config.root(), module),
                port(config.standardPorts() && standardPort > 0, standardPort), HEAPS.get(module), props,
                config.workdir().toAbsolutePath().normalize().resolve("logs")));
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public LocalKafkaBroker kafka() {
        return kafka;
    }

    /** A service by name: a module name, or {@code trainer-1} .. {@code trainer-N}. */
    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + "; running: " + services.keySet());
        }
        return service;
    }

    public URI uri(String name, String path) {
        return service(name).baseUri().resolve(path);
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    public List<ServiceProcess> trainers() {
        return services.values().stream().filter(s -> s.name().startsWith("trainer-")).toList();
    }

    /** The process ids of the broker and every service (for memory figures). */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(kafka.pid());
        services.values().forEach(s -> pids.add(s.pid()));
        return pids;
    }

    /** A service that has exited, if any (its log says why). */
    public java.util.Optional<ServiceProcess> deadService() {
        return services.values().stream().filter(s -> !s.isAlive()).findFirst();
    }

    /** Stops every service (SIGTERM, in parallel, each given 30 s), then the broker. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Thread> stops = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            Thread t = new Thread(service::close, "stop-" + service.name());
            t.start();
            stops.add(t);
        }
        for (Thread t : stops) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kafka.close();
    }

    private static int port(boolean standard, int preferred) {
        if (standard && preferred > 0) {
            try (ServerSocket socket = new ServerSocket(preferred, 50, java.net.InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return preferred;
            } catch (IOException busy) {
                // taken: fall through to a free one
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void mkdirs(Path work) {
        try {
            for (String dir : List.of("kafka", "db", "models", "logs", "reports")) {
                Files.createDirectories(work.resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + work, e);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
