package io.vixlab.report.stats;

import io.vixlab.contracts.report.ConfidenceSet.Statistic;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.report.stats.ModelConfidenceSetResult.Member;
import io.vixlab.report.stats.ModelConfidenceSetResult.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The model confidence set (MCS) of Hansen, Lunde and Nason (2011, Econometrica 79(2), 453-497):
 * the forecasts that cannot be told from the best one at a given level, from their losses
 * {@code L_{i,t}} on the days all of them cover ({@link ForecastLoss}).
 *
 * <p>Starting with all forecasts, each step tests that the forecasts still in the set {@code M}
 * have equal expected loss; the elimination rule removes the worst one, and the steps go on until
 * one is left. A step's p-value is the share of bootstrap statistics above the observed one; a
 * forecast's MCS p-value is the largest step p-value up to the step that removed it (the running
 * maximum), 1 for the last one. The 1-α set is the forecasts with MCS p-value ≥ α: the procedure at
 * level α stops at the first step whose p-value is at least α, and every forecast removed before
 * it had all p-values so far below α.
 *
 * <p>The bootstrap, as HLN implement it: for each resample {@code b} of the days,
 * {@code ζ*_{b,i} = L̄*_{b,i} - L̄_i}, the resample's mean loss of forecast i minus the sample's.
 * The same resamples serve every step.
 *
 * <ul>
 *   <li>{@link Statistic#T_MAX} (the default): {@code d̄_{i·} = L̄_i - mean_{j∈M} L̄_j},
 *       {@code var(d̄_{i·}) = B⁻¹ Σ_b (ζ*_{b,i} - mean_{j∈M} ζ*_{b,j})²},
 *       {@code t_{i·} = d̄_{i·} / sqrt(var)}, {@code T_max = max_i t_{i·}}, bootstrap
 *       {@code T*_b = max_i (ζ*_{b,i} - mean_{j∈M} ζ*_{b,j}) / sqrt(var)}; the rule e_max removes
 *       the forecast with the largest {@code t_{i·}}: the one whose loss stands out most above the
 *       set's average.</li>
 *   <li>{@link Statistic#T_R}: {@code t_{ij} = (L̄_i - L̄_j) / sqrt(var(d̄_{ij}))},
 *       {@code var(d̄_{ij}) = B⁻¹ Σ_b (ζ*_{b,i} - ζ*_{b,j})²}, {@code T_R = max_{i,j∈M} |t_{ij}|},
 *       bootstrap {@code T*_b = max_{i,j} |ζ*_{b,i} - ζ*_{b,j}| / sqrt(var)}; the rule e_R removes
 *       the forecast with the largest {@code max_j t_{ij}}.</li>
 * </ul>
 *
 * <p>These are the formulas of arch's {@code arch.bootstrap.MCS} (methods "max" and "R"), against
 * which the tests check this class. Two degenerate cases, where arch divides 0 by 0: a difference
 * that is 0 standardizes to 0 whatever its variance, and when the forecasts left in the set have
 * the same loss on every day (identical forecasts) the procedure stops, as nothing can tell them
 * apart: they stay in the set with p-value 1. A difference that is not 0 but has no variance (one
 * forecast's loss exceeds another's by the same amount every day) gives an infinite statistic and
 * a p-value of 0.
 */
public final class ModelConfidenceSet {

    /** The 90% set: forecasts with an MCS p-value of at least 0.10. */
    public static final double ALPHA_90 = 0.10;
    /** The 75% set: forecasts with an MCS p-value of at least 0.25. */
    public static final double ALPHA_75 = 0.25;
    public static final int DEFAULT_REPLICATIONS = 5000;
    /** Any fixed number would do (this one is the paper's year); fixed, a report is reproducible. */
    public static final long DEFAULT_SEED = 2011;

    private final Statistic statistic;
    private final int replications;
    private final BootstrapIndices bootstrap;

    public ModelConfidenceSet(Statistic statistic, int replications, BootstrapIndices bootstrap) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1, was " + replications);
        }
        this.statistic = statistic;
        this.replications = replications;
        this.bootstrap = bootstrap;
    }

    /**
     * T_max, {@value #DEFAULT_REPLICATIONS} replications of a moving-block bootstrap with the
     * default block length, seeded with {@value #DEFAULT_SEED}.
     */
    public static ModelConfidenceSet standard() {
        return new ModelConfidenceSet(
                Statistic.T_MAX, DEFAULT_REPLICATIONS, MovingBlockBootstrap.withDefaultBlockLength(DEFAULT_SEED));
    }

    /**
     * @param forecasts at least two, with distinct names; compared on the days all of them cover
     * @throws IllegalArgumentException for fewer than two forecasts or fewer than two common days,
     *     a repeated name, a day predicted twice, a loss that is not finite, or resamples of the
     *     wrong shape
     */
    public ModelConfidenceSetResult compute(List<Forecast> forecasts, LossFunction loss) {
        if (forecasts.size() < 2) {
            throw new IllegalArgumentException(
                    "a model confidence set needs at least two forecasts, got " + forecasts.size());
        }
        List<Forecast> aligned = CommonDays.of(forecasts);
        int k = aligned.size();
        int days = aligned.get(0).predictions().size();
        if (days < 2) {
            throw new IllegalArgumentException(
                    "a model confidence set needs at least two days all forecasts cover, got " + days);
        }
        double[][] losses = new double[k][];
        double[] meanLoss = new double[k];
        for (int i = 0; i < k; i++) {
            losses[i] = losses(aligned.get(i), loss);
            meanLoss[i] = Arrays.stream(losses[i]).average().orElseThrow();
        }
        double[][] zeta = bootstrapMeanDeviations(losses, meanLoss, resamples(days));

        boolean[] active = new boolean[k];
        Arrays.fill(active, true);
        int remaining = k;
        List<Step> steps = new ArrayList<>();
        int[] eliminatedAt = new int[k];
        while (remaining > 1 && !identicalLosses(losses, active)) {
            StepTest test = statistic == Statistic.T_MAX
                    ? tMax(meanLoss, zeta, active)
                    : tR(meanLoss, zeta, active);
            List<String> eliminated = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                if (active[i] && test.scores[i] == test.statistic) {
                    active[i] = false;
                    remaining--;
                    eliminatedAt[i] = steps.size() + 1;
                    eliminated.add(aligned.get(i).name());
                }
            }
            steps.add(new Step(steps.size() + 1, eliminated, test.statistic, test.pValue));
        }
        return new ModelConfidenceSetResult(
                loss, statistic, days, replications, members(aligned, meanLoss, eliminatedAt, steps), steps);
    }

    private static double[] losses(Forecast forecast, LossFunction loss) {
        List<Prediction> predictions = forecast.predictions();
        double[] losses = new double[predictions.size()];
        for (int t = 0; t < losses.length; t++) {
            losses[t] = ForecastLoss.of(predictions.get(t), loss);
            if (!Double.isFinite(losses[t])) {
                throw new IllegalArgumentException("forecast " + forecast.name() + " has a loss of " + losses[t]
                        + " on " + predictions.get(t).date());
            }
        }
        return losses;
    }

    private int[][] resamples(int days) {
        int[][] resamples = bootstrap.draw(days, replications);
        if (resamples.length != replications) {
            throw new IllegalArgumentException(
                    "the bootstrap drew " + resamples.length + " resamples instead of " + replications);
        }
        for (int[] resample : resamples) {
            if (resample.length != days || Arrays.stream(resample).anyMatch(t -> t < 0 || t >= days)) {
                throw new IllegalArgumentException(
                        "a bootstrap resample is not " + days + " indices into 0.." + (days - 1) + ": "
                                + Arrays.toString(resample));
            }
        }
        return resamples;
    }

    /** {@code ζ*_{b,i}}: resample b's mean loss of forecast i minus the sample's. */
    private static double[][] bootstrapMeanDeviations(double[][] losses, double[] meanLoss, int[][] resamples) {
        double[][] zeta = new double[resamples.length][losses.length];
        for (int b = 0; b < resamples.length; b++) {
            for (int i = 0; i < losses.length; i++) {
                double sum = 0;
                for (int t : resamples[b]) {
                    sum += losses[i][t];
                }
                zeta[b][i] = sum / resamples[b].length - meanLoss[i];
            }
        }
        return zeta;
    }

    private static boolean identicalLosses(double[][] losses, boolean[] active) {
        double[] first = null;
        for (int i = 0; i < losses.length; i++) {
            if (active[i]) {
                if (first == null) {
                    first = losses[i];
                } else if (!Arrays.equals(first, losses[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @param scores    per forecast still in the set, the value its elimination rule ranks it by
     *     ({@code t_{i·}} or {@code max_j t_{ij}}); the largest is removed
     * @param statistic T_max or T_R, the largest score
     */
    private record StepTest(double[] scores, double statistic, double pValue) {
    }

    private static StepTest tMax(double[] meanLoss, double[][] zeta, boolean[] active) {
        int k = meanLoss.length;
        double[] variance = new double[k];
        for (double[] z : zeta) {
            double centre = activeMean(z, active);
            for (int i = 0; i < k; i++) {
                if (active[i]) {
                    variance[i] += (z[i] - centre) * (z[i] - centre) / zeta.length;
                }
            }
        }
        double[] sd = Arrays.stream(variance).map(Math::sqrt).toArray();
        double centreLoss = activeMean(meanLoss, active);
        double[] scores = new double[k];
        for (int i = 0; i < k; i++) {
            scores[i] = active[i] ? standardized(meanLoss[i] - centreLoss, sd[i]) : Double.NEGATIVE_INFINITY;
        }
        double observed = Arrays.stream(scores).max().orElseThrow();
        int above = 0;
        for (double[] z : zeta) {
            double centre = activeMean(z, active);
            double simulated = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                if (active[i]) {
                    simulated = Math.max(simulated, standardized(z[i] - centre, sd[i]));
                }
            }
            if (simulated > observed) {
                above++;
            }
        }
        return new StepTest(scores, observed, (double) above / zeta.length);
    }

    private static StepTest tR(double[] meanLoss, double[][] zeta, boolean[] active) {
        int k = meanLoss.length;
        double[][] sd = new double[k][k];
        for (double[] z : zeta) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    sd[i][j] += (z[i] - z[j]) * (z[i] - z[j]) / zeta.length;
                }
            }
        }
        for (double[] row : sd) {
            Arrays.setAll(row, j -> Math.sqrt(row[j]));
        }
        double[] scores = new double[k];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (active[i] && active[j]) {
                    scores[i] = Math.max(scores[i], standardized(meanLoss[i] - meanLoss[j], sd[i][j]));
                }
            }
        }
        double observed = Arrays.stream(scores).max().orElseThrow();
        int above = 0;
        for (double[] z : zeta) {
            double simulated = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (active[i] && active[j]) {
                        simulated = Math.max(simulated, standardized(z[i] - z[j], sd[i][j]));
                    }
                }
            }
            if (simulated > observed) {
                above++;
            }
        }
        return new StepTest(scores, observed, (double) above / zeta.length);
    }

    private static double activeMean(double[] values, boolean[] active) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (active[i]) {
                sum += values[i];
                count++;
            }
        }
        return sum / count;
    }

    /** A zero difference is no evidence whatever its variance; a nonzero one without variance is infinite. */
    private static double standardized(double difference, double sd) {
        return difference == 0 ? 0 : difference / sd;
    }

    private static List<Member> members(
            List<Forecast> aligned, double[] meanLoss, int[] eliminatedAt, List<Step> steps) {
        double[] runningMax = new double[steps.size() + 2];
        for (Step step : steps) {
            runningMax[step.number()] = Math.max(runningMax[step.number() - 1], step.pValue());
        }
        int survivorsOrder = steps.size() + 1;
        runningMax[survivorsOrder] = 1;
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < aligned.size(); i++) {
            int order = eliminatedAt[i] == 0 ? survivorsOrder : eliminatedAt[i];
            double pValue = runningMax[order];
            members.add(new Member(aligned.get(i).name(), meanLoss[i], pValue, order,
                    pValue >= ALPHA_90, pValue >= ALPHA_75));
        }
        return members;
    }
}
