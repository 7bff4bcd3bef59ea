package io.vixlab.report.web;

import io.vixlab.contracts.training.Metrics;
import java.util.function.ToDoubleFunction;

/** The four test metrics the seed compares in bar charts, with the seed's chart titles. */
public enum ComparisonMetric {
    MSE("Test MSE Comparison", "MSE (VIX points²)", Metrics::mse),
    R2("Test R² Comparison", "R²", Metrics::r2),
    MAE("Test MAE Comparison", "MAE (VIX points)", Metrics::mae),
    DIRECTIONAL_ACCURACY("Directional Accuracy Comparison", "share of test days", Metrics::directionalAccuracy);

    private final String title;
    private final String axisTitle;
    private final ToDoubleFunction<Metrics> value;

    ComparisonMetric(String title, String axisTitle, ToDoubleFunction<Metrics> value) {
        this.title = title;
        this.axisTitle = axisTitle;
        this.value = value;
    }

    public String title() {
        return title;
    }

    public String axisTitle() {
        return axisTitle;
    }

    public double of(Metrics metrics) {
        return value.applyAsDouble(metrics);
    }
}
