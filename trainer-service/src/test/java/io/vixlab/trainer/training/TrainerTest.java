package io.vixlab.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.trainer.model.CnnLstmModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

/** Cross-validation, listener stops, best-weight restoring, final training and determinism. */
class TrainerTest {

    private static final Map<String, Object> BASIC = Map.of("cnn_filters_1", 32, "cnn_filters_2", 16,
            "lstm_units_1", 32, "lstm_units_2", 16, "dense_units", 8, "dropout_rate", 0.2, "learning_rate", 3e-3);

    private static TrainingSettings settings(int epochs, long seed) {
        return new TrainingSettings(epochs, 32, 3, 10, 0.5, 5, 1e-6, 0.0, seed);
    }

    @Test
    void crossValidationTrainsEveryFoldAndScoresTheMeanOfTheBestLosses() {
        Windows data = Synthetic.windows(160, 30, 3, 5);
        List<int[]> seen = new ArrayList<>();
        CrossValidationResult result = Trainer.crossValidate(Architecture.BASIC_CNN_LSTM, BASIC, data, settings(3, 42),
                (fold, epoch, train, val, lr) -> {
                    seen.add(new int[] {fold, epoch});
                    assertThat(lr).isEqualTo(3e-3);
                    return EpochListener.Decision.CONTINUE;
                });
        assertThat(result.folds()).hasSize(3);
        assertThat(result.stopped()).isFalse();
        assertThat(seen).hasSize(9);
        assertThat(seen.get(4)).containsExactly(1, 1);
        double mean = result.folds().stream().mapToDouble(FitResult::bestValLoss).average().orElseThrow();
        assertThat(result.score()).isEqualTo(mean);
        for (FitResult f : result.folds()) {
            assertThat(f.bestValLoss()).isEqualTo(f.history().stream().mapToDouble(EpochRecord::valLoss).min().orElseThrow());
        }
        assertThat(result.parameterCount()).isPositive();
    }

    @Test
    void sameSeedSameLossSequenceDifferentSeedDifferentLosses() {
        Windows data = Synthetic.windows(128, 30, 3, 6);
        CrossValidationResult a = Trainer.crossValidate(Architecture.BASIC_CNN_LSTM, BASIC, data, settings(2, 7), EpochListener.NONE);
        CrossValidationResult b = Trainer.crossValidate(Architecture.BASIC_CNN_LSTM, BASIC, data, settings(2, 7), EpochListener.NONE);
        CrossValidationResult c = Trainer.crossValidate(Architecture.BASIC_CNN_LSTM, BASIC, data, settings(2, 8), EpochListener.NONE);
        assertThat(a.history()).hasSize(6).isEqualTo(b.history());
        assertThat(a.score()).isEqualTo(b.score());
        assertThat(c.history()).isNotEqualTo(a.history());
    }

    @Test
    void deterministicWithBatchNormalizationDropoutAndAttention() {
        Windows data = Synthetic.windows(96, 30, 3, 10);
        Map<String, Object> deep = Map.of("cnn_filters_1", 64, "cnn_filters_2", 32, "cnn_filters_3", 16,
                "lstm_units_1", 64, "lstm_units_2", 32, "lstm_units_3", 16, "dense_units_1", 16,
                "dense_units_2", 8, "dropout_rate", 0.5, "learning_rate", 3e-3);
        Map<String, Object> attention = Map.of("cnn_filters_1", 32, "cnn_filters_2", 16, "lstm_units", 32,
                "attention_heads", 4, "dense_units", 16, "dropout_rate", 0.5, "learning_rate", 3e-3);
        for (var case_ : List.of(Map.entry(Architecture.DEEP_CNN_LSTM, deep), Map.entry(Architecture.ATTENTION_CNN_LSTM, attention))) {
            CrossValidationResult a = Trainer.crossValidate(case_.getKey(), case_.getValue(), data, settings(2, 11), EpochListener.NONE);
            CrossValidationResult b = Trainer.crossValidate(case_.getKey(), case_.getValue(), data, settings(2, 11), EpochListener.NONE);
            assertThat(a.history()).as("%s", case_.getKey()).hasSize(6).isEqualTo(b.history());
        }
    }

