package io.vixlab.tuner.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.tuner.pruner.MedianPruner;
import io.vixlab.tuner.pruner.NopPruner;
import io.vixlab.tuner.pruner.SuccessiveHalvingPruner;
import io.vixlab.tuner.sampler.GpSampler;
import io.vixlab.tuner.sampler.RandomSampler;
import io.vixlab.tuner.sampler.TpeSampler;
import io.vixlab.tuner.study.StudyOptimizer;
import io.vixlab.tuner.study.Trial;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchAlgorithmsTest {

    private static final TrainingSettings TRAINING = new TrainingSettings(5, 32, 2, 10, 0.5, 5, 1e-6, 0, 42);

    @Test
    void planNamesTheSamplerAndPruner() {
        assertThat(SearchAlgorithms.sampler(plan("tpe", "median"), "Basic_CNN_LSTM")).isInstanceOf(TpeSampler.class);
        assertThat(SearchAlgorithms.sampler(plan("tpe-multivariate", "median"), "Basic_CNN_LSTM"))
                .isInstanceOf(TpeSampler.class);
        assertThat(SearchAlgorithms.sampler(plan("gp", "median"), "Basic_CNN_LSTM")).isInstanceOf(GpSampler.class);
        assertThat(SearchAlgorithms.sampler(plan("random", "median"), "Basic_CNN_LSTM")).isInstanceOf(RandomSampler.class);
        assertThat(SearchAlgorithms.pruner(plan("tpe", "median"))).isInstanceOf(MedianPruner.class);
        assertThat(SearchAlgorithms.pruner(plan("tpe", "successive-halving")))
                .isInstanceOf(SuccessiveHalvingPruner.class);
        assertThat(SearchAlgorithms.pruner(plan("tpe", "none"))).isInstanceOf(NopPruner.class);
    }

    @Test
    void stepsRunOnAcrossFolds() {
        assertThat(SearchAlgorithms.step(TRAINING, 0, 0)).isZero();
        assertThat(SearchAlgorithms.step(TRAINING, 0, 4)).isEqualTo(4);
        assertThat(SearchAlgorithms.step(TRAINING, 1, 0)).isEqualTo(5);
        assertThat(SearchAlgorithms.step(TRAINING, 1, 4)).isEqualTo(9);
        assertThat(SearchAlgorithms.stepsPerTrial(TRAINING)).isEqualTo(10);
        assertThat(SearchAlgorithms.stepsPerTrial(TrainingSettings.finalDefaults())).isEqualTo(100);
    }

    /** What a restart relies on: an optimizer rebuilt from the trials so far proposes the same next trial. */
    @Test
    void optimizerRebuiltFromItsTrialsProposesWhatTheOriginalWould() {
        StudyPlan plan = plan("tpe", "median");
        SearchSpace space = Architecture.BASIC_CNN_LSTM.searchSpace();
        StudyOptimizer original = new StudyOptimizer(SearchAlgorithms.sampler(plan, "Basic_CNN_LSTM"), SearchAlgorithms.pruner(plan), List.of(),
                Clock.systemUTC());
        for (int i = 0; i < 14; i++) {
            Trial trial = original.ask(space);
            if (i < 12) {
                // Two trials stay running: the constant liar sees them in both optimizers.
                original.tell(trial.number(), (double) trial.params().get("dropout_rate") + i % 3);
            }
        }
        StudyOptimizer rebuilt = new StudyOptimizer(SearchAlgorithms.sampler(plan, "Basic_CNN_LSTM"), SearchAlgorithms.pruner(plan),
                original.trials(), Clock.systemUTC());

        assertThat(rebuilt.ask(space)).isEqualTo(original.ask(space));
    }

    private static StudyPlan plan(String sampler, String pruner) {
        return new StudyPlan("t", List.of("Basic_CNN_LSTM"), 20, 60, sampler, 42L, pruner, 3, 0, TRAINING,
                TrainingSettings.finalDefaults(), "ds");
    }
}
