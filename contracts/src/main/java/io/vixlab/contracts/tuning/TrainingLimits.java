package io.vixlab.contracts.tuning;

import java.util.ArrayList;
import java.util.List;

/**
 * The hard limits of {@link TrainingSettings}: what the tuner accepts in a study and what a trainer
 * trains. A run outside them (say a hand-published trial with 10⁹ epochs) would hold a trainer for
 * ever or fail late, so it is refused before anything trains. Model sizes (units, filters, layers,
 * heads, learning rate, dropout) are bounded by each architecture's search space
 * ({@code contracts.search.Architecture}).
 */
public final class TrainingLimits {

    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_BATCH_SIZE = 4_096;
    /** At least 2, as scikit-learn's TimeSeriesSplit. */
    public static final int MIN_FOLDS = 2;
    public static final int MAX_FOLDS = 20;
    /** Patience beyond the epochs could never run out: the most epochs is the most patience. */
    public static final int MAX_PATIENCE = MAX_EPOCHS;
    /** The highest learning rate of any search space: a floor above it would never let the rate fall. */
    public static final double MAX_MIN_LEARNING_RATE = 1e-2;
    /** A final training holds out at most half its training part for early stopping. */
    public static final double MAX_VALIDATION_FRACTION = 0.5;

    /** What the settings train: a tuning trial cross-validates, a final training holds out a tail. */
    public enum Purpose { TUNING, FINAL }

    /** One setting outside its limits. */
    public record Violation(String field, String reason) {

        @Override
        public String toString() {
            return field + " " + reason;
        }
    }

    private TrainingLimits() {
    }

    /** Every setting outside its limits for {@code purpose}; empty when the settings can be trained. */
    public static List<Violation> violations(TrainingSettings settings, Purpose purpose) {
        List<Violation> problems = new ArrayList<>();
        between(problems, "epochs", settings.epochs(), 1, MAX_EPOCHS);
        between(problems, "batchSize", settings.batchSize(), 1, MAX_BATCH_SIZE);
        if (purpose == Purpose.TUNING) {
            between(problems, "folds", settings.folds(), MIN_FOLDS, MAX_FOLDS);
        } else if (settings.folds() != 0) {
            problems.add(new Violation("folds", "must be 0: a final training does not cross-validate, got "
                    + settings.folds()));
        }
        between(problems, "earlyStoppingPatience", settings.earlyStoppingPatience(), 0, MAX_PATIENCE);
        between(problems, "reduceLrPatience", settings.reduceLrPatience(), 0, MAX_PATIENCE);
        if (!(settings.reduceLrFactor() > 0 && settings.reduceLrFactor() < 1)) {
            problems.add(new Violation("reduceLrFactor", "must be above 0 and below 1, got "
                    + settings.reduceLrFactor()));
        }
        if (!(settings.minLearningRate() >= 0 && settings.minLearningRate() <= MAX_MIN_LEARNING_RATE)) {
            problems.add(new Violation("minLearningRate", "must be between 0 and " + MAX_MIN_LEARNING_RATE
                    + ", got " + settings.minLearningRate()));
        }
        double fraction = settings.validationFraction();
        if (purpose == Purpose.TUNING && fraction != 0) {
            problems.add(new Violation("validationFraction", "must be 0: the folds validate a tuning trial, got "
                    + fraction));
        } else if (purpose == Purpose.FINAL && !(fraction > 0 && fraction <= MAX_VALIDATION_FRACTION)) {
            problems.add(new Violation("validationFraction", "must be above 0 and at most "
                    + MAX_VALIDATION_FRACTION + ", got " + fraction));
        }
        return problems;
    }

    private static void between(List<Violation> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(new Violation(field, "must be between " + min + " and " + max + ", got " + value));
        }
    }
}
