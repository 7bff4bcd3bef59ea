package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.tuner.study.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gaussian-process Bayesian optimization for a minimized objective, in the spirit of Optuna 4's
 * {@code GPSampler}. Until {@code nStartupTrials} trials are COMPLETE it samples like
 * {@link RandomSampler} with the same seed. After that it standardizes the complete trials'
 * values, fits a {@link GaussianProcess} (Matérn-5/2, one lengthscale per parameter, kernel
 * parameters by maximum a posteriori) on their {@link NormalizedSpace} coordinates, and proposes
 * the point that maximizes log expected improvement over the best value
 * ({@link LogExpectedImprovement}, {@link AcquisitionOptimizer}).
 *
 * <p>Trials in flight and pruned ones join as the "kriging believer" batch rule: at their points
 * the process is told its own posterior mean, which leaves the mean where it was and removes the
 * uncertainty there, so that trials asked for while others run spread out, and a point that was
 * pruned is not proposed again. (Optuna's GPSampler ignores pruned trials and, for running ones,
 * averages over sampled outcomes; the believer needs no sampling and no state.)
 *
 * <p>Deterministic for a seed and the trial history: the trials are read in number order, the
 * fit starts from fixed parameters, and the only randomness (the Sobol sequence's shift) comes from
 * the seed and the trial number.
 */
public final class GpSampler implements Sampler {

    /** Optuna's {@code GPSampler} default. */
    private static final int STARTUP_TRIALS = 10;
    /** Optuna adds this to the posterior variance so that log EI stays finite at observed points. */
    private static final double STABILIZING_NOISE = 1e-12;
    private static final int PRELIMINARY_SAMPLES = 2_048;
    private static final int LOCAL_SEARCHES = 10;
    private static final int FIT_EVALUATIONS = 400;

    private final long seed;
    private final RandomSampler startupSampler;

    public GpSampler(long seed) {
        this.seed = seed;
        this.startupSampler = new RandomSampler(seed);
    }

    @Override
    public Map<String, Object> sample(SearchSpace space, List<FrozenTrial> trials, int trialNumber) {
        NormalizedSpace normalized = new NormalizedSpace(space);
        List<FrozenTrial> ordered = trials.stream().sorted(Comparator.comparingInt(FrozenTrial::number)).toList();
        List<double[]> completeX = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<double[]> believedX = new ArrayList<>();
        for (FrozenTrial trial : ordered) {
            Optional<double[]> x = normalized.encode(trial.params());
            if (x.isEmpty()) {
                continue;
            }
            if (trial.state() == TrialState.COMPLETE && Double.isFinite(trial.value().orElseThrow())) {
                completeX.add(x.get());
                values.add(trial.value().orElseThrow());
            } else if (trial.state() == TrialState.RUNNING || trial.state() == TrialState.PRUNED) {
                believedX.add(x.get());
            }
        }
        if (completeX.size() < STARTUP_TRIALS || normalized.dimensions() == 0) {
            return startupSampler.sample(space, trials, trialNumber);
        }
        double[] y = standardized(values);
        double[][] x = completeX.toArray(double[][]::new);
        GaussianProcess fitted = GaussianProcess.fit(x, y, normalized.categorical(), FIT_EVALUATIONS);
        GaussianProcess process = believed(fitted, believedX.toArray(double[][]::new));
        int bestIndex = argMin(y);
        double best = y[bestIndex];
        double[] point = new AcquisitionOptimizer(normalized, PRELIMINARY_SAMPLES, LOCAL_SEARCHES).maximize(
                candidate -> {
                    GaussianProcess.Posterior posterior = process.posterior(candidate);
                    return LogExpectedImprovement.of(posterior.mean(), posterior.variance() + STABILIZING_NOISE, best);
                },
                List.of(x[bestIndex]), TrialRandom.forTrial(seed, trialNumber));
        return normalized.decode(point);
    }

    /** The kriging believer: the fitted process told its own posterior mean at each of {@code points}. */
    private static GaussianProcess believed(GaussianProcess fitted, double[][] points) {
        if (points.length == 0) {
            return fitted;
        }
        double[] means = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            means[i] = fitted.posterior(points[i]).mean();
        }
        return fitted.withObservations(points, means);
    }

    /** (value - mean) / standard deviation, as Optuna's {@code _standardize_values}. */
    private static double[] standardized(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElseThrow();
        double deviation = Math.max(1e-10, Math.sqrt(variance));
        return values.stream().mapToDouble(v -> (v - mean) / deviation).toArray();
    }

    private static int argMin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }
}
