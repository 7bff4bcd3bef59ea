package io.vixlab.contracts.training;

/** How a trial or final training ended. */
public enum TrialState {
    COMPLETE,
    PRUNED,
    FAILED,
    CANCELLED
}
