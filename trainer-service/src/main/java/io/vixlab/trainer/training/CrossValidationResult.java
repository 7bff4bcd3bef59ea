package io.vixlab.trainer.training;

import java.util.List;

/**
 * A tuning trial's outcome. {@code score} is the mean over folds of each fold's best validation
 * loss (the seed's objective); when the listener stopped the trial ({@code stopped}) it covers the
 * folds that ran, and {@code folds} may be shorter than the split.
 */
public record CrossValidationResult(double score, List<FitResult> folds, boolean stopped, long parameterCount) {

    public CrossValidationResult {
        folds = List.copyOf(folds);
    }

    public List<EpochRecord> history() {
        return folds.stream().flatMap(f -> f.history().stream()).toList();
    }
}
