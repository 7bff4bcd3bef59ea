package io.vixlab.contracts.dataset;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The decoded content of one dataset version, windows in chronological order (by target date).
 * Values are scaled with the dataset's {@link ScalerParams}: features with the feature pair, target
 * and previous close with the target pair, so {@code scaler.toPoints(previousCloses[i])} is the VIX
 * close on window {@code i}'s last day, the level a random walk would forecast.
 *
 * <p>Arrays are shared, not copied: callers must not modify them after handing them over.
 *
 * @param features       {@code [window][day][feature]}, every window {@code sequenceLength x featureCount}
 * @param targets        scaled target per window
 * @param previousCloses scaled VIX close on each window's last day
 * @param targetDates    the day each target belongs to
 */
public record DatasetWindows(float[][][] features, float[] targets, float[] previousCloses, LocalDate[] targetDates) {

    public DatasetWindows {
        Objects.requireNonNull(features, "features");
        int n = features.length;
        if (targets.length != n || previousCloses.length != n || targetDates.length != n) {
            throw new IllegalArgumentException("features, targets, previous closes and target dates differ in length: "
                    + n + ", " + targets.length + ", " + previousCloses.length + ", " + targetDates.length);
        }
        if (n == 0) {
            throw new IllegalArgumentException("a dataset needs at least one window");
        }
        int sequenceLength = features[0].length;
        int featureCount = sequenceLength == 0 ? 0 : features[0][0].length;
        if (sequenceLength == 0 || featureCount == 0) {
            throw new IllegalArgumentException("windows need at least one day and one feature");
        }
        for (int w = 0; w < n; w++) {
            if (features[w].length != sequenceLength) {
                throw new IllegalArgumentException("window " + w + " has " + features[w].length + " days, expected " + sequenceLength);
            }
            for (float[] day : features[w]) {
                if (day.length != featureCount) {
                    throw new IllegalArgumentException("window " + w + " has a day with " + day.length
                            + " features, expected " + featureCount);
                }
            }
            Objects.requireNonNull(targetDates[w], "targetDates");
        }
    }

    public int size() {
        return features.length;
    }

    public int sequenceLength() {
        return features[0].length;
    }

    public int featureCount() {
        return features[0][0].length;
    }
}
