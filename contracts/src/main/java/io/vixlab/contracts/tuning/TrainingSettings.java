package io.vixlab.contracts.tuning;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * How a trial or a final model is trained. The defaults are the seed notebook's.
 *
 * @param folds              time-series cross-validation folds (0 for a final training)
 * @param validationFraction tail of the training part held out for early stopping in a final
 *                           training (0 in tuning, where the folds provide validation)
 * @param seed               seeds weight initialisation and shuffling
 * @param target             what the network learns to predict; absent in settings sent before
 *                           targets could be chosen, which trained on the level
 */
public record TrainingSettings(
        @Min(1) int epochs,
        @Min(1) int batchSize,
        @PositiveOrZero int folds,
        @PositiveOrZero int earlyStoppingPatience,
        @Positive @DecimalMax("1") double reduceLrFactor,
        @PositiveOrZero int reduceLrPatience,
        @PositiveOrZero double minLearningRate,
        @PositiveOrZero @DecimalMax(value = "1", inclusive = false) double validationFraction,
        long seed,
        ForecastTarget target) {

    public TrainingSettings {
        target = target == null ? ForecastTarget.LEVEL : target;
    }

    /** Settings for the seed's target, the next close's level. */
    public TrainingSettings(int epochs, int batchSize, int folds, int earlyStoppingPatience, double reduceLrFactor,
            int reduceLrPatience, double minLearningRate, double validationFraction, long seed) {
        this(epochs, batchSize, folds, earlyStoppingPatience, reduceLrFactor, reduceLrPatience, minLearningRate,
                validationFraction, seed, ForecastTarget.LEVEL);
    }

    /** These settings with another target. */
    public TrainingSettings withTarget(ForecastTarget other) {
        return new TrainingSettings(epochs, batchSize, folds, earlyStoppingPatience, reduceLrFactor, reduceLrPatience,
                minLearningRate, validationFraction, seed, other);
    }

    /** The seed's tuning setup: 3-fold TimeSeriesSplit, 50 epochs, patience 10, LR x0.5 after 5. */
    public static TrainingSettings tuningDefaults() {
        return new TrainingSettings(50, 32, 3, 10, 0.5, 5, 1e-6, 0.0, 42);
    }

    /** The seed's final training: 100 epochs, patience 20 / 10, early stopping on the last 10%. */
    public static TrainingSettings finalDefaults() {
        return new TrainingSettings(100, 32, 0, 20, 0.5, 10, 1e-6, 0.1, 42);
    }
}
