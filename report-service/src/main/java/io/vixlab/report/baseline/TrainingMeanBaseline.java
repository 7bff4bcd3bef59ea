package io.vixlab.report.baseline;

import java.util.Map;
import java.util.stream.IntStream;

/** Every forecast is the mean close of the training part: {@code ŷ_t = (1/T) Σ_{s<T} y_s}. */
public final class TrainingMeanBaseline implements Baseline {

    @Override
    public String name() {
        return "Training mean";
    }

    @Override
    public String definition() {
        return "Next close = mean close of the training part.";
    }

    @Override
    public Fit fit(BaselineInput input) {
        double mean = IntStream.range(0, input.testStart()).mapToDouble(input::close).average().orElseThrow();
        return new Fit(Map.of("mean", mean), t -> mean);
    }
}
