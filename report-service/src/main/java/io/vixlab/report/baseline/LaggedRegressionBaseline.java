package io.vixlab.report.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * A linear regression, with intercept, of the close at t on regressors built from the closes
 * before t, fitted by ordinary least squares on the training targets that have a full history
 * ({@code lags <= t < testStart}).
 */
public final class LaggedRegressionBaseline implements Baseline {

    private final String name;
    private final String definition;
    private final int lags;
    /** The intercept's name, then each regressor's coefficient's. */
    private final List<String> coefficientNames;
    private final BiFunction<BaselineInput, Integer, double[]> regressors;

    private LaggedRegressionBaseline(
            String name, String definition, int lags, List<String> coefficientNames,
            BiFunction<BaselineInput, Integer, double[]> regressors) {
        this.name = name;
        this.definition = definition;
        this.lags = lags;
        this.coefficientNames = coefficientNames;
        this.regressors = regressors;
    }

    /** AR(1) on VIX levels: {@code ŷ_t = c + φ y_{t-1}}. */
    public static LaggedRegressionBaseline ar1() {
        return new LaggedRegressionBaseline(
                "AR(1)",
                "Next close = c + φ · last close, OLS on the training part.",
                1,
                List.of("c", "phi"),
                (input, t) -> new double[] {input.close(t - 1)});
    }

    /**
     * HAR (Corsi 2009) on VIX levels: {@code ŷ_t = c + β_d y_{t-1} + β_w mean(y_{t-5..t-1})
     * + β_m mean(y_{t-22..t-1})}, the daily, weekly and monthly components in trading days.
     */
    public static LaggedRegressionBaseline har() {
        return new LaggedRegressionBaseline(
                "HAR",
                "Next close = c + β_d · last close + β_w · 5-day mean + β_m · 22-day mean, OLS on the training part.",
                22,
                List.of("c", "beta_d", "beta_w", "beta_m"),
                (input, t) -> new double[] {input.close(t - 1), input.trailingMean(t, 5), input.trailingMean(t, 22)});
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String definition() {
        return definition;
    }

    @Override
    public Fit fit(BaselineInput input) {
        double[] coefficients = coefficients(input);
        Map<String, Double> named = new LinkedHashMap<>();
        for (int j = 0; j < coefficients.length; j++) {
            named.put(coefficientNames.get(j), coefficients[j]);
        }
        return new Fit(named, t -> {
            double[] x = regressors.apply(input, t);
            double forecast = coefficients[0];
            for (int j = 0; j < x.length; j++) {
                forecast += coefficients[j + 1] * x[j];
            }
            return forecast;
        });
    }

    /** Intercept first, then one coefficient per regressor. */
    double[] coefficients(BaselineInput input) {
        int[] targets = IntStream.range(lags, input.testStart()).toArray();
        int regressorCount = regressors.apply(input, lags).length;
        if (targets.length <= regressorCount + 1) {
            throw new IllegalArgumentException(name + " needs more than " + (lags + regressorCount + 1)
                    + " training closes, has " + input.testStart());
        }
        double[] y = new double[targets.length];
        double[][] x = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            y[i] = input.close(targets[i]);
            x[i] = regressors.apply(input, targets[i]);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        return ols.estimateRegressionParameters();
    }
}
