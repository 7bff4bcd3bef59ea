package io.vixlab.report.stats;

import io.vixlab.contracts.report.DieboldMarianoResult;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.report.DieboldMarianoResult.Verdict;
import io.vixlab.contracts.training.Prediction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The Diebold-Mariano (1995) test of equal predictive accuracy with the Harvey, Leybourne and
 * Newbold (1997) small-sample correction, as in R's {@code forecast::dm.test}.
 *
 * <ol>
 *   <li>Loss differential {@code d_t = L(e_A,t) - L(e_B,t)}, {@code e = actual - predicted},
 *       {@code L(e) = e²} or {@code |e|}, over the days both forecasts cover.</li>
 *   <li>Long-run variance {@code V = γ_0 + 2 Σ_{k=1}^{h-1} γ_k} with
 *       {@code γ_k = (1/n) Σ_{t=k+1}^{n} (d_t - d̄)(d_{t-k} - d̄)}: an h-step forecast error is at
 *       most MA(h-1), so autocovariances beyond lag h-1 are taken as zero.</li>
 *   <li>{@code DM = d̄ / sqrt(V / n)}, multiplied by
 *       {@code sqrt((n + 1 - 2h + h(h-1)/n) / n)}.</li>
 *   <li>Two-sided p-value from Student's t with n - 1 degrees of freedom; verdict at 5%.</li>
 * </ol>
 *
 * <p>The statistic is positive when A's losses are larger. Where V is not positive for h > 1 (the
 * rectangular window does not guarantee it) the test falls back to h = 1, as dm.test does, and
 * the result records the horizon used.
 */
public final class DieboldMariano {

    public static final double SIGNIFICANCE_LEVEL = 0.05;

    private DieboldMariano() {
    }

    /**
     * @return the test over the days both forecasts cover (matched by date), or empty when it is
     *     undefined: fewer than two common days, or a loss differential that is the same nonzero
     *     number every day. Identical losses every day give a statistic of 0 and a p-value of 1.
     */
    public static Optional<DieboldMarianoResult> compare(Forecast a, Forecast b, LossFunction loss, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, was " + horizon);
        }
        double[] d = lossDifferential(a, b, loss);
        int n = d.length;
        if (n < 2) {
            return Optional.empty();
        }
        double mean = mean(d);
        int usedHorizon = Math.min(horizon, n - 1);
        double variance = longRunVariance(d, mean, usedHorizon);
        if (variance <= 0 && usedHorizon > 1) {
            usedHorizon = 1;
            variance = longRunVariance(d, mean, 1);
        }
        if (variance <= 0) {
            return mean == 0
                    ? Optional.of(result(a, b, loss, usedHorizon, n, mean, 0, 1))
                    : Optional.empty();
        }
        double h = usedHorizon;
        double correction = Math.sqrt((n + 1 - 2 * h + h * (h - 1) / n) / n);
        double statistic = mean / Math.sqrt(variance / n) * correction;
        // 2 * P(T <= -|DM|) rather than 2 * (1 - P(T <= |DM|)) keeps precision in the far tail.
        double pValue = 2 * new TDistribution(null, n - 1).cumulativeProbability(-Math.abs(statistic));
        return Optional.of(result(a, b, loss, usedHorizon, n, mean, statistic, pValue));
    }

    private static DieboldMarianoResult result(
            Forecast a, Forecast b, LossFunction loss, int horizon, int n, double mean, double statistic,
            double pValue) {
        Verdict verdict = pValue >= SIGNIFICANCE_LEVEL ? Verdict.NO_SIGNIFICANT_DIFFERENCE
                : statistic < 0 ? Verdict.A_BETTER : Verdict.B_BETTER;
        return new DieboldMarianoResult(a.name(), b.name(), loss, horizon, n, mean, statistic, pValue, verdict);
    }

    private static double[] lossDifferential(Forecast a, Forecast b, LossFunction loss) {
        Map<LocalDate, Prediction> bByDate = b.predictions().stream()
                .collect(Collectors.toMap(Prediction::date, Function.identity(), (first, second) -> first));
        List<Double> differences = new ArrayList<>();
        for (Prediction pa : a.predictions()) {
            Prediction pb = bByDate.get(pa.date());
            if (pb != null) {
                differences.add(ForecastLoss.of(pa, loss) - ForecastLoss.of(pb, loss));
            }
        }
        return differences.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double longRunVariance(double[] d, double mean, int horizon) {
        double variance = autocovariance(d, mean, 0);
        for (int lag = 1; lag < horizon; lag++) {
            variance += 2 * autocovariance(d, mean, lag);
        }
        return variance;
    }

    private static double autocovariance(double[] d, double mean, int lag) {
        double sum = 0;
        for (int t = lag; t < d.length; t++) {
            sum += (d[t] - mean) * (d[t - lag] - mean);
        }
        return sum / d.length;
    }
}
