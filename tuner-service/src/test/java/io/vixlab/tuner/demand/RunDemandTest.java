package io.vixlab.tuner.demand;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.training.TrainingProgress.RunKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunDemandTest {

    @Test
    void everyWaitingAndEveryRunningRunOfEitherKindWantsATrainer() {
        RunDemand demand = RunDemand.of(Map.of(RunKind.TRIAL, 3L, RunKind.FINAL, 1L), Map.of(RunKind.TRIAL, 2L), 32);

        assertThat(demand.wantedTrainers()).isEqualTo(6);
        assertThat(demand.waiting()).containsExactly(Map.entry(RunKind.TRIAL, 3L), Map.entry(RunKind.FINAL, 1L));
        assertThat(demand.running()).containsExactly(Map.entry(RunKind.TRIAL, 2L), Map.entry(RunKind.FINAL, 0L));
    }

    @Test
    void theWantedTrainersStopAtTheMaximum() {
        RunDemand demand = RunDemand.of(Map.of(RunKind.TRIAL, 40L), Map.of(RunKind.TRIAL, 8L, RunKind.FINAL, 1L), 32);

        assertThat(demand.wantedTrainers()).isEqualTo(32);
        assertThat(demand.waiting()).containsEntry(RunKind.TRIAL, 40L);
    }

    @Test
    void noRunsWantNoTrainer() {
        RunDemand demand = RunDemand.of(Map.of(), Map.of(), 32);

        assertThat(demand.wantedTrainers()).isZero();
        assertThat(demand.waiting()).containsOnly(Map.entry(RunKind.TRIAL, 0L), Map.entry(RunKind.FINAL, 0L));
        assertThat(demand.running()).containsOnly(Map.entry(RunKind.TRIAL, 0L), Map.entry(RunKind.FINAL, 0L));
    }
}
