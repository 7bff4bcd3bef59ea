package io.vixlab.contracts.training;

/**
 * Where a trial or a final training is in its life: {@code RUNNING} until it ends in one of the
 * others. Results ({@link TrialResult}, {@link ModelResult}) carry how a run ended, never
 * {@code RUNNING}. The tuner keeps its trials in these states as Optuna does ({@code FAILED} is
 * Optuna's {@code FAIL}; a cancelled trial counts as failed for samplers and pruners).
 */
public enum TrialState {
    RUNNING,
    COMPLETE,
    PRUNED,
    FAILED,
    CANCELLED;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
