package io.vixlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.launcher.stack.Http;
import io.vixlab.launcher.stack.LocalBuild;
import io.vixlab.launcher.stack.LocalStack;
import io.vixlab.testing.ScriptedTrainer;
import io.vixlab.testing.TopicReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's restart, for real: the packaged tuner as it runs in production (prod profile,
 * PostgreSQL) is killed with SIGKILL in mid-study while trials are running and started again on
 * the same database; a scripted trainer answers trials from a known function. The study finishes
 * with exactly the requested trials, each issued once, pruning included. The local flavour (H2
 * file) is killed right after storing results and asks no trial twice.
 */
class TunerRestartIT {

    private static final List<String> ARCHITECTURES = List.of("Basic_CNN_LSTM", "Attention_CNN_LSTM");
    /**
     * Enough that the last trial's pruner has its five startup trials to compare with: in a
     * reproducible study (the default, window 4) trial {@code n} is judged from trials {@code 0 .. n - 4}.
     */
    private static final int TRIALS = 10;
    /** The loop as a test wants it: fast ticks; no trial goes stale while the tuner is down. */
    private static final Map<String, String> TUNER = Map.of("vixlab.tuner.tick-interval", "200ms",
            "vixlab.tuner.stale-after", "2m");

    /** Kept when the test fails: the services' logs are under {@code logs/}. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;

    static ProductionPlatform platform;
    static ScriptedTrainer trainer;
    /** Every local tuner a test started: the platform stops only the services it started itself. */
    static final List<ServiceProcess> localTuners = new ArrayList<>();

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = ProductionPlatform.start(work);
        platform.createDatabase("tuner");
        trainer = new ScriptedTrainer(platform.bootstrapServers());
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        localTuners.forEach(ServiceProcess::close);
        if (trainer != null) {
            trainer.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aTunerKilledInMidStudyResumesFromItsDatabaseAndRunsExactlyTheRequestedTrials() throws Exception {
        ServiceProcess tuner = platform.startService("tuner-service", "tuner", TUNER);
        HttpResponse<String> created = ProductionPlatform.post(tuner, "/api/studies", "{\"name\":\"restart\","
                + "\"architectures\":[\"Basic_CNN_LSTM\",\"Attention_CNN_LSTM\"],\"trialsPerArchitecture\":" + TRIALS
                + ",\"parallelism\":3,\"datasetId\":\"ds-restart\",\"training\":{\"epochs\":5,\"folds\":2},"
                + "\"finalTraining\":{\"epochs\":3}}", platform.apiKey);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = EventJson.mapper().readTree(created.body()).path("id").asText();
        // Good trials take about 2 s, so some are always running; each architecture's last trial
        // reports losses above any good one's (objective >= 0.1), slowly enough (40 s) to outlast the tuner's restart, and the
        // median pruner stops it.
        ScriptedTrainer.Answer bad = new ScriptedTrainer.Answer(100, Duration.ofSeconds(4), null);
        trainer.serve(id, config -> config.trialNumber() == TRIALS - 1
                ? bad : ScriptedTrainer.Answer.slow(Duration.ofMillis(200)));

        JsonNode beforeKill = awaitStudy(tuner, id, s -> finished(s) >= 3, Duration.ofMinutes(2));
        tuner.kill();
        assertThat(tuner.isAlive()).isFalse();
        assertThat(running(beforeKill)).as("trials were running when the tuner died").isPositive();
        System.out.printf("tuner killed with %d trials finished and %d running%n", finished(beforeKill),
                running(beforeKill));

        ServiceProcess restarted = platform.startService("tuner-service", "tuner", TUNER);
        JsonNode done = awaitStudy(restarted, id, s -> "COMPLETED".equals(s.path("status").asText()),
                Duration.ofMinutes(3));

        for (String architecture : ARCHITECTURES) {
            List<JsonNode> trials = trialsOf(done, architecture);
            assertThat(trials).extracting(t -> t.path("number").asInt()).containsExactlyElementsOf(
                    IntStream.range(0, TRIALS).boxed().toList());
            assertThat(trials.subList(0, TRIALS - 1)).allSatisfy(t -> {
                assertThat(t.path("state").asText()).isEqualTo("COMPLETE");
                assertThat(t.path("value").asDouble()).isEqualTo(
                        ScriptedTrainer.objective(EventJson.mapper().convertValue(t.path("params"), Map.class)));
            });
            assertThat(trials.get(TRIALS - 1).path("state").asText()).as("%s", trials.get(TRIALS - 1))
                    .isEqualTo("PRUNED");
            assertThat(trials).allSatisfy(t -> assertThat(t.path("attempt").asInt()).isEqualTo(1));
        }
        List<TrialConfig> issued = events(Topics.TUNING_TRIALS, TrialConfig.class, c -> c.studyId().equals(id));
        assertThat(issued).extracting(c -> c.trialId() + "#" + c.attempt()).as("every trial issued, once")
                .hasSize(ARCHITECTURES.size() * TRIALS).doesNotHaveDuplicates();
        assertThat(events(Topics.TUNING_CONTROL, TrialControl.class,
                c -> c.studyId().equals(id) && c.action() == TrialControl.Action.PRUNE))
                .extracting(TrialControl::trialId).containsExactlyInAnyOrder(
                        id + "-Basic_CNN_LSTM-" + (TRIALS - 1), id + "-Attention_CNN_LSTM-" + (TRIALS - 1));
        assertThat(events(Topics.TRAINING_FINALS, FinalTrainingRequest.class, r -> r.studyId().equals(id)))
                .extracting(FinalTrainingRequest::architecture).containsExactlyInAnyOrderElementsOf(ARCHITECTURES);
        assertThat(events(Topics.TUNING_STUDIES, StudyEvent.class, e -> e.studyId().equals(id)))
                .extracting(StudyEvent::status).endsWith(StudyEvent.Status.COMPLETED)
                .filteredOn(s -> s == StudyEvent.Status.COMPLETED).hasSize(1);
    }

    /**
     * The local flavour (H2 file, as {@code ./vixlab run} starts it), killed three times right after
     * it stored a result: the moment a result's step is committed, the tuner sends the next trial's
     * config, and the test kills it as soon as that config is on the topic. Every result it had
     * committed survives (H2 writes each commit before it returns), so no trial is asked twice.
     */
    @Test
    void aLocalTunerKilledRightAfterStoringResultsAsksNoTrialTwice() throws Exception {
        Path root = Path.of(System.getProperty("vixlab.root", "..")).toAbsolutePath().normalize();
        LocalBuild.ensure(root, List.of(LocalStack.TUNER_SERVICE), work.resolve("logs").resolve("build.log"),
                System.out::println);
        Map<String, String> local = new HashMap<>(TUNER);
        local.putAll(Map.of("quarkus.profile", "local", "kafka.bootstrap.servers", platform.bootstrapServers(),
                "vixlab.data-dir", work.resolve("local").toString()));
        // Its own consumer group: the production tuner of the other test may still be in 'tuner-service'.
        for (String channel : List.of("training-progress", "training-results", "models-results", "feature-datasets")) {
            local.put("mp.messaging.incoming." + channel + ".group.id", "tuner-service-local");
        }
        ServiceProcess tuner = startLocalTuner(root, local);
        int trials = 16;
        HttpResponse<String> created = ProductionPlatform.post(tuner, "/api/studies", "{\"name\":\"local-restart\","
                + "\"architectures\":[\"Basic_CNN_LSTM\"],\"trialsPerArchitecture\":" + trials + ",\"parallelism\":2,"
                + "\"pruner\":\"none\",\"datasetId\":\"ds-local-restart\",\"training\":{\"epochs\":3,\"folds\":2},"
                + "\"finalTraining\":{\"epochs\":1}}", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = EventJson.mapper().readTree(created.body()).path("id").asText();
        // 1.5 s a trial, two at a time: the study outlasts three kills and restarts.
        trainer.serve(id, config -> ScriptedTrainer.Answer.slow(Duration.ofMillis(500)));

        for (int kill = 0; kill < 3; kill++) {
            // Trials 0 and 1 go out at once; trial n + 2 only after a result was committed.
            int last = Math.max(1, issuedTrials(id).stream().mapToInt(TrialConfig::trialNumber).max().orElse(1));
            assertThat(TopicReader.await(platform.bootstrapServers(), Topics.TUNING_TRIALS,
                    r -> r.key().startsWith(id + "-") && number(r.value()) > last, 1, Duration.ofMinutes(2)))
                    .as("a trial issued after a stored result (both running trials may have answered)").isNotEmpty();
            tuner.kill();
            tuner = startLocalTuner(root, local);
        }
        JsonNode done = awaitStudy(tuner, id, s -> "COMPLETED".equals(s.path("status").asText()),
                Duration.ofMinutes(3));

        List<JsonNode> answered = trialsOf(done, "Basic_CNN_LSTM");
        assertThat(answered).extracting(t -> t.path("number").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, trials).boxed().toList());
        assertThat(answered).allSatisfy(t -> {
            assertThat(t.path("state").asText()).isEqualTo("COMPLETE");
            assertThat(t.path("attempt").asInt()).as("asked once").isEqualTo(1);
        });
        // The outbox may send a config twice after a kill; never a second attempt.
        assertThat(issuedTrials(id)).extracting(TrialConfig::attempt).containsOnly(1);
    }

    private ServiceProcess startLocalTuner(Path root, Map<String, String> properties) {
        ServiceProcess tuner = ServiceProcess.start(new ServiceProcess.Spec("tuner-service-local",
                LocalBuild.appDir(root, LocalStack.TUNER_SERVICE), ProductionPlatform.freePort(), "256m", properties,
                work.resolve("logs")));
        localTuners.add(tuner);
        return tuner.awaitReady(Duration.ofSeconds(90));
    }

    private static List<TrialConfig> issuedTrials(String studyId) {
        return events(Topics.TUNING_TRIALS, TrialConfig.class, c -> c.studyId().equals(studyId));
    }

    private static int number(String trialConfig) {
        return EventSchemas.parse(trialConfig, TrialConfig.class).trialNumber();
    }

    private static JsonNode awaitStudy(ServiceProcess tuner, String id, Predicate<JsonNode> condition,
            Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode study = study(tuner, id);
        while (!condition.test(study)) {
            assertThat(System.nanoTime()).as("study %s did not get there in %s: %s", id, timeout, study)
                    .isLessThan(deadline);
            Thread.sleep(100);
            study = study(tuner, id);
        }
        return study;
    }

    private static JsonNode study(ServiceProcess tuner, String id) {
        Http.Answer answer = Http.get(tuner.baseUri().resolve("/api/studies/" + id));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static long finished(JsonNode study) {
        return trials(study).stream().filter(t -> !"RUNNING".equals(t.path("state").asText())).count();
    }

    private static long running(JsonNode study) {
        return trials(study).size() - finished(study);
    }

    private static List<JsonNode> trials(JsonNode study) {
        return StreamSupport.stream(study.path("trials").spliterator(), false).toList();
    }

    private static List<JsonNode> trialsOf(JsonNode study, String architecture) {
        List<JsonNode> trials = new ArrayList<>(trials(study).stream()
                .filter(t -> architecture.equals(t.path("architecture").asText())).toList());
        trials.sort(Comparator.comparingInt(t -> t.path("number").asInt()));
        return trials;
    }

    /** Every event of {@code type} on {@code topic} that matches, duplicates included. */
    private static <T extends Event> List<T> events(String topic, Class<T> type, Predicate<T> matching) {
        return TopicReader.all(platform.bootstrapServers(), topic,
                        r -> matching.test(EventSchemas.parse(r.value(), type)), Duration.ofSeconds(3)).stream()
                .map(r -> EventSchemas.parse(r.value(), type)).toList();
    }
}
