package io.vixlab.tuner.study;

/** Where a trial is in its life, as in Optuna's {@code TrialState} (WAITING is not modelled). */
public enum TrialState {
    RUNNING,
    COMPLETE,
    PRUNED,
    FAIL;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
