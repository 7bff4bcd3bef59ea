package io.vixlab.contracts.tuning;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a network learns to predict, and so how its output becomes a forecast of the next VIX close.
 * The forecast is always compared in VIX points; only the training target differs.
 */
public enum ForecastTarget {

    /** The seed's: the next close, scaled with the dataset's target scaler. */
    LEVEL("level"),

    /**
     * The next day's log change of the close, divided by its standard deviation over the training
     * part; the forecast is the last close × exp(output × that deviation). A network that outputs 0
     * forecasts the last close: the random walk.
     */
    LOG_CHANGE("log-change");

    private final String specName;

    ForecastTarget(String specName) {
        this.specName = specName;
    }

    /** The name a study spec uses ({@code level}, {@code log-change}). */
    public String specName() {
        return specName;
    }

    public static Optional<ForecastTarget> fromSpecName(String name) {
        return Arrays.stream(values()).filter(t -> t.specName.equals(name)).findFirst();
    }
}
