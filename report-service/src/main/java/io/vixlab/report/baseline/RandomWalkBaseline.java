package io.vixlab.report.baseline;

import java.util.Map;

/** Tomorrow's close is today's close: {@code ŷ_t = y_{t-1}}. Nothing to fit. */
public final class RandomWalkBaseline implements Baseline {

    public static final String NAME = "Random walk";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String definition() {
        return "Next close = last close (no change).";
    }

    @Override
    public Fit fit(BaselineInput input) {
        return new Fit(Map.of(), t -> input.close(t - 1));
    }
}
