package io.vixlab.features.dataset;

import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.features.feature.FeatureCatalog;
import java.util.List;
import java.util.Objects;

/**
 * How a dataset is made from the bars.
 *
 * @param featureNames   columns, in order (see {@link FeatureCatalog})
 * @param sequenceLength days per window (the seed's 30)
 * @param horizon        the target is the VIX close this many common trading days after a window's last day
 * @param scaler         standard (default) or min-max, fitted on the training part only
 * @param trainFraction  share of windows, oldest first, in the training part: {@code trainCount = (int) (n * trainFraction)}
 *                       as the seed's {@code split_idx = int(len(X) * 0.8)}
 */
public record DatasetConfig(List<String> featureNames, int sequenceLength, int horizon, ScalerParams.Kind scaler,
        double trainFraction) {

    public static final int DEFAULT_SEQUENCE_LENGTH = 30;
    public static final int DEFAULT_HORIZON = 1;
    public static final double DEFAULT_TRAIN_FRACTION = 0.8;

    public DatasetConfig {
        featureNames = List.copyOf(featureNames);
        FeatureCatalog.resolve(featureNames); // fails early on unknown or repeated names
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one feature");
        }
        if (sequenceLength < 1 || horizon < 1) {
            throw new IllegalArgumentException("sequence length and horizon must be at least 1, got "
                    + sequenceLength + " and " + horizon);
        }
        Objects.requireNonNull(scaler, "scaler");
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("train fraction must lie strictly between 0 and 1, got " + trainFraction);
        }
    }

    public static DatasetConfig defaults() {
        return new DatasetConfig(FeatureCatalog.DEFAULT_FEATURES, DEFAULT_SEQUENCE_LENGTH, DEFAULT_HORIZON,
                ScalerParams.Kind.STANDARD, DEFAULT_TRAIN_FRACTION);
    }

    public DatasetConfig withSequenceLength(int length) {
        return new DatasetConfig(featureNames, length, horizon, scaler, trainFraction);
    }

    public DatasetConfig withHorizon(int days) {
        return new DatasetConfig(featureNames, sequenceLength, days, scaler, trainFraction);
    }

    public DatasetConfig withScaler(ScalerParams.Kind kind) {
        return new DatasetConfig(featureNames, sequenceLength, horizon, kind, trainFraction);
    }

    public DatasetConfig withFeatures(List<String> names) {
        return new DatasetConfig(names, sequenceLength, horizon, scaler, trainFraction);
    }

    /** A stable text form for the dataset id: every field, in a fixed order. */
    String canonical() {
        return "features=" + String.join(",", featureNames) + ";sequenceLength=" + sequenceLength + ";horizon=" + horizon
                + ";scaler=" + scaler + ";trainFraction=" + Double.toHexString(trainFraction);
    }
}
