/**
 * Pruners with Optuna 3.x semantics for a minimized objective:
 * {@link io.vixlab.tuner.pruner.MedianPruner} (and the {@link io.vixlab.tuner.pruner.PercentilePruner}
 * it specializes), {@link io.vixlab.tuner.pruner.SuccessiveHalvingPruner} and
 * {@link io.vixlab.tuner.pruner.NopPruner}. They judge from the trials passed in and keep no state
 * of their own, so they are meant to be asked after every report, as Optuna's are.
 */
package io.vixlab.tuner.pruner;
