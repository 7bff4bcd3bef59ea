package io.vixlab.trainer.training;

import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's {@code TimeSeriesSplit(n_splits)} (no gap, no max_train_size): test_size =
 * n // (n_splits + 1); the k-th test block starts at n - (n_splits - k) * test_size; training is
 * everything before it.
 */
public final class TimeSeriesSplit {

    /** Train on {@code [0, trainEnd)}, validate on {@code [testStart, testEnd)}. */
    public record Fold(int index, int trainEnd, int testStart, int testEnd) {
        public int trainSize() {
            return trainEnd;
        }

        public int testSize() {
            return testEnd - testStart;
        }
    }

    private TimeSeriesSplit() {
    }

    public static List<Fold> split(int samples, int splits) {
        if (splits < 2) {
            throw new IllegalArgumentException("TimeSeriesSplit needs at least 2 splits, got " + splits);
        }
        if (splits + 1 > samples) {
            throw new IllegalArgumentException("cannot have " + (splits + 1) + " folds with only " + samples + " samples");
        }
        int testSize = samples / (splits + 1);
        List<Fold> folds = new ArrayList<>();
        for (int k = 0; k < splits; k++) {
            int testStart = samples - (splits - k) * testSize;
            folds.add(new Fold(k, testStart, testStart, testStart + testSize));
        }
        return folds;
    }
}
