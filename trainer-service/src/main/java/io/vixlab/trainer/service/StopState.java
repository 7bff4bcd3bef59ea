package io.vixlab.trainer.service;

import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrialControl;

/** How a run stopped by {@code tuning.control} ends: PRUNED or CANCELLED, and why. */
record StopState(TrialState state, String reason) {

    static StopState of(TrialControl control) {
        TrialState state = control.action() == TrialControl.Action.PRUNE ? TrialState.PRUNED : TrialState.CANCELLED;
        return new StopState(state, "stopped by a " + control.action() + " request"
                + (control.reason() == null ? "" : ": " + control.reason()));
    }
}
