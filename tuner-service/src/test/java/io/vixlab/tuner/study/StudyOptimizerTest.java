package io.vixlab.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.tuner.TestTrials;
import io.vixlab.tuner.pruner.MedianPruner;
import io.vixlab.tuner.pruner.NopPruner;
import io.vixlab.tuner.sampler.TpeSampler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyOptimizerTest {

    private static final SearchSpace SPACE = Architecture.BASIC_CNN_LSTM.searchSpace();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:15:00Z"), ZoneOffset.UTC);

    private final StudyOptimizer study = new StudyOptimizer(TpeSampler.withSeed(42), new NopPruner(), List.of(), CLOCK);

    @Test
    void askNumbersTrialsInOrderAndRecordsThemAsRunning() {
        Trial first = study.ask(SPACE);
        Trial second = study.ask(SPACE);

        assertThat(first.number()).isZero();
        assertThat(second.number()).isEqualTo(1);
        assertThat(SPACE.violations(first.params())).isEmpty();
        assertThat(first.params().keySet()).containsExactly(
                "cnn_filters_1", "cnn_filters_2", "lstm_units_1", "lstm_units_2", "dense_units",
                "dropout_rate", "learning_rate");
        assertThat(study.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.RUNNING, TrialState.RUNNING);
        assertThat(study.trials().get(0).datetimeStart()).isEqualTo(CLOCK.instant());
        assertThat(study.trials().get(0).datetimeComplete()).isEmpty();
    }

    @Test
    void tellCompletesATrialWithItsValue() {
        int number = study.ask(SPACE).number();

        FrozenTrial told = study.tell(number, 0.25);

        assertThat(told.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(told.value()).hasValue(0.25);
        assertThat(told.datetimeComplete()).contains(CLOCK.instant());
        assertThat(study.trials().get(number)).isEqualTo(told);
    }

    @Test
    void aNanValueFailsTheTrial() {
        int number = study.ask(SPACE).number();

        assertThat(study.tell(number, Double.NaN).state()).isEqualTo(TrialState.FAILED);
        assertThat(study.trials().get(number).value()).isEmpty();
    }

    @Test
    void aPrunedTrialKeepsItsLastIntermediateValueUnlessItIsNan() {
        int kept = study.ask(SPACE).number();
        study.report(kept, 0, 0.9);
        study.report(kept, 1, 0.7);
        int nan = study.ask(SPACE).number();
        study.report(nan, 0, Double.NaN);

        assertThat(study.tell(kept, TrialState.PRUNED).value()).hasValue(0.7);
        assertThat(study.tell(nan, TrialState.PRUNED).value()).isEmpty();
    }

    @Test
    void aSecondReportForTheSameStepIsIgnored() {
        int number = study.ask(SPACE).number();
        study.report(number, 3, 0.5);

        FrozenTrial trial = study.report(number, 3, 0.1);

        assertThat(trial.intermediateValues()).containsExactly(Map.entry(3, 0.5));
        assertThat(trial.lastStep()).hasValue(3);
    }

    @Test
    void aFinishedTrialTakesNoMoreReportsOrTells() {
        int number = study.ask(SPACE).number();
        study.tell(number, 1.0);

        assertThatThrownBy(() -> study.report(number, 0, 1.0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> study.tell(number, 2.0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> study.tell(number + 1, 2.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> study.tell(study.ask(SPACE).number(), TrialState.COMPLETE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBestTrialIsTheCompleteOneWithTheSmallestValue() {
        double[] values = {0.4, 0.2, 0.2, 0.9};
        for (double value : values) {
            study.tell(study.ask(SPACE).number(), value);
        }
        int running = study.ask(SPACE).number();
        study.report(running, 0, 0.0);

        assertThat(study.bestTrial()).hasValueSatisfying(best -> assertThat(best.number()).isEqualTo(1));
    }

    @Test
    void shouldPruneAsksThePrunerWithTheTrialsReports() {
        StudyOptimizer pruned = new StudyOptimizer(TpeSampler.withSeed(1), new MedianPruner(2, 0, 1, 1), List.of(), CLOCK);
        for (double value : new double[] {1.0, 2.0}) {
            int number = pruned.ask(SPACE).number();
            pruned.report(number, 0, value);
            pruned.tell(number, value);
        }
        int good = pruned.ask(SPACE).number();
        int bad = pruned.ask(SPACE).number();
        pruned.report(good, 0, 1.2);
        pruned.report(bad, 0, 1.8);

        assertThat(pruned.shouldPrune(good)).isFalse();
        assertThat(pruned.shouldPrune(bad)).isTrue();
    }

    @Test
    void aStudyResumedFromItsTrialsProposesWhatTheUninterruptedOneWould() {
        StudyOptimizer uninterrupted = new StudyOptimizer(TpeSampler.withSeed(9), new NopPruner(), List.of(), CLOCK);
        StudyOptimizer beforeRestart = new StudyOptimizer(TpeSampler.withSeed(9), new NopPruner(), List.of(), CLOCK);
        for (int i = 0; i < 15; i++) {
            uninterrupted.tell(uninterrupted.ask(SPACE).number(), i % 4);
            beforeRestart.tell(beforeRestart.ask(SPACE).number(), i % 4);
        }

        StudyOptimizer afterRestart =
                new StudyOptimizer(TpeSampler.withSeed(9), new NopPruner(), beforeRestart.trials(), CLOCK);

        for (int i = 0; i < 5; i++) {
            Trial expected = uninterrupted.ask(SPACE);
            assertThat(afterRestart.ask(SPACE)).isEqualTo(expected);
        }
    }

    @Test
    void loadedTrialsMustBeNumberedWithoutGaps() {
        FrozenTrial zero = TestTrials.running(0, Map.of());
        FrozenTrial two = TestTrials.running(2, Map.of());

        assertThatThrownBy(() -> new StudyOptimizer(TpeSampler.withSeed(1), new NopPruner(), List.of(zero, two), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 2 at position 1");
        FrozenTrial one = TestTrials.failed(1, Map.of());
        StudyOptimizer loaded = new StudyOptimizer(TpeSampler.withSeed(1), new NopPruner(), List.of(one, zero), CLOCK);
        assertThat(loaded.ask(SPACE).number()).isEqualTo(2);
    }
}
