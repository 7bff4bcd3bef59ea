package io.vixlab.report.baseline;

import io.vixlab.contracts.training.Prediction;
import io.vixlab.report.stats.Forecast;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A simple next-day forecast of the VIX close that the architectures have to beat. Parameters are
 * fitted on the training part only and then held fixed; each test-day forecast uses the closes
 * up to the day before, as a model's window does. Definitions: {@code docs/baselines.md}.
 */
public interface Baseline {

    /** The baselines of every study report, the random walk first. */
    static List<Baseline> standard() {
        return List.of(
                new RandomWalkBaseline(),
                new TrainingMeanBaseline(),
                LaggedRegressionBaseline.ar1(),
                LaggedRegressionBaseline.har());
    }

    String name();

    /** One sentence for the report's table. */
    String definition();

    /** Fits the baseline on the training part of {@code input}. */
    Fit fit(BaselineInput input);

    /** Forecasts every test target of {@code input}. */
    default Forecast forecast(BaselineInput input) {
        return forecast(input, fit(input));
    }

    /** Forecasts every test target of {@code input} with a fit of this baseline on it. */
    default Forecast forecast(BaselineInput input, Fit fit) {
        List<Prediction> predictions = IntStream.range(input.testStart(), input.size())
                .mapToObj(t -> new Prediction(input.date(t), fit.rule().applyAsDouble(t), input.close(t),
                        input.close(t - 1)))
                .toList();
        return new Forecast(name(), predictions);
    }

    /**
     * A fitted baseline.
     *
     * @param coefficients what was fitted, by name in the order of the definition; empty when nothing was
     * @param rule         the forecast of the close at index t from the closes before t
     */
    record Fit(Map<String, Double> coefficients, IntToDoubleFunction rule) {

        public Fit {
            coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
        }
    }
}
