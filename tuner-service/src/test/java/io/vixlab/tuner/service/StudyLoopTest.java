package io.vixlab.tuner.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.ScriptedTrainer;
import io.vixlab.testing.TopicReader;
import io.vixlab.tuner.service.StudyService.StudyView;
import io.vixlab.tuner.service.StudyService.TrialView;
import io.vixlab.tuner.study.TrialState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The study loop end to end over the real broker, against {@link ScriptedTrainer}: whole studies, a
 * restart in mid-study, stale trials, late results of old attempts, cancellation.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(StudyLoopTest.FastLoop.class)
class StudyLoopTest {

    /** A fast loop: ticks every 200 ms, a trial is stale after 3 s, two attempts. */
    public static class FastLoop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vixlab.tuner.tick-interval", "200ms", "vixlab.tuner.stale-after", "3s",
                    "vixlab.tuner.max-attempts", "2");
        }
    }

    private static final Duration STUDY_TIMEOUT = Duration.ofSeconds(90);
    private static ScriptedTrainer trainer;

    @Inject
    StudyService studies;

    @Inject
    StudyRunner runner;

    @BeforeAll
    static void startTrainer() {
        trainer = new ScriptedTrainer(KafkaTestResource.bootstrapServers());
    }

    @AfterAll
    static void stopTrainer() throws InterruptedException {
        trainer.close();
    }

    @Test
    void studyWaitsForADatasetThenCompletesWithExactlyTheRequestedTrialsThroughPruningAndARestart() {
        String id = create("{\"name\":\"e2e\",\"architectures\":[\"Basic_CNN_LSTM\",\"Attention_CNN_LSTM\"],"
                + "\"trialsPerArchitecture\":6,\"parallelism\":3,\"training\":{\"epochs\":5,\"folds\":2},"
                + "\"finalTraining\":{\"epochs\":3}}");
        // The last trial of each architecture reports far worse losses, slowly: the median pruner,
        // which waits for 5 complete trials, catches it once the others have completed.
        trainer.serve(id, config -> config.trialNumber() == 5
                ? ScriptedTrainer.Answer.BAD : ScriptedTrainer.Answer.GOOD);

        sleep(Duration.ofSeconds(1));
        assertThat(study(id).status()).as("no dataset is known yet").isEqualTo(StudyEvent.Status.CREATED);
        assertThat(study(id).trials()).isEmpty();
        String datasetId = "ds-" + id;
        TopicReader.send(KafkaTestResource.bootstrapServers(), Topics.FEATURE_DATASETS, datasetId,
                EventJson.write(manifest(datasetId)));

        awaitStudy(id, s -> s.trials().stream().filter(t -> t.finishedAt() != null).count() >= 3);
        runner.reload();
        StudyView done = awaitStudy(id, s -> s.status() == StudyEvent.Status.COMPLETED);

        assertThat(done.datasetId()).isEqualTo(datasetId);
        for (String architecture : List.of("Basic_CNN_LSTM", "Attention_CNN_LSTM")) {
            List<TrialView> trials = trialsOf(done, architecture);
            assertThat(trials).extracting(TrialView::number).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(trials).extracting(TrialView::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE,
                    TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED);
            assertThat(trials).allSatisfy(t -> {
                assertThat(t.attempt()).isEqualTo(1);
                assertThat(t.intermediateValues()).isNotEmpty();
                assertThat(t.durationMillis()).isNotNull();
            });
            assertThat(trials.get(0).intermediateValues()).containsOnlyKeys(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            TrialView best = trials.stream().filter(t -> t.state() == TrialState.COMPLETE)
                    .min(Comparator.comparingDouble(TrialView::value)).orElseThrow();
            FinalTrainingRequest request = finalRequest(id, architecture);
            assertThat(request.bestTrialId()).isEqualTo(best.id());
            assertThat(request.bestValue()).isEqualTo(best.value());
            assertThat(request.params()).isEqualTo(best.params());
            assertThat(request.training().epochs()).isEqualTo(3);
            assertThat(request.datasetId()).isEqualTo(datasetId);
        }
        List<TrialConfig> issued = issued(id);
        assertThat(issued).as("each trial issued once, in spite of the restart").hasSize(12)
                .extracting(TrialConfig::trialId).doesNotHaveDuplicates();
        assertThat(issued).extracting(TrialConfig::attempt).containsOnly(1);
        assertThat(controls(id, TrialControl.Action.PRUNE)).extracting(TrialControl::trialId)
                .containsExactlyInAnyOrder(id + "-Basic_CNN_LSTM-5", id + "-Attention_CNN_LSTM-5");
        assertThat(studyEvents(id)).extracting(StudyEvent::status).containsExactly(StudyEvent.Status.CREATED,
                StudyEvent.Status.RUNNING, StudyEvent.Status.ARCHITECTURE_TUNED, StudyEvent.Status.ARCHITECTURE_TUNED,
                StudyEvent.Status.COMPLETED);
    }

    @Test
    void staleTrialIsReissuedAsANewAttemptAndALateResultOfTheOldOneIsIgnored() {
        String id = create("{\"architectures\":[\"Basic_CNN_LSTM\"],\"trialsPerArchitecture\":4,\"parallelism\":2,"
                + "\"pruner\":\"none\",\"datasetId\":\"ds-explicit\",\"training\":{\"epochs\":5,\"folds\":2}}");
        // Trial 0's first attempt and every attempt of trial 1 are lost; trial 0's second attempt
        // runs slowly (5 s), long enough for a late result of its first attempt to arrive; trial 2
        // fails on the trainer.
        trainer.serve(id, config -> switch (config.trialNumber()) {
            case 0 -> config.attempt() == 1 ? null : ScriptedTrainer.Answer.slow(Duration.ofMillis(500));
            case 1 -> null;
            case 2 -> ScriptedTrainer.Answer.failing("CUDA out of memory");
            default -> ScriptedTrainer.Answer.GOOD;
        });

        awaitStudy(id, s -> s.trials().stream().anyMatch(t -> t.number() == 0 && t.attempt() == 2));
        TrialConfig firstAttempt = EventSchemas.parse(TopicReader.await(KafkaTestResource.bootstrapServers(),
                Topics.TUNING_TRIALS, r -> r.key().equals(id + "-Basic_CNN_LSTM-0"), 1, Duration.ofSeconds(30))
                .get(0).value(), TrialConfig.class);
        assertThat(firstAttempt.attempt()).isEqualTo(1);
        trainer.sendResult(firstAttempt, io.vixlab.contracts.training.TrialState.COMPLETE, -100.0, null);
        StudyView done = awaitStudy(id, s -> s.status() == StudyEvent.Status.COMPLETED);

        List<TrialView> trials = trialsOf(done, "Basic_CNN_LSTM");
        assertThat(trials).hasSize(4);
        TrialView reissued = trials.get(0);
        assertThat(reissued.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(reissued.attempt()).isEqualTo(2);
        assertThat(reissued.value()).as("the late attempt-1 result is ignored")
                .isEqualTo(ScriptedTrainer.objective(reissued.params()));
        TrialView lost = trials.get(1);
        assertThat(lost.state()).isEqualTo(TrialState.FAIL);
        assertThat(lost.attempt()).isEqualTo(2);
        assertThat(lost.failureReason()).isEqualTo("no progress for PT3S in each of 2 attempts");
        assertThat(trials.get(2).state()).isEqualTo(TrialState.FAIL);
        assertThat(trials.get(2).failureReason()).isEqualTo("CUDA out of memory");
        assertThat(trials.get(3).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(finalRequest(id, "Basic_CNN_LSTM").bestValue()).isPositive();
        assertThat(issued(id)).extracting(c -> c.trialNumber() + "#" + c.attempt())
                .containsExactlyInAnyOrder("0#1", "0#2", "1#1", "1#2", "2#1", "3#1");
    }

    @Test
    void cancelStopsRunningTrialsAndAnnouncesIt() {
        String id = create("{\"architectures\":[\"Deep_CNN_LSTM\"],\"trialsPerArchitecture\":4,\"parallelism\":2,"
                + "\"datasetId\":\"ds-explicit\"}");
        trainer.serve(id, config -> null);
        awaitStudy(id, s -> s.trials().size() == 2);

        given().when().post("/api/studies/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        assertThat(controls(id, TrialControl.Action.CANCEL)).extracting(TrialControl::trialId)
                .containsExactlyInAnyOrder(id + "-Deep_CNN_LSTM-0", id + "-Deep_CNN_LSTM-1");
        assertThat(studyEvents(id)).extracting(StudyEvent::status).containsExactly(StudyEvent.Status.CREATED,
                StudyEvent.Status.RUNNING, StudyEvent.Status.CANCELLED);
        StudyView cancelled = study(id);
        assertThat(cancelled.trials()).hasSize(2).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.failureReason()).isEqualTo("study cancelled: cancelled on request");
        });
        given().when().post("/api/studies/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
        given().when().post("/api/studies/nope/cancel").then().statusCode(404);
    }

    private static String create(String body) {
        return given().contentType("application/json").body(body).when().post("/api/studies")
                .then().statusCode(201).extract().path("id");
    }

    private StudyView study(String id) {
        return studies.find(id).orElseThrow();
    }

    private StudyView awaitStudy(String id, Predicate<StudyView> condition) {
        long deadline = System.nanoTime() + STUDY_TIMEOUT.toNanos();
        StudyView study = study(id);
        while (!condition.test(study)) {
            assertThat(System.nanoTime()).as("study %s did not get there in time: %s", id, study).isLessThan(deadline);
            sleep(Duration.ofMillis(100));
            study = study(id);
        }
        return study;
    }

    private static List<TrialView> trialsOf(StudyView study, String architecture) {
        return study.trials().stream().filter(t -> t.architecture().equals(architecture))
                .sorted(Comparator.comparingInt(TrialView::number)).toList();
    }

    private static List<TrialConfig> issued(String studyId) {
        return all(Topics.TUNING_TRIALS, TrialConfig.class, c -> c.studyId().equals(studyId));
    }

    private static List<TrialControl> controls(String studyId, TrialControl.Action action) {
        return all(Topics.TUNING_CONTROL, TrialControl.class, c -> c.studyId().equals(studyId) && c.action() == action);
    }

    private static List<StudyEvent> studyEvents(String studyId) {
        return all(Topics.TUNING_STUDIES, StudyEvent.class, e -> e.studyId().equals(studyId));
    }

    private static FinalTrainingRequest finalRequest(String studyId, String architecture) {
        List<FinalTrainingRequest> requests = all(Topics.TRAINING_FINALS, FinalTrainingRequest.class,
                r -> r.studyId().equals(studyId) && r.architecture().equals(architecture));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** Every event of {@code type} on {@code topic} that matches, read for a few seconds: duplicates included. */
    private static <T extends Event> List<T> all(String topic, Class<T> type, Predicate<T> matching) {
        return TopicReader.all(KafkaTestResource.bootstrapServers(), topic,
                        r -> matching.test(EventSchemas.parse(r.value(), type)), Duration.ofSeconds(3)).stream()
                .map(r -> EventSchemas.parse(r.value(), type)).toList();
    }

    private static DatasetManifest manifest(String datasetId) {
        return new DatasetManifest(DatasetManifest.SCHEMA_VERSION, datasetId, List.of("vix_close"), 30, 1, 100, 80,
                20, LocalDate.parse("2025-01-02"), LocalDate.parse("2024-01-02"), LocalDate.parse("2025-06-30"),
                new ScalerParams(ScalerParams.Kind.STANDARD, List.of(20.0), List.of(5.0), 20.0, 5.0), "0".repeat(64),
                1, Instant.now());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