    @Test
    void invalidSettingsAreRejectedBeforeTraining() {
        Windows data = Synthetic.windows(40, 30, 3, 12);
        TrainingSettings zeroBatch = new TrainingSettings(2, 0, 3, 10, 0.5, 5, 1e-6, 0.0, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                Trainer.crossValidate(Architecture.BASIC_CNN_LSTM, BASIC, data, zeroBatch, EpochListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch size");
    }

    @Test
    void aNonFiniteLossFailsTheTrialWithItsReason() {
        Windows data = Synthetic.windows(64, 30, 3, 13);
        float[] x = data.x().clone();
        x[5] = Float.NaN;
        Windows poisoned = new Windows(x, data.y(), 30, 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Trainer.crossValidate(Architecture.BASIC_CNN_LSTM, BASIC,
                        poisoned, settings(2, 1), EpochListener.NONE))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessageContaining("fold 0, epoch 0").hasMessageContaining("not finite");
    }

    @Test
    void aListenerStopEndsTheTrialAfterThatEpoch() {
        Windows data = Synthetic.windows(128, 30, 3, 7);
        CrossValidationResult result = Trainer.crossValidate(Architecture.BASIC_CNN_LSTM, BASIC, data, settings(10, 1),
                (fold, epoch, train, val, lr) -> epoch == 1 ? EpochListener.Decision.STOP : EpochListener.Decision.CONTINUE);
        assertThat(result.stopped()).isTrue();
        assertThat(result.folds()).hasSize(1);
        assertThat(result.history()).hasSize(2);
        assertThat(result.score()).isEqualTo(result.folds().get(0).bestValLoss());
    }

    @Test
    void earlyStoppingRestoresTheBestEpochsWeights() {
        // validating against the negated targets: the better the fit, the worse the validation loss
        Windows data = Synthetic.windows(192, 30, 3, 8);
        Windows train = data.slice(0, 128);
        Windows tail = data.slice(128, 192);
        float[] negated = tail.y().clone();
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -negated[i];
        }
        Windows adversarial = new Windows(tail.x(), negated, 30, 3);
        TrainingSettings s = new TrainingSettings(30, 32, 0, 3, 0.5, 2, 1e-6, 0.0, 3);
        try (CnnLstmModel<TFloat32> model = CnnLstmModel.build(Architecture.BASIC_CNN_LSTM, BASIC, 30, 3)) {
            model.initialize(3);
            FitResult fit = Trainer.fit(model, train, adversarial, s, 0, EpochListener.NONE);
            assertThat(fit.earlyStopped()).isTrue();
            assertThat(fit.epochsRun()).isLessThan(30).isEqualTo(fit.bestEpoch() + 1 + 3);
            double restored = Trainer.mse(model.predict(adversarial.x(), adversarial.count()), adversarial.y());
            assertThat(restored).isCloseTo(fit.bestValLoss(), within(1e-6));
            assertThat(fit.history().get(fit.epochsRun() - 1).valLoss()).isGreaterThan(fit.bestValLoss());
            assertThat(fit.history()).extracting(EpochRecord::learningRate).contains(3e-3, 1.5e-3);
        }
    }

    @Test
    void finalTrainingHoldsOutTheLastTenPercentOfTheTrainingPart() {
        Windows data = Synthetic.windows(105, 30, 3, 9);
        TrainingSettings s = new TrainingSettings(2, 32, 0, 20, 0.5, 10, 1e-6, 0.1, 42);
        List<Integer> epochs = new ArrayList<>();
        try (FinalTraining result = Trainer.trainFinal(Architecture.BASIC_CNN_LSTM, BASIC, data, s,
                (fold, epoch, train, val, lr) -> {
                    epochs.add(epoch);
                    return EpochListener.Decision.CONTINUE;
                })) {
            assertThat(result.trainCount()).isEqualTo(94); // floor(105 * 0.9)
            assertThat(result.validationCount()).isEqualTo(11);
            assertThat(epochs).containsExactly(0, 1);
            Windows tail = data.slice(94, 105);
            assertThat(Trainer.mse(result.model().predict(tail.x(), tail.count()), tail.y()))
                    .isCloseTo(result.fit().bestValLoss(), within(1e-6));
            // an unseen test part, scored in points with an identity scaler: scaled and point metrics agree
            Windows test = Synthetic.windows(6, 30, 3, 99);
            double[] previous = new double[6];
            List<java.time.LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                dates.add(java.time.LocalDate.of(2025, 3, 3).plusDays(i));
            }
            var scaler = new io.vixlab.contracts.dataset.ScalerParams(
                    io.vixlab.contracts.dataset.ScalerParams.Kind.STANDARD, List.of(), List.of(), 0.0, 1.0);
            Evaluation evaluation = result.evaluate(test, previous, dates,
                    new TargetEncoding(io.vixlab.contracts.tuning.ForecastTarget.LEVEL, scaler, 1));
            assertThat(evaluation.points().mse())
                    .isCloseTo(Trainer.mse(result.model().predict(test.x(), test.count()), test.y()), within(1e-9));
            assertThat(evaluation.scaled().mse()).isCloseTo(evaluation.points().mse(), within(1e-9));
            assertThat(evaluation.predictions()).hasSize(6);
        }
    }
}
