package io.vixlab.trainer.training;

/**
 * Keras {@code ReduceLROnPlateau(monitor='val_loss', factor, patience, min_lr, mode='min',
 * min_delta=1e-4, cooldown=0)}: an epoch improves when its loss is below best - min_delta; after
 * {@code patience} epochs without improvement the rate becomes max(lr * factor, min_lr) (only if it
 * is above min_lr) and the count starts again.
 */
public final class ReduceLrOnPlateau {

    public static final double MIN_DELTA = 1e-4;

    private final double factor;
    private final int patience;
    private final double minLearningRate;
    private double best = Double.POSITIVE_INFINITY;
    private int wait;

    public ReduceLrOnPlateau(double factor, int patience, double minLearningRate) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        }
        this.factor = factor;
        this.patience = patience;
        this.minLearningRate = minLearningRate;
    }

    /** Records an epoch's validation loss and returns the learning rate for the next epoch. */
    public double onEpochEnd(double loss, double learningRate) {
        if (loss < best - MIN_DELTA) {
            best = loss;
            wait = 0;
            return learningRate;
        }
        wait++;
        if (wait >= patience) {
            wait = 0;
            if (learningRate > minLearningRate) {
                return Math.max(learningRate * factor, minLearningRate);
            }
        }
        return learningRate;
    }
}
