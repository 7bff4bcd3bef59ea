package io.vixlab.trainer.training;

import java.util.List;

/**
 * One fit: its epochs, the best validation loss and its epoch (whose weights the model holds
 * afterwards), and why it ended.
 */
public record FitResult(List<EpochRecord> history, double bestValLoss, int bestEpoch,
                        boolean earlyStopped, boolean stoppedByListener) {

    public FitResult {
        history = List.copyOf(history);
    }

    public int epochsRun() {
        return history.size();
    }
}
