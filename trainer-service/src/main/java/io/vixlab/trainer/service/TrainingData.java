package io.vixlab.trainer.service;

import io.vixlab.contracts.dataset.AssembledDataset;
import io.vixlab.contracts.dataset.DatasetIntegrityException;
import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.trainer.training.Windows;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset in the form the training loop takes: the training part and the test part as flat
 * {@link Windows}, and for the test part the previous closes (in VIX points) and target dates that
 * a final model's evaluation reports.
 */
public record TrainingData(String datasetId, Windows train, Windows test, double[] testPreviousCloses,
                           List<LocalDate> testDates, ScalerParams scaler) {

    /** Splits at the manifest's {@code trainCount}: windows before it train, the rest test. */
    public static TrainingData of(AssembledDataset dataset) {
        DatasetWindows windows = dataset.windows();
        ScalerParams scaler = dataset.manifest().scaler();
        int n = windows.size();
        int trainCount = dataset.trainCount();
        if (trainCount < 1 || trainCount > n) {
            throw new DatasetIntegrityException(dataset.manifest().datasetId(), "a training part of " + trainCount
                    + " windows does not fit " + n + " windows");
        }
        double[] previousCloses = new double[n - trainCount];
        for (int i = trainCount; i < n; i++) {
            previousCloses[i - trainCount] = scaler.toPoints(windows.previousCloses()[i]);
        }
        return new TrainingData(dataset.manifest().datasetId(), flatten(windows, 0, trainCount),
                flatten(windows, trainCount, n), previousCloses,
                List.of(Arrays.copyOfRange(windows.targetDates(), trainCount, n)), scaler);
    }

    private static Windows flatten(DatasetWindows windows, int from, int to) {
        int steps = windows.sequenceLength();
        int features = windows.featureCount();
        float[] x = new float[(to - from) * steps * features];
        int at = 0;
        for (int w = from; w < to; w++) {
            for (float[] day : windows.features()[w]) {
                System.arraycopy(day, 0, x, at, features);
                at += features;
            }
        }
        return new Windows(x, Arrays.copyOfRange(windows.targets(), from, to), steps, features);
    }
}
