package io.vixlab.trainer.service;

import io.vixlab.contracts.dataset.AssembledDataset;
import io.vixlab.contracts.dataset.DatasetIntegrityException;
import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.tuning.ForecastTarget;
import io.vixlab.trainer.training.TargetEncoding;
import io.vixlab.trainer.training.Windows;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset in the form the training loop takes: the training part and the test part as flat
 * {@link Windows} with the scaled next closes as targets, each window's previous close (in VIX
 * points), and the test part's target dates that a final model's evaluation reports.
 */
public record TrainingData(String datasetId, Windows train, Windows test, double[] trainPreviousCloses,
                           double[] testPreviousCloses, List<LocalDate> testDates, ScalerParams scaler) {

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
        return new TrainingData(dataset.manifest().datasetId(), flatten(windows, 0, trainCount),
                flatten(windows, trainCount, n), previousCloses(windows, scaler, 0, trainCount),
                previousCloses(windows, scaler, trainCount, n),
                List.of(Arrays.copyOfRange(windows.targetDates(), trainCount, n)), scaler);
    }

    /** How {@code target} is trained on and forecast from, fitted on the training part. */
    public TargetEncoding encoding(ForecastTarget target) {
        return TargetEncoding.fit(target, train, trainPreviousCloses, scaler);
    }

    private static double[] previousCloses(DatasetWindows windows, ScalerParams scaler, int from, int to) {
        double[] points = new double[to - from];
        for (int i = from; i < to; i++) {
            points[i - from] = scaler.toPoints(windows.previousCloses()[i]);
        }
        return points;
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
