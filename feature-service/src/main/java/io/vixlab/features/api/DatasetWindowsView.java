package io.vixlab.features.api;

import io.vixlab.contracts.dataset.AssembledDataset;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.DatasetWindows;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A dataset's windows as JSON, with the manifest that explains them (feature order, scaler). Values
 * are scaled, as on the topic; {@code manifest.scaler} turns targets and previous closes into VIX points.
 */
public record DatasetWindowsView(DatasetManifest manifest, List<Window> windows) {

    /** Whether a window belongs to the training or the test part. */
    public enum Part { TRAIN, TEST }

    /** One window: {@code features[day][feature]}, oldest day first. */
    public record Window(LocalDate targetDate, Part part, float target, float previousClose, float[][] features) {
    }

    public static DatasetWindowsView of(AssembledDataset dataset) {
        DatasetWindows w = dataset.windows();
        return new DatasetWindowsView(dataset.manifest(), IntStream.range(0, w.size())
                .mapToObj(i -> new Window(w.targetDates()[i], partOf(dataset, i), w.targets()[i],
                        w.previousCloses()[i], w.features()[i]))
                .toList());
    }

    static Part partOf(AssembledDataset dataset, int window) {
        return window < dataset.trainCount() ? Part.TRAIN : Part.TEST;
    }
}
