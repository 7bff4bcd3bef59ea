package io.vixlab.tuner.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.testing.Databases;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.tuner.service.StudyService;
import io.vixlab.tuner.service.StudyViews;
import io.vixlab.tuner.study.StudyPlan;
import io.vixlab.tuner.study.StudyTrial;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Studies and their trials survive a round trip through the database (H2 here). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StudyPersistenceTest {

    @Inject
    StudyService studies;

    @Test
    void storedStudyReadsBackWithItsFullPlan() {
        StudyPlan plan = new StudyPlan("persisted", List.of("Deep_CNN_LSTM"), 7, 15, "random", 7L, "none", 3, 0,
                new TrainingSettings(5, 16, 2, 3, 0.5, 2, 1e-5, 0.0, 9), TrainingSettings.finalDefaults(), "ds-abc");
        var created = studies.create(plan);

        var found = studies.find(created.id()).orElseThrow();
        assertThat(found.plan()).isEqualTo(plan);
        // The dataset is named, so the loop starts the study at once and asks for its first trials.
        assertThat(found.status()).isEqualTo(StudyEvent.Status.RUNNING);
        assertThat(found.datasetId()).isEqualTo("ds-abc");
        assertThat(found.trials()).hasSize(3);
        assertThat(found.createdAt()).isEqualTo(created.createdAt());
        assertThat(studies.list()).extracting(StudyViews.StudyView::id).contains(created.id());
        assertThat(Databases.productName(dataSource)).isEqualTo(expectedDatabase());
    }

    @Test
    void trialReadsBackWithEverythingTheLoopDecidesOn() {
        Instant started = Instant.parse("2026-11-25T10:00:00.123Z");
        QuarkusTransaction.requiringNew().run(() -> {
            TrialEntity trial = new TrialEntity();
            trial.id = StudyTrial.idOf("study-trial", "Basic_CNN_LSTM", 4);
            trial.studyId = "study-trial";
            trial.architecture = "Basic_CNN_LSTM";
            trial.number = 4;
            trial.attempt = 2;
            trial.state = TrialState.PRUNED;
            trial.paramsJson = "{\"cnn_filters_1\":64,\"learning_rate\":0.0031622776601683794}";
            trial.value = 0.4375;
            trial.intermediateValuesJson = "{\"0\":0.9,\"1\":0.4375}";
            trial.failureReason = "x".repeat(2000);
            trial.pruneRequested = true;
            trial.startedAt = started;
            trial.lastProgressAt = started.plusSeconds(30);
            trial.finishedAt = started.plusSeconds(31);
            trial.persist();
        });

        TrialEntity read = QuarkusTransaction.requiringNew().call(() -> TrialEntity.ofStudy("study-trial").get(0));
        assertThat(read.id).isEqualTo("study-trial-Basic_CNN_LSTM-4");
        assertThat(read.number).isEqualTo(4);
        assertThat(read.attempt).isEqualTo(2);
        assertThat(read.state).isEqualTo(TrialState.PRUNED);
        assertThat(read.paramsJson).isEqualTo("{\"cnn_filters_1\":64,\"learning_rate\":0.0031622776601683794}");
        assertThat(read.value).isEqualTo(0.4375);
        assertThat(read.intermediateValuesJson).isEqualTo("{\"0\":0.9,\"1\":0.4375}");
        assertThat(read.failureReason).hasSize(2000);
        assertThat(read.pruneRequested).isTrue();
        assertThat(read.startedAt).isEqualTo(started);
        assertThat(read.lastProgressAt).isEqualTo(started.plusSeconds(30));
        assertThat(read.finishedAt).isEqualTo(started.plusSeconds(31));
        assertThat(Databases.productName(dataSource)).isEqualTo(expectedDatabase());
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void aFailedTrialIsStoredAsOptunasFailAsOlderTunersDidAndReadsBackFailed() {
        String id = StudyTrial.idOf("study-legacy", "Basic_CNN_LSTM", 0);
        Instant started = Instant.parse("2026-11-25T10:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            TrialEntity trial = new TrialEntity();
            trial.id = id;
            trial.studyId = "study-legacy";
            trial.architecture = "Basic_CNN_LSTM";
            trial.attempt = 3;
            trial.state = TrialState.FAILED;
            trial.paramsJson = "{}";
            trial.intermediateValuesJson = TrialEntity.NO_INTERMEDIATE_VALUES;
            trial.startedAt = started;
            trial.lastProgressAt = started;
            trial.persist();
        });

        Object stored = QuarkusTransaction.requiringNew().call(() -> TrialEntity.getEntityManager()
                .createNativeQuery("select state from trial where id = :id").setParameter("id", id).getSingleResult());
        assertThat(stored).isEqualTo("FAIL");
        TrialEntity read = QuarkusTransaction.requiringNew().call(() -> TrialEntity.findById(id));
        assertThat(read.state).isEqualTo(TrialState.FAILED);
    }

    /** The database this test class expects to run on. */
    String expectedDatabase() {
        return "H2";
    }
}
