package io.vixlab.trainer.training;

/**
 * Keras {@code EarlyStopping(monitor='val_loss', patience, min_delta=0, restore_best_weights=True)}:
 * an epoch improves when its loss is below the best so far; training stops once {@code patience}
 * epochs in a row have not improved. The caller keeps the best epoch's weights and restores them
 * when training ends.
 */
public final class EarlyStopping {

    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch = -1;
    private int wait;
    private int lastEpoch = -1;
    private boolean lastImproved;

    public EarlyStopping(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0");
        }
        this.patience = patience;
    }

    /** Records an epoch's validation loss; true when it is a new best. */
    public boolean onEpochEnd(int epoch, double loss) {
        lastEpoch = epoch;
        lastImproved = loss < best;
        if (lastImproved) {
            best = loss;
            bestEpoch = epoch;
            wait = 0;
        } else {
            wait++;
        }
        return lastImproved;
    }

    /** As Keras 3: never right after an improvement, never after the first epoch. */
    public boolean shouldStop() {
        return !lastImproved && wait >= patience && lastEpoch > 0;
    }

    public double best() {
        return best;
    }

    public int bestEpoch() {
        return bestEpoch;
    }
}
