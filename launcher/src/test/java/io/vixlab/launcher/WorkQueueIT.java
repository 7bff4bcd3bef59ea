package io.vixlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.kafka.LocalKafkaBroker;
import io.vixlab.kafka.TopicProvisioner;
import io.vixlab.launcher.study.StudyRuns;
import io.vixlab.launcher.study.TrainerUtilisation;
import io.vixlab.testing.ScriptedTrainer;
import io.vixlab.testing.TopicReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials as a work queue across trainer processes: scripted trainers ({@link ScriptedTrainer#main},
 * the same share-group queue and answered-run check as trainer-service) on the real broker, killed
 * with SIGKILL or stopped with SIGTERM while they train. Every study has its own share group.
 */
class WorkQueueIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;

    static LocalKafkaBroker kafka;
    private final List<TrainerProcess> trainers = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        kafka = LocalKafkaBroker.start(LocalKafkaBroker.options(work.resolve("kafka")));
        TopicProvisioner.ensure(kafka.bootstrapServers(), Topics.SPECS.stream()
                .map(t -> new TopicProvisioner.Topic(t.name(), t.partitions(), t.compacted())).toList());
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @AfterEach
    void stopTrainers() {
        trainers.forEach(t -> t.process.destroyForcibly());
    }

    @Test
    void threeTrainersTakeThirtyTrialsWithoutIdlingWhileRunsWaitAndAnswerEachOnce() {
        String group = "wq-" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            start(group, "busy-" + i, 150);
        }
        // 4 epochs of 150 ms: about 0.6 s a trial, all 30 waiting from the start.
        List<TrialConfig> trials = publish(group, 30, 4);

        Map<String, TrialResult> results = awaitOneResultEach(trials);
        assertThat(results.values()).extracting(TrialResult::state).containsOnly(TrialState.COMPLETE);
        Map<String, List<TrialResult>> byTrainer = results.values().stream()
                .collect(Collectors.groupingBy(TrialResult::trainer));
        assertThat(byTrainer).containsOnlyKeys("busy-1", "busy-2", "busy-3");
        // The last run to start: until then runs waited, so no trainer may idle between two runs.
        Instant lastStart = results.values().stream().map(WorkQueueIT::startedAt).max(Comparator.naturalOrder())
                .orElseThrow();
        List<Long> gapsMillis = new ArrayList<>();
        byTrainer.forEach((trainer, runs) -> {
            List<TrialResult> ordered = runs.stream().sorted(Comparator.comparing(TrialResult::finishedAt)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                Instant previousEnd = ordered.get(i - 1).finishedAt();
                if (previousEnd.isBefore(lastStart)) {
                    gapsMillis.add(Duration.between(previousEnd, startedAt(ordered.get(i))).toMillis());
                }
            }
        });
        gapsMillis.sort(Comparator.naturalOrder());
        System.out.printf("work queue: %d idle gaps while runs waited, median %d ms, max %d ms%n", gapsMillis.size(),
                gapsMillis.get(gapsMillis.size() / 2), gapsMillis.get(gapsMillis.size() - 1));
        // Dispatch latency only (the next run is taken as soon as the last is acknowledged); loose
        // enough for a loaded 2-core machine, far below a trial's length behind another trial.
        assertThat(gapsMillis).isNotEmpty().allSatisfy(gap -> assertThat(gap).isLessThan(2_000));

        // What ./vixlab run prints, read back from the same events: a final among the trials counts too.
        FinalTrainingRequest last = new FinalTrainingRequest(FinalTrainingRequest.SCHEMA_VERSION, group,
                group + "-final", 1, "Basic_CNN_LSTM", Map.of("learning_rate", 1e-3, "dropout_rate", 0.2),
                trials.get(0).trialId(), 0.5, "ds-queue", new TrainingSettings(4, 32, 0, 4, 0.5, 4, 1e-6, 0.1, 42),
                Instant.now());
        TopicReader.send(kafka.bootstrapServers(), Topics.TRAINING_FINALS, last.finalId(), EventJson.write(last));
        assertThat(TopicReader.await(kafka.bootstrapServers(), Topics.MODELS_RESULTS, r -> r.key().equals(last.finalId()),
                1, WAIT)).hasSize(1);
        List<TrainerUtilisation.Run> runs = StudyRuns.read(kafka.bootstrapServers(), group);
        assertThat(runs).hasSize(31).allSatisfy(run -> {
            assertThat(run.started()).isAfterOrEqualTo(run.issued());
            // the trials' four epochs of 150 ms, the final's four of 20 ms (a trainer's own measure)
            assertThat(Duration.between(run.started(), run.finished())).isGreaterThanOrEqualTo(Duration.ofMillis(80));
        });
        TrainerUtilisation use = TrainerUtilisation.of(runs, 3);
        System.out.printf("work queue: trainers busy %.1f%% of the %d ms that runs waited%n",
                100 * use.busyWhileWaiting(), use.waitingSpan().toMillis());
    }

    @Test
    void aTrainerKilledInMidRunTenTimesLosesNoTrialAndTrainsNoneToCompletionTwice() throws Exception {
        String group = "wq-" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            start(group, "kill-" + i, 250);
        }
        // 8 epochs of 250 ms: 2 s a trial, about a minute of work for three trainers: more than ten kills
        // (a few seconds each: a random moment in a run, a new trainer to replace the killed one) take.
        List<TrialConfig> trials = publish(group, 100, 8);
        Random random = new Random(7);
        List<Long> restartMillis = new ArrayList<>();
        // A run that loses its trainer on each of its five deliveries is archived by the broker, as
        // one that crashes every trainer must be (trainer-service answers its last delivery FAILED):
        // so no run is picked for more than two kills, and the kills stay ordinary failures.
        Map<String, Integer> killsPerRun = new HashMap<>();
        for (int kill = 0; kill < 10; kill++) {
            TrainerProcess victim = await().atMost(WAIT).until(() -> {
                List<TrainerProcess> eligible = trainers.stream().filter(t -> t.process.isAlive()
                        && t.running() != null && killsPerRun.getOrDefault(t.running(), 0) < 2).toList();
                return eligible.isEmpty() ? null : eligible.get(random.nextInt(eligible.size()));
            }, t -> t != null);
            Thread.sleep(random.nextInt(1_500));
            // Through the handle: Process.destroyForcibly would also close the pipe, losing its last lines.
            victim.process.toHandle().destroyForcibly();
            Instant killedAt = Instant.now();
            victim.process.waitFor(10, TimeUnit.SECONDS);
            start(group, "kill-" + (4 + kill), 250);
            String run = victim.awaitLastWords().running();
            if (run != null) {
                killsPerRun.merge(run, 1, Integer::sum);
                restartAfter(run, killedAt).ifPresent(restartMillis::add);
            }
        }

        Map<String, TrialResult> results = awaitOneResultEach(trials);
        assertThat(results.values()).extracting(TrialResult::state).containsOnly(TrialState.COMPLETE);
        // Trained to completion once: one answer each (above), and no epoch of a trial after its answer.
        List<TrainingProgress> progress = TopicReader.all(kafka.bootstrapServers(), Topics.TRAINING_PROGRESS,
                r -> results.containsKey(r.key()), Duration.ofSeconds(3)).stream()
                .map(r -> EventJson.read(r.value(), TrainingProgress.class)).toList();
        assertThat(progress).allSatisfy(p -> assertThat(p.at()).as(p.runId())
                .isBeforeOrEqualTo(results.get(p.runId()).finishedAt()));
        restartMillis.sort(Comparator.naturalOrder());
        System.out.printf("work queue: %d runs restarted after kill -9, in %s ms%n", restartMillis.size(), restartMillis);
        assertThat(restartMillis).isNotEmpty().allSatisfy(ms -> assertThat(ms).isLessThan(5_000));
    }

    @Test
    void aTrainerKilledRightAfterItsAnswerLeavesTheRunAnsweredAndUntrainedElsewhere() throws Exception {
        String group = "wq-" + UUID.randomUUID();
        start(group, "answer-1", 100);
        start(group, "answer-2", 100);
        List<TrialConfig> trials = publish(group, 12, 3);
        List<String> killedAfterAnswering = new ArrayList<>();
        for (int kill = 0; kill < 3; kill++) {
            TrainerProcess victim = trainers.stream().filter(t -> t.process.isAlive()).findFirst().orElseThrow();
            int answeredBefore = victim.answered.size();
            await().atMost(WAIT).until(() -> victim.answered.size() > answeredBefore);
            victim.process.toHandle().destroyForcibly();
            killedAfterAnswering.add(victim.answered.get(victim.answered.size() - 1));
            start(group, "answer-" + (3 + kill), 100);
        }

        Map<String, TrialResult> results = awaitOneResultEach(trials);
        assertThat(results).hasSize(12);
        for (String run : killedAfterAnswering) {
            assertThat(TopicReader.all(kafka.bootstrapServers(), Topics.TRAINING_PROGRESS,
                    r -> r.key().equals(run) && EventJson.read(r.value(), TrainingProgress.class).step() == 0,
                    Duration.ofSeconds(2))).as("%s started once", run).hasSize(1);
        }
    }

    @Test
    void aTrainerStoppedWithSigtermReleasesItsRunForAnotherToComplete() throws Exception {
        String group = "wq-" + UUID.randomUUID();
        TrainerProcess stopping = start(group, "sigterm-1", 400);
        TrialConfig trial = publish(group, 1, 10).get(0);
        await().atMost(WAIT).until(() -> trial.trialId().equals(stopping.running()));
        start(group, "sigterm-2", 100);

        Instant stoppedAt = Instant.now();
        stopping.process.destroy();
        assertThat(stopping.process.waitFor(30, TimeUnit.SECONDS)).as("stopped gracefully").isTrue();
        assertThat(stopping.process.exitValue()).isEqualTo(143);

        TrialResult result = awaitOneResultEach(List.of(trial)).get(trial.trialId());
        assertThat(result.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(result.trainer()).isEqualTo("sigterm-2");
        TrainingProgress restart = EventSchemas.parse(TopicReader.await(kafka.bootstrapServers(),
                Topics.TRAINING_PROGRESS, r -> r.key().equals(trial.trialId()) && startedAfter(r, stoppedAt), 1, WAIT)
                .get(0).value(), TrainingProgress.class);
        assertThat(Duration.between(stoppedAt, restart.at())).isLessThan(Duration.ofSeconds(5));
    }

    /**
     * How long after the kill the run started again elsewhere (its first epoch reported after the
     * kill); empty when its answer was on the broker before the kill landed, so nothing restarts it.
     */
    private static Optional<Long> restartAfter(String run, Instant killedAt) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> restarted = TopicReader.await(kafka.bootstrapServers(),
                    Topics.TRAINING_PROGRESS, r -> r.key().equals(run) && startedAfter(r, killedAt), 1,
                    Duration.ofSeconds(2));
            if (!restarted.isEmpty()) {
                TrainingProgress restart = EventSchemas.parse(restarted.get(0).value(), TrainingProgress.class);
                return Optional.of(Duration.between(killedAt, restart.at()).toMillis());
            }
            boolean answeredBeforeTheKill = TopicReader.all(kafka.bootstrapServers(), Topics.TRAINING_RESULTS,
                    r -> r.key().equals(run), Duration.ofSeconds(2)).stream()
                    .anyMatch(r -> !EventJson.read(r.value(), TrialResult.class).finishedAt().isAfter(killedAt));
            if (answeredBeforeTheKill) {
                return Optional.empty();
            }
        }
        throw new AssertionError(run + " was neither answered before the kill nor started again within " + WAIT);
    }

    private TrainerProcess start(String group, String name, long epochPauseMillis) {
        TrainerProcess trainer = TrainerProcess.start(kafka.bootstrapServers(), group, name, epochPauseMillis);
        trainers.add(trainer);
        return trainer;
    }

    /** Trials of a study (named as the group) with one fold of {@code epochs} epochs, all published now. */
    private static List<TrialConfig> publish(String studyId, int count, int epochs) {
        TrainingSettings settings = new TrainingSettings(epochs, 32, 1, epochs, 0.5, epochs, 1e-6, 0.0, 42);
        List<TrialConfig> trials = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            TrialConfig trial = new TrialConfig(TrialConfig.SCHEMA_VERSION, studyId, studyId + "-t" + n, n, 1,
                    "Basic_CNN_LSTM", Map.of("learning_rate", 1e-3 * (1 + n), "dropout_rate", 0.2), "ds-queue",
                    settings, Instant.now());
            TopicReader.send(kafka.bootstrapServers(), Topics.TUNING_TRIALS, trial.trialId(), EventJson.write(trial));
            trials.add(trial);
        }
        return trials;
    }

    /** Waits for every trial's result and checks there is exactly one each. */
    private static Map<String, TrialResult> awaitOneResultEach(List<TrialConfig> trials) {
        List<String> ids = trials.stream().map(TrialConfig::trialId).toList();
        List<ConsumerRecord<String, String>> records = TopicReader.await(kafka.bootstrapServers(),
                Topics.TRAINING_RESULTS, r -> ids.contains(r.key()), ids.size(), WAIT.multipliedBy(2));
        assertThat(records).hasSize(ids.size());
        // Anything trained twice would have answered twice: look a little longer for a second answer.
        List<ConsumerRecord<String, String>> again = TopicReader.all(kafka.bootstrapServers(), Topics.TRAINING_RESULTS,
                r -> ids.contains(r.key()), Duration.ofSeconds(3));
        assertThat(again).hasSize(ids.size());
        return again.stream().map(r -> EventSchemas.parse(r.value(), TrialResult.class))
                .collect(Collectors.toMap(TrialResult::trialId, Function.identity()));
    }

    private static Instant startedAt(TrialResult result) {
        return result.finishedAt().minusMillis(result.durationMillis());
    }

    private static boolean startedAfter(ConsumerRecord<String, String> record, Instant moment) {
        TrainingProgress progress = EventJson.read(record.value(), TrainingProgress.class);
        return progress.step() == 0 && progress.at().isAfter(moment);
    }

    /** A scripted trainer in a JVM of its own, and what it says it does. */
    private record TrainerProcess(Process process, List<String> started, List<String> answered,
            CountDownLatch outputEnded) {

        static TrainerProcess start(String bootstrap, String group, String name, long epochPauseMillis) {
            try {
                Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                        ScriptedTrainer.class.getName(), bootstrap, group, name, String.valueOf(epochPauseMillis))
                        .redirectError(work.resolve(name + ".err").toFile())
                        .start();
                TrainerProcess trainer = new TrainerProcess(process, new CopyOnWriteArrayList<>(),
                        new CopyOnWriteArrayList<>(), new CountDownLatch(1));
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                String first = out.readLine();
                assertThat(first).as("%s started", name).isEqualTo("ready");
                Thread pump = new Thread(() -> trainer.pump(out), name + "-out");
                pump.setDaemon(true);
                pump.start();
                return trainer;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Once the process is dead: waits until everything it printed has been read. */
        TrainerProcess awaitLastWords() throws InterruptedException {
            assertThat(outputEnded.await(10, TimeUnit.SECONDS)).as("the trainer's output ends").isTrue();
            return this;
        }

        /** The run it started last and has not answered, if any. */
        String running() {
            if (started.isEmpty()) {
                return null;
            }
            String last = started.get(started.size() - 1);
            return answered.contains(last) ? null : last;
        }

        private void pump(BufferedReader out) {
            try (out) {
                for (String line; (line = out.readLine()) != null; ) {
                    String[] words = line.split(" ");
                    if (words[0].equals("start")) {
                        started.add(words[1]);
                    } else if (words[0].equals("answered")) {
                        answered.add(words[1]);
                    }
                }
            } catch (IOException e) {
                // The process died: its last words are in.
            } finally {
                outputEnded.countDown();
            }
        }
    }
}
