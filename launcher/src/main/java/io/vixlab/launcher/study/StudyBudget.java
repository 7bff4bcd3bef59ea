package io.vixlab.launcher.study;

/**
 * How much work a study does. {@link #QUICK} is {@code ./vixlab run}'s default, the one place to
 * change it: all five architectures with a few trials each, short cross-validation and a short final
 * training, so that a 2-core machine finishes in about ten minutes and the architectures are still
 * compared on the same tuned-then-trained footing. {@link #FULL} is the seed's budget.
 *
 * @param trialsPerArchitecture      tuning trials of each architecture
 * @param folds                      time-series cross-validation folds of a trial
 * @param epochs                     epochs per fold
 * @param earlyStoppingPatience      tuning patience (epochs without improvement)
 * @param reduceLrPatience           tuning ReduceLROnPlateau patience
 * @param finalEpochs                epochs of the final training
 * @param finalEarlyStoppingPatience final-training patience
 * @param finalReduceLrPatience      final-training ReduceLROnPlateau patience
 * @param timeoutMinutesPerArchitecture tuning time limit per architecture
 */
public record StudyBudget(
        int trialsPerArchitecture,
        int folds,
        int epochs,
        int earlyStoppingPatience,
        int reduceLrPatience,
        int finalEpochs,
        int finalEarlyStoppingPatience,
        int finalReduceLrPatience,
        int timeoutMinutesPerArchitecture) {

    /** The default of {@code ./vixlab run}: 5 × 4 trials of 2 folds × 6 epochs, finals of 15 epochs. */
    public static final StudyBudget QUICK = new StudyBudget(4, 2, 6, 3, 2, 15, 5, 3, 10);

    /** The seed's study: 50 trials, 3 folds, 50 epochs (patience 10 / 5), one hour, finals of 100 (20 / 10). */
    public static final StudyBudget FULL = new StudyBudget(50, 3, 50, 10, 5, 100, 20, 10, 60);
}
