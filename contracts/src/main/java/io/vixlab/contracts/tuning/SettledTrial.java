package io.vixlab.contracts.tuning;

import io.vixlab.contracts.EventId;
import io.vixlab.contracts.training.Outcome;
import io.vixlab.contracts.training.TrialState;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A trial as the tuner settled it, which is what its sampler, its pruner and the choice of the best
 * trial read. It can differ from the trainer's own result: a reproducible study judges a trial from
 * its whole curve, so one whose PRUNE reached the trainer after its last epoch is PRUNED although the
 * trainer reported COMPLETE.
 *
 * @param value the objective of a COMPLETE trial; the last intermediate value of a PRUNED one; null
 *              when there is none
 */
public record SettledTrial(
        @NotNull @EventId String trialId,
        @PositiveOrZero int number,
        @NotNull @Outcome TrialState state,
        Double value) {
}
