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
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.ScriptedTrainer;
import io.vixlab.testing.TopicReader;
import io.vixlab.tuner.persistence.ArchitectureTuningEntity.Phase;
import io.vixlab.tuner.persistence.OutboxMessageEntity;
import io.vixlab.tuner.service.StudyService.ArchitectureView;
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
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The study loop end to end over the real broker, against {@link ScriptedTrainer}: whole studies, a
 * restart in mid-study, stale and lost trials, queued trials left to wait, late results of old
 * attempts, stale, queued and lost final trainings, cancellation, and the outbox that carries the
 * loop's messages.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(StudyLoopTest.FastLoop.class)
class StudyLoopTest {

    /**
     * A fast loop: ticks every 200 ms; an attempt that started is stale after 3 s without progress,
     * one that has not started is given 10 s from its issue; two attempts.
     */
    public static class FastLoop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vixlab.tuner.tick-interval", "200ms", "vixlab.tuner.stale-after", "3s",
                    "vixlab.tuner.queued-timeout", "10s", "vixlab.tuner.max-attempts", "2");
        }
    }

    private static final Duration STUDY_TIMEOUT = Duration.ofSeconds(90);
    /**
     * How long a run waits in the trainer's queue before it starts in the queued tests: longer than
     * stale-after, shorter than queued-timeout. The trainer takes nothing else meanwhile.
     */
    private static final Duration QUEUED = Duration.ofSeconds(4);
    /** Reports its first epoch, then nothing for a minute: a run whose trainer hangs or died. */
    private static final ScriptedTrainer.Answer STALLS = new ScriptedTrainer.Answer(1, Duration.ofMinutes(1), null);
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
        assertThat(done.architectures()).allSatisfy(a -> {
            assertThat(a.phase()).isEqualTo(Phase.FINISHED);
            assertThat(a.finalAttempt()).isEqualTo(1);
            assertThat(a.finalState()).isEqualTo(io.vixlab.contracts.training.TrialState.COMPLETE);
        });
        awaitOutboxEmpty(id);
    }

    @Test
    void lostTrialIsReissuedAsANewAttemptAndALateResultOfTheOldOneIsIgnored() {
        String id = create("{\"architectures\":[\"Basic_CNN_LSTM\"],\"trialsPerArchitecture\":4,\"parallelism\":2,"
                + "\"pruner\":\"none\",\"datasetId\":\"ds-explicit\",\"training\":{\"epochs\":5,\"folds\":2}}");
        // Trial 0's first attempt and every attempt of trial 1 are lost: never started, they count
        // as queued and are re-issued after queued-timeout. Trial 0's second attempt runs slowly
        // (5 s), long enough for a late result of its first attempt to arrive; trial 2 fails on the
        // trainer.
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
        assertThat(lost.failureReason()).isEqualTo("queued for PT10S without starting in attempt 2 of 2");
        assertThat(trials.get(2).state()).isEqualTo(TrialState.FAIL);
        assertThat(trials.get(2).failureReason()).isEqualTo("CUDA out of memory");
        assertThat(trials.get(3).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(finalRequest(id, "Basic_CNN_LSTM").bestValue()).isPositive();
        assertThat(issued(id)).extracting(c -> c.trialNumber() + "#" + c.attempt())
                .containsExactlyInAnyOrder("0#1", "0#2", "1#1", "1#2", "2#1", "3#1");
    }

    @Test
    void trialQueuedLongerThanStaleAfterIsLeftToWaitWhileOneThatWentSilentIsReissued() {
        String id = create("{\"architectures\":[\"Basic_CNN_LSTM\"],\"trialsPerArchitecture\":4,\"parallelism\":3,"
                + "\"pruner\":\"none\",\"datasetId\":\"ds-explicit\",\"training\":{\"epochs\":2,\"folds\":2},"
                + "\"finalTraining\":{\"epochs\":2}}");
        // Trial 1 waits in the trainer's queue for longer than stale-after before it starts (and
        // the trials behind it with it); trial 0's first attempt and every attempt of trial 2
        // report one epoch and go silent.
        trainer.serve(id, config -> switch (config.trialNumber()) {
            case 0 -> config.attempt() == 1 ? STALLS : ScriptedTrainer.Answer.GOOD;
            case 1 -> {
                sleep(QUEUED);
                yield ScriptedTrainer.Answer.GOOD;
            }
            case 2 -> STALLS;
            default -> ScriptedTrainer.Answer.GOOD;
        });

        StudyView done = awaitStudy(id, s -> s.status() == StudyEvent.Status.COMPLETED);

        List<TrialView> trials = trialsOf(done, "Basic_CNN_LSTM");
        assertThat(trials).extracting(TrialView::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE,
                TrialState.FAIL, TrialState.COMPLETE);
        assertThat(trials).extracting(TrialView::attempt).containsExactly(2, 1, 2, 1);
        assertThat(trials.get(1).durationMillis()).as("trial 1 waited longer than stale-after, in its first attempt")
                .isGreaterThan(QUEUED.toMillis());
        assertThat(trials.get(2).failureReason()).isEqualTo("no progress for PT3S in attempt 2 of 2");
        assertThat(issued(id)).extracting(c -> c.trialNumber() + "#" + c.attempt())
                .containsExactlyInAnyOrder("0#1", "0#2", "1#1", "2#1", "2#2", "3#1");
        awaitOutboxEmpty(id);
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

    @Test
    void messageLeftInTheOutboxIsSentBySweepInCreationOrderAndItsRowDeleted() {
        // As after a crash between commit and send: rows stored long ago, never sent.
        String studyId = "study-outbox-" + UUID.randomUUID().toString().substring(0, 8);
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        StudyEvent tuned = new StudyEvent(StudyEvent.SCHEMA_VERSION, studyId, StudyEvent.Status.ARCHITECTURE_TUNED,
                List.of("Basic_CNN_LSTM"), 4, "ds-explicit", "Basic_CNN_LSTM", "best value 0.5", longAgo);
        StudyEvent completed = new StudyEvent(StudyEvent.SCHEMA_VERSION, studyId, StudyEvent.Status.COMPLETED,
                List.of("Basic_CNN_LSTM"), 4, "ds-explicit", null, null, longAgo);
        FinalTrainingRequest request = new FinalTrainingRequest(FinalTrainingRequest.SCHEMA_VERSION, studyId,
                studyId + "-Basic_CNN_LSTM-final", 1, "Basic_CNN_LSTM", Map.of("learning_rate", 0.001),
                studyId + "-Basic_CNN_LSTM-0", 0.5, "ds-explicit", TrainingSettings.finalDefaults(), longAgo);
        StudyEvent fresh = new StudyEvent(StudyEvent.SCHEMA_VERSION, studyId, StudyEvent.Status.CANCELLED,
                List.of("Basic_CNN_LSTM"), 4, "ds-explicit", null, "not due yet", Instant.now());
        long freshId = QuarkusTransaction.requiringNew().call(() -> {
            storeInOutbox(OutboxMessageEntity.Channel.STUDY, studyId, studyId, tuned, longAgo);
            storeInOutbox(OutboxMessageEntity.Channel.FINAL, studyId, request.finalId(), request, longAgo);
            storeInOutbox(OutboxMessageEntity.Channel.STUDY, studyId, studyId, completed, longAgo);
            return storeInOutbox(OutboxMessageEntity.Channel.STUDY, studyId, studyId, fresh, Instant.now());
        });

        List<FinalTrainingRequest> finals = TopicReader.await(KafkaTestResource.bootstrapServers(),
                        Topics.TRAINING_FINALS, r -> r.key().equals(request.finalId()), 1, Duration.ofSeconds(30))
                .stream().map(r -> EventSchemas.parse(r.value(), FinalTrainingRequest.class)).toList();
        assertThat(finals).as("the leftover final request reaches training.finals").containsExactly(request);
        List<StudyEvent> events = TopicReader.await(KafkaTestResource.bootstrapServers(), Topics.TUNING_STUDIES,
                        r -> r.key().equals(studyId), 2, Duration.ofSeconds(30))
                .stream().map(r -> EventSchemas.parse(r.value(), StudyEvent.class)).toList();
        assertThat(events).as("the leftover study events reach tuning.studies, oldest first")
                .containsExactly(tuned, completed);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (outboxIds(studyId).size() > 1 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
        assertThat(outboxIds(studyId)).as("the sent rows are deleted; the fresh one waits for outbox-resend-after")
                .containsExactly(freshId);
        assertThat(studyEvents(studyId)).extracting(StudyEvent::status)
                .containsExactly(StudyEvent.Status.ARCHITECTURE_TUNED, StudyEvent.Status.COMPLETED);
        QuarkusTransaction.requiringNew().run(() -> OutboxMessageEntity.deleteById(freshId));
    }

    @Test
    void finalThatWentSilentIsRequestedAgainAndTheNewAttemptMayWaitInTheQueueLongerThanStaleAfter() {
        String id = create("{\"architectures\":[\"Basic_CNN_LSTM\"],\"trialsPerArchitecture\":2,\"parallelism\":2,"
                + "\"pruner\":\"none\",\"datasetId\":\"ds-explicit\",\"training\":{\"epochs\":2,\"folds\":2},"
                + "\"finalTraining\":{\"epochs\":4}}");
        // Attempt 1 reports one epoch and goes silent: it is requested again after stale-after.
        // Attempt 2 waits in the trainer's queue for longer than stale-after, then takes longer
        // than stale-after (4 epochs of 1.2 s) but reports each epoch: with two attempts, a third
        // request would fail the architecture.
        trainer.serve(id, config -> ScriptedTrainer.Answer.GOOD);
        trainer.serveFinals(id, request -> {
            if (request.attempt() == 1) {
                return STALLS;
            }
            sleep(QUEUED);
            return ScriptedTrainer.Answer.slow(Duration.ofMillis(1200));
        });

        StudyView done = awaitStudy(id, s -> s.status() == StudyEvent.Status.COMPLETED);

        ArchitectureView architecture = done.architectures().get(0);
        assertThat(architecture.phase()).isEqualTo(Phase.FINISHED);
        assertThat(architecture.finalAttempt()).isEqualTo(2);
        assertThat(architecture.finalState()).isEqualTo(io.vixlab.contracts.training.TrialState.COMPLETE);
        assertThat(architecture.artifactUri()).isEqualTo("file:/models/" + id + "-Basic_CNN_LSTM-final");
        List<FinalTrainingRequest> requests = finalRequests(id);
        assertThat(requests).extracting(FinalTrainingRequest::attempt).containsExactly(1, 2);
        assertThat(requests.get(1)).usingRecursiveComparison().ignoringFields("attempt", "issuedAt")
                .isEqualTo(requests.get(0));
        assertThat(studyEvents(id)).extracting(StudyEvent::status).containsExactly(StudyEvent.Status.CREATED,
                StudyEvent.Status.RUNNING, StudyEvent.Status.ARCHITECTURE_TUNED, StudyEvent.Status.COMPLETED);
        awaitOutboxEmpty(id);
    }

    @Test
    void finalThatNeverAnswersFailsItsArchitectureAfterTheLastAttempt() {
        String id = create("{\"architectures\":[\"Basic_CNN_LSTM\"],\"trialsPerArchitecture\":2,\"parallelism\":2,"
                + "\"pruner\":\"none\",\"datasetId\":\"ds-explicit\",\"training\":{\"epochs\":2,\"folds\":2}}");
        trainer.serve(id, config -> ScriptedTrainer.Answer.GOOD);
        trainer.serveFinals(id, request -> null);

        StudyView failed = awaitStudy(id, s -> s.status() == StudyEvent.Status.FAILED);

        assertThat(failed.detail()).startsWith("no architecture produced a final model: Basic_CNN_LSTM: final training:");
        ArchitectureView architecture = failed.architectures().get(0);
        assertThat(architecture.phase()).isEqualTo(Phase.FAILED);
        assertThat(architecture.finalAttempt()).isEqualTo(2);
        assertThat(architecture.finalState()).isNull();
        assertThat(architecture.detail())
                .isEqualTo("final training: queued for PT10S without starting in attempt 2 of 2");
        assertThat(architecture.finishedAt()).isNotNull();
        assertThat(finalRequests(id)).extracting(FinalTrainingRequest::attempt).containsExactly(1, 2);
        assertThat(studyEvents(id)).extracting(StudyEvent::status).containsExactly(StudyEvent.Status.CREATED,
                StudyEvent.Status.RUNNING, StudyEvent.Status.ARCHITECTURE_TUNED, StudyEvent.Status.FAILED);
    }

    @Test
    void cancelDuringAFinalTrainingStopsIt() {
        String id = create("{\"architectures\":[\"Basic_CNN_LSTM\"],\"trialsPerArchitecture\":2,\"parallelism\":2,"
                + "\"pruner\":\"none\",\"datasetId\":\"ds-explicit\",\"training\":{\"epochs\":2,\"folds\":2},"
                + "\"finalTraining\":{\"epochs\":60}}");
        trainer.serve(id, config -> ScriptedTrainer.Answer.GOOD);
        trainer.serveFinals(id, request -> ScriptedTrainer.Answer.slow(Duration.ofMillis(500)));
        String finalId = id + "-Basic_CNN_LSTM-final";
        awaitStudy(id, s -> s.architectures().get(0).phase() == Phase.FINAL_REQUESTED);

        given().when().post("/api/studies/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        assertThat(controls(id, TrialControl.Action.CANCEL)).extracting(c -> c.trialId() + "#" + c.attempt())
                .containsExactly(finalId + "#1");
        ArchitectureView architecture = study(id).architectures().get(0);
        assertThat(architecture.phase()).isEqualTo(Phase.FAILED);
        assertThat(architecture.detail()).isEqualTo("study cancelled: cancelled on request");
        assertThat(TopicReader.await(KafkaTestResource.bootstrapServers(), Topics.MODELS_RESULTS,
                r -> r.key().equals(finalId), 1, Duration.ofSeconds(30)))
                .as("the trainer stopped the final").singleElement()
                .satisfies(r -> assertThat(EventSchemas.parse(r.value(), io.vixlab.contracts.training.ModelResult.class)
                        .state()).isEqualTo(io.vixlab.contracts.training.TrialState.CANCELLED));
        assertThat(studyEvents(id)).extracting(StudyEvent::status).containsExactly(StudyEvent.Status.CREATED,
                StudyEvent.Status.RUNNING, StudyEvent.Status.ARCHITECTURE_TUNED, StudyEvent.Status.CANCELLED);
        awaitOutboxEmpty(id);
    }

    private static long storeInOutbox(OutboxMessageEntity.Channel channel, String studyId, String key, Event event,
            Instant createdAt) {
        OutboxMessageEntity row = new OutboxMessageEntity();
        row.channel = channel;
        row.studyId = studyId;
        row.key = key;
        row.payload = EventJson.write(event);
        row.createdAt = createdAt;
        row.persist();
        return row.id;
    }

    private static List<Long> outboxIds(String studyId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessageEntity.<OutboxMessageEntity>list(
                "studyId = ?1 order by id", studyId).stream().map(m -> m.id).toList());
    }

    /** Every message the loop stored for the study was acknowledged, and its row deleted. */
    private static void awaitOutboxEmpty(String studyId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
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

    private static List<FinalTrainingRequest> finalRequests(String studyId) {
        return all(Topics.TRAINING_FINALS, FinalTrainingRequest.class, r -> r.studyId().equals(studyId)).stream()
                .sorted(Comparator.comparingInt(FinalTrainingRequest::attempt)).toList();
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
