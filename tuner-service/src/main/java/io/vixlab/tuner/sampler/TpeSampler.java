package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.study.FrozenTrial;
import io.vixlab.contracts.training.TrialState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Tree-structured Parzen Estimator for a minimized objective, following Optuna 3.x's
 * {@code TPESampler} with its defaults (univariate unless built {@link Builder#multivariate}). Until
 * {@code nStartupTrials} trials are COMPLETE or PRUNED it samples like {@link RandomSampler} with
 * the same seed. After that, for each parameter on its own, it splits the finished trials into the
 * gamma(n) best ("below") and the rest ("above"), fits a {@link ParzenEstimator} l(x) to the
 * below group and g(x) to the above group, draws {@code nEiCandidates} candidates from l and keeps
 * the one that maximizes log l(x) - log g(x).
 *
 * <p>Multivariate (Optuna's {@code multivariate=True}): l and g are joint densities over every
 * parameter that has more than one value ({@link MultivariateParzenEstimator}), candidates are
 * drawn jointly and scored by log l(x) - log g(x) of the whole point. Only trials with a valid value
 * for every one of those parameters are observations. Optuna's {@code group} option, which splits
 * a conditional space into the groups of parameters that appear together, has nothing to split
 * here: every trial of an architecture has every parameter of its space.
 *
 * <p>With the constant liar, RUNNING trials that already have parameters join the above group,
 * as if they had the worst value, so that trials asked for while others run spread out.
 */
public final class TpeSampler implements Sampler {

    private final long seed;
    private final int nStartupTrials;
    private final int nEiCandidates;
    private final IntUnaryOperator gamma;
    private final boolean constantLiar;
    private final boolean multivariate;
    private final ParzenEstimatorParameters estimatorParameters;
    private final RandomSampler startupSampler;

    private TpeSampler(Builder builder) {
        this.seed = builder.seed;
        this.nStartupTrials = builder.nStartupTrials;
        this.nEiCandidates = builder.nEiCandidates;
        this.gamma = builder.gamma;
        this.constantLiar = builder.constantLiar;
        this.multivariate = builder.multivariate;
        this.estimatorParameters = new ParzenEstimatorParameters(
                builder.priorWeight, builder.considerMagicClip, builder.considerEndpoints, builder.weights);
        this.startupSampler = new RandomSampler(seed);
    }

    /** A sampler with Optuna's defaults and the given seed. */
    public static TpeSampler withSeed(long seed) {
        return builder().seed(seed).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Optuna's {@code default_gamma}: the number of trials in the below group, min(ceil(0.1 n), 25). */
    public static int defaultGamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /**
     * Optuna's {@code default_weights}: equal weights for fewer than 25 observations; beyond that,
     * the newest 25 weigh 1 and the older ones ramp linearly from 1/n up to 1.
     */
    public static double[] defaultWeights(int n) {
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0);
        int rampLength = n - 25;
        for (int i = 0; i < rampLength; i++) {
            // numpy.linspace(1/n, 1, n - 25)
            weights[i] = rampLength == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (rampLength - 1);
        }
        return weights;
    }

    @Override
    public Map<String, Object> sample(SearchSpace space, List<FrozenTrial> trials, int trialNumber) {
        List<FrozenTrial> finished = trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED)
                .toList();
        if (finished.size() < nStartupTrials) {
            return startupSampler.sample(space, trials, trialNumber);
        }
        List<FrozenTrial> running = constantLiar
                ? trials.stream().filter(t -> t.state() == TrialState.RUNNING).toList()
                : List.of();
        TpeSplit split = TpeSplit.of(finished, running, gamma.applyAsInt(finished.size()));
        SplittableRandom rng = TrialRandom.forTrial(seed, trialNumber);
        if (multivariate) {
            return sampleJointly(space, split, rng);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParamSpec spec : space.params()) {
            params.put(spec.name(), ParamValues.onlyValue(spec).orElseGet(() -> sampleParam(spec, split, rng)));
        }
        return params;
    }

    private Object sampleParam(ParamSpec spec, TpeSplit split, SplittableRandom rng) {
        ParzenEstimator below = ParzenEstimator.build(spec, TpeSplit.observations(spec, split.below()), estimatorParameters);
        ParzenEstimator above = ParzenEstimator.build(spec, TpeSplit.observations(spec, split.above()), estimatorParameters);
        double[] candidates = below.sample(rng, nEiCandidates);
        int best = bestCandidate(below.logPdf(candidates), above.logPdf(candidates));
        return ParamValues.toExternal(spec, candidates[best]);
    }

    private Map<String, Object> sampleJointly(SearchSpace space, TpeSplit split, SplittableRandom rng) {
        List<ParamSpec> joint = space.params().stream().filter(p -> ParamValues.onlyValue(p).isEmpty()).toList();
        MultivariateParzenEstimator below = MultivariateParzenEstimator.build(
                joint, TpeSplit.jointObservations(joint, split.below()), estimatorParameters);
        MultivariateParzenEstimator above = MultivariateParzenEstimator.build(
                joint, TpeSplit.jointObservations(joint, split.above()), estimatorParameters);
        double[][] candidates = below.sample(rng, nEiCandidates);
        int best = bestCandidate(below.logPdf(candidates), above.logPdf(candidates));
        Map<String, Object> params = new LinkedHashMap<>();
        int dimension = 0;
        for (ParamSpec spec : space.params()) {
            Object only = ParamValues.onlyValue(spec).orElse(null);
            params.put(spec.name(), only != null ? only : ParamValues.toExternal(spec, candidates[best][dimension++]));
        }
        return params;
    }

    /** The candidate that maximizes log l(x) - log g(x), the first of equals. */
    private static int bestCandidate(double[] logBelow, double[] logAbove) {
        int best = 0;
        for (int i = 1; i < logBelow.length; i++) {
            if (logBelow[i] - logAbove[i] > logBelow[best] - logAbove[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Optuna's {@code TPESampler} arguments that apply to single-objective TPE without conditional parameters. */
    public static final class Builder {

        private long seed = ThreadLocalRandom.current().nextLong();
        private int nStartupTrials = 10;
        private int nEiCandidates = 24;
        private IntUnaryOperator gamma = TpeSampler::defaultGamma;
        private IntFunction<double[]> weights = TpeSampler::defaultWeights;
        private double priorWeight = 1.0;
        private boolean considerMagicClip = true;
        private boolean considerEndpoints = false;
        private boolean constantLiar = false;
        private boolean multivariate = false;

        private Builder() {
        }

        /** Without one, the seed is random. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder nStartupTrials(int nStartupTrials) {
            this.nStartupTrials = requireAtLeast("nStartupTrials", nStartupTrials, 0);
            return this;
        }

        public Builder nEiCandidates(int nEiCandidates) {
            this.nEiCandidates = requireAtLeast("nEiCandidates", nEiCandidates, 1);
            return this;
        }

        /** n finished trials -> how many of them form the below group. */
        public Builder gamma(IntUnaryOperator gamma) {
            this.gamma = gamma;
            return this;
        }

        /** n observations, oldest first -> their non-negative weights. */
        public Builder weights(IntFunction<double[]> weights) {
            this.weights = weights;
            return this;
        }

        public Builder priorWeight(double priorWeight) {
            if (!(priorWeight > 0) || Double.isInfinite(priorWeight)) {
                throw new IllegalArgumentException("priorWeight must be positive and finite, got " + priorWeight);
            }
            this.priorWeight = priorWeight;
            return this;
        }

        public Builder considerMagicClip(boolean considerMagicClip) {
            this.considerMagicClip = considerMagicClip;
            return this;
        }

        public Builder considerEndpoints(boolean considerEndpoints) {
            this.considerEndpoints = considerEndpoints;
            return this;
        }

        public Builder constantLiar(boolean constantLiar) {
            this.constantLiar = constantLiar;
            return this;
        }

        /** Optuna's {@code multivariate}: one joint density over all parameters instead of one per parameter. */
        public Builder multivariate(boolean multivariate) {
            this.multivariate = multivariate;
            return this;
        }

        public TpeSampler build() {
            return new TpeSampler(this);
        }

        private static int requireAtLeast(String name, int value, int minimum) {
            if (value < minimum) {
                throw new IllegalArgumentException(name + " must be >= " + minimum + ", got " + value);
            }
            return value;
        }
    }
}
