package io.vixlab.trainer.training;

/**
 * Told about every finished epoch; answers whether training goes on. A pruner or a cancel makes it
 * answer {@link Decision#STOP}, which ends the trial after this epoch.
 */
@FunctionalInterface
public interface EpochListener {

    enum Decision { CONTINUE, STOP }

    /**
     * @param fold         0-based fold (0 in a final training)
     * @param epoch        0-based epoch within the fold
     * @param learningRate the rate the epoch was trained with
     */
    Decision onEpoch(int fold, int epoch, double trainLoss, double valLoss, double learningRate);

    /**
     * Asked before every batch: true ends the fit at once, mid-epoch (the trainer is shutting down
     * and the run goes to another trainer, so the unfinished epoch is of no use).
     */
    default boolean stopNow() {
        return false;
    }

    EpochListener NONE = (fold, epoch, trainLoss, valLoss, lr) -> Decision.CONTINUE;
}
