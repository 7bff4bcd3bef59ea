package io.vixlab.report.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vixlab.contracts.report.ArchitectureOutcome;
import io.vixlab.contracts.report.ArchitectureOutcome.Status;
import io.vixlab.contracts.report.EpochLosses;
import io.vixlab.contracts.report.TrialOutcome;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.report.fixture.StudyFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every planned architecture is in the report with its final's status, its trials and the final's epochs. */
class ArchitectureOutcomesTest {

    @Test
    void everyPlannedArchitectureInTheStudysOrderAFailedFinalWithWhy() {
        List<ArchitectureOutcome> outcomes = ArchitectureOutcomes.of(StudyFixture.study());

        assertThat(outcomes).extracting(ArchitectureOutcome::architecture, ArchitectureOutcome::status,
                        ArchitectureOutcome::reason, ArchitectureOutcome::finalId)
                .containsExactly(
                        tuple("Basic_CNN_LSTM", Status.COMPLETE, null, "final-Basic_CNN_LSTM"),
                        tuple("Deep_CNN_LSTM", Status.COMPLETE, null, "final-Deep_CNN_LSTM"),
                        // Its first attempt failed, its second is complete: the complete one is shown.
                        tuple("Attention_CNN_LSTM", Status.COMPLETE, null, "final-Attention_CNN_LSTM"),
                        tuple("Bidirectional_CNN_LSTM", Status.FAILED, "out of memory", "final-Bidirectional_CNN_LSTM"));
    }

    @Test
    void trialsAreEachTrialsLatestAttemptByNumber() {
        ArchitectureOutcome basic = ArchitectureOutcomes.of(StudyFixture.study()).get(0);

        assertThat(basic.trials()).extracting(TrialOutcome::trialNumber, TrialOutcome::state, TrialOutcome::value)
                .containsExactly(
                        tuple(0, TrialState.COMPLETE, 0.6),
                        tuple(1, TrialState.COMPLETE, 0.5),
                        tuple(2, TrialState.PRUNED, null),
                        tuple(3, TrialState.COMPLETE, 0.3),
                        tuple(4, TrialState.COMPLETE, 0.4));
        assertThat(List.of(basic.trialsComplete(), basic.trialsPruned(), basic.trialsFailed())).containsExactly(4, 1, 0);
        assertThat(basic.bestValue()).isEqualTo(0.3);
        assertThat(ArchitectureOutcomes.of(StudyFixture.study()).get(1).trials())
                .extracting(TrialOutcome::state, TrialOutcome::error)
                .containsExactly(tuple(TrialState.COMPLETE, null), tuple(TrialState.FAILED, "NaN loss"));
    }

    @Test
    void finalHistoryIsTheShownAttemptsEpochs() {
        List<ArchitectureOutcome> outcomes = ArchitectureOutcomes.of(StudyFixture.study());

        assertThat(outcomes.get(0).finalHistory()).containsExactly(
                new EpochLosses(0, 0.5, 0.75, 1e-3), new EpochLosses(1, 0.25, 0.375, 1e-3),
                new EpochLosses(2, 0.125, 0.1875, 5e-4));
        // Deep's second attempt is shown: its epochs, not the first attempt's.
        assertThat(outcomes.get(1).finalHistory()).extracting(EpochLosses::valLoss).containsExactly(1.5, 0.75, 0.375);
        assertThat(outcomes.get(2).finalHistory()).isEmpty();
    }

    @Test
    void plannedArchitectureWithoutAFinalResultIsPending() {
        StudyResults fixture = StudyFixture.study();
        List<String> planned = new ArrayList<>(fixture.architectures());
        planned.add("Multiscale_CNN_LSTM");
        StudyResults running = new StudyResults(fixture.studyId(), "RUNNING", planned, fixture.setup(),
                fixture.dataset(), fixture.finals(), fixture.trials(), fixture.progress());

        ArchitectureOutcome multiscale = ArchitectureOutcomes.of(running).get(4);

        assertThat(multiscale).isEqualTo(new ArchitectureOutcome("Multiscale_CNN_LSTM", Status.PENDING,
                ArchitectureOutcomes.PENDING_REASON, null, 0, 0, 0, null, List.of(), List.of()));
    }
}
