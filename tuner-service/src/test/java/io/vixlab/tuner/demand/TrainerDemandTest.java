package io.vixlab.tuner.demand;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.testing.Databases;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.tuner.persistence.ArchitectureTuningEntity;
import io.vixlab.tuner.persistence.StudyRows;
import io.vixlab.tuner.persistence.TrialEntity;
import io.vixlab.tuner.study.ArchitectureTuning;
import io.vixlab.tuner.study.ArchitectureTuning.Phase;
import io.vixlab.tuner.study.StudyTrial;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demand counted in the database (H2 here) from studies whose runs stand where {@link DemandFixture} puts them. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(DemandFixture.Profile.class)
class TrainerDemandTest {

    @Inject
    TrainerDemand demand;

    @Inject
    StudyRows rows;


    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void countsWaitingAndRunningRunsPerKindAndWantsATrainerForEachUpToTheMaximum() {
        DemandFixture.storeRuns();

        RunDemand counted = demand.current();

        assertThat(counted.waiting()).isEqualTo(DemandFixture.WAITING);
        assertThat(counted.running()).isEqualTo(DemandFixture.RUNNING);
        assertThat(counted.wantedTrainers()).isEqualTo(DemandFixture.WANTED_TRAINERS);
        assertThat(Databases.productName(dataSource)).isEqualTo(expectedDatabase());
    }

    @Test
    void theCountsApplyTheRuleTheLoopReissuesRunsBy() {
        DemandFixture.storeRuns();

        // The study loop decides run by run; the counts decide in the query. They must agree.
        Map<RunKind, Long> started = QuarkusTransaction.requiringNew().call(() -> {
            List<TrialEntity> trials = TrialEntity.list("state", TrialState.RUNNING);
            List<ArchitectureTuningEntity> finals = ArchitectureTuningEntity.list("phase", Phase.FINAL_REQUESTED);
            return Map.of(RunKind.TRIAL, trials.stream().map(rows::toTrial).filter(StudyTrial::attemptStarted).count(),
                    RunKind.FINAL, finals.stream().map(rows::toArchitecture).filter(ArchitectureTuning::finalStarted).count());
        });

        assertThat(started).isEqualTo(DemandFixture.RUNNING).isEqualTo(demand.current().running());
    }

    @Test
    void nothingToTrainWantsNoTrainer() {
        DemandFixture.removeRuns();

        RunDemand counted = demand.current();

        assertThat(counted.waiting()).containsOnly(Map.entry(RunKind.TRIAL, 0L), Map.entry(RunKind.FINAL, 0L));
        assertThat(counted.running()).containsOnly(Map.entry(RunKind.TRIAL, 0L), Map.entry(RunKind.FINAL, 0L));
        assertThat(counted.wantedTrainers()).isZero();
    }

    /** The database this test class expects to run on. */
    String expectedDatabase() {
        return "H2";
    }
}
