package io.vixlab.tuner.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import io.vixlab.tuner.study.ArchitectureTuning.Phase;
import io.vixlab.tuner.persistence.OutboxMessageEntity;
import io.vixlab.tuner.service.StudyViews.StudyView;
import io.vixlab.tuner.service.StudyViews.TrialView;
import io.vixlab.contracts.training.TrialState;
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
 * The study loop's shell over the real broker and database, against {@link ScriptedTrainer}: a whole
 * study through pruning to final models and cancellation over the API, their messages through the
 * outbox. The loop's rules themselves (stale and queued runs, re-issue, late results,
 * finals, budget, timeout) are {@code TrialRulesTest}'s and {@code StudyLifecycleTest}'s, on a fake clock.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(StudyLoopTest.OwnDatabase.class)
class StudyLoopTest {

    /**
     * Its own application and database, so that no dataset is known before the study's own (other
     * classes' datasets went into theirs); limits so generous that no run is re-issued on a slow machine.
     */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vixlab.tuner.stale-after", "2m", "vixlab.tuner.queued-timeout", "10m");
        }
    }

    private static final Duration STUDY_TIMEOUT = Duration.ofMinutes(5);
    private static ScriptedTrainer trainer;

    @Inject
    StudyService studies;

    @BeforeAll
    static void startTrainer() {
        trainer = new ScriptedTrainer(KafkaTestResource.bootstrapServers());
    }

    @AfterAll
    static void stopTrainer() throws InterruptedException {
        trainer.close();
    }

    @Test
    void studyWaitsForADatasetThenCompletesWithExactlyTheRequestedTrialsThroughPruning() {
        String id = create("{\"name\":\"e2e\",\"architectures\":[\"Basic_CNN_LSTM\"],"
                + "\"trialsPerArchitecture\":6,\"parallelism\":3,\"reproducibleWindow\":1,"
                + "\"training\":{\"epochs\":5,\"folds\":2},\"finalTraining\":{\"epochs\":3}}");
        // The last trial reports far worse losses, slowly: the median pruner, which waits for 5 complete
        // trials, catches it (window 1: each trial is asked once the one before it has finished).
        trainer.serve(id, config -> config.trialNumber() == 5
                ? ScriptedTrainer.Answer.BAD : ScriptedTrainer.Answer.GOOD);

        assertThat(study(id).status()).as("no dataset is known yet").isEqualTo(StudyEvent.Status.CREATED);
        assertThat(study(id).trials()).isEmpty();
        String datasetId = "ds-" + id;
        TopicReader.send(KafkaTestResource.bootstrapServers(), Topics.FEATURE_DATASETS, datasetId,
                EventJson.write(manifest(datasetId)));

        StudyView done = awaitStudy(id, s -> s.status() == StudyEvent.Status.COMPLETED);
        awaitOutboxEmpty(id);

        assertThat(done.datasetId()).isEqualTo(datasetId);
        for (String architecture : List.of("Basic_CNN_LSTM")) {
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
        assertThat(issued).as("each trial issued once").hasSize(6)
                .extracting(TrialConfig::trialId).doesNotHaveDuplicates();
        assertThat(issued).extracting(TrialConfig::attempt).containsOnly(1);
        assertThat(controls(id, TrialControl.Action.PRUNE)).extracting(TrialControl::trialId)
                .containsExactly(id + "-Basic_CNN_LSTM-5");
        assertThat(studyEvents(id)).extracting(StudyEvent::status).containsExactly(StudyEvent.Status.CREATED,
                StudyEvent.Status.RUNNING, StudyEvent.Status.ARCHITECTURE_TUNED,
                StudyEvent.Status.COMPLETED);
        assertThat(done.architectures()).allSatisfy(a -> {
            assertThat(a.phase()).isEqualTo(Phase.FINISHED);
            assertThat(a.finalAttempt()).isEqualTo(1);
            assertThat(a.finalState()).isEqualTo(io.vixlab.contracts.training.TrialState.COMPLETE);
        });
    }

    @Test
    void cancelStopsRunningTrialsAndAnnouncesIt() {
        String id = create("{\"architectures\":[\"Deep_CNN_LSTM\"],\"trialsPerArchitecture\":4,\"parallelism\":2,"
                + "\"datasetId\":\"ds-explicit\"}");
        trainer.serve(id, config -> null);
        awaitStudy(id, s -> s.trials().size() == 2);

        given().when().post("/api/studies/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        awaitOutboxEmpty(id);

        assertThat(controls(id, TrialControl.Action.CANCEL)).extracting(TrialControl::trialId)
                .containsExactlyInAnyOrder(id + "-Deep_CNN_LSTM-0", id + "-Deep_CNN_LSTM-1");
        assertThat(studyEvents(id)).extracting(StudyEvent::status).containsExactly(StudyEvent.Status.CREATED,
                StudyEvent.Status.RUNNING, StudyEvent.Status.CANCELLED);
        StudyView cancelled = study(id);
        assertThat(cancelled.trials()).hasSize(2).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAILED);
            assertThat(t.failureReason()).isEqualTo("study cancelled: cancelled on request");
        });
        given().when().post("/api/studies/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
        given().when().post("/api/studies/nope/cancel").then().statusCode(404);
    }

    private static List<Long> outboxIds(String studyId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessageEntity.<OutboxMessageEntity>list(
                "studyId = ?1 order by id", studyId).stream().map(m -> m.id).toList());
    }

    /** Every message the loop stored for the study was acknowledged, and its row deleted. */
    private static void awaitOutboxEmpty(String studyId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!outboxIds(studyId).isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
        assertThat(outboxIds(studyId)).as("outbox rows of %s", studyId).isEmpty();
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

    /**
     * Every event of {@code type} on {@code topic} that matches, duplicates included: all the broker
     * holds once the study's outbox is empty, i.e. every message the loop decided on was acknowledged.
     */
    private static <T extends Event> List<T> all(String topic, Class<T> type, Predicate<T> matching) {
        return TopicReader.published(KafkaTestResource.bootstrapServers(), topic,
                        r -> matching.test(EventSchemas.parse(r.value(), type))).stream()
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
