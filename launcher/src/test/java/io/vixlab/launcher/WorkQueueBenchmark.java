package io.vixlab.launcher;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.kafka.LocalKafkaBroker;
import io.vixlab.kafka.TopicProvisioner;
import io.vixlab.launcher.study.StudyRuns;
import io.vixlab.launcher.study.TrainerUtilisation;
import io.vixlab.testing.ScriptedTrainer;
import io.vixlab.testing.TopicReader;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The work queue's figures on one local broker with scripted trainers (the same share-group queue
 * and answered-run check as trainer-service), printed, not asserted: dispatch latency from a run's
 * publication to its start on an idle trainer, and a burst of short trials on many trainers (trials
 * per second, trainers busy while runs waited, every trial answered once). docs/trainer.md says how
 * to run it; arguments {@code [trainers=32] [trials=2000] [runMillis=50] [latencySamples=200]}.
 */
public final class WorkQueueBenchmark {

    private WorkQueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trainers = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long runMillis = args.length > 2 ? Long.parseLong(args[2]) : 50;
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        System.out.printf("work queue benchmark: %d processors, load %.1f; %d trainers, %d trials of %d ms%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), trainers,
                trials, runMillis);
        try (LocalKafkaBroker kafka = LocalKafkaBroker.start(LocalKafkaBroker.options(
                Files.createTempDirectory("vixlab-queue-benchmark")))) {
            String bootstrap = kafka.bootstrapServers();
            TopicProvisioner.ensure(bootstrap, Topics.SPECS.stream()
                    .map(t -> new TopicProvisioner.Topic(t.name(), t.partitions(), t.compacted())).toList());
            try (ScriptedTrainer pool = new ScriptedTrainer(bootstrap, trainers, "benchmark-" + UUID.randomUUID(),
                    "bench"); KafkaProducer<String, String> producer = producer(bootstrap)) {
                pool.serveEveryStudy(config -> ScriptedTrainer.Answer.slow(Duration.ofMillis(runMillis)));
                // Warm-up: every member joined and has taken a run.
                publishAndAwait(bootstrap, producer, "warmup-" + UUID.randomUUID(), trainers * 2, 0, runMillis);
                latency(bootstrap, producer, samples, runMillis);
                burst(bootstrap, producer, trainers, trials, runMillis);
            }
        }
    }

    /** One run at a time on idle trainers: publication to start. */
    private static void latency(String bootstrap, KafkaProducer<String, String> producer, int samples, long runMillis)
            throws Exception {
        String study = "latency-" + UUID.randomUUID();
        List<TrialResult> results = publishAndAwait(bootstrap, producer, study, samples, runMillis * 3, runMillis);
        List<Long> millis = StudyRuns.read(bootstrap, study).stream()
                .map(run -> Duration.between(run.issued(), run.started()).toMillis()).sorted().toList();
        System.out.printf("dispatch latency, publication to start on an idle trainer (%d runs): median %d ms,"
                + " p99 %d ms, max %d ms%n", results.size(), percentile(millis, 0.5), percentile(millis, 0.99),
                millis.get(millis.size() - 1));
    }

    /** Every trial published at once. */
    private static void burst(String bootstrap, KafkaProducer<String, String> producer, int trainers, int trials,
            long runMillis) throws Exception {
        String study = "burst-" + UUID.randomUUID();
        long t0 = System.nanoTime();
        publishAndAwait(bootstrap, producer, study, trials, 0, runMillis);
        double seconds = (System.nanoTime() - t0) / 1e9;
        // Read again after a pause: a trial answered twice would show a second answer by now.
        List<TrialResult> results = TopicReader.all(bootstrap, Topics.TRAINING_RESULTS,
                r -> r.key().startsWith(study + "-"), Duration.ofSeconds(5)).stream()
                .map(r -> EventSchemas.parse(r.value(), TrialResult.class)).toList();
        Map<String, Long> answersPerTrial = results.stream()
                .collect(Collectors.groupingBy(TrialResult::trialId, Collectors.counting()));
        long trainersUsed = results.stream().map(TrialResult::trainer).distinct().count();
        TrainerUtilisation use = TrainerUtilisation.of(StudyRuns.read(bootstrap, study), trainers);
        System.out.printf("burst: %d trials in %.1f s = %.0f trials/s on %d trainers (%d took runs); busy %.1f%% of"
                + " the time runs waited; %.2f × the ideal span; %d answers, %d trials answered exactly once%n", trials,
                seconds, trials / seconds, trainers, trainersUsed, 100 * use.busyWhileWaiting(), use.spanOverIdeal(),
                results.size(), answersPerTrial.values().stream().filter(n -> n == 1).count());
    }

    private static List<TrialResult> publishAndAwait(String bootstrap, KafkaProducer<String, String> producer,
            String study, int count, long pauseMillis, long runMillis) throws Exception {
        TrainingSettings oneEpoch = new TrainingSettings(1, 32, 1, 1, 0.5, 1, 1e-6, 0.0, 42);
        for (int n = 0; n < count; n++) {
            TrialConfig trial = new TrialConfig(TrialConfig.SCHEMA_VERSION, study, study + "-t" + n, n, 1,
                    "Basic_CNN_LSTM", Map.of("learning_rate", 1e-3, "dropout_rate", 0.2), "ds-benchmark", oneEpoch,
                    Instant.now());
            producer.send(new ProducerRecord<>(Topics.TUNING_TRIALS, trial.trialId(), EventJson.write(trial)));
            if (pauseMillis > 0) {
                producer.flush();
                Thread.sleep(pauseMillis);
            }
        }
        producer.flush();
        Duration wait = Duration.ofMillis(60_000 + count * runMillis * 2);
        List<TrialResult> results = new ArrayList<>();
        TopicReader.await(bootstrap, Topics.TRAINING_RESULTS, r -> r.key().startsWith(study + "-"), count, wait)
                .forEach(r -> results.add(EventSchemas.parse(r.value(), TrialResult.class)));
        return results;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", "5");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }
}
